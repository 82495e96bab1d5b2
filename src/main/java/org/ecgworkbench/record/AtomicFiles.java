package org.ecgworkbench.record;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFileAttributeView;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Writes files the safe way: into a temporary file beside the target, then renamed onto it,
 * so a crash or a full disk never leaves a half-written file under the user's name.
 *
 * <p>The temporary file is named {@code .<target>.ecgwb-<pid>-<random>.tmp}. While it is being written it is
 * listed in a registry that a shutdown hook empties on SIGTERM or Ctrl-C, so a killed command leaves no
 * hidden file behind; one killed harder (SIGKILL, power loss) leaves one whose process is gone, and the next
 * write into that folder removes it. The temporary file is created as {@link Files#newOutputStream} creates
 * any file (0666 less the umask), and a replaced file keeps its permissions, so the output's permissions
 * are those of a file written in place.
 */
public final class AtomicFiles {

    /** Writes the content of a file. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the content of a file to a path, for libraries that write files rather than streams. */
    @FunctionalInterface
    public interface FileContent {
        void writeTo(Path file) throws IOException;
    }

    /** Our temporary files: the target's name, the writing process, a random part. */
    private static final Pattern TEMP_NAME = Pattern.compile("^\\..+\\.ecgwb-(\\d+)-\\d+\\.tmp$");
    /** A temporary file this old is stale even if a process of its pid is alive (the pid was reused). */
    static final Duration STALE_AFTER = Duration.ofHours(24);

    private static final Set<Path> IN_FLIGHT = ConcurrentHashMap.newKeySet();
    private static final Set<Path> SWEPT = ConcurrentHashMap.newKeySet();
    private static final AtomicBoolean HOOK = new AtomicBoolean();
    private static volatile boolean cleanOnShutdown = true;

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
        writeFile(target, replace, tmp -> {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                content.writeTo(out);
            }
        });
    }

    /** As {@link #write(Path, boolean, Content)}, for content written to a file path. */
    public static void writeFile(Path target, boolean replace, FileContent content) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        if (dir == null || target.getFileName() == null) throw new IOException("not a file path: " + target);
        requireAbsent(replace, target);
        Files.createDirectories(dir);
        removeStaleTemporaryFiles(dir);
        Path tmp = createTemporary(dir, target.getFileName().toString());
        try {
            content.writeTo(tmp);
            keepPermissions(target, tmp);
            move(tmp, target, replace);
        } finally {
            try {
                Files.deleteIfExists(tmp);
            } finally {
                IN_FLIGHT.remove(tmp);
            }
        }
    }

    /**
     * Whether a SIGTERM removes the temporary files being written (default true). A command that finishes
     * its writes on SIGTERM itself (train writes its checkpoint) turns this off.
     */
    public static void cleanOnShutdown(boolean clean) {
        cleanOnShutdown = clean;
    }

    /** Temporary files being written now (for tests). */
    static Set<Path> inFlight() {
        return Set.copyOf(IN_FLIGHT);
    }

    /** Created empty, with the permissions of any new file (0666 less the umask), and registered for the shutdown hook. */
    private static Path createTemporary(Path dir, String name) throws IOException {
        installHook();
        String prefix = "." + name + ".ecgwb-" + ProcessHandle.current().pid() + "-";
        for (int attempt = 0; ; attempt++) {
            Path tmp = dir.resolve(prefix + Math.abs(ThreadLocalRandom.current().nextLong() % 1_000_000_000_000L) + ".tmp");
            IN_FLIGHT.add(tmp);
            try {
                Files.newOutputStream(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE).close();
                return tmp;
            } catch (FileAlreadyExistsException e) {
                IN_FLIGHT.remove(tmp);
                if (attempt > 100) throw e;
            } catch (IOException | RuntimeException e) {
                IN_FLIGHT.remove(tmp);
                throw e;
            }
        }
    }

    /** A replaced file keeps its permissions, as when it is overwritten in place. */
    private static void keepPermissions(Path target, Path tmp) throws IOException {
        if (!Files.exists(target)) return;
        PosixFileAttributeView old = Files.getFileAttributeView(target, PosixFileAttributeView.class);
        PosixFileAttributeView now = Files.getFileAttributeView(tmp, PosixFileAttributeView.class);
        if (old != null && now != null) now.setPermissions(old.readAttributes().permissions());
    }

    /**
     * Removes our temporary files left in {@code dir} by a process that is gone (or older than {@link #STALE_AFTER});
     * once per folder and process, so writing thousands of files into one folder lists it once.
     */
    static void removeStaleTemporaryFiles(Path dir) {
        if (!SWEPT.add(dir)) return;
        Instant staleBefore = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, ".*.ecgwb-*.tmp")) {
            for (Path f : files) {
                Matcher m = TEMP_NAME.matcher(f.getFileName().toString());
                if (!m.matches() || IN_FLIGHT.contains(f)) continue;
                long pid;
                try {
                    pid = Long.parseLong(m.group(1));
                } catch (NumberFormatException e) {
                    continue;
                }
                boolean alive = pid != ProcessHandle.current().pid() && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
                FileTime modified = Files.getLastModifiedTime(f);
                if (!alive || modified.toInstant().isBefore(staleBefore)) Files.deleteIfExists(f);
            }
        } catch (IOException e) {
            // Cleaning is a courtesy: an unreadable folder fails the write itself, with a better message.
        }
    }

    private static void installHook() {
        if (!HOOK.compareAndSet(false, true)) return;
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (!cleanOnShutdown) return;
            for (Path tmp : IN_FLIGHT) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException e) {
                    // Left for the next write into that folder to remove.
                }
            }
        }, "atomic-files-cleanup"));
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
