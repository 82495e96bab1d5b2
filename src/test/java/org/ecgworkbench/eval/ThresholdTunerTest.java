package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Random;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.RepetitionInfo;
import org.junit.jupiter.api.Test;

class ThresholdTunerTest {

    @RepeatedTest(20)
    void theThresholdIsAnObservedValueWithTheBestF1(RepetitionInfo info) {
        Random random = new Random(info.getCurrentRepetition());
        int n = 5 + random.nextInt(60);
        boolean[][] labels = new boolean[n][3];
        float[][] p = new float[n][3];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < 3; k++) {
                labels[i][k] = random.nextDouble() < 0.3;
                // a coarse grid makes ties common
                p[i][k] = Math.round((random.nextDouble() * 0.6 + (labels[i][k] ? 0.3 : 0)) * 20) / 20f;
            }
        }
        double[] t = ThresholdTuner.tune(labels, p);
        for (int k = 0; k < 3; k++) {
            boolean anyPositive = false;
            for (boolean[] row : labels) anyPositive |= row[k];
            if (!anyPositive) {
                assertThat(t[k]).isEqualTo(0.5);
                continue;
            }
            double best = f1(labels, p, k, t[k]);
            boolean observed = false;
            for (int i = 0; i < n; i++) {
                observed |= p[i][k] == t[k];
                double other = f1(labels, p, k, p[i][k]);
                assertThat(other).isLessThanOrEqualTo(best);
                if (other == best) assertThat((double) p[i][k]).as("ties go to the highest threshold").isLessThanOrEqualTo(t[k]);
            }
            assertThat(observed).isTrue();
        }
    }

    @Test
    void separableClassesGetTheLowestPositiveProbability() {
        boolean[][] labels = {{true}, {false}, {true}, {false}, {true}};
        float[][] p = {{0.7f}, {0.4f}, {0.9f}, {0.65f}, {0.66f}};
        assertThat(ThresholdTuner.tune(labels, p)).containsExactly(0.6600000262260437);
        assertThat((float) 0.6600000262260437).isEqualTo(0.66f);
    }

    @Test
    void noPositiveFallsBackAndAllPositiveTakesEverything() {
        boolean[][] labels = {{false, true}, {false, true}, {false, true}};
        float[][] p = {{0.9f, 0.2f}, {0.1f, 0.8f}, {0.3f, 0.5f}};
        assertThat(ThresholdTuner.tune(labels, p)).containsExactly(0.5, 0.20000000298023224);
    }

    @Test
    void badInputIsRefused() {
        assertThatThrownBy(() -> ThresholdTuner.tune(new boolean[0][24], new float[0][24]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ThresholdTuner.tune(new boolean[][] {{true}}, new float[][] {{Float.NaN}}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
    }

    private static double f1(boolean[][] labels, float[][] p, int k, double threshold) {
        int tp = 0, fp = 0, fn = 0;
        for (int i = 0; i < labels.length; i++) {
            boolean out = p[i][k] >= threshold;
            if (out && labels[i][k]) tp++;
            else if (out) fp++;
            else if (labels[i][k]) fn++;
        }
        return 2.0 * tp / (2.0 * tp + fp + fn);
    }
}
