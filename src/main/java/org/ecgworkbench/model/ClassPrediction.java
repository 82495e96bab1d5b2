package org.ecgworkbench.model;

/**
 * One class's result for a record.
 *
 * @param code        canonical SNOMED CT code of the class
 * @param abbrev      its label, e.g. {@code CRBBB|RBBB}
 * @param name        its name from the diagnosis catalogue
 * @param probability the pooled probability (maximum over windows)
 * @param threshold   the class's decision threshold from the bundle
 * @param predicted   {@code probability >= threshold}
 */
public record ClassPrediction(String code, String abbrev, String name, double probability, double threshold, boolean predicted) {
}
