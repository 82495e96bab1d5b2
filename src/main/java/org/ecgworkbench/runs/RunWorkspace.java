package org.ecgworkbench.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.InvalidPathException;
import org.ecgworkbench.record.AtomicFiles;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * The folder that keeps the runs: {@code <workspace>/runs/<id>/}, one run folder each. The workspace
 * is the system property {@code ecg.workspace} when set (tests point it at {@code target/}), else
 * {@code ~/ecg-workbench}: run folders hold checkpoints and models, too big for the config folder.
 */
public record RunWorkspace(Path root) {
    public static final String PROPERTY = "ecg.workspace";
    /** The file in the app's config folder naming the workspace the user chose. */
    static final String CHOICE_FILE = "workspace";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss", Locale.ROOT);

    public RunWorkspace {
        root = root.toAbsolutePath().normalize();
    }

    /**
     * The workspace to open: {@code -Decg.workspace=DIR} when given, else the one the user chose last
     * (a line in the app's config folder, see {@link #remember}), else {@code ~/ecg-workbench}.
     */
    public static RunWorkspace resolve() {
        String override = System.getProperty(PROPERTY);
        if (override != null && !override.isBlank()) return new RunWorkspace(Path.of(override));
        Path chosen = AppConfigDir.resolve().resolve(CHOICE_FILE);
        try {
            if (Files.isRegularFile(chosen)) {
                String line = Files.readString(chosen).strip();
                if (!line.isEmpty()) return new RunWorkspace(Path.of(line));
            }
        } catch (IOException | InvalidPathException e) {
            // An unreadable choice falls back to the default: the runs room says where it looks.
        }
        return new RunWorkspace(Path.of(System.getProperty("user.home"), "ecg-workbench"));
    }

    /** Keeps this workspace as the one to open next time (temp file, then rename). */
    public void remember() throws IOException {
        byte[] line = (root + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(AppConfigDir.resolve().resolve(CHOICE_FILE), true, out -> out.write(line));
    }

    public Path runs() {
        return root.resolve("runs");
    }

    /**
     * Creates a new, empty run folder named from the time and the label, e.g.
     * {@code 20261126-142501-resnet18-adam}; a suffix keeps two runs of the same second apart.
     */
    public Path newRunFolder(String label, LocalDateTime now) throws IOException {
        Files.createDirectories(runs());
        // A default name starts with the time ("14:05 ResNet18…"), which the folder's stamp already holds.
        String base = STAMP.format(now) + slug(label.replaceFirst("^\\d\\d:\\d\\d\\s+", ""));
        for (int n = 1; ; n++) {
            Path candidate = runs().resolve(n == 1 ? base : base + "-" + n);
            try {
                // createDirectory fails if the name is taken, so two callers never share a folder.
                return Files.createDirectory(candidate);
            } catch (FileAlreadyExistsException taken) {
                // try the next suffix
            }
        }
    }

    /** The run folders in the workspace, oldest first (names start with the time). */
    public List<Path> runFolders() throws IOException {
        if (!Files.isDirectory(runs())) return List.of();
        List<Path> folders = new ArrayList<>();
        try (Stream<Path> entries = Files.list(runs())) {
            entries.filter(Files::isDirectory).sorted().forEach(folders::add);
        }
        return folders;
    }

    /** Lower-case letters, digits and dashes, at most 40 characters, with a leading dash; empty for an empty label. */
    static String slug(String label) {
        String s = label.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 40) s = s.substring(0, 40).replaceAll("-+$", "");
        return s.isEmpty() ? "" : "-" + s;
    }
}
