package org.ecgworkbench.app.suggestions;

import java.util.Locale;
import org.ecgworkbench.model.ClassPrediction;

/**
 * One line of the suggested-diagnoses list, in the words a clinician reads: the diagnosis (name and
 * abbreviation), its probability as a bar against the class's threshold, whether the model suggests it
 * and whether the record's header names it.
 *
 * @param code        canonical SNOMED code of the class
 * @param abbrev      its label, e.g. {@code CRBBB|RBBB}
 * @param name        its full name
 * @param probability the model's probability
 * @param threshold   the class's decision threshold
 * @param predicted   probability ≥ threshold: the model suggests it
 * @param agreement   how it compares with the header's labels
 */
public record DiagnosisRow(String code, String abbrev, String name, double probability, double threshold, boolean predicted,
                           Agreement agreement) {

    /** The suggestion against the header's (scored) labels. */
    public enum Agreement {
        /** Suggested and in the header. */
        AGREES("suggested · in the header"),
        /** In the header, not suggested. */
        MISSED("in the header, not suggested"),
        /** Suggested, not in the header (which has labels). */
        EXTRA("suggested · not in the header"),
        /** Neither suggested nor in the header, or the header has no labels. */
        NONE("");

        private final String words;

        Agreement(String words) {
            this.words = words;
        }

        /** The row's words (empty for {@link #NONE}: {@link DiagnosisRow#words()} says suggested or not). */
        public String words() {
            return words;
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

    /** "IAVB · 1st degree av block" (the catalogue's name, as the header list shows it). */
    public String title() {
        return abbrev + " · " + name;
    }

    /** "suggested · in the header", "in the header, not suggested", "suggested · not in the header", "suggested", "not suggested". */
    public String words() {
        if (agreement != Agreement.NONE) return agreement.words();
        return predicted ? "suggested" : "not suggested";
    }

    /** Whether the header names it (suggested or not). */
    public boolean inHeader() {
        return agreement == Agreement.AGREES || agreement == Agreement.MISSED;
    }

    /** The bar's length: the probability, as a fraction of the bar. */
    public double barFraction() {
        return clamp(probability);
    }

    /** Where the threshold's tick sits on the bar. */
    public double tickFraction() {
        return clamp(threshold);
    }

    /** "0.87 (threshold 0.42)": the figures behind the bar. */
    public String figures() {
        return String.format(Locale.ROOT, "%.2f (threshold %.2f)", probability, threshold);
    }

    /** "IAVB  0.87 ≥ 0.42  suggested · in the header" (status lines, logs). */
    public String text() {
        return String.format(Locale.ROOT, "%s  %.2f %s %.2f  %s", abbrev, probability, predicted ? "≥" : "<", threshold, words());
    }

    private static double clamp(double v) {
        return Double.isNaN(v) ? 0 : Math.max(0, Math.min(1, v));
    }
}
