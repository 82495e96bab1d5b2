package org.ecgworkbench.label;

import java.util.List;
import java.util.Objects;

/**
 * One output of a classifier: a scored diagnosis, or an equivalent pair of scored diagnoses
 * that the challenge counts as one (e.g. CRBBB {@code 713427006} and RBBB {@code 59118001}).
 *
 * @param index         position among {@link DiagnosisCatalogue#scoredClasses()}, 0-based
 * @param canonicalCode the code that stands for the class (the first of a pair)
 * @param codes         every code of the class, canonical first (one or two)
 * @param abbreviations the abbreviation of each code, in the order of {@code codes}
 * @param name          the name of each code, joined with {@code " / "} when there are two
 */
public record ScoredClass(int index, String canonicalCode, List<String> codes, List<String> abbreviations, String name) {

    public ScoredClass {
        Objects.requireNonNull(canonicalCode, "canonicalCode");
        Objects.requireNonNull(name, "name");
        codes = List.copyOf(codes);
        abbreviations = List.copyOf(abbreviations);
        if (index < 0) throw new IllegalArgumentException("negative index " + index);
        if (codes.isEmpty() || !codes.get(0).equals(canonicalCode)) {
            throw new IllegalArgumentException("codes must start with the canonical code " + canonicalCode + ": " + codes);
        }
        if (abbreviations.size() != codes.size()) {
            throw new IllegalArgumentException("one abbreviation per code expected: " + codes + " vs " + abbreviations);
        }
    }

    /** The abbreviations joined with {@code |}, e.g. {@code CRBBB|RBBB}: a short column or axis label. */
    public String label() {
        return String.join("|", abbreviations);
    }

    public boolean hasCode(String code) {
        return codes.contains(code);
    }
}
