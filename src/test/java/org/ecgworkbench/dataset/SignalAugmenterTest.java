package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class SignalAugmenterTest {
    static final int C = 12;
    static final int L = 5000;

    /** A 500-Hz test signal, 1 mV 10-Hz sine per lead scaled by (c + 1), zero-padded after sample 4000. */
    static float[] signal() {
        float[] s = new float[C * L];
        for (int c = 0; c < C; c++) {
            for (int k = 0; k < 4000; k++) s[c * L + k] = (float) ((c + 1) * Math.sin(2 * Math.PI * 10 * k / 500.0) + 0.001);
        }
        return s;
    }

    @Test
    void noneAndDisabledComponentsLeaveTheSignalAlone() {
        float[] s = signal();
        Random r = new Random(1);
        SignalAugmenter.apply(s, C, L, Augmentation.NONE, r);
        assertThat(s).containsExactly(signal());
        assertThat(r.nextLong()).isEqualTo(new Random(1).nextLong()); // nothing drawn
        assertThat(Augmentation.NONE.enabled()).isFalse();
    }

    @Test
    void deterministicForTheSameRandom() {
        Augmentation a = new Augmentation(0.1, 0.05, 100, 0.2);
        float[] x = signal();
        float[] y = signal();
        SignalAugmenter.apply(x, C, L, a, new Random(7));
        SignalAugmenter.apply(y, C, L, a, new Random(7));
        assertThat(x).containsExactly(y);
        float[] z = signal();
        SignalAugmenter.apply(z, C, L, a, new Random(8));
        assertThat(z).isNotEqualTo(x);
    }

    @Test
    void amplitudeIsOneFactorWithinTheRange() {
        for (int seed = 0; seed < 50; seed++) {
            float[] s = signal();
            SignalAugmenter.apply(s, C, L, new Augmentation(0.1, 0, 0, 0), new Random(seed));
            float[] o = signal();
            double factor = s[5 * L + 13] / o[5 * L + 13];
            assertThat(factor).isBetween(0.9, 1.1);
            for (int k = 0; k < C * L; k += 37) assertThat((double) s[k]).isCloseTo(o[k] * factor, within(1e-5));
        }
    }

    @Test
    void shiftMovesEveryLeadTogetherAndFillsWithZeros() {
        int seen = 0;
        for (int seed = 0; seed < 40; seed++) {
            float[] s = signal();
            SignalAugmenter.apply(s, C, L, new Augmentation(0, 0, 50, 0), new Random(seed));
            float[] o = signal();
            int d = -1000;
            for (int cand = -50; cand <= 50 && d == -1000; cand++) {
                boolean match = true;
                for (int k = 60; k < 3900 && match; k += 7) match = s[2 * L + k + cand] == o[2 * L + k];
                if (match) d = cand;
            }
            assertThat(d).as("seed %d shift", seed).isBetween(-50, 50);
            for (int c = 0; c < C; c++) {
                for (int k = 60; k < 3900; k += 11) assertThat(s[c * L + k + d]).isEqualTo(o[c * L + k]);
                if (d > 0) for (int k = 0; k < d; k++) assertThat(s[c * L + k]).isZero();
                if (d < 0) for (int k = L + d; k < L; k++) assertThat(s[c * L + k]).isZero();
            }
            if (d != 0) seen++;
        }
        assertThat(seen).isGreaterThan(30);
    }

    @Test
    void noiseHasTheGivenStdAndSparesThePadding() {
        float[] s = signal();
        SignalAugmenter.apply(s, C, L, new Augmentation(0, 0.05, 0, 0), new Random(3));
        float[] o = signal();
        double sum = 0;
        double sq = 0;
        int n = 0;
        for (int c = 0; c < C; c++) {
            for (int k = 0; k < 4000; k++) {
                double d = s[c * L + k] - o[c * L + k];
                sum += d;
                sq += d * d;
                n++;
            }
            for (int k = 4000; k < L; k++) assertThat(s[c * L + k]).isZero();
        }
        double mean = sum / n;
        assertThat(Math.sqrt(sq / n - mean * mean)).isCloseTo(0.05, within(0.002));
    }

    @Test
    void baselineWanderIsSlowBoundedAndSparesThePadding() {
        for (int seed = 0; seed < 20; seed++) {
            float[] s = signal();
            SignalAugmenter.apply(s, C, L, new Augmentation(0, 0, 0, 0.3), new Random(seed));
            float[] o = signal();
            for (int c = 0; c < C; c++) {
                double max = 0;
                double maxStep = 0;
                for (int k = 0; k < 4000; k++) {
                    double d = s[c * L + k] - o[c * L + k];
                    max = Math.max(max, Math.abs(d));
                    if (k > 0) maxStep = Math.max(maxStep, Math.abs(d - (s[c * L + k - 1] - o[c * L + k - 1])));
                }
                assertThat(max).isLessThanOrEqualTo(0.3 + 1e-5);
                // At most 0.5 Hz: the slope is at most 2π · 0.5 · 0.3 mV/s, i.e. ≈ 0.00094 mV per 2-ms sample.
                assertThat(maxStep).isLessThan(2 * Math.PI * 0.5 * 0.3 / 500 + 1e-5);
                for (int k = 4000; k < L; k++) assertThat(s[c * L + k]).isZero();
            }
        }
    }

    @Test
    void worksAtAnOffsetInABatchArray() {
        float[] batch = new float[3 * C * L];
        System.arraycopy(signal(), 0, batch, C * L, C * L);
        SignalAugmenter.apply(batch, C * L, C, L, 500, new Augmentation(0, 0.1, 0, 0), new Random(1));
        for (int k = 0; k < C * L; k++) assertThat(batch[k]).isZero();
        for (int k = 2 * C * L; k < 3 * C * L; k++) assertThat(batch[k]).isZero();
        assertThatThrownBy(() -> SignalAugmenter.apply(batch, 2 * C * L + 1, C, L, 500, new Augmentation(0, 0.1, 0, 0), new Random(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void invalidSettingsAreRefused() {
        assertThatThrownBy(() -> new Augmentation(1.0, 0, 0, 0)).hasMessageContaining("amplitude");
        assertThatThrownBy(() -> new Augmentation(0, -1, 0, 0)).hasMessageContaining("noise");
        assertThatThrownBy(() -> new Augmentation(0, 0, -1, 0)).hasMessageContaining("shift");
        assertThatThrownBy(() -> new Augmentation(0, 0, 0, Double.NaN)).hasMessageContaining("wander");
    }
}
