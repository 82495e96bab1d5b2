package org.ecgworkbench.eval;

import java.nio.file.Path;
import org.ecgworkbench.record.FileFormatException;

/**
 * A malformed evaluation input: a challenge output CSV, a weights table, a saved report. The
 * message always names the file and, where it applies, the line or field, so a user can fix it.
 */
public final class EvalFileFormatException extends FileFormatException {
    private static final long serialVersionUID = 1L;


    public EvalFileFormatException(Path file, String location, String problem) {
        super(file, location, problem, fileName(file)
                + (location == null || location.isEmpty() ? "" : ": " + location) + ": " + problem, null);
    }

    /** Where in the file, e.g. "line 3, column 5"; null when the whole file is at fault. */
    public String location() {
        return place();
    }
}
