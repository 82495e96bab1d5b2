package org.ecgworkbench.record;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The one error a malformed record ends in. Its message always names the file and,
 * where it applies, the line or field at fault, so a user can fix the input.
 */
public final class RecordFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String location;

    public RecordFormatException(Path file, String location, String problem) {
        this(file, location, problem, null);
    }

    public RecordFormatException(Path file, String location, String problem, Throwable cause) {
        super(format(file, location, problem), cause);
        this.file = file;
        this.location = location;
    }

    /** The file at fault (may be null for in-memory input). */
    public Path file() {
        return file;
    }

    /** Where in the file: "line 3, field gain", "byte 24", or null when the whole file is at fault. */
    public String location() {
        return location;
    }

    private static String format(Path file, String location, String problem) {
        StringBuilder sb = new StringBuilder();
        sb.append(file == null ? "<input>" : file.toString());
        if (location != null && !location.isEmpty()) {
            sb.append(": ").append(location);
        }
        return sb.append(": ").append(problem).toString();
    }
}
