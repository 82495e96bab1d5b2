package org.ecgworkbench.runs;

import java.time.Duration;
import java.util.Locale;

/** How the runs room and {@code runs} write numbers: blank for NaN (not measured), fixed digits otherwise. */
public final class RunFormats {
    private RunFormats() {
    }

    public static String number(double v, int digits) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%." + digits + "f", v) : "";
    }

    /** A learning rate such as {@code 1e-3} or {@code 3e-4}. */
    public static String rate(double v) {
        if (!Double.isFinite(v)) return "";
        String s = String.format(Locale.ROOT, "%.3g", v);
        return v < 0.01 ? String.format(Locale.ROOT, "%.0e", v).replace("e-0", "e-") : s;
    }

    public static String throughput(double samplesPerSecond) {
        return Double.isFinite(samplesPerSecond) ? String.format(Locale.ROOT, "%.1f samples/s", samplesPerSecond) : "–";
    }

    /** h:mm:ss, or a dash when unknown. */
    public static String duration(Duration d) {
        if (d == null) return "–";
        long s = d.toSeconds();
        return String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60);
    }
}
