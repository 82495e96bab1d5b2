package org.ecgworkbench.app;

import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Files handed to the program as its only arguments, as a desktop opens a {@code .hea} or an
 * {@code .ecgmodel} with the workbench (the installer registers both types): records to show and
 * models to use. Any other argument list is a command for the command line.
 */
public record LaunchFiles(List<Path> records, List<Path> models) {
    static final String MODEL_EXTENSION = ".ecgmodel";

    public LaunchFiles {
        records = List.copyOf(records);
        models = List.copyOf(models);
    }

    /** Whether every argument names an existing record file or model bundle (so the desktop app should open them). */
    public static boolean opensApp(String... args) {
        if (args.length == 0) return false;
        for (String a : args) {
            Path p = pathOf(a);
            if (p == null || !Files.isRegularFile(p) || !(RecordFiles.isRecordFile(p) || isModel(p))) return false;
        }
        return true;
    }

    /**
     * Sorts the arguments into records and models; anything else is ignored. A record file that is
     * gone by now is kept, so the viewer says it cannot open it rather than silently showing another.
     */
    public static LaunchFiles of(List<String> args) {
        List<Path> records = new ArrayList<>();
        List<Path> models = new ArrayList<>();
        for (String a : args) {
            Path p = pathOf(a);
            if (p == null || Files.isDirectory(p)) continue;
            if (isModel(p)) {
                if (Files.isRegularFile(p)) models.add(p.toAbsolutePath().normalize());
            } else if (RecordFiles.isRecordFile(p)) {
                records.add(p.toAbsolutePath().normalize());
            }
        }
        return new LaunchFiles(records, models);
    }

    private static boolean isModel(Path p) {
        return p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(MODEL_EXTENSION);
    }

    private static Path pathOf(String arg) {
        if (arg == null || arg.isBlank() || arg.startsWith("-")) return null;
        try {
            return Path.of(arg);
        } catch (InvalidPathException e) {
            return null;
        }
    }
}
