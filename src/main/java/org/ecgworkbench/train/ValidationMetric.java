package org.ecgworkbench.train;

import java.util.Locale;
import org.ecgworkbench.eval.EvaluationReport;

/** What picks the best epoch and drives early stopping. */
public enum ValidationMetric {
    CHALLENGE_SCORE(true), F1_MACRO(true), AUROC_MACRO(true), VAL_LOSS(false);

    private final boolean higherIsBetter;

    ValidationMetric(boolean higherIsBetter) {
        this.higherIsBetter = higherIsBetter;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    public double of(EvaluationReport report, double validationLoss) {
        return switch (this) {
            case CHALLENGE_SCORE -> report.challengeScore();
            case F1_MACRO -> report.f1Macro();
            case AUROC_MACRO -> report.aurocMacro();
            case VAL_LOSS -> validationLoss;
        };
    }

    /** Whether {@code candidate} beats {@code best}; NaN never does, and anything beats a NaN best. */
    public boolean improves(double candidate, double best) {
        if (Double.isNaN(candidate)) return false;
        if (Double.isNaN(best)) return true;
        return higherIsBetter ? candidate > best : candidate < best;
    }

    /** The name used in JSON and on the command line, e.g. {@code challenge_score}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
