package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.Metric;
import org.junit.jupiter.api.Test;

/** The early-stopping metric: three of the report's metrics, under their registry keys, plus the validation loss. */
class ValidationMetricTest {
    private static final EvaluationReport REPORT = new EvaluationReport(3, 0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18,
            0.19, 0.20, 0.21, List.of());

    @Test
    void keysAreTheRegistryKeysAndValLoss() {
        assertThat(List.of(ValidationMetric.values())).extracting(ValidationMetric::key)
                .containsExactly("challenge_score", "f1_macro", "auroc_macro", "val_loss");
        assertThat(ValidationMetric.CHALLENGE_SCORE.reportMetric()).contains(Metric.CHALLENGE_SCORE);
        assertThat(ValidationMetric.VAL_LOSS.reportMetric()).isEmpty();
    }

    @Test
    void valuesComeFromTheReportOrTheLoss() {
        assertThat(ValidationMetric.CHALLENGE_SCORE.of(REPORT, 9)).isEqualTo(0.11);
        assertThat(ValidationMetric.AUROC_MACRO.of(REPORT, 9)).isEqualTo(0.12);
        assertThat(ValidationMetric.F1_MACRO.of(REPORT, 9)).isEqualTo(0.19);
        assertThat(ValidationMetric.VAL_LOSS.of(REPORT, 9)).isEqualTo(9);
    }

    @Test
    void metricsImproveUpwardsTheLossDownwardsAndNaNNever() {
        assertThat(ValidationMetric.F1_MACRO.improves(0.5, 0.4)).isTrue();
        assertThat(ValidationMetric.F1_MACRO.improves(0.4, 0.4)).isFalse();
        assertThat(ValidationMetric.VAL_LOSS.improves(0.3, 0.4)).isTrue();
        assertThat(ValidationMetric.VAL_LOSS.improves(0.5, 0.4)).isFalse();
        assertThat(ValidationMetric.CHALLENGE_SCORE.improves(Double.NaN, 0.1)).isFalse();
        assertThat(ValidationMetric.CHALLENGE_SCORE.improves(-1, Double.NaN)).isTrue();
    }
}
