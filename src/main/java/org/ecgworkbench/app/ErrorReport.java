package org.ecgworkbench.app;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Instant;

/**
 * What the error dialog shows and copies for an uncaught exception: when, on which thread, the software
 * version, where the log is, and the stack trace with its causes.
 *
 * @param time     when it was caught
 * @param thread   the thread's name
 * @param version  the software version
 * @param logFile  the log file it was also written to, or null without one
 * @param error    the exception
 */
public record ErrorReport(Instant time, String thread, String version, Path logFile, Throwable error) {

    /** The one-line summary: the exception's type and message. */
    public String summary() {
        String message = error.getMessage();
        return error.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    /** The text "Copy details" puts on the clipboard (and the dialog's expandable part). */
    public String details() {
        StringWriter trace = new StringWriter();
        error.printStackTrace(new PrintWriter(trace));
        return "ECG Workbench " + version + System.lineSeparator()
                + "time: " + time + System.lineSeparator()
                + "thread: " + thread + System.lineSeparator()
                + "log: " + (logFile == null ? "(none)" : logFile.toString()) + System.lineSeparator()
                + System.lineSeparator() + trace;
    }
}
