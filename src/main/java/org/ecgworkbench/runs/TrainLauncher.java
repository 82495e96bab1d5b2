package org.ecgworkbench.runs;

import java.util.List;

/** Turns {@code train} arguments into the command that runs them (a child JVM in the app). */
@FunctionalInterface
public interface TrainLauncher {

    /** @param trainArguments the arguments after {@code train}, with {@code --out}/{@code --resume} and {@code --progress jsonl} */
    ProcessBuilder command(List<String> trainArguments);
}
