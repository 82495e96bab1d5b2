package org.ecgworkbench.signal.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** Properties and argument checks of {@link FftResampler}; scipy agreement is ResampleGoldenTest's job. */
class FftResamplerTest {

    private static final double[] RATES = {100, 250, 257, 360, 500, 1000};

    @Test
    void equalRatesAndEqualLengthsGiveACopy() {
        double[] x = TestSignals.noise(101, 1);
        double[] same = FftResampler.resample(x, 101);
        assertThat(same).isEqualTo(x).isNotSameAs(x);
        double[][] leads = {TestSignals.noise(50, 2), TestSignals.noise(70, 3)};
        double[][] copy = FftResampler.resample(leads, 360, 360);
        assertThat(copy).isDeepEqualTo(leads);
        assertThat(copy[0]).isNotSameAs(leads[0]);
        assertThat(FftResampler.outputLength(1234, 257, 257)).isEqualTo(1234);
    }

    @Test
    void emptyInputGivesEmptyOutput() {
        assertThat(FftResampler.resample(new double[0], 10)).isEmpty();
        assertThat(FftResampler.resample(new double[0], 0)).isEmpty();
        assertThat(FftResampler.resample(new double[][] {{}, {}}, 1000, 500)).hasDimensions(2, 0);
        assertThat(FftResampler.resample(new double[0][], 1000, 500)).isEmpty();
    }

    @Test
    void outputLengthRoundsHalfToEvenLikePython() {
        // Python: round(1 * 500 / 1000) == 0, round(1.5) == 2, round(2.5) == 2, round(3.5) == 4
        assertThat(FftResampler.outputLength(1, 1000, 500)).isZero();
        assertThat(FftResampler.outputLength(3, 1000, 500)).isEqualTo(2);
        assertThat(FftResampler.outputLength(5, 1000, 500)).isEqualTo(2);
        assertThat(FftResampler.outputLength(7, 1000, 500)).isEqualTo(4);
        assertThat(FftResampler.outputLength(15000, 1000, 500)).isEqualTo(7500);
        assertThat(FftResampler.outputLength(7710, 257, 500)).isEqualTo(15000); // 30 s
        assertThat(FftResampler.outputLength(0, 1000, 500)).isZero();
    }

    @Test
    void outputLengthsForAllRatePairs() {
        for (double fs : RATES) {
            for (double target : RATES) {
                for (int n = 1; n <= 50; n++) {
                    int num = FftResampler.outputLength(n, fs, target);
                    double exact = n * target / fs;
                    assertThat(Math.abs(num - exact)).as("%d samples %s -> %s", n, fs, target).isLessThanOrEqualTo(0.5);
                    if (num > 0) {
                        assertThat(FftResampler.resample(TestSignals.noise(n, n), num)).hasSize(num);
                    }
                }
            }
        }
    }

    /** A sine with a whole number of periods is periodic, so the FFT method reproduces it exactly. */
    @Test
    void periodicSineBelowTheNewNyquistKeepsItsAmplitude() {
        double[][] pairs = {{1000, 500}, {500, 250}, {360, 500}, {257, 500}, {100, 500}, {500, 1000}, {1000, 360}};
        for (double[] pair : pairs) {
            double fs = pair[0];
            double target = pair[1];
            int n = (int) fs * 4; // 4 s
            double hz = 7.25; // 29 periods in 4 s, far below every new Nyquist
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = 2.5 * Math.sin(2 * Math.PI * hz * i / fs + 0.3);
            }
            double[] y = FftResampler.resample(new double[][] {x}, fs, target)[0];
            assertThat(y).hasSize((int) Math.rint(4 * target));
            for (int j = 0; j < y.length; j++) {
                double expected = 2.5 * Math.sin(2 * Math.PI * hz * j / target + 0.3);
                assertThat(y[j]).as("%s -> %s Hz, sample %d", fs, target, j).isCloseTo(expected, within(1e-11));
            }
        }
    }

    @Test
    void aConstantStaysConstant() {
        double[] x = new double[999];
        Arrays.fill(x, -3.25);
        for (int num : new int[] {1, 2, 333, 500, 998, 1000, 2997}) {
            for (double v : FftResampler.resample(x, num)) {
                assertThat(v).isCloseTo(-3.25, within(1e-12));
            }
        }
    }

    @Test
    void leadsMatchOneByOneAndMayDifferInLength() {
        double[][] leads = {TestSignals.noise(15000, 1), TestSignals.noise(14999, 2), TestSignals.noise(3, 3), {}, TestSignals.noise(2570, 4)};
        double[][] out = FftResampler.resample(leads, 1000, 500);
        for (int i = 0; i < leads.length; i++) {
            int num = FftResampler.outputLength(leads[i].length, 1000, 500);
            assertThat(out[i]).isEqualTo(leads[i].length == 0 ? new double[0] : FftResampler.resample(leads[i], num));
        }
    }

    @Test
    void concurrentCallsAgree() throws Exception {
        double[] x = TestSignals.noise(2570, 9); // 2 * 5 * 257: JTransforms' Bluestein code
        double[] expected = FftResampler.resample(x, 5000);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                results.add(pool.submit(() -> FftResampler.resample(x, 5000)));
            }
            for (Future<double[]> r : results) {
                assertThat(r.get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void planCacheStaysBounded() {
        for (int n = 3000; n < 3000 + 3 * FftPlanCache.MAX_ENTRIES; n++) {
            FftResampler.resample(TestSignals.noise(n, n), n / 2 + 1);
        }
        assertThat(FftPlanCache.plans()).isLessThanOrEqualTo(FftPlanCache.MAX_ENTRIES);
        assertThat(FftPlanCache.planPoints()).isLessThanOrEqualTo(FftPlanCache.MAX_POINTS);
    }

    @Test
    void invalidArgumentsAreNamed() {
        assertThatThrownBy(() -> FftResampler.resample(new double[] {1, 2}, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num 0");
        assertThatThrownBy(() -> FftResampler.resample(new double[] {1, 2}, -4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("num -4");
        assertThatThrownBy(() -> FftResampler.resample(new double[] {1, 2}, 100_000_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100000000");
        assertThatThrownBy(() -> FftResampler.outputLength(10, 1000, -500))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("target rate -500 Hz must be positive");
        assertThatThrownBy(() -> FftResampler.outputLength(10, 0, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("source rate 0 Hz must be positive");
        assertThatThrownBy(() -> FftResampler.outputLength(10, Double.NaN, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source rate NaN Hz");
        assertThatThrownBy(() -> FftResampler.outputLength(10, 500, Double.POSITIVE_INFINITY))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target rate Infinity Hz");
        assertThatThrownBy(() -> FftResampler.outputLength(-1, 500, 250))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input length -1");
        assertThatThrownBy(() -> FftResampler.resample(new double[][] {new double[10]}, 1000, 1.5e10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit of 100000000");
        assertThatThrownBy(() -> FftResampler.resample(new double[][] {new double[10], {1}}, 1000, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lead 1");
        assertThatThrownBy(() -> FftResampler.resample(new double[][] {null}, 1000, 500))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("lead 0");
        assertThatThrownBy(() -> FftResampler.resample(new double[][] {{1}}, 1000, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("target rate -1 Hz must be positive");
        assertThatThrownBy(() -> FftResampler.resample(new double[][] {{1}}, 360.5, 0.0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("target rate 0 Hz must be positive");
    }
}
