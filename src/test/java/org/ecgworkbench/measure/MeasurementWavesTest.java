package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalDouble;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;

/**
 * Per-lead waves, axes and voltages through {@link Measurement#of}: a 12-lead record drawn from a frontal dipole
 * (limb leads by Einthoven's and Goldberger's relations) and precordial leads of known wave heights.
 */
class MeasurementWavesTest {

    static final List<String> TWELVE = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    private static double bump(double t, double centre, double width) {
        double z = (t - centre) / width;
        return Math.exp(-0.5 * z * z);
    }

    /**
     * Ten seconds at {@code fs}, a beat every 0.8 s: P (0.15 mV) 160 ms before the R, QRS (1.2 mV) and T (0.35 mV)
     * 300 ms after, pointing at the given frontal angles; V1 is rS (0.2, −1.6), V3 RS (0.6, −1.0), V5 R 2.0, V6 R 1.5.
     */
    static LeadMatrix record(double fs, double pDeg, double qrsDeg, double tDeg, List<String> names) {
        int n = (int) Math.round(10 * fs);
        double[][] x = new double[names.size()][n];
        for (int i = 0; i < n; i++) {
            double t = i / fs;
            double px = 0;
            double py = 0;
            double qx = 0;
            double qy = 0;
            double tx = 0;
            double ty = 0;
            double v1 = 0;
            double v3 = 0;
            double v5 = 0;
            double v6 = 0;
            for (double b = 0.6; b < 10; b += 0.8) {
                double p = 0.15 * bump(t, b - 0.16, 0.02);
                double q = 1.2 * bump(t, b, 0.012);
                double tw = 0.35 * bump(t, b + 0.3, 0.05);
                px += p * Math.cos(Math.toRadians(pDeg));
                py += p * Math.sin(Math.toRadians(pDeg));
                qx += q * Math.cos(Math.toRadians(qrsDeg));
                qy += q * Math.sin(Math.toRadians(qrsDeg));
                tx += tw * Math.cos(Math.toRadians(tDeg));
                ty += tw * Math.sin(Math.toRadians(tDeg));
                v1 += 0.2 * bump(t, b - 0.02, 0.008) - 1.6 * bump(t, b + 0.012, 0.01) + 0.1 * bump(t, b - 0.16, 0.02);
                v3 += 0.6 * bump(t, b - 0.01, 0.01) - 1.0 * bump(t, b + 0.02, 0.01) + 0.2 * bump(t, b + 0.3, 0.05);
                v5 += 2.0 * bump(t, b, 0.012) + 0.3 * bump(t, b + 0.3, 0.05) + 0.08 * bump(t, b - 0.16, 0.02);
                v6 += 1.5 * bump(t, b, 0.012) + 0.25 * bump(t, b + 0.3, 0.05) + 0.08 * bump(t, b - 0.16, 0.02);
            }
            double fx = px + qx + tx;
            double fy = py + qy + ty;
            // Wander moves the electrodes, so the limb leads carry it as they carry the heart's field (II = I + III).
            double wander = 0.2 * Math.sin(2 * Math.PI * 0.2 * t);
            double lI = fx + wander;
            double lII = fx / 2 + fy * Math.sqrt(3) / 2 + wander;
            double lIII = lII - lI;
            double[] all = {lI, lII, lIII, -(lI + lII) / 2, (lI - lIII) / 2, (lII + lIII) / 2, v1 + wander,
                    (v1 + v3) / 2 + wander, v3 + wander, (v3 + v5) / 2 + wander, v5 + wander, v6 + wander};
            for (int k = 0; k < names.size(); k++) x[k][i] = all[TWELVE.indexOf(names.get(k))];
        }
        return new LeadMatrix(names, x, fs);
    }

    private static LeadMeasurement lead(Measurement m, String name) {
        return m.leads().stream().filter(l -> l.lead().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void axesWavesAndVoltagesOfATwelveLeadRecord() {
        check(500);
    }

    @Test
    @SlowTest
    void atOtherSamplingRates() {
        check(250);
        check(1000);
    }

    private static void check(double fs) {
        Measurement m = Measurement.of(record(fs, 55, 40, 25, TWELVE));
        assertThat(m.leads()).extracting(LeadMeasurement::lead).containsExactlyElementsOf(TWELVE);
        assertThat(m.axes().qrsDeg().getAsDouble()).as("%s Hz QRS axis", fs).isCloseTo(40, within(1.0));
        assertThat(m.axes().pDeg().getAsDouble()).as("%s Hz P axis", fs).isCloseTo(55, within(1.0));
        assertThat(m.axes().tDeg().getAsDouble()).as("%s Hz T axis", fs).isCloseTo(25, within(1.0));
        // The 0.5-40 Hz conditioning of the median beats takes a few percent off the narrow QRS waves.
        LeadMeasurement v1 = lead(m, "V1");
        assertThat(v1.rMv().getAsDouble()).as("%s Hz", fs).isCloseTo(0.2, within(0.05));
        assertThat(v1.sMv().getAsDouble()).as("%s Hz", fs).isCloseTo(-1.6, within(0.12));
        assertThat(v1.qMv()).isEmpty();
        assertThat(lead(m, "V5").rMv().getAsDouble()).isCloseTo(2.0, within(0.12));
        assertThat(lead(m, "II").pMv().getAsDouble()).isCloseTo(0.15 * Math.cos(Math.toRadians(5)), within(0.02));
        assertThat(lead(m, "V6").tMv().getAsDouble()).isCloseTo(0.25, within(0.03));
        assertThat(lead(m, "V6").stJMv().getAsDouble()).isCloseTo(0, within(0.05));
        assertThat(m.voltages().sokolowLyonMv().getAsDouble()).as("%s Hz", fs).isCloseTo(3.6, within(0.25));
        assertThat(m.voltages().cornellMv().getAsDouble()).as("%s Hz", fs)
                .isCloseTo(1.2 * Math.cos(Math.toRadians(40 + 30)) * Math.sqrt(3) / 2 + 1.0, within(0.12));
        assertThat(m.warnings()).noneMatch(w -> w.contains("axis") || w.contains("voltage")
                || w.contains("waves") && !w.startsWith("flutter"));
    }

    @Test
    void aTwoLeadRecordSaysWhatItCannotMeasure() {
        Measurement m = Measurement.of(record(500, 55, 40, 25, List.of("II", "V1")));
        assertThat(m.leads()).hasSize(2);
        assertThat(m.axes()).isEqualTo(FrontalAxes.NONE);
        assertThat(m.voltages()).isEqualTo(Voltages.NONE);
        assertThat(m.warnings()).contains(
                "QRS axis not measurable: only limb lead II (two of I, II, III, aVR, aVL, aVF are needed)",
                "Sokolow-Lyon voltage not measurable: leads V5, V6 missing or flat",
                "Cornell voltage not measurable: leads aVL, V3 missing or flat");
        List<String> noLimb = new ArrayList<>(TWELVE.subList(6, 12));
        Measurement chest = Measurement.of(record(500, 55, 40, 25, noLimb));
        assertThat(chest.axes()).isEqualTo(FrontalAxes.NONE);
        assertThat(chest.warnings()).contains(
                "QRS axis not measurable: no limb lead (two of I, II, III, aVR, aVL, aVF are needed)");
        assertThat(chest.voltages().sokolowLyonMv()).isPresent();
        assertThat(chest.voltages().cornellMv()).isEmpty();
    }

    @Test
    void oddLeadsNeverThrowAndNeverGiveNonFiniteValues() {
        LeadMatrix base = record(500, 55, 40, 25, TWELVE);
        double[][] x = base.samples();
        for (int i = 0; i < x[0].length; i++) x[0][i] += (i % 7 == 0 ? 5 : 0); // lead I: 5-mV spikes every 14 ms
        Arrays.fill(x[4], 0); // aVL: lead off
        for (int i = 0; i < x[8].length; i++) x[8][i] = Math.max(-0.3, Math.min(0.3, x[8][i])); // V3 clipped
        for (int i = 0; i < x[10].length; i++) x[10][i] *= 1e4; // V5 absurdly large
        Measurement m = Measurement.of(new LeadMatrix(TWELVE, x, 500));
        assertThat(m.leads()).hasSize(12);
        for (LeadMeasurement l : m.leads()) {
            for (OptionalDouble v : List.of(l.pMv(), l.pMs(), l.qMv(), l.qMs(), l.rMv(), l.rMs(), l.sMv(), l.sMs(),
                    l.rPrimeMv(), l.rPrimeMs(), l.sPrimeMv(), l.sPrimeMs(), l.tMv(), l.stJMv(), l.stJ60Mv())) {
                if (v.isPresent()) assertThat(v.getAsDouble()).as(l.lead()).isFinite();
            }
        }
        for (OptionalDouble v : List.of(m.axes().pDeg(), m.axes().qrsDeg(), m.axes().tDeg(), m.voltages().sokolowLyonMv(),
                m.voltages().cornellMv())) {
            if (v.isPresent()) assertThat(v.getAsDouble()).isFinite();
        }
        assertThat(m.voltages().cornellMv()).isEmpty();
        // Lead I's spikes break Einthoven's law, which refuses every amplitude; else aVL's flat line stops Cornell.
        assertThat(m.warnings()).anyMatch(w -> w.startsWith("Cornell voltage not measurable: lead aVL")
                || w.startsWith("amplitudes, voltages and axes not measurable"));
    }
}
