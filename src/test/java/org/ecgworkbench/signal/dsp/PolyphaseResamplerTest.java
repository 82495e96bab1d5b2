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

/** Properties and argument checks of {@link PolyphaseResampler}; scipy agreement is ResampleGoldenTest's job. */
class PolyphaseResamplerTest {

    private static final int[] RATES = {100, 250, 257, 360, 500, 1000};

    @Test
    void factorsAreReducedFromTheRates() {
        assertFactors(PolyphaseResampler.forRates(1000, 500), 1, 2);
        assertFactors(PolyphaseResampler.forRates(257, 500), 500, 257);
        assertFactors(PolyphaseResampler.forRates(360, 500), 25, 18);
        assertFactors(PolyphaseResampler.forRates(100.0, 500.0), 5, 1);
        assertFactors(PolyphaseResampler.forRates(500, 250), 1, 2);
        assertFactors(new PolyphaseResampler(2, 4), 1, 2);
        assertFactors(new PolyphaseResampler(6, 4), 3, 2);
        assertFactors(new PolyphaseResampler(7, 7), 1, 1);
    }

    private static void assertFactors(PolyphaseResampler r, int up, int down) {
        assertThat(r.up()).as("up of %s", r).isEqualTo(up);
        assertThat(r.down()).as("down of %s", r).isEqualTo(down);
    }

    @Test
    void equalRatesGiveACopyAndEmptyGivesEmpty() {
        double[] x = TestSignals.noise(77, 1);
        PolyphaseResampler same = PolyphaseResampler.forRates(500, 500);
        assertThat(same.apply(x)).isEqualTo(x).isNotSameAs(x);
        assertThat(same.outputLength(77)).isEqualTo(77);
        for (int fs : RATES) {
            assertThat(PolyphaseResampler.forRates(fs, 500).apply(new double[0])).isEmpty();
        }
        assertThat(PolyphaseResampler.forRates(1000, 500).apply(new double[][] {{}, {}})).hasDimensions(2, 0);
    }

    @Test
    void outputLengthIsTheCeilingForAllRatePairs() {
        for (int fs : RATES) {
            for (int target : RATES) {
                PolyphaseResampler r = PolyphaseResampler.forRates(fs, target);
                for (int n = 1; n <= 50; n++) {
                    int expected = (int) Math.ceil((double) n * target / fs - 1e-12);
                    assertThat(r.outputLength(n)).as("%d samples %d -> %d", n, fs, target).isEqualTo(expected);
                    assertThat(r.apply(TestSignals.noise(n, n))).hasSize(expected);
                }
            }
        }
    }

    /** Decimation keeps a constant exactly (its one phase sums to 1); interpolation within scipy's ripple. */
    @Test
    void aConstantStaysConstantInTheInterior() {
        for (int fs : RATES) {
            for (int target : new int[] {250, 500, 1000}) {
                PolyphaseResampler r = PolyphaseResampler.forRates(fs, target);
                double[] x = new double[10 * fs];
                Arrays.fill(x, 1.75);
                double[] y = r.apply(x);
                // output k meets the zero padding when k down is within L = 10 max(up, down) of an end
                int edge = 10 * Math.max(r.up(), r.down()) / r.down() + 2;
                double tolerance = r.up() == 1 ? 1e-12 : 1e-3; // scipy: 6.8e-4 at worst for these pairs
                for (int k = edge; k < y.length - edge; k++) {
                    assertThat(y[k]).as("%d -> %d Hz, sample %d", fs, target, k).isCloseTo(1.75, within(1.75 * tolerance));
                }
            }
        }
    }

    /** Least-squares amplitude and phase of a 7.25 Hz sine, away from the ends: scipy's are within 8.5e-4. */
    @Test
    void aSineBelowTheNewNyquistKeepsItsAmplitudeAndPhase() {
        int[][] pairs = {{1000, 500}, {500, 250}, {360, 500}, {257, 500}, {100, 500}, {250, 500}, {500, 1000}, {1000, 360}};
        for (int[] pair : pairs) {
            int fs = pair[0];
            int target = pair[1];
            double hz = 7.25;
            double[] x = new double[4 * fs];
            for (int i = 0; i < x.length; i++) {
                x[i] = 2.5 * Math.sin(2 * Math.PI * hz * i / fs + 0.3);
            }
            double[] y = PolyphaseResampler.forRates(fs, target).apply(x);
            int from = y.length / 4;
            int to = y.length - y.length / 4;
            // normal equations for y ~ a sin + b cos
            double ss = 0;
            double sc = 0;
            double cc = 0;
            double ys = 0;
            double yc = 0;
            for (int j = from; j < to; j++) {
                double s = Math.sin(2 * Math.PI * hz * j / target);
                double c = Math.cos(2 * Math.PI * hz * j / target);
                ss += s * s;
                sc += s * c;
                cc += c * c;
                ys += y[j] * s;
                yc += y[j] * c;
            }
            double det = ss * cc - sc * sc;
            double a = (ys * cc - yc * sc) / det;
            double b = (yc * ss - ys * sc) / det;
            assertThat(Math.hypot(a, b) / 2.5).as("%d -> %d Hz amplitude", fs, target).isCloseTo(1.0, within(2e-3));
            assertThat(Math.atan2(b, a)).as("%d -> %d Hz phase", fs, target).isCloseTo(0.3, within(1e-9));
        }
    }

    @Test
    void leadsMatchOneByOneAndMayDifferInLength() {
        PolyphaseResampler r = PolyphaseResampler.forRates(360, 500);
        double[][] leads = {TestSignals.noise(3600, 1), TestSignals.noise(3599, 2), TestSignals.noise(2, 3), {}, TestSignals.noise(20000, 4)};
        double[][] out = r.apply(leads);
        for (int i = 0; i < leads.length; i++) {
            assertThat(out[i]).isEqualTo(r.apply(leads[i]));
        }
    }

    @Test
    void designsAreCachedBoundedAndShared() throws Exception {
        PolyphaseFilter a = PolyphaseFilter.forFactors(500, 257);
        assertThat(PolyphaseFilter.forFactors(500, 257)).isSameAs(a);
        assertThat(a.taps()).hasSize(10_001);
        for (int up = 1; up <= PolyphaseFilter.MAX_CACHED + 4; up++) {
            new PolyphaseResampler(up, up + 1);
        }
        assertThat(PolyphaseFilter.cachedDesigns()).isLessThanOrEqualTo(PolyphaseFilter.MAX_CACHED);

        double[] x = TestSignals.noise(2570, 5);
        double[] expected = PolyphaseResampler.forRates(257, 500).apply(x);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[]>> results = new ArrayList<>();
            for (int i = 0; i < 24; i++) {
                int fs = i % 2 == 0 ? 257 : 251; // 251 -> 500 evicts nothing but competes for the lock
                results.add(pool.submit(() -> PolyphaseResampler.forRates(fs, 500).apply(x)));
            }
            for (int i = 0; i < results.size(); i += 2) {
                assertThat(results.get(i).get()).isEqualTo(expected);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void filterIsScipysDesign() {
        // scipy.signal.firwin(41, 0.5, window=('kaiser', 5.0)): centre and first side taps, and unit DC gain
        double[] h = PolyphaseFilter.forFactors(1, 2).taps();
        assertThat(h).hasSize(41);
        assertThat(h[20]).isCloseTo(0.5002587352980301, within(1e-15));
        assertThat(h[19]).isCloseTo(0.31670034568030075, within(1e-15));
        assertThat(h[19]).isEqualTo(h[21]);
        double sum = 0;
        for (double v : h) {
            sum += v;
        }
        assertThat(sum).isCloseTo(1.0, within(1e-14));
        double[] w = KaiserWindow.symmetric(5, 5.0);
        assertThat(w).containsExactly(new double[] {1 / KaiserWindow.besselI0(5.0), 0.55285177, 1.0, 0.55285177,
            1 / KaiserWindow.besselI0(5.0)}, within(1e-7));
        assertThat(KaiserWindow.besselI0(5.0)).isCloseTo(27.239871823604442, within(1e-12));
    }

    @Test
    void invalidArgumentsAreNamed() {
        assertThatThrownBy(() -> PolyphaseResampler.forRates(360.5, 500))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source rate 360.5 Hz").hasMessageContaining("FftResampler");
        assertThatThrownBy(() -> PolyphaseResampler.forRates(500, 1e-3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("target rate 0.001 Hz").hasMessageContaining("FftResampler");
        assertThatThrownBy(() -> PolyphaseResampler.forRates(500, 3e9))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("target rate 3000000000 Hz is above");
        assertThatThrownBy(() -> PolyphaseResampler.forRates(1000, -500))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("target rate -500 Hz must be positive");
        assertThatThrownBy(() -> PolyphaseResampler.forRates(Double.NaN, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source rate NaN Hz");
        assertThatThrownBy(() -> PolyphaseResampler.forRates(0, 500))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("source rate 0 Hz must be positive");
        assertThatThrownBy(() -> PolyphaseResampler.forRates(99_991, 100_003))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("100003/99991")
                .hasMessageContaining("FftResampler");
        assertThatThrownBy(() -> new PolyphaseResampler(0, 2))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("up factor 0");
        assertThatThrownBy(() -> new PolyphaseResampler(3, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("down factor -1");
        PolyphaseResampler big = new PolyphaseResampler(1000, 1);
        assertThat(big.outputLength(100_000)).isEqualTo(100_000_000);
        assertThatThrownBy(() -> big.outputLength(100_001))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit of 100000000");
        assertThatThrownBy(() -> big.apply(new double[100_001]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit of 100000000");
        assertThatThrownBy(() -> big.outputLength(-3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("input length -3");
        assertThatThrownBy(() -> PolyphaseResampler.forRates(1000, 500).apply(new double[][] {{1}, null}))
                .isInstanceOf(NullPointerException.class).hasMessageContaining("lead 1");
    }
}
