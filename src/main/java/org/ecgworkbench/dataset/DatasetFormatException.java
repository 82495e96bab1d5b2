package org.ecgworkbench.dataset;

import java.nio.file.Path;
import org.ecgworkbench.record.FileFormatException;

/**
 * A dataset file this package wrote (a split manifest, a tensor cache) that does not read back:
 * the message names the file and the field at fault, so a user can tell what to fix or delete.
 */
public final class DatasetFormatException extends FileFormatException {
    private static final long serialVersionUID = 1L;


    public DatasetFormatException(Path file, String field, String problem) {
        this(file, field, problem, null);
    }

    public DatasetFormatException(Path file, String field, String problem, Throwable cause) {
        super(file, field, problem, fileName(file) + (field == null || field.isEmpty() ? "" : ": field '" + field + "'")
                + ": " + problem, cause);
    }

    /** The field at fault ("parts.train[3]", "header.magic"), or null when the whole file is. */
    public String field() {
        return place();
    }
}
