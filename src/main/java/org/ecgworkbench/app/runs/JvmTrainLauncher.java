package org.ecgworkbench.app.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <java.home>/bin/java -Xmx… -cp <java.class.path> org.ecgworkbench.Main train …}: the same
 * engine as the command line, in a JVM of its own, so a crash or an out-of-memory never takes the
 * workbench down and each run picks its own ND4J backend. OpenMP threads wait passively: on a small
 * machine their spinning would starve the workbench.
 */
public final class JvmTrainLauncher implements TrainLauncher {
    /** ND4J's memory is native; the heap only holds the data index and events (STACK.md: 1 GB is plenty). */
    static final String HEAP = "-Xmx1g";

    @Override
    public ProcessBuilder command(List<String> trainArguments) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add(HEAP);
        cmd.add("-cp");
        cmd.add(System.getProperty("java.class.path"));
        cmd.add("org.ecgworkbench.Main");
        cmd.add("train");
        cmd.addAll(trainArguments);
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return pb;
    }
}
