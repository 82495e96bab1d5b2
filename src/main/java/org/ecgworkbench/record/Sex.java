package org.ecgworkbench.record;

import java.util.Locale;
import java.util.Optional;

/** Sex as recorded in a header; unknown values are represented by an empty Optional. */
public enum Sex {
    MALE("Male"),
    FEMALE("Female");

    private final String label;

    Sex(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts Male/Female/M/F in any case (and a MATLAB char like "Male "); anything else is unknown. */
    public static Optional<Sex> parse(String text) {
        if (text == null) return Optional.empty();
        switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "male", "m" -> { return Optional.of(MALE); }
            case "female", "f" -> { return Optional.of(FEMALE); }
            default -> { return Optional.empty(); }
        }
    }
}
