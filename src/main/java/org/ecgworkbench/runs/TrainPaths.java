package org.ecgworkbench.runs;

import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Makes the file and folder arguments of a {@code train} child absolute. The child starts in its run
 * folder, not in the workbench's working directory, so a relative path (a class-path entry of
 * {@code java -jar target/ecg-workbench.jar}, a data folder or pipeline file in a hand-edited
 * version-1 {@code queue.json}) would name something else there. Resolved against the workbench's
 * working directory, they name what the user meant. The paths inside a {@code config.json} are made
 * absolute where the configuration is built ({@code TrainingConfig}), for the same reason.
 */
final class TrainPaths {
    /**
     * The {@code train} options that take a file or folder ({@code --data} a comma-separated list); a test
     * holds this to every {@code Path} option of {@code TrainCommand}.
     */
    static final Set<String> PATH_OPTIONS = Set.of("--data", "--out", "--config", "--resume", "--pipeline", "--cache-dir");
    /** Options whose value is a comma-separated list of paths ({@code split = ","} in the command). */
    private static final Set<String> LIST_OPTIONS = Set.of("--data");

    private TrainPaths() {
    }

    /** The class path with each entry absolute; an empty entry (the current directory, to Java) becomes {@code base}. */
    static String classPath(String classPath, Path base) {
        return Arrays.stream(classPath.split(File.pathSeparator, -1))
                .map(entry -> entry.isEmpty() ? base.toString() : absolute(entry, base))
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** The arguments with the value of every path option absolute, in both {@code --opt value} and {@code --opt=value} forms. */
    static List<String> arguments(List<String> trainArguments, Path base) {
        List<String> out = new ArrayList<>(trainArguments.size());
        String pending = null;
        for (String arg : trainArguments) {
            if (pending != null) {
                out.add(value(pending, arg, base));
                pending = null;
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            if (!PATH_OPTIONS.contains(name)) {
                out.add(arg);
            } else if (eq > 0) {
                out.add(name + "=" + value(name, arg.substring(eq + 1), base));
            } else {
                out.add(arg);
                pending = name;
            }
        }
        if (pending != null) throw new IllegalArgumentException(pending + " needs a value");
        return List.copyOf(out);
    }

    private static String value(String option, String value, Path base) {
        if (!LIST_OPTIONS.contains(option)) return absolute(value, base);
        return Arrays.stream(value.split(",", -1)).map(v -> v.isEmpty() ? v : absolute(v, base)).collect(Collectors.joining(","));
    }

    private static String absolute(String path, Path base) {
        // Not normalised: "lib/*" (a class-path wildcard) and symbolic links keep their meaning.
        return base.resolve(path).toString();
    }
}
