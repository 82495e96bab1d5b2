package org.ecgworkbench.record;

import java.nio.file.Path;

/**
 * The one error a malformed record ends in. Its message always names the file and,
 * where it applies, the line or field at fault, so a user can fix the input.
 */
public final class RecordFormatException extends FileFormatException {
    private static final long serialVersionUID = 1L;


    public RecordFormatException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    public RecordFormatException(Path file, String location, String problem, Throwable cause) {
        super(file, location, problem, format(file, location, problem), cause);
    }

    /** Where in the file: "line 3, field gain", "byte 24", or null when the whole file is at fault. */
    public String location() {
        return place();
    }

    private static String format(Path file, String location, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(fileName(file));
        if (location != null && !location.isEmpty()) {
            sb.append(": ").append(location);
        }
        return sb.append(": ").append(problem).toString();
    }
}
