package org.ecgworkbench.record;

import java.io.IOException;

/**
 * A limit of the machine, not of the input, stands in the way: not enough disk space for what a command
 * would write, or not enough memory for a record. The command line reports it in one line with exit 3.
 */
public class ResourceLimitException extends IOException {
    public ResourceLimitException(String message) {
        super(message);
    }

    public ResourceLimitException(String message, Throwable cause) {
        super(message, cause);
    }
}
