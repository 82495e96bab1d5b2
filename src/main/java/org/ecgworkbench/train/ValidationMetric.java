package org.ecgworkbench.train;

import java.util.Optional;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.Metric;

/**
 * What picks the best epoch and drives early stopping: one of the report's {@link Metric}s on the
 * validation part, or the validation loss.
 */
public enum ValidationMetric {
    CHALLENGE_SCORE(Metric.CHALLENGE_SCORE), F1_MACRO(Metric.F1_MACRO), AUROC_MACRO(Metric.AUROC_MACRO), VAL_LOSS(null);

    /** The validation loss's name beside the report metrics' keys. */
    private static final String LOSS_KEY = "val_loss";

    /** Null for the loss, which is no report metric. */
    private final Metric metric;

    ValidationMetric(Metric metric) {
        this.metric = metric;
    }

    /** The report metric it is, or empty for the validation loss. */
    public Optional<Metric> reportMetric() {
        return Optional.ofNullable(metric);
    }

    public boolean higherIsBetter() {
        return metric != null && metric.higherIsBetter();
    }

    public double of(EvaluationReport report, double validationLoss) {
        return metric == null ? validationLoss : metric.of(report);
    }

    /** Whether {@code candidate} beats {@code best}; NaN never does, and anything beats a NaN best. */
    public boolean improves(double candidate, double best) {
        if (Double.isNaN(candidate)) return false;
        if (Double.isNaN(best)) return true;
        return higherIsBetter() ? candidate > best : candidate < best;
    }

    /** The name used in JSON and on the command line, e.g. {@code challenge_score}: the metric's key. */
    public String key() {
        return metric == null ? LOSS_KEY : metric.key();
    }
}
