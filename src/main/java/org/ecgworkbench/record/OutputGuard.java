package org.ecgworkbench.record;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The rule "an output is never one of the inputs", kept in one place. While a command runs it holds a
 * {@link Scope}; every reader reports the files it reads ({@link #protect}: headers and signal files
 * when a header is parsed, model bundles, pipeline and split files), and every writer asks
 * {@link #check} before it writes (through {@link AtomicFiles}). A target that is, or resolves to
 * (symbolic link, hard link, {@code ..}), a protected file is refused, {@code --force} or not.
 *
 * <p>Files are compared by their file key (device and inode on POSIX, so hard links match) or, where the
 * file system has none, by their real path. Outside a scope nothing is recorded; the desktop app holds one
 * for its whole session ({@link #openForDesktop}).
 */
public final class OutputGuard {

    private static final Set<Scope> OPEN = ConcurrentHashMap.newKeySet();

    private OutputGuard() {
    }

    /** Opens the guard for one command; close it when the command ends. */
    public static Scope open() {
        return open("this command's input files", ", even with --force");
    }

    /**
     * Opens the guard for the desktop workbench's session: every file a window reads (records, model
     * bundles, reports) is protected from the window's own save actions until the app closes.
     */
    public static synchronized Scope openForDesktop() {
        // One per JVM: a second window (or a test starting the app again) shares the session's scope.
        for (Scope s : OPEN) if (s.desktop) return s;
        return open("the files open in the workbench", "");
    }

    private static Scope open(String inputsAre, String evenWith) {
        Scope scope = new Scope(inputsAre, evenWith);
        OPEN.add(scope);
        return scope;
    }

    /** Records files the running command reads; a no-op outside a scope. */
    public static void protect(Path... files) {
        if (OPEN.isEmpty()) return;
        for (Path f : files) {
            if (f == null) continue;
            for (Scope s : OPEN) s.pending.add(f);
        }
    }

    public static void protect(Collection<Path> files) {
        protect(files.toArray(Path[]::new));
    }

    /**
     * Refuses a target that is one of the inputs recorded so far.
     *
     * @throws FileAlreadyExistsException naming the target and the input it would replace
     */
    public static void check(Path target) throws FileAlreadyExistsException {
        if (OPEN.isEmpty() || !Files.exists(target)) return; // a file that does not exist is no input
        Object key = identity(target);
        if (key == null) return;
        for (Scope s : OPEN) {
            Path input = s.inputFor(key);
            if (input != null) {
                String same = input.toAbsolutePath().normalize().equals(target.toAbsolutePath().normalize())
                        ? "" : " (" + input + ")";
                throw new FileAlreadyExistsException(target.toString(), null,
                        "is one of " + s.inputsAre + same + "; an input is never replaced" + s.evenWith + ": choose another output");
            }
        }
    }

    /** The file's key (device + inode where available), else its real path; null when it cannot be read. */
    private static Object identity(Path file) {
        try {
            Object key = Files.readAttributes(file, BasicFileAttributes.class).fileKey();
            return key != null ? key : file.toRealPath();
        } catch (IOException e) {
            return null;
        }
    }

    /** The inputs of one running command. */
    public static final class Scope implements AutoCloseable {
        private final Queue<Path> pending = new ConcurrentLinkedQueue<>();
        private final Map<Object, Path> inputs = new ConcurrentHashMap<>();
        private final String inputsAre;
        private final String evenWith;

        private final boolean desktop;

        private Scope(String inputsAre, String evenWith) {
            this.inputsAre = inputsAre;
            this.evenWith = evenWith;
            this.desktop = evenWith.isEmpty();
        }

        /** Identities are taken when first needed, so a scan of many headers costs nothing until a write. */
        private Path inputFor(Object key) {
            for (Path p; (p = pending.poll()) != null; ) {
                Object k = identity(p);
                if (k != null) inputs.putIfAbsent(k, p);
            }
            Path input = inputs.get(key);
            // An input deleted since it was read may have left its inode to a new, unrelated file: only an
            // input that is still there under that identity counts (a long desktop session sees this).
            if (input != null && !key.equals(identity(input))) {
                inputs.remove(key, input);
                return null;
            }
            return input;
        }

        @Override
        public void close() {
            OPEN.remove(this);
        }
    }
}
