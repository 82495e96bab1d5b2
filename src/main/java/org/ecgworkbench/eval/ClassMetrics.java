package org.ecgworkbench.eval;

import java.util.Objects;

/**
 * The metrics of one output class, as scikit-learn 1.2 defines them.
 *
 * <p>Precision, recall and F1 follow {@code precision_recall_fscore_support} with its default
 * {@code zero_division} (an undefined ratio counts as 0, e.g. a class never predicted has
 * precision 0), except for a class with no positive record and no positive output: there all
 * three are 0/0 and are NaN (written as {@code null}; the averages still count them as sklearn's 0).
 * AUROC is {@code roc_auc_score}, NaN when the class has no positive or no
 * negative record (sklearn refuses those). AUPRC is {@code average_precision_score} (the step
 * sum Σ (Rₙ − Rₙ₋₁) Pₙ, not the trapezoid), 0 when the class has no positive, as sklearn 1.2
 * returns. NaN never reaches JSON: it is written as {@code null}.
 *
 * @param code      the canonical SNOMED CT code of the class
 * @param abbrev    the class label, e.g. {@code CRBBB|RBBB}
 * @param support   records with the class in their labels
 * @param threshold the decision threshold used (probability ≥ threshold is positive); NaN when
 *                  the binary outputs did not come from thresholds (e.g. {@code score})
 */
public record ClassMetrics(String code, String abbrev, double precision, double recall, double f1,
                           int support, double auroc, double auprc, double threshold) {
    public ClassMetrics {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(abbrev, "abbrev");
        if (support < 0) throw new IllegalArgumentException("negative support " + support);
    }
}
