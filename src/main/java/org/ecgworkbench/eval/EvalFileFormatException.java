package org.ecgworkbench.eval;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A malformed evaluation input: a challenge output CSV, a weights table, a saved report. The
 * message always names the file and, where it applies, the line or field, so a user can fix it.
 */
public final class EvalFileFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String location;

    public EvalFileFormatException(Path file, String location, String problem) {
        super((file == null ? "<input>" : file.toString())
                + (location == null || location.isEmpty() ? "" : ": " + location) + ": " + problem);
        this.file = file;
        this.location = location;
    }

    /** The file at fault (null for in-memory input). */
    public Path file() {
        return file;
    }

    /** Where in the file, e.g. "line 3, column 5"; null when the whole file is at fault. */
    public String location() {
        return location;
    }
}
