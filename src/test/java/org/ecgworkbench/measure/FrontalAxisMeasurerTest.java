package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Axes of a frontal dipole projected on the hexaxial leads by Einthoven's and Goldberger's relations. */
class FrontalAxisMeasurerTest {

    static final double FS = 500;
    static final int LENGTH = 575;
    static final Delineation D = new Delineation(60, 110, 200, 245, 320, 400);
    static final List<String> LIMB = List.of("I", "II", "III", "aVR", "aVL", "aVF");

    /**
     * The six limb leads of a heart vector whose P, QRS and T point at the given angles: lead I and II are its
     * projections at 0° and 60°, III = II − I, aVR = −(I + II)/2, aVL = (I − III)/2, aVF = (II + III)/2.
     */
    static double[][] limbLeads(double pDeg, double qrsDeg, double tDeg) {
        double[] x = new double[LENGTH];
        double[] y = new double[LENGTH];
        wave(x, y, 65, 105, 0.15, pDeg, false);
        wave(x, y, 200, 245, 1.2, qrsDeg, true);
        wave(x, y, 290, 390, 0.35, tDeg, false);
        double[][] leads = new double[6][LENGTH];
        for (int i = 0; i < LENGTH; i++) {
            double lI = x[i];
            double lII = x[i] * Math.cos(Math.toRadians(60)) + y[i] * Math.sin(Math.toRadians(60));
            double lIII = lII - lI;
            leads[0][i] = lI + 0.04; // each lead with its own offset, which the isoelectric level removes
            leads[1][i] = lII - 0.02;
            leads[2][i] = lIII;
            leads[3][i] = -(lI + lII) / 2;
            leads[4][i] = (lI - lIII) / 2;
            leads[5][i] = (lII + lIII) / 2 + 0.01;
        }
        return leads;
    }

    /** A half-sine of the vector's magnitude along {@code deg}; a QRS-like one has a smaller opposite lobe after it. */
    private static void wave(double[] x, double[] y, int from, int to, double mv, double deg, boolean biphasic) {
        int split = biphasic ? from + (to - from) * 2 / 3 : to;
        for (int i = from; i <= to; i++) {
            double s = i <= split ? mv * Math.sin(Math.PI * (i - from) / (split - from))
                    : -0.3 * mv * Math.sin(Math.PI * (i - split) / (to - split));
            x[i] += s * Math.cos(Math.toRadians(deg));
            y[i] += s * Math.sin(Math.toRadians(deg));
        }
    }

    private static MedianBeats beats(List<String> names, double[][] all) {
        double[][] rows = new double[names.size()][];
        for (int k = 0; k < names.size(); k++) rows[k] = all[LIMB.indexOf(names.get(k))];
        return new MedianBeats(names, rows, 225, FS, 10);
    }

    private static double angleDifference(double a, double b) {
        double d = (a - b) % 360;
        if (d > 180) d -= 360;
        if (d < -180) d += 360;
        return d;
    }

    @Test
    void aDipoleGivesItsAxesBackFromAnyTwoOrMoreLimbLeads() {
        List<List<String>> subsets = List.of(LIMB, List.of("I", "aVF"), List.of("I", "II"), List.of("II", "III"),
                List.of("aVR", "aVL"), List.of("III", "aVF", "aVL"));
        for (int deg = -170; deg <= 180; deg += 10) {
            double[][] all = limbLeads(deg + 5, deg, deg - 25);
            for (List<String> names : subsets) {
                List<String> warnings = new ArrayList<>();
                FrontalAxes a = FrontalAxisMeasurer.measure(beats(names, all), D, warnings);
                assertThat(warnings).as("%d° %s", deg, names).isEmpty();
                assertThat(angleDifference(a.qrsDeg().getAsDouble(), deg)).as("QRS %d° %s", deg, names).isCloseTo(0, within(1.0));
                assertThat(angleDifference(a.pDeg().getAsDouble(), deg + 5)).as("P %d° %s", deg, names).isCloseTo(0, within(1.0));
                assertThat(angleDifference(a.tDeg().getAsDouble(), deg - 25)).as("T %d° %s", deg, names).isCloseTo(0, within(1.0));
                assertThat(a.qrsDeg().getAsDouble()).isGreaterThan(-180).isLessThanOrEqualTo(180);
            }
        }
    }

    @Test
    void withoutTwoLimbLeadsEveryAxisIsEmptyWithAWarning() {
        double[][] all = limbLeads(60, 45, 30);
        List<String> warnings = new ArrayList<>();
        MedianBeats oneLimb = new MedianBeats(List.of("II", "V1"), new double[][] {all[1], all[0]}, 225, FS, 10);
        assertThat(FrontalAxisMeasurer.measure(oneLimb, D, warnings)).isEqualTo(FrontalAxes.NONE);
        assertThat(warnings).contains("QRS axis not measurable: only limb lead II (two of I, II, III, aVR, aVL, aVF are needed)");
        assertThat(warnings).hasSize(3);

        // A flat aVF is as good as missing.
        warnings.clear();
        MedianBeats flat = new MedianBeats(List.of("I", "aVF"), new double[][] {all[0], new double[LENGTH]}, 225, FS, 10);
        assertThat(FrontalAxisMeasurer.measure(flat, D, warnings)).isEqualTo(FrontalAxes.NONE);
        assertThat(warnings).contains("QRS axis not measurable: only limb lead I (two of I, II, III, aVR, aVL, aVF are needed)");
    }

    @Test
    void noPNoTEndFlatOrEquiphasicWavesAreNotMeasurable() {
        double[][] all = limbLeads(60, 45, 30);
        List<String> warnings = new ArrayList<>();
        FrontalAxes a = FrontalAxisMeasurer.measure(beats(LIMB, all), new Delineation(-1, -1, 200, 245, 320, -1), warnings);
        assertThat(a.pDeg()).isEmpty();
        assertThat(a.tDeg()).isEmpty();
        assertThat(a.qrsDeg()).isPresent();
        assertThat(warnings).containsExactly("P axis not measurable: no P wave found on the median beat",
                "T axis not measurable: no T end found on the median beat");

        // T window with nothing in it: flat.
        double[][] noT = limbLeads(60, 45, 30);
        for (double[] lead : noT) {
            double level = lead[199];
            for (int i = 246; i < LENGTH; i++) lead[i] = level;
        }
        warnings.clear();
        assertThat(FrontalAxisMeasurer.measure(beats(LIMB, noT), D, warnings).tDeg()).isEmpty();
        assertThat(warnings).containsExactly("T axis not measurable: T wave flat in the limb leads (under 0.03 mV)");

        // A QRS whose positive and negative halves cancel in every lead: indeterminate.
        double[][] equiphasic = new double[6][LENGTH];
        for (int k = 0; k < 6; k++) {
            equiphasic[k] = limbLeads(60, 45, 30)[k].clone();
            double gain = Math.cos(Math.toRadians(45 - new double[] {0, 60, 120, -150, -30, 90}[k]));
            for (int i = 200; i <= 245; i++) {
                equiphasic[k][i] = equiphasic[k][199] + gain * Math.sin(2 * Math.PI * (i - 200) / 45.0);
            }
        }
        warnings.clear();
        OptionalDouble qrs = FrontalAxisMeasurer.measure(beats(LIMB, equiphasic), D, warnings).qrsDeg();
        assertThat(qrs).isEmpty();
        assertThat(warnings).containsExactly("QRS axis not measurable: indeterminate (net area near zero in every limb lead)");
    }
}
