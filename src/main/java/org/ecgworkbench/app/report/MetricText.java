package org.ecgworkbench.app.report;

import java.util.Locale;

/** How the report room writes a metric: the format, or "—" where the metric is undefined (NaN), never "NaN". */
public final class MetricText {
    public static final String UNDEFINED = "—";

    private MetricText() {
    }

    /** {@code format} applied to the value (−0 written as 0), or {@link #UNDEFINED} for NaN. */
    public static String of(double value, String format) {
        return Double.isNaN(value) ? UNDEFINED : String.format(Locale.ROOT, format, value + 0.0);
    }
}
