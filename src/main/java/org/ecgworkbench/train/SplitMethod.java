package org.ecgworkbench.train;

import java.util.Locale;

/** How the records are split into training, validation and test parts. */
public enum SplitMethod {
    /** Train/validation/test fractions (the dissertation's 60/20/20). */
    HOLDOUT,
    /** K folds: one tests, the next validates, the rest train. */
    KFOLD;

    /** The name in {@code config.json} and {@code split.json} ({@code holdout}, {@code kfold}). */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** @throws IllegalArgumentException naming the choices */
    public static SplitMethod parse(String text) {
        for (SplitMethod m : values()) {
            if (m.key().equalsIgnoreCase(text == null ? "" : text.trim())) return m;
        }
        throw new IllegalArgumentException("expected holdout or kfold, got " + text);
    }
}
