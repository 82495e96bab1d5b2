package org.ecgworkbench.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes files the safe way: into a temporary file beside the target, then renamed onto it,
 * so a crash or a full disk never leaves a half-written file under the user's name.
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    private AtomicFiles() {
    }

    /**
     * Refuses, before anything is written, targets that exist when they may not be replaced, and targets
     * that are one of the running command's inputs ({@link OutputGuard}) even when they may: a command
     * writing several files checks them all first, so it never stops half-way.
     */
    public static void requireAbsent(boolean replace, Path... targets) throws FileAlreadyExistsException {
        for (Path target : targets) OutputGuard.check(target);
        if (replace) return;
        for (Path target : targets) {
            if (Files.exists(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "already exists (use --force to replace it)");
            }
        }
    }

    /**
     * Writes {@code target} atomically.
     *
     * @param replace whether an existing target may be replaced; if false and it exists, fails
     *                with {@link FileAlreadyExistsException} before anything is written. An input of the
     *                running command is never replaced.
     */
    public static void write(Path target, boolean replace, Content content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        requireAbsent(replace, target);
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try (OutputStream out = Files.newOutputStream(tmp)) {
                content.writeTo(out);
            }
            move(tmp, target, replace);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static void move(Path tmp, Path target, boolean replace) throws IOException {
        try {
            if (replace) {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } else {
                // ATOMIC_MOVE may replace silently on POSIX; check again just before.
                requireAbsent(false, target);
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
            }
        } catch (AtomicMoveNotSupportedException e) {
            if (replace) Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            else Files.move(tmp, target);
        }
    }
}
