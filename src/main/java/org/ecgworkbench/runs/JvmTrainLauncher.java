package org.ecgworkbench.runs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code <java.home>/bin/java -Xmx… -cp <java.class.path> org.ecgworkbench.Main train …}: the same
 * engine as the command line, in a JVM of its own, so a crash or an out-of-memory never takes the
 * workbench down and each run picks its own ND4J backend. OpenMP threads wait passively: on a small
 * machine their spinning would starve the workbench.
 *
 * <p>The child starts in its run folder, so the class path and every path argument are made absolute
 * against the workbench's working directory first ({@link TrainPaths}): started as the README says,
 * {@code java -jar target/ecg-workbench.jar}, the class path is the relative {@code target/ecg-workbench.jar}
 * (the jar's manifest {@code Class-Path} of {@code lib/…} jars then resolves against the jar's own
 * folder). In the packaged app image the launcher already gives absolute jars; under Maven the class
 * path is absolute too. The {@code train} command needs no JavaFX, so a module path is not passed on.
 */
public final class JvmTrainLauncher implements TrainLauncher {
    /** ND4J's memory is native; the heap only holds the data index and events (STACK.md: 1 GB is plenty). */
    static final String HEAP = "-Xmx1g";

    @Override
    public ProcessBuilder command(List<String> trainArguments) {
        ProcessBuilder pb = new ProcessBuilder(commandLine(Path.of(System.getProperty("java.home")),
                System.getProperty("java.class.path"), Path.of(System.getProperty("user.dir")), trainArguments));
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        return pb;
    }

    /** The child's command line, with the class path and path arguments resolved against {@code workingDirectory}. */
    static List<String> commandLine(Path javaHome, String classPath, Path workingDirectory, List<String> trainArguments) {
        Path base = workingDirectory.toAbsolutePath();
        List<String> cmd = new ArrayList<>();
        cmd.add(javaHome.resolve("bin").resolve("java").toString());
        cmd.add(HEAP);
        cmd.add("-cp");
        cmd.add(TrainPaths.classPath(classPath, base));
        cmd.add("org.ecgworkbench.Main");
        cmd.add("train");
        cmd.addAll(TrainPaths.arguments(trainArguments, base));
        return cmd;
    }
}
