package org.ecgworkbench.app;

import java.util.Locale;
import org.ecgworkbench.model.ClassPrediction;

/**
 * One line of the suggested-diagnoses list.
 *
 * @param code        canonical SNOMED code of the class
 * @param abbrev      its label, e.g. {@code CRBBB|RBBB}
 * @param name        its name
 * @param probability the model's probability
 * @param threshold   the class's decision threshold
 * @param predicted   probability ≥ threshold
 * @param agreement   how it compares with the header's labels
 */
public record DiagnosisRow(String code, String abbrev, String name, double probability, double threshold, boolean predicted,
                           Agreement agreement) {

    /** The prediction against the header's (scored) labels. */
    public enum Agreement {
        /** Predicted and in the header. */
        AGREES("✓ agrees"),
        /** In the header, not predicted. */
        MISSED("missed"),
        /** Predicted, not in the header. */
        EXTRA("extra"),
        /** Neither (or the header has no labels). */
        NONE("");

        private final String mark;

        Agreement(String mark) {
            this.mark = mark;
        }

        public String mark() {
            return mark;
        }

        static Agreement of(boolean predicted, boolean labelled, boolean haveLabels) {
            if (!haveLabels) return NONE;
            if (predicted && labelled) return AGREES;
            if (labelled) return MISSED;
            if (predicted) return EXTRA;
            return NONE;
        }
    }

    static DiagnosisRow of(ClassPrediction p, Agreement agreement) {
        return new DiagnosisRow(p.code(), p.abbrev(), p.name(), p.probability(), p.threshold(), p.predicted(), agreement);
    }

    /** "IAVB  0.87 ≥ 0.42  ✓ agrees". */
    public String text() {
        String mark = agreement.mark().isEmpty() ? "" : "  " + agreement.mark();
        return String.format(Locale.ROOT, "%s  %.2f %s %.2f%s", abbrev, probability, predicted ? "≥" : "<", threshold, mark);
    }
}
