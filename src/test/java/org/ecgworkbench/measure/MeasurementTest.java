package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MeasurementTest {

    private static double[] beatTimes(double first, double rr, int count) {
        double[] t = new double[count];
        for (int i = 0; i < count; i++) t[i] = first + i * rr;
        return t;
    }

    @Test
    void syntheticRhythmGivesMedianBeatsAndIntervals() {
        for (double fs : new double[] {100, 250, 500, 1000}) {
            LeadMatrix leads = QrsDetectorTest.synthetic(fs, 10, beatTimes(0.6, 0.8, 12));
            Measurement m = Measurement.of(leads);
            assertThat(m.beats()).as("%s Hz", fs).hasSize(12);
            assertThat(m.medians()).isPresent();
            assertThat(m.medians().get().beatCount()).isGreaterThanOrEqualTo(9);
            assertThat(m.intervals().rateBpm().getAsDouble()).isCloseTo(75, within(0.5));
            // The synthetic QRS (Gaussian Q, R, S at -25, 0, +25 ms) spans roughly 70-110 ms.
            assertThat(m.intervals().qrsMs().getAsDouble()).as("%s Hz QRS", fs).isBetween(60.0, 130.0);
            assertThat(m.intervals().qtMs()).as("%s Hz QT", fs).isPresent();
            assertThat(m.intervals().qtMs().getAsDouble()).as("%s Hz QT", fs).isBetween(300.0, 520.0);
            assertThat(m.intervals().prMs()).as("%s Hz PR", fs).isPresent();
            assertThat(m.intervals().prMs().getAsDouble()).as("%s Hz PR", fs).isBetween(100.0, 260.0);
        }
    }

    @Test
    void aPrematureWideBeatIsNotDominant() {
        double fs = 500;
        double[] beats = beatTimes(0.6, 0.8, 12);
        LeadMatrix leads = QrsDetectorTest.synthetic(fs, 10, beats);
        // Replace beat 6 by a wide, inverted complex arriving 300 ms early.
        double early = beats[6] - 0.3;
        double[][] x = leads.samples();
        for (int lead = 0; lead < x.length; lead++) {
            for (int i = 0; i < x[lead].length; i++) {
                double t = i / fs;
                double zNormal = (t - beats[6]) / 0.01;
                double zWide = (t - early) / 0.04;
                x[lead][i] += -x[lead][i] * Math.exp(-0.5 * zNormal * zNormal) - 1.2 * Math.exp(-0.5 * zWide * zWide);
            }
        }
        Measurement m = Measurement.of(new LeadMatrix(leads.names(), x, fs));
        Beat odd = m.beats().stream().min((a, b) -> Double.compare(Math.abs(a.sample() / fs - early),
                Math.abs(b.sample() / fs - early))).orElseThrow();
        assertThat(Math.abs(odd.sample() / fs - early)).isLessThan(0.06);
        assertThat(odd.type()).isIn(BeatType.VENTRICULAR_OR_WIDE, BeatType.PREMATURE_SUPRAVENTRICULAR);
        assertThat(m.beats().stream().filter(b -> b.type() == BeatType.DOMINANT).count()).isGreaterThanOrEqualTo(8);
    }

    @Test
    void unmeasurableInputSaysSoInsteadOfFailing() {
        Measurement slow = Measurement.of(QrsDetectorTest.synthetic(20, 10, beatTimes(0.6, 0.8, 12)));
        assertThat(slow.intervals().rateBpm()).isEmpty();
        assertThat(slow.warnings()).contains("rate not measurable: sampling rate 20.0 Hz is below the 40 Hz the QRS band needs");
        for (double[][] x : new double[][][] {{new double[5000]}, {new double[1]}, {new double[0]}}) {
            Measurement m = Measurement.of(new LeadMatrix(List.of("II"), x, 500));
            assertThat(m.medians()).isEmpty();
            assertThat(m.intervals().qrsMs()).isEmpty();
            assertThat(m.warnings()).anyMatch(w -> w.contains("not measurable"));
        }
    }
}
