package org.ecgworkbench.app.measurements;

import java.util.Locale;
import java.util.OptionalDouble;

/** How the room prints a measured number: rounded as a cart prints it, and "—" when it could not be measured. */
final class Numbers {

    /** What an empty measurement reads as. */
    static final String NONE = "—";

    private Numbers() {
    }

    /** Whole numbers (ms, bpm, degrees). */
    static String whole(OptionalDouble v) {
        return v.isPresent() && Double.isFinite(v.getAsDouble()) ? whole(v.getAsDouble()) : NONE;
    }

    static String whole(double v) {
        if (!Double.isFinite(v)) return NONE;
        long rounded = Math.round(v);
        return String.valueOf(rounded == 0 ? 0 : rounded); // no "-0"
    }

    /** Millivolts to two decimals. */
    static String mv(OptionalDouble v) {
        if (v.isEmpty() || !Double.isFinite(v.getAsDouble())) return NONE;
        double x = Math.abs(v.getAsDouble()) < 0.005 ? 0 : v.getAsDouble();
        return String.format(Locale.ROOT, "%.2f", x);
    }
}
