package org.ecgworkbench.runs;

import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.train.ProgressMode;
import org.ecgworkbench.train.RunFolder;

/** Turns {@code train} arguments into the command that runs them (a child JVM in the app). */
@FunctionalInterface
public interface TrainLauncher {

    /** @param trainArguments the arguments after {@code train}, with {@code --out}/{@code --resume} and {@code --progress jsonl} */
    ProcessBuilder command(List<String> trainArguments);

    /** A new run whose folder holds its {@code config.json}: {@code --config RUN/config.json --out RUN --progress jsonl}. */
    static List<String> newRun(Path folder) {
        RunFolder run = new RunFolder(folder);
        return List.of("--config", run.config().toString(), "--out", run.root().toString(), "--progress", ProgressMode.JSONL.key());
    }

    /** A stopped run continued from its last checkpoint: {@code --resume RUN --progress jsonl}. */
    static List<String> resume(Path folder) {
        return List.of("--resume", folder.toString(), "--progress", ProgressMode.JSONL.key());
    }
}
