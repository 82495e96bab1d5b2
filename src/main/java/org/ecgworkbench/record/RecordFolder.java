package org.ecgworkbench.record;

import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * The folder a record's header lives in, and the only way to turn a file name read from inside a
 * record (a header's signal-file field, and later any other reference one file makes to another)
 * into a {@link Path}. A referenced file must stay inside the folder: no absolute path, no
 * {@code ..} segment, and its real path (symbolic links resolved) under the folder's real path,
 * so a crafted header cannot make any reader open {@code /etc/passwd} or another user's file.
 * A symbolic link inside the folder that points to a file inside it is fine.
 *
 * <p>Every refusal is a {@link RecordFormatException} naming the header and the field at fault.
 * The reference must also be an existing regular file; a folder, pipe, device or link loop is
 * named as what it is.
 */
public final class RecordFolder {

    private final Path headerFile;
    private final Path folder;

    private RecordFolder(Path headerFile) {
        this.headerFile = headerFile;
        Path parent = headerFile.toAbsolutePath().normalize().getParent();
        this.folder = parent == null ? headerFile.toAbsolutePath().getRoot() : parent;
    }

    /** The folder of this header file. */
    public static RecordFolder of(Path headerFile) {
        return new RecordFolder(headerFile);
    }

    public Path headerFile() {
        return headerFile;
    }

    /**
     * The file {@code name} refers to, checked to be a regular file inside this folder.
     *
     * @param name  the reference as written in the file (e.g. a signal line's first field)
     * @param field where it was written, for messages (e.g. "file of signal 3 (V1)")
     */
    public Path referencedFile(String name, String field) throws RecordFormatException {
        Path lexical = insideLexically(name, field);
        Path real;
        try {
            real = lexical.toRealPath();
        } catch (NoSuchFileException e) {
            if (Files.isSymbolicLink(lexical)) throw refuse(field, name, "is a symbolic link to a file that does not exist");
            throw refuse(field, name, "signal file " + name + " not found beside the header");
        } catch (FileSystemException e) {
            if (isLoop(e)) throw refuse(field, name, "is a symbolic link loop, not a file");
            throw new RecordFormatException(headerFile, field, "cannot open '" + name + "': " + e.getMessage(), e);
        } catch (IOException e) {
            throw new RecordFormatException(headerFile, field, "cannot open '" + name + "': " + e.getMessage(), e);
        }
        Path realFolder;
        try {
            realFolder = folder.toRealPath();
        } catch (IOException e) {
            throw new RecordFormatException(headerFile, null, "cannot resolve the header's folder: " + e.getMessage(), e);
        }
        if (!real.startsWith(realFolder)) {
            throw refuse(field, name, "leads out of the header's folder through a symbolic link "
                    + "(signal files must be inside the header's folder)");
        }
        String kind = FileKind.describe(real);
        if (kind != null) throw refuse(field, name, kind + ", not a signal file");
        return lexical;
    }

    /** The name resolved against the folder, refused when it is absolute, has a {@code ..} segment or is unusable. */
    private Path insideLexically(String name, String field) throws RecordFormatException {
        if (name.isEmpty()) throw refuse(field, name, "is empty");
        if (name.startsWith("/") || name.startsWith("\\") || (name.length() > 1 && name.charAt(1) == ':')) {
            throw refuse(field, name, "is an absolute path (signal files must be inside the header's folder)");
        }
        // Both separators: a header written on Windows may use either, and "..\\" must not pass there.
        for (String segment : name.split("[/\\\\]")) {
            if (segment.equals("..")) {
                throw refuse(field, name, "has a '..' segment (signal files must be inside the header's folder)");
            }
        }
        Path relative;
        try {
            relative = folder.getFileSystem().getPath(name);
        } catch (InvalidPathException e) {
            throw refuse(field, name, "is not a usable file name here (" + e.getReason() + ")");
        }
        if (relative.isAbsolute() || relative.getRoot() != null) {
            throw refuse(field, name, "is an absolute path (signal files must be inside the header's folder)");
        }
        Path resolved = folder.resolve(relative).normalize();
        if (!resolved.startsWith(folder) || resolved.equals(folder)) {
            throw refuse(field, name, "does not name a file inside the header's folder");
        }
        // Keep the header's own spelling (relative or not) so messages show the path the user gave.
        return headerFile.resolveSibling(relative);
    }

    private RecordFormatException refuse(String field, String name, String problem) {
        String shown = name.length() > 80 ? name.substring(0, 80) + "…" : name;
        String text = problem.startsWith("signal file ") ? problem : "'" + shown + "' " + problem;
        return new RecordFormatException(headerFile, field, text);
    }

    static boolean isLoop(FileSystemException e) {
        String reason = e.getReason();
        return reason != null && (reason.contains("symbolic links") || reason.contains("ELOOP"));
    }

    /** What a path that is not a regular file is, in words; null for a regular file. */
    static final class FileKind {
        private FileKind() {
        }

        static String describe(Path path) {
            BasicFileAttributes a;
            try {
                a = Files.readAttributes(path, BasicFileAttributes.class);
            } catch (FileSystemException e) {
                if (isLoop(e)) return "is a symbolic link loop";
                return e instanceof NoSuchFileException ? "does not exist" : "cannot be read (" + e.getMessage() + ")";
            } catch (IOException e) {
                return "cannot be read (" + e.getMessage() + ")";
            }
            if (a.isRegularFile()) return null;
            if (a.isDirectory()) return "is a folder";
            return "is " + special(path);
        }

        /** A FIFO, device or socket, by the Unix file mode where the file system reports one. */
        private static String special(Path path) {
            try {
                int mode = (Integer) Files.getAttribute(path, "unix:mode", LinkOption.NOFOLLOW_LINKS);
                return switch (mode & 0170000) {
                    case 0010000 -> "a named pipe (FIFO)";
                    case 0020000 -> "a character device";
                    case 0060000 -> "a block device";
                    case 0140000 -> "a socket";
                    default -> "not a regular file";
                };
            } catch (IOException | UnsupportedOperationException | IllegalArgumentException | ClassCastException e) {
                return "not a regular file (a pipe, device or socket)";
            }
        }
    }
}
