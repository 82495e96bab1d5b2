package org.ecgworkbench.model;

import java.nio.file.Path;
import org.ecgworkbench.record.FileFormatException;

/** A model bundle that cannot be used; the message names the file and the entry (and field) at fault. */
public final class ModelBundleException extends FileFormatException {
    private static final long serialVersionUID = 1L;

    public ModelBundleException(Path file, String entry, String message) {
        this(file, entry, message, null);
    }

    public ModelBundleException(Path file, String entry, String message, Throwable cause) {
        super(file, entry, message, file + (entry == null ? "" : ": entry '" + entry + "'") + ": " + message, cause);
    }

    /** The zip entry at fault, or null when the file as a whole is. */
    public String entry() {
        return place();
    }
}
