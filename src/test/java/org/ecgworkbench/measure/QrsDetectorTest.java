package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.UnaryOperator;
import org.ecgworkbench.signal.dsp.FftResampler;
import org.junit.jupiter.api.Test;

class QrsDetectorTest {

    /** Three leads of synthetic beats (Gaussian Q, R, S and a broad T) at the given times. */
    static LeadMatrix synthetic(double fs, double seconds, double[] beatTimes) {
        int n = (int) Math.round(fs * seconds);
        double[][] x = new double[3][n];
        double[] gains = {1.0, 0.6, -0.8};
        for (int lead = 0; lead < 3; lead++) {
            for (int i = 0; i < n; i++) {
                double t = i / fs;
                double v = 0;
                for (double b : beatTimes) {
                    v += -0.1 * bump(t, b - 0.025, 0.008) + 1.0 * bump(t, b, 0.01) - 0.25 * bump(t, b + 0.025, 0.008)
                            + 0.3 * bump(t, b + 0.3, 0.05) + 0.1 * bump(t, b - 0.16, 0.025);
                }
                x[lead][i] = gains[lead] * v;
            }
        }
        return new LeadMatrix(List.of("I", "II", "V1"), x, fs);
    }

    private static double bump(double t, double centre, double width) {
        double z = (t - centre) / width;
        return Math.exp(-0.5 * z * z);
    }

    @Test
    void findsEverySyntheticBeatAtEveryRate() {
        double[] beats = new double[12];
        for (int i = 0; i < beats.length; i++) beats[i] = 0.4 + i * 0.8 + (i % 3) * 0.05;
        for (double fs : new double[] {100, 250, 257, 360, 500, 1000}) {
            int[] d = QrsDetector.detect(synthetic(fs, 10, beats));
            assertThat(d).as("%s Hz", fs).hasSize(beats.length);
            for (int i = 0; i < beats.length; i++) {
                assertThat(Math.abs(d[i] / fs - beats[i])).as("%s Hz beat %d", fs, i).isLessThan(0.03);
            }
        }
    }

    @Test
    void flatOrEmptyInputGivesNoBeats() {
        assertThat(QrsDetector.detect(new LeadMatrix(List.of("I"), new double[][] {new double[5000]}, 500))).isEmpty();
        assertThat(QrsDetector.detect(new LeadMatrix(List.of("I"), new double[][] {new double[3]}, 500))).isEmpty();
        assertThat(QrsDetector.detect(new LeadMatrix(List.of(), new double[0][], 500))).isEmpty();
        double[] nan = new double[5000];
        nan[10] = Double.NaN;
        assertThat(QrsDetector.detect(new LeadMatrix(List.of("I"), new double[][] {nan}, 500))).isEmpty();
    }

    /** LUDB with perturbations a cart meets: the detector must keep its figures. */
    @Test
    void staysAccurateOnPerturbedLudbRecords() throws IOException {
        assumeTrue(LudbRecords.present(), "LUDB not present");
        List<String> failures = new ArrayList<>();
        check("flat lead II and V1", m -> perturb(m, (lead, x) -> lead == 1 || lead == 6 ? new double[x.length] : x), failures);
        check("baseline wander 1.5 mV at 0.3 Hz", m -> perturb(m, (lead, x) -> {
            double[] y = x.clone();
            for (int i = 0; i < y.length; i++) y[i] += 1.5 * Math.sin(2 * Math.PI * 0.3 * i / m.fs() + lead);
            return y;
        }), failures);
        check("white noise 0.05 mV rms", m -> perturb(m, (lead, x) -> {
            Random r = new Random(lead);
            double[] y = x.clone();
            for (int i = 0; i < y.length; i++) y[i] += 0.05 * r.nextGaussian();
            return y;
        }), failures);
        check("one lead of 2 mV noise", m -> perturb(m, (lead, x) -> {
            if (lead != 4) return x;
            Random r = new Random(7);
            double[] y = x.clone();
            for (int i = 0; i < y.length; i++) y[i] += 2 * r.nextGaussian();
            return y;
        }), failures);
        check("pacing spikes 5 mV every 0.37 s", m -> perturb(m, (lead, x) -> {
            double[] y = x.clone();
            int step = (int) Math.round(0.37 * m.fs());
            for (int i = step / 2; i < y.length; i += step) y[i] += 5;
            return y;
        }), failures);
        for (double fs : new double[] {100, 250, 1000}) {
            check("resampled to " + fs + " Hz", m -> new LeadMatrix(m.names(), FftResampler.resample(m.samples(), m.fs(), fs), fs),
                    failures);
        }
        assertThat(failures).isEmpty();
    }

    interface LeadChange {
        double[] apply(int lead, double[] x);
    }

    private static LeadMatrix perturb(LeadMatrix m, LeadChange change) {
        double[][] out = new double[m.leadCount()][];
        for (int i = 0; i < out.length; i++) out[i] = change.apply(i, m.samples()[i]);
        return new LeadMatrix(m.names(), out, m.fs());
    }

    private static void check(String what, UnaryOperator<LeadMatrix> change, List<String> failures) throws IOException {
        DetectionScore total = new DetectionScore(0, 0, 0);
        for (LudbRecords.Entry e : LudbRecords.all()) {
            LeadMatrix m = change.apply(e.leads());
            total = total.plus(DetectionScore.of(QrsDetector.detect(m), e.reference(), m.fs()));
        }
        System.out.println("LUDB QRS detection, " + what + ": " + total);
        if (total.sensitivity() < 0.99 || total.positivePredictivity() < 0.99) failures.add(what + ": " + total);
    }
}
