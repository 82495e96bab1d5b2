package org.ecgworkbench.train;

import java.util.Locale;

/**
 * How {@code train} reports progress: not part of a run's configuration (a resumed run may report
 * differently), but part of the request the app makes of a child ({@code jsonl}).
 */
public enum ProgressMode {
    /** One JSON event per line on standard output (what the workbench reads from its children). */
    JSONL,
    /** A progress bar (the default on a terminal). */
    BAR,
    /** Nothing but the final lines. */
    NONE;

    /** The name on the command line. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; @throws IllegalArgumentException naming the choices */
    public static ProgressMode parse(String text) {
        for (ProgressMode m : values()) {
            if (m.key().equalsIgnoreCase(text == null ? "" : text)) return m;
        }
        throw new IllegalArgumentException("expected jsonl, bar or none, got " + text);
    }
}
