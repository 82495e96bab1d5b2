package org.ecgworkbench.cli;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress indicator on stderr, redrawn at most a few times a second, shown only when
 * a person is watching (a console is attached), so logs and pipes stay clean.
 */
final class TerminalProgress {
    private static final long REDRAW_NANOS = 200_000_000L;

    private final PrintWriter err;
    private final String what;
    private final boolean enabled;
    private long lastDraw;
    private boolean drawn;

    private TerminalProgress(PrintWriter err, String what, boolean enabled) {
        this.err = err;
        this.what = what;
        this.enabled = enabled;
    }

    static TerminalProgress forStderr(PrintWriter err, String what) {
        return new TerminalProgress(err, what, System.console() != null);
    }

    synchronized void update(long done, long total) {
        if (!enabled) return;
        long now = System.nanoTime();
        if (done < total && now - lastDraw < REDRAW_NANOS) return;
        lastDraw = now;
        int width = 30;
        int filled = total == 0 ? width : (int) (width * done / total);
        err.print(String.format(Locale.ROOT, "\r%s [%s%s] %d/%d", what, "#".repeat(filled), " ".repeat(width - filled), done, total));
        err.flush();
        drawn = true;
    }

    synchronized void finish() {
        if (enabled && drawn) {
            err.print("\r" + " ".repeat(what.length() + 50) + "\r");
            err.flush();
        }
    }
}
