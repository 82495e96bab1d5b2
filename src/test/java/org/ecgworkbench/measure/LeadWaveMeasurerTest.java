package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Per-lead waves on synthetic median beats whose waves are drawn as triangles and half-sines of known size. */
class LeadWaveMeasurerTest {

    static final double FS = 500;
    static final int LENGTH = 575;
    // Global fiducials (samples): P 60-110, QRS 200-250, T end 400.
    static final Delineation D = new Delineation(60, 110, 200, 250, 320, 400);

    /** Adds a triangle from {@code from} to {@code to} peaking at {@code height} (mV) halfway. */
    static void triangle(double[] x, int from, int to, double height) {
        double mid = (from + to) / 2.0;
        for (int i = from; i <= to; i++) x[i] += height * (1 - Math.abs(i - mid) / (mid - from));
    }

    static void halfSine(double[] x, int from, int to, double height) {
        for (int i = from; i <= to; i++) x[i] += height * Math.sin(Math.PI * (i - from) / (to - from));
    }

    private static double[] beat(double offset) {
        double[] x = new double[LENGTH];
        Arrays.fill(x, offset);
        return x;
    }

    private static LeadMeasurement only(double[] row, Delineation d, List<String> warnings) {
        MedianBeats m = new MedianBeats(List.of("II"), new double[][] {row}, 225, FS, 10);
        return LeadWaveMeasurer.measure(m, d, warnings).get(0);
    }

    @Test
    void qrsWavesAmplitudesAndDurationsFromTheIsoelectricLevel() {
        double[] x = beat(0.05); // a baseline offset the isoelectric level takes away
        halfSine(x, 65, 105, 0.15);
        triangle(x, 200, 210, -0.1);
        triangle(x, 210, 230, 1.2);
        triangle(x, 230, 250, -0.4);
        halfSine(x, 290, 390, 0.3);
        List<String> warnings = new ArrayList<>();
        LeadMeasurement l = only(x, D, warnings);
        assertThat(warnings).isEmpty();
        assertThat(l.lead()).isEqualTo("II");
        assertThat(l.pMv().getAsDouble()).isCloseTo(0.15, within(0.001));
        assertThat(l.pMs().getAsDouble()).isCloseTo(80, within(2.0));
        assertThat(l.qMv().getAsDouble()).isCloseTo(-0.1, within(1e-9));
        assertThat(l.qMs().getAsDouble()).isCloseTo(20, within(0.5));
        assertThat(l.rMv().getAsDouble()).isCloseTo(1.2, within(1e-9));
        assertThat(l.rMs().getAsDouble()).isCloseTo(40, within(0.5));
        assertThat(l.sMv().getAsDouble()).isCloseTo(-0.4, within(1e-9));
        assertThat(l.sMs().getAsDouble()).isCloseTo(40, within(0.5));
        assertThat(l.rPrimeMv()).isEmpty();
        assertThat(l.sPrimeMv()).isEmpty();
        assertThat(l.tMv().getAsDouble()).isCloseTo(0.3, within(0.001));
        assertThat(l.stJMv().getAsDouble()).isCloseTo(0, within(1e-9));
        assertThat(l.stJ60Mv().getAsDouble()).isCloseTo(0, within(1e-9));
    }

    @Test
    void rsrPrimeInV1GivesRPrimeAndANegativeTIsSigned() {
        double[] x = beat(0);
        triangle(x, 200, 210, 0.2);
        triangle(x, 210, 226, -0.6);
        triangle(x, 226, 250, 0.5);
        halfSine(x, 290, 390, -0.25);
        LeadMeasurement l = only(x, D, new ArrayList<>());
        assertThat(l.qMv()).isEmpty();
        assertThat(l.rMv().getAsDouble()).isCloseTo(0.2, within(1e-9));
        assertThat(l.sMv().getAsDouble()).isCloseTo(-0.6, within(1e-9));
        assertThat(l.rPrimeMv().getAsDouble()).isCloseTo(0.5, within(1e-9));
        assertThat(l.rPrimeMs().getAsDouble()).isCloseTo(48, within(0.5));
        assertThat(l.sPrimeMv()).isEmpty();
        assertThat(l.tMv().getAsDouble()).isCloseTo(-0.25, within(0.001));
    }

    @Test
    void aLoneNegativeWaveIsQsAndRipplesUnderThirtyMicrovoltsAreNoWaves() {
        double[] x = beat(0);
        triangle(x, 200, 204, 0.02); // a 20-µV ripple: not an R
        triangle(x, 204, 250, -0.8);
        LeadMeasurement l = only(x, D, new ArrayList<>());
        assertThat(l.rMv()).isEmpty();
        assertThat(l.qMv().getAsDouble()).isCloseTo(-0.8, within(0.01));
        assertThat(l.sMv().getAsDouble()).isCloseTo(-0.8, within(0.01));
        assertThat(l.qMs().getAsDouble()).isEqualTo(l.sMs().getAsDouble());

        double[] notched = beat(0);
        triangle(notched, 200, 222, 1.0);
        triangle(notched, 222, 224, -0.02); // a notch barely below the level does not split R into R and R'
        triangle(notched, 224, 250, 0.8);
        LeadMeasurement n = only(notched, D, new ArrayList<>());
        assertThat(n.rMv().getAsDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(n.rMs().getAsDouble()).isCloseTo(100, within(0.5));
        assertThat(n.sMv()).isEmpty();
        assertThat(n.rPrimeMv()).isEmpty();
    }

    @Test
    void stLevelsAtJAndJPlus60() {
        double[] x = beat(-0.1);
        triangle(x, 200, 250, 1.0);
        for (int i = 250; i <= 400; i++) x[i] += 0.2; // ST elevation of 0.2 mV up to T end
        halfSine(x, 300, 390, 0.4);
        LeadMeasurement l = only(x, D, new ArrayList<>());
        assertThat(l.stJMv().getAsDouble()).isCloseTo(0.2, within(1e-9));
        assertThat(l.stJ60Mv().getAsDouble()).isCloseTo(0.2, within(1e-9)); // J + 60 ms is sample 280, before the T
        assertThat(l.tMv().getAsDouble()).isCloseTo(0.6, within(0.001));
    }

    @Test
    void flatLeadAbsentPAndNoTEndAreEmptyWithWarnings() {
        double[] flat = beat(0.3);
        double[] holed = beat(0);
        triangle(holed, 200, 250, 1.0);
        holed[300] = Double.NaN;
        double[] live = beat(0);
        triangle(live, 200, 250, 1.0);
        MedianBeats m = new MedianBeats(List.of("I", "V3", "V4"), new double[][] {live, flat, holed}, 225, FS, 10);
        List<String> warnings = new ArrayList<>();
        List<LeadMeasurement> leads = LeadWaveMeasurer.measure(m, new Delineation(-1, -1, 200, 250, 320, -1), warnings);
        assertThat(leads).extracting(LeadMeasurement::lead).containsExactly("I", "V3", "V4");
        assertThat(leads.get(2).rMv()).isEmpty();
        LeadMeasurement v3 = leads.get(1);
        assertThat(List.of(v3.rMv(), v3.sMv(), v3.qMv(), v3.pMv(), v3.tMv(), v3.stJMv(), v3.stJ60Mv())).allMatch(o -> o.isEmpty());
        LeadMeasurement i = leads.get(0);
        assertThat(i.rMv().getAsDouble()).isCloseTo(1.0, within(1e-9));
        assertThat(i.pMv()).isEmpty();
        assertThat(i.tMv()).isEmpty();
        assertThat(warnings).containsExactly("waves not measurable in leads V3, V4: flat or not finite on the median beat",
                "T amplitudes not measurable: no T end found on the median beat");
    }
}
