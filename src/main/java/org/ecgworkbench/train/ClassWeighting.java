package org.ecgworkbench.train;

import java.util.Locale;

/** How the loss weighs each class's positive term. */
public enum ClassWeighting {
    /** Every term weighs 1. */
    NONE,
    /** Each class's positives weigh its negative/positive ratio (capped). */
    POSITIVE;

    /** The name on the command line ({@code none}, {@code positive}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Case-insensitive; @throws IllegalArgumentException naming the choices */
    public static ClassWeighting parse(String text) {
        for (ClassWeighting w : values()) {
            if (w.key().equalsIgnoreCase(text == null ? "" : text)) return w;
        }
        throw new IllegalArgumentException("expected none or positive, got " + text);
    }
}
