package org.ecgworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finds the records in a folder (not its subfolders): one entry per record, by its header when it has one. */
public final class RecordFiles {

    private RecordFiles() {
    }

    /** Headers, plus {@code .mat} files without a header beside them, sorted by name. */
    public static List<Path> inFolder(Path folder) throws IOException {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path p : files.sorted().toList()) {
                String name = p.getFileName().toString();
                String lower = name.toLowerCase(Locale.ROOT);
                if (!Files.isRegularFile(p)) continue;
                if (lower.endsWith(".hea")) {
                    out.add(p);
                } else if (lower.endsWith(".mat")) {
                    Path header = p.resolveSibling(name.substring(0, name.length() - 4) + ".hea");
                    if (!Files.isRegularFile(header)) out.add(p);
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether a file looks like part of a record the reader can open. */
    public static boolean isRecordFile(Path p) {
        String lower = p.getFileName().toString().toLowerCase(Locale.ROOT);
        return lower.endsWith(".hea") || lower.endsWith(".mat") || lower.endsWith(".dat");
    }

    /** The record's name: the file name without extension. */
    public static String recordName(Path p) {
        String name = p.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }
}
