package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class EvaluatorTest {
    private static final double[] HALF = filled(0.5);

    @Test
    void badInputIsRefusedWithWhatIsWrong() {
        assertThatThrownBy(() -> Evaluator.evaluate(new boolean[0][24], new float[0][24], HALF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no records");
        float[][] nan = new float[1][24];
        nan[0][7] = Float.NaN;
        assertThatThrownBy(() -> Evaluator.evaluate(new boolean[1][24], nan, HALF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record 0, class 7 is NaN");
        assertThatThrownBy(() -> Evaluator.evaluate(new boolean[1][24], new float[1][23], HALF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 0");
        assertThatThrownBy(() -> Evaluator.evaluate(new boolean[2][24], new float[1][24], HALF))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("record counts differ");
        assertThatThrownBy(() -> Evaluator.evaluate(new boolean[1][24], new float[1][24], new double[3]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("24 thresholds");
    }

    /** No positive and no prediction: precision, recall, F1 undefined (NaN, null in JSON); averages as sklearn. */
    @Test
    void aClassWithNoPositiveAndNoPredictionIsUndefinedNotZero() {
        boolean[][] labels = new boolean[2][24];
        labels[0][0] = true;
        float[][] p = new float[2][24];
        p[0][0] = 0.9f;
        p[1][1] = 0.9f; // class 1: no positive record, but predicted once
        EvaluationReport r = Evaluator.evaluate(labels, p, filled(0.5));
        ClassMetrics never = r.perClass().get(2);
        assertThat(never.precision()).isNaN();
        assertThat(never.recall()).isNaN();
        assertThat(never.f1()).isNaN();
        ClassMetrics falseAlarm = r.perClass().get(1);
        assertThat(falseAlarm.precision()).isZero(); // 0 of 1 prediction right: defined, and 0
        assertThat(falseAlarm.f1()).isZero();
        assertThat(r.perClass().get(0).f1()).isEqualTo(1.0);
        assertThat(r.f1Macro()).isEqualTo(1.0 / 24); // sklearn's macro average counts undefined classes as 0
        String json = EvaluationReportJson.write(r);
        EvaluationReport back = EvaluationReportJson.read(json);
        assertThat(back.perClass().get(2).precision()).isNaN();
        assertThat(back.perClass().get(1).precision()).isZero();
        assertThat(json.replace(" ", "")).contains("\"precision\":null");
    }

    @Test
    void classesInCatalogueOrderWithTheirThresholds() {
        boolean[][] labels = new boolean[2][24];
        labels[0][0] = true;
        float[][] p = new float[2][24];
        p[0][0] = 0.9f;
        double[] t = filled(0.3);
        t[4] = Double.NaN;
        EvaluationReport r = Evaluator.evaluate(labels, outputs(p, filled(0.3)), p, t, ChallengeMetric.standard());
        assertThat(r.records()).isEqualTo(2);
        assertThat(r.perClass()).hasSize(24);
        assertThat(r.perClass().get(0).code()).isEqualTo("270492004");
        assertThat(r.perClass().get(4).abbrev()).isEqualTo("CRBBB|RBBB");
        assertThat(r.perClass().get(4).threshold()).isNaN();
        assertThat(r.perClass().get(0).f1()).isEqualTo(1.0);
        // A class neither present nor predicted: F1 undefined in its row (sklearn's 0 in the macro average),
        // the challenge's F-measure skips it.
        assertThat(r.perClass().get(1).f1()).isNaN();
        assertThat(r.f1Macro()).isEqualTo(1.0 / 24);
        assertThat(r.fMeasureMacro()).isEqualTo(1.0);
        assertThat(r.perClass().get(1).auroc()).isNaN();
        assertThat(r.perClass().get(1).auprc()).isEqualTo(0.0);
    }

    private static boolean[][] outputs(float[][] p, double[] t) {
        boolean[][] o = new boolean[p.length][24];
        for (int i = 0; i < p.length; i++) for (int k = 0; k < 24; k++) o[i][k] = p[i][k] >= t[k];
        return o;
    }

    private static double[] filled(double v) {
        double[] t = new double[24];
        Arrays.fill(t, v);
        return t;
    }
}
