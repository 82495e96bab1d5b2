package org.ecgworkbench.record;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A file that does not read as its format says: the file, the place in it (a line, a field, a zip entry; null
 * when the whole file is at fault) and the problem. The base of every format error the engine raises
 * (records, dataset files, evaluation inputs, model bundles), so a caller can report any of them alike; each
 * subclass keeps its own message layout, which names the file and the place.
 */
public abstract class FileFormatException extends IOException {
    private static final long serialVersionUID = 1L;
    /** How a message names in-memory input, which has no file. */
    protected static final String NO_FILE = "<input>";

    private final transient Path file;
    private final String place;
    private final String problem;

    /**
     * @param message the whole message, as the subclass lays it out (it names {@code file} and {@code place})
     */
    protected FileFormatException(Path file, String place, String problem, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
        this.place = place;
        this.problem = problem;
    }

    /** The file at fault (null for in-memory input). */
    public Path file() {
        return file;
    }

    /** Where in the file, as the subclass names it (a line, a field, an entry); null when the whole file is at fault. */
    public String place() {
        return place;
    }

    /** What is wrong, without the file and the place. */
    public String problem() {
        return problem;
    }

    /** The file as a message names it. */
    protected static String fileName(Path file) {
        return file == null ? NO_FILE : file.toString();
    }
}
