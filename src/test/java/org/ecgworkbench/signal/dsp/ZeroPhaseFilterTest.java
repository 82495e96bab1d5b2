package org.ecgworkbench.signal.dsp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

/** What a zero-phase filter must do whatever scipy says: properties, batches, threads, the length rule. */
class ZeroPhaseFilterTest {

    static final double FS = 500;

    static double[] sine(double hz, int n, double fs) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = Math.sin(2 * Math.PI * hz * i / fs);
        }
        return x;
    }

    static double maxAbs(double[] x, int from, int to) {
        double m = 0;
        for (int i = from; i < to; i++) {
            m = Math.max(m, Math.abs(x[i]));
        }
        return m;
    }

    static double[] noise(Random rnd, int n) {
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextGaussian() + 0.3;
        }
        return x;
    }

    @Test
    void aConstantThroughAHighPassVanishes() {
        double[] dc = new double[5000];
        Arrays.fill(dc, 3.7);
        for (int order = 1; order <= 8; order++) {
            double[] y = IirFilters.butterworthHighPass(order, 0.5, FS).apply(dc);
            assertThat(maxAbs(y, 0, y.length)).as("order %d", order).isLessThan(1e-9);
        }
        double[] y = IirFilters.butterworthBandPass(2, 0.5, 40, FS).apply(dc);
        assertThat(maxAbs(y, 0, y.length)).isLessThan(1e-9);
    }

    @Test
    void aConstantThroughALowPassOrNotchStays() {
        double[] dc = new double[3000];
        Arrays.fill(dc, -2.5);
        for (ZeroPhaseFilter f : List.of(IirFilters.butterworthLowPass(2, 40, FS), IirFilters.butterworthLowPass(6, 40, FS),
                IirFilters.notch(50, 30, FS))) {
            double[] y = f.apply(dc);
            for (double v : y) {
                assertThat(v).as(f.describe()).isCloseTo(-2.5, Offset.offset(1e-9));
            }
        }
    }

    @Test
    void aTenHertzSinePassesTheBandPassWithItsAmplitude() {
        for (int order = 2; order <= 8; order++) {
            // higher orders ring longer at 0.5 Hz after the edges: 30 s, look at the middle 6 s
            double[] y = IirFilters.butterworthBandPass(order, 0.5, 40, FS).apply(sine(10, 15000, FS));
            assertThat(maxAbs(y, 6000, 9000)).as("order %d", order).isBetween(0.99, 1.0 + 1e-9);
        }
        // order 1 is too wide a skirt to be flat at 10 Hz: forward-backward gives |H|^2 there
        IirBaFiltFilt first = (IirBaFiltFilt) IirFilters.butterworthBandPass(1, 0.5, 40, FS);
        double gain2 = squaredMagnitude(first.numerator(), first.denominator(), 2 * Math.PI * 10 / FS);
        assertThat(gain2).isBetween(0.95, 0.97);
        double[] y = first.apply(sine(10, 5000, FS));
        assertThat(maxAbs(y, 2000, 3000)).isCloseTo(gain2, Offset.offset(2e-3));
    }

    /** |B(e^jw) / A(e^jw)|^2. */
    static double squaredMagnitude(double[] b, double[] a, double w) {
        double[] num = evaluate(b, w);
        double[] den = evaluate(a, w);
        return (num[0] * num[0] + num[1] * num[1]) / (den[0] * den[0] + den[1] * den[1]);
    }

    private static double[] evaluate(double[] c, double w) {
        double re = 0;
        double im = 0;
        for (int k = 0; k < c.length; k++) {
            re += c[k] * Math.cos(w * k);
            im -= c[k] * Math.sin(w * k);
        }
        return new double[] {re, im};
    }

    @Test
    void fiftyHertzIsRemovedByTheFiftyHertzNotchAndOthersPass() {
        ZeroPhaseFilter notch = IirFilters.notch(50, 30, FS);
        assertThat(maxAbs(notch.apply(sine(50, 5000, FS)), 1000, 4000)).isLessThan(1e-3);
        assertThat(maxAbs(notch.apply(sine(10, 5000, FS)), 1000, 4000)).isBetween(0.99, 1.0 + 1e-9);
        ZeroPhaseFilter lowPass = IirFilters.butterworthLowPass(4, 40, FS);
        assertThat(maxAbs(lowPass.apply(sine(150, 5000, FS)), 1000, 4000)).isLessThan(1e-3);
    }

    @Test
    void aSymmetricPulseStaysSymmetricAndInPlace() {
        int n = 20001;
        int centre = n / 2;
        double[] x = new double[n];
        for (int k = -10; k <= 10; k++) {
            x[centre + k] = 0.5 * (1 + Math.cos(Math.PI * k / 11));
        }
        for (ZeroPhaseFilter f : List.of(IirFilters.butterworthBandPass(3, 0.5, 40, FS), IirFilters.butterworthHighPass(4, 0.5, FS),
                IirFilters.butterworthLowPass(2, 40, FS), IirFilters.notch(50, 30, FS))) {
            double[] y = f.apply(x);
            double peak = maxAbs(y, 0, n);
            int argmax = 0;
            for (int i = 0; i < n; i++) {
                assertThat(Math.abs(y[i] - y[n - 1 - i])).as("%s at %d", f.describe(), i).isLessThan(1e-9 * peak);
                if (y[i] > y[argmax]) {
                    argmax = i;
                }
            }
            assertThat(argmax).as(f.describe()).isEqualTo(centre);
        }
    }

    @Test
    void batchesEqualOneLeadAtATimeBitForBit() {
        Random rnd = new Random(7);
        List<ZeroPhaseFilter> filters = List.of(IirFilters.butterworthBandPass(2, 0.5, 40, FS), IirFilters.notch(50, 30, FS),
                IirFilters.butterworthHighPass(1, 0.5, FS), IirFilters.butterworthLowPass(7, 100, FS));
        int[][] shapes = {{12, 5000}, {1, 5000}, {2, 40}, {3, 777}, {5, 64}, {7, 1001}};
        for (ZeroPhaseFilter f : filters) {
            for (int[] shape : shapes) {
                double[][] leads = new double[shape[0]][];
                for (int i = 0; i < leads.length; i++) {
                    leads[i] = noise(rnd, shape[1]);
                }
                double[][] copy = Arrays.stream(leads).map(double[]::clone).toArray(double[][]::new);
                double[][] batch = f.apply(leads);
                assertThat(leads).as("inputs untouched").isDeepEqualTo(copy);
                for (int i = 0; i < leads.length; i++) {
                    assertThat(batch[i]).as("%s lead %d of %s", f.describe(), i, Arrays.toString(shape))
                            .isEqualTo(f.apply(leads[i]));
                }
            }
        }
    }

    @Test
    void leadsOfDifferentLengthsComeBackInOrder() {
        Random rnd = new Random(11);
        ZeroPhaseFilter f = IirFilters.butterworthBandPass(3, 0.5, 40, FS);
        int[] lengths = {5000, 300, 5000, 4999, 300, 100, 5000, 5000, 20000, 300, 5000, 4999, 5000};
        double[][] leads = new double[lengths.length][];
        for (int i = 0; i < leads.length; i++) {
            leads[i] = noise(rnd, lengths[i]);
        }
        double[][] batch = f.apply(leads);
        for (int i = 0; i < leads.length; i++) {
            assertThat(batch[i]).as("lead %d", i).isEqualTo(f.apply(leads[i]));
        }
        assertThat(f.apply(new double[0][])).isEmpty();
    }

    @Test
    void oneFilterServesManyThreads() throws Exception {
        ZeroPhaseFilter f = IirFilters.butterworthBandPass(2, 0.5, 40, FS);
        Random rnd = new Random(3);
        List<double[][]> records = new ArrayList<>();
        for (int r = 0; r < 16; r++) {
            double[][] leads = new double[12][];
            for (int i = 0; i < 12; i++) {
                leads[i] = noise(rnd, 2500);
            }
            records.add(leads);
        }
        List<double[][]> expected = new ArrayList<>();
        for (double[][] leads : records) {
            double[][] one = new double[12][];
            for (int i = 0; i < 12; i++) {
                one[i] = f.apply(leads[i]);
            }
            expected.add(one);
        }
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<double[][]>> futures = new ArrayList<>();
            for (double[][] leads : records) {
                futures.add(pool.submit(() -> f.apply(leads)));
            }
            for (int r = 0; r < records.size(); r++) {
                assertThat(futures.get(r).get()).isDeepEqualTo(expected.get(r));
            }
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void padLengthsAreScipys() {
        assertThat(IirFilters.butterworthHighPass(1, 0.5, FS).padLength()).isEqualTo(6);
        assertThat(IirFilters.butterworthHighPass(2, 0.5, FS).padLength()).isEqualTo(9);
        assertThat(IirFilters.butterworthBandPass(1, 0.5, 40, FS).padLength()).isEqualTo(9);
        assertThat(IirFilters.notch(50, 30, FS).padLength()).isEqualTo(9);
        // odd orders: zpk2sos pads a first-order section with b2 = a2 = 0, which scipy discounts
        assertThat(IirFilters.butterworthHighPass(3, 0.5, FS).padLength()).isEqualTo(12);
        assertThat(IirFilters.butterworthLowPass(8, 40, FS).padLength()).isEqualTo(27);
        assertThat(IirFilters.butterworthBandPass(2, 0.5, 40, FS).padLength()).isEqualTo(15);
        assertThat(IirFilters.butterworthBandPass(8, 0.5, 40, FS).padLength()).isEqualTo(51);
    }

    @Test
    void theFormFollowsThePoleCount() {
        assertThat(IirFilters.butterworthHighPass(2, 0.5, FS)).isInstanceOf(IirBaFiltFilt.class);
        assertThat(IirFilters.butterworthLowPass(1, 40, FS)).isInstanceOf(IirBaFiltFilt.class);
        assertThat(IirFilters.butterworthBandPass(1, 0.5, 40, FS)).isInstanceOf(IirBaFiltFilt.class);
        assertThat(IirFilters.notch(60, 10, FS)).isInstanceOf(IirBaFiltFilt.class);
        assertThat(IirFilters.butterworthHighPass(3, 0.5, FS)).isInstanceOf(SosFiltFilt.class);
        assertThat(IirFilters.butterworthBandPass(2, 0.5, 40, FS)).isInstanceOf(SosFiltFilt.class);
        assertThat(((SosFiltFilt) IirFilters.butterworthBandPass(8, 0.5, 40, FS)).sectionCount()).isEqualTo(8);
    }

    @Test
    void tooShortInputsAreRefusedWithTheLengthNeeded() {
        ZeroPhaseFilter f = IirFilters.butterworthHighPass(2, 0.5, FS);
        assertThatThrownBy(() -> f.apply(new double[9]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs more than 9 samples")
                .hasMessageContaining("Butterworth high-pass 0.5 Hz, order 2");
        assertThat(f.apply(new double[10])).hasSize(10);
        ZeroPhaseFilter bp = IirFilters.butterworthBandPass(2, 0.5, 40, FS);
        assertThatThrownBy(() -> bp.apply(new double[][] {new double[100], new double[15]}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs more than 15 samples, leads[1] has 15");
        assertThatThrownBy(() -> f.apply((double[]) null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void descriptionsSayWhatTheFilterIs() {
        assertThat(IirFilters.butterworthHighPass(2, 0.5, FS).describe())
                .isEqualTo("Butterworth high-pass 0.5 Hz, order 2 (zero-phase)");
        assertThat(IirFilters.butterworthLowPass(4, 40, FS).describe())
                .isEqualTo("Butterworth low-pass 40 Hz, order 4 (zero-phase)");
        assertThat(IirFilters.butterworthBandPass(2, 0.67, 150, 1000).describe())
                .isEqualTo("Butterworth band-pass 0.67-150 Hz, order 2 (zero-phase)");
        assertThat(IirFilters.notch(50, 30, FS).describe()).isEqualTo("Notch 50 Hz, Q 30 (zero-phase)");
    }

    @Test
    void coefficientsAreDefensiveCopies() {
        IirBaFiltFilt ba = (IirBaFiltFilt) IirFilters.notch(50, 30, FS);
        double before = ba.numerator()[1];
        ba.numerator()[1] = 99;
        assertThat(ba.numerator()[1]).isEqualTo(before);
        SosFiltFilt sos = (SosFiltFilt) IirFilters.butterworthBandPass(2, 0.5, 40, FS);
        sos.sections()[0][0] = 99;
        assertThat(sos.sections()[0][0]).isNotEqualTo(99);
    }

    @Test
    void customCoefficientsAreChecked() {
        assertThatThrownBy(() -> IirBaFiltFilt.of(new double[] {1, 2, 3, 4}, new double[] {1}, "x"))
                .hasMessageContaining("1 to 3 coefficients");
        assertThatThrownBy(() -> IirBaFiltFilt.of(new double[] {1, 2}, new double[] {0, 1}, "x"))
                .hasMessageContaining("a[0]");
        assertThatThrownBy(() -> SosFiltFilt.of(new double[][] {{1, 0, 0, 2, 0, 0}}, "x"))
                .hasMessageContaining("sos[0][3] (a0) must be 1");
        assertThatThrownBy(() -> SosFiltFilt.of(new double[][] {{1, 0, 0, 1, 0}}, "x"))
                .hasMessageContaining("6 coefficients");
        // a[0] != 1 is divided out as lfilter does
        IirBaFiltFilt scaled = IirBaFiltFilt.of(new double[] {2, 4}, new double[] {2, -1}, "scaled");
        IirBaFiltFilt plain = IirBaFiltFilt.of(new double[] {1, 2}, new double[] {1, -0.5}, "plain");
        double[] x = noise(new Random(1), 50);
        assertThat(scaled.apply(x)).isEqualTo(plain.apply(x));
    }
}
