package org.ecgworkbench.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.ecgworkbench.record.AtomicFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * The files and folders the user opened last, newest first, kept as a JSON array of paths in
 * {@code recent-files.json} of the config folder. A missing or unreadable file is an empty list:
 * losing the list must never stop the app.
 */
public final class RecentFiles {
    public static final int MAX = 10;

    private static final ObjectMapper JSON = new ObjectMapper();
    private final Path file;

    public RecentFiles(Path configDir) {
        this.file = configDir.resolve("recent-files.json");
    }

    public Path file() {
        return file;
    }

    public List<Path> load() {
        if (!Files.isRegularFile(file)) return List.of();
        try {
            String[] paths = JSON.readValue(file.toFile(), String[].class);
            List<Path> out = new ArrayList<>();
            for (String p : paths) {
                if (p != null && !p.isBlank() && out.size() < MAX) out.add(Path.of(p));
            }
            return List.copyOf(out);
        } catch (IOException | RuntimeException e) {
            return List.of();
        }
    }

    /** Puts {@code path} first (once) and saves; returns the new list. */
    public List<Path> remember(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(load());
        list.remove(abs);
        list.add(0, abs);
        while (list.size() > MAX) list.remove(list.size() - 1);
        save(list);
        return List.copyOf(list);
    }

    /** Drops {@code path} (a file that vanished) and saves; returns the new list. */
    public List<Path> forget(Path path) {
        Path abs = path.toAbsolutePath().normalize();
        List<Path> list = new ArrayList<>(load());
        if (list.remove(abs)) save(list);
        return List.copyOf(list);
    }

    private void save(List<Path> list) {
        try {
            byte[] json = JSON.writeValueAsBytes(list.stream().map(Path::toString).toArray(String[]::new));
            AtomicFiles.write(file, true, out -> out.write(json));
        } catch (IOException | RuntimeException e) {
            // Not worth interrupting the user for: the list is a convenience.
        }
    }
}
