package org.ecgworkbench.model;

import java.util.Objects;

/**
 * One output of a bundle's network: the class it predicts, how it is labelled, and the probability from which
 * it counts as present.
 *
 * @param code      the canonical SNOMED CT code of the class
 * @param label     its label ({@code ScoredClass#label()}, e.g. {@code CRBBB|RBBB}), stored as the bundle's abbreviation
 * @param threshold the decision threshold, in [0, 1]
 */
public record OutputClass(String code, String label, double threshold) {

    public OutputClass {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(label, "label");
        if (!(threshold >= 0 && threshold <= 1)) {
            throw new IllegalArgumentException("threshold of " + code + " must be in [0, 1], not " + threshold);
        }
    }

    public OutputClass withThreshold(double newThreshold) {
        return new OutputClass(code, label, newThreshold);
    }
}
