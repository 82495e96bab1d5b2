package org.ecgworkbench.record;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The twelve standard leads, in the order clinicians and the challenge present them. */
public enum LeadName {
    I("I"), II("II"), III("III"), AVR("aVR"), AVL("aVL"), AVF("aVF"),
    V1("V1"), V2("V2"), V3("V3"), V4("V4"), V5("V5"), V6("V6");

    public static final List<LeadName> STANDARD_ORDER = List.of(values());

    private final String label;

    LeadName(String label) {
        this.label = label;
    }

    /** The conventional spelling: {@code I}, {@code aVR}, {@code V1}. */
    public String label() {
        return label;
    }

    /** Recognises {@code AVR}, {@code avr}, {@code i}, {@code v1}, {@code Lead V1} ...; anything else is not a standard lead. */
    public static Optional<LeadName> parse(String text) {
        if (text == null) return Optional.empty();
        String t = text.strip().toUpperCase(Locale.ROOT);
        if (t.startsWith("LEAD ")) t = t.substring(5).strip();
        for (LeadName lead : values()) {
            if (lead.name().equals(t)) return Optional.of(lead);
        }
        return Optional.empty();
    }

    /** The standard spelling for a standard lead, otherwise the name as given (trimmed). */
    public static String normalise(String text) {
        return parse(text).map(LeadName::label).orElse(text == null ? "" : text.strip());
    }
}
