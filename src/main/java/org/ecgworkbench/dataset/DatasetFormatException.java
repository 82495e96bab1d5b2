package org.ecgworkbench.dataset;

import java.io.IOException;
import java.nio.file.Path;

/**
 * A dataset file this package wrote (a split manifest, a tensor cache) that does not read back:
 * the message names the file and the field at fault, so a user can tell what to fix or delete.
 */
public final class DatasetFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String field;

    public DatasetFormatException(Path file, String field, String problem) {
        this(file, field, problem, null);
    }

    public DatasetFormatException(Path file, String field, String problem, Throwable cause) {
        super((file == null ? "<input>" : file.toString()) + (field == null || field.isEmpty() ? "" : ": field '" + field + "'")
                + ": " + problem, cause);
        this.file = file;
        this.field = field;
    }

    /** The file at fault (null for in-memory input). */
    public Path file() {
        return file;
    }

    /** The field at fault ("parts.train[3]", "header.magic"), or null when the whole file is. */
    public String field() {
        return field;
    }
}
