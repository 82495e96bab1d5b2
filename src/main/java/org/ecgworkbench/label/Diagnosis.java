package org.ecgworkbench.label;

import java.util.Objects;

/**
 * One diagnosis of the challenge catalogue: a row of {@code dx_mapping_scored.csv} or
 * {@code dx_mapping_unscored.csv}.
 *
 * @param code         SNOMED CT concept identifier; kept as text because identifiers are names,
 *                     not quantities, and reach 18 digits (e.g. {@code 67741000119109})
 * @param abbreviation the challenge's short name ({@code IAVB}, {@code AF}, {@code CRBBB}, ...)
 * @param name         the {@code Dx} column, e.g. {@code 1st degree av block}
 * @param scored       whether the challenge metric scores it (one of the 27)
 */
public record Diagnosis(String code, String abbreviation, String name, boolean scored) {

    public Diagnosis {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(abbreviation, "abbreviation");
        Objects.requireNonNull(name, "name");
        if (!isSnomedCode(code)) throw new IllegalArgumentException("not a SNOMED CT identifier: " + code);
        if (abbreviation.isBlank()) throw new IllegalArgumentException("blank abbreviation for " + code);
        if (name.isBlank()) throw new IllegalArgumentException("blank name for " + code);
    }

    /**
     * Whether the text has the shape of a SNOMED CT identifier: 6 to 18 ASCII digits, no leading
     * zero (the SCTID rules). ASCII only on purpose: {@link Character#isDigit} would accept
     * Arabic-Indic or full-width digits, which no header writes. The check digit is not verified;
     * a mistyped code is reported as unknown rather than guessed at.
     */
    static boolean isSnomedCode(String text) {
        int n = text.length();
        if (n < 6 || n > 18 || text.charAt(0) == '0') return false;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') return false;
        }
        return true;
    }
}
