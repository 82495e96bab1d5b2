package org.ecgworkbench.app.suggestions;

import java.util.Locale;
import org.ecgworkbench.model.RealRecordEvaluation;

/**
 * What the panel says about a model's worth, from what its bundle carries ({@link RealRecordEvaluation}),
 * never from figures written into the view: a clinician should read what the model measurably does on
 * real ECGs, not its score on the kind of data it was trained on.
 */
public final class ModelNotice {

    static final String DEMONSTRATION = "Demonstration model, not for clinical use";
    static final String NOT_EVALUATED = "not evaluated on real records: how often its suggestions are right is unknown";

    private ModelNotice() {
    }

    /**
     * The warning line: e.g. "Demonstration model, not for clinical use: trained on synthetic records only;
     * on 180 real records 81 % of its suggestions were wrong (challenge score 0.18, AUROC 0.76)."
     */
    public static String of(boolean demonstration, RealRecordEvaluation e) {
        String measured = e == null ? NOT_EVALUATED : measured(e);
        return demonstration ? DEMONSTRATION + ": " + measured + "." : capitalised(measured) + ".";
    }

    private static String measured(RealRecordEvaluation e) {
        long wrong = Math.round(100 * e.wrongSuggestionShare());
        String share = e.wrongSuggestionShare() > 0.5 ? "most of its suggestions were wrong (" + wrong + " %)"
                : wrong + " % of its suggestions were wrong";
        return String.format(Locale.ROOT, "trained on %s; on %d real records %s, challenge score %.2f, AUROC %.2f",
                e.trainedOn(), e.records(), share, e.challengeScore(), e.aurocMacro());
    }

    /** The figures in full, with what they mean (the model details, shown on demand). */
    public static String details(RealRecordEvaluation e) {
        if (e == null) return "Real records: " + NOT_EVALUATED + ".";
        return String.format(Locale.ROOT, "Real records: %s, %d records, measured %s. Challenge score %.2f "
                        + "(0 = always \u201csinus rhythm\u201d, 1 = perfect), AUROC %.2f, F1 %.2f (macro); "
                        + "%.0f %% of its suggestions are in the records' headers.",
                e.data(), e.records(), e.measured(), e.challengeScore(), e.aurocMacro(), e.f1Macro(), 100 * e.precisionMicro());
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
