package org.ecgworkbench.record;

import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Locale;

/**
 * Finds a record's files from what a user typed: the {@code .hea}, a signal file
 * ({@code .mat}, {@code .dat}) or the record path without extension.
 *
 * @param header     the header file, or null when the record has none (CPSC 2018 original MAT v5)
 * @param signalFile the signal file given or found, or null when only a header was named
 */
public record RecordLocator(Path header, Path signalFile) {

    public static RecordLocator locate(Path path) throws RecordFormatException {
        String name = path.getFileName() == null ? "" : path.getFileName().toString();
        String lower = name.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".hea")) {
            requireFile(path, "header");
            return new RecordLocator(path, null);
        }
        int dot = name.lastIndexOf('.');
        String kind = notARegularFile(path);
        if (dot > 0 && kind != null && !Files.isDirectory(path)) {
            throw new RecordFormatException(path, null, kind + ", not a record file");
        }
        if (dot > 0 && Files.isRegularFile(path)) {
            Path header = path.resolveSibling(name.substring(0, dot) + ".hea");
            return new RecordLocator(Files.isRegularFile(header) ? header : null, path);
        }
        Path header = path.resolveSibling(name + ".hea");
        if (Files.isRegularFile(header)) return new RecordLocator(header, null);
        Path mat = path.resolveSibling(name + ".mat");
        if (Files.isRegularFile(mat)) return new RecordLocator(null, mat);
        if (Files.isDirectory(path)) {
            throw new RecordFormatException(path, null, "is a folder, not a record (use scan for folders)");
        }
        throw new RecordFormatException(path, null, "no such record: neither the file nor " + name + ".hea / " + name + ".mat exists");
    }

    /** What a path that exists (as a link at least) but is no regular file is, in words; null otherwise. */
    private static String notARegularFile(Path path) {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) return null;
        String kind = RecordFolder.FileKind.describe(path);
        return "does not exist".equals(kind) ? "is a symbolic link to a file that does not exist" : kind;
    }

    private static void requireFile(Path path, String what) throws RecordFormatException {
        String kind = notARegularFile(path);
        if (kind != null) throw new RecordFormatException(path, null, kind + ", not a " + what + " file");
        if (!Files.isRegularFile(path)) {
            throw new RecordFormatException(path, null, "no such " + what + " file");
        }
    }
}
