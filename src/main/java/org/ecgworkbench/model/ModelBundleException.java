package org.ecgworkbench.model;

import java.io.IOException;
import java.nio.file.Path;

/** A model bundle that cannot be used; the message names the file and the entry (and field) at fault. */
public final class ModelBundleException extends IOException {
    private static final long serialVersionUID = 1L;
    private final transient Path file;
    private final String entry;

    public ModelBundleException(Path file, String entry, String message) {
        this(file, entry, message, null);
    }

    public ModelBundleException(Path file, String entry, String message, Throwable cause) {
        super(file + (entry == null ? "" : ": entry '" + entry + "'") + ": " + message, cause);
        this.file = file;
        this.entry = entry;
    }

    public Path file() {
        return file;
    }

    /** The zip entry at fault, or null when the file as a whole is. */
    public String entry() {
        return entry;
    }
}
