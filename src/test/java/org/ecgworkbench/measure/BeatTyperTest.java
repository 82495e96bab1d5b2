package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Beat typing, per-beat delineation and the rhythm figures on synthetic records whose every beat is known. */
class BeatTyperTest {

    static final double FS = 500;
    static final double SECONDS = 10;

    /** What one synthetic beat is. */
    enum Kind { NORMAL, NO_P, WIDE }

    /** Leads I, II, V1: Gaussian P (unless NO_P), Q, R, S and T per beat; a WIDE beat is a 150-ms complex of another form without P. */
    static LeadMatrix record(double[] times, Kind[] kinds) {
        int n = (int) Math.round(FS * SECONDS);
        double[][] x = new double[3][n];
        double[] gains = {1.0, 0.6, -0.8};
        for (int lead = 0; lead < 3; lead++) {
            for (int i = 0; i < n; i++) {
                double t = i / FS;
                double v = 0;
                for (int k = 0; k < times.length; k++) {
                    double b = times[k];
                    if (Math.abs(t - b) > 0.7) continue;
                    if (kinds[k] == Kind.WIDE) {
                        v += 0.4 * bump(t, b - 0.04, 0.012) - 1.4 * bump(t, b + 0.01, 0.022) + 0.3 * bump(t, b + 0.06, 0.012)
                                + 0.5 * bump(t, b + 0.35, 0.06);
                        continue;
                    }
                    v += -0.1 * bump(t, b - 0.025, 0.008) + bump(t, b, 0.01) - 0.25 * bump(t, b + 0.025, 0.008)
                            + 0.3 * bump(t, b + 0.3, 0.05);
                    if (kinds[k] == Kind.NORMAL) v += 0.12 * bump(t, b - 0.16, 0.025);
                }
                x[lead][i] = gains[lead] * v;
            }
        }
        return new LeadMatrix(List.of("I", "II", "V1"), x, FS);
    }

    static double bump(double t, double centre, double width) {
        double z = (t - centre) / width;
        return Math.exp(-0.5 * z * z);
    }

    static double[] regular(double first, double rr, int count) {
        double[] t = new double[count];
        for (int i = 0; i < count; i++) t[i] = first + i * rr;
        return t;
    }

    static Kind[] all(Kind kind, int count) {
        Kind[] k = new Kind[count];
        Arrays.fill(k, kind);
        return k;
    }

    /** The beat nearest to {@code seconds}. */
    static Beat near(Measurement m, double seconds) {
        return m.beats().stream().min((a, b) -> Double.compare(Math.abs(a.sample() / FS - seconds),
                Math.abs(b.sample() / FS - seconds))).orElseThrow();
    }

    @Test
    void sinusRhythmHasPWavesBeforeEveryBeatAndRegularRr() {
        double[] t = regular(0.6, 0.8, 12);
        Measurement m = Measurement.of(record(t, all(Kind.NORMAL, t.length)));
        Rhythm r = m.rhythm();
        assertThat(r.pBeatFraction().getAsDouble()).isEqualTo(1.0);
        assertThat(r.rrVariation().getAsDouble()).isLessThan(0.01);
        assertThat(r.atrialRateBpm().getAsDouble()).isCloseTo(75, within(1.0));
        assertThat(r.flutterWaves()).isFalse();
        assertThat(r.pacedFraction().getAsDouble()).isZero();
        assertThat(r.count(BeatType.DOMINANT)).isEqualTo(12);
        // Per-beat fiducials in record samples: P before QRS onset before QRS offset before T end, around each beat.
        for (Beat b : m.beats()) {
            Delineation d = b.fiducials().orElseThrow();
            assertThat(d.hasP()).isTrue();
            assertThat(d.pOnset()).isLessThan(d.pOffset());
            assertThat(d.pOffset()).isLessThanOrEqualTo(d.qrsOnset());
            assertThat(d.qrsOnset()).isLessThan(b.sample()).isGreaterThan(b.sample() - (int) (0.1 * FS));
            assertThat(d.qrsOffset()).isGreaterThan(b.sample()).isLessThan(b.sample() + (int) (0.1 * FS));
            if (d.hasTEnd()) assertThat(d.tEnd()).isGreaterThan(d.tPeak()).isGreaterThan(d.qrsOffset());
            // The synthetic P peaks 160 ms before the R peak.
            assertThat(Math.abs((d.pOnset() + d.pOffset()) / 2.0 - (b.sample() - 0.16 * FS))).isLessThan(0.03 * FS);
        }
        assertThat(m.warnings()).noneMatch(w -> w.contains("atrial rate") || w.contains("RR variation"));
    }

    @Test
    void aPrematureNarrowBeatIsSupraventricularAndAWideOneVentricular() {
        double[] t = regular(0.6, 0.8, 12);
        Kind[] k = all(Kind.NORMAL, t.length);
        t[4] -= 0.25;
        t[8] -= 0.3;
        k[8] = Kind.WIDE;
        Measurement m = Measurement.of(record(t, k));
        assertThat(near(m, t[4]).type()).isEqualTo(BeatType.PREMATURE_SUPRAVENTRICULAR);
        assertThat(near(m, t[8]).type()).isEqualTo(BeatType.VENTRICULAR_OR_WIDE);
        assertThat(m.rhythm().count(BeatType.DOMINANT)).isEqualTo(10);
        // The wide beat has its own QRS, wider than the dominant beats'.
        Delineation wide = near(m, t[8]).fiducials().orElseThrow();
        Delineation normal = near(m, t[2]).fiducials().orElseThrow();
        assertThat(wide.qrsOffset() - wide.qrsOnset()).isGreaterThan(normal.qrsOffset() - normal.qrsOnset() + (int) (0.03 * FS));
        assertThat(wide.hasP()).isFalse();
        // The ventricular beat's coupling interval and pause are left out of the RR variation; the premature one counts.
        assertThat(m.rhythm().rrVariation().getAsDouble()).isBetween(0.05, 0.2);
        // The premature beat's P wave falls on the previous T wave, where it is not looked for.
        assertThat(m.rhythm().pBeatFraction().getAsDouble()).isGreaterThanOrEqualTo(0.9);
    }

    @Test
    void aWideBeatOnTimeIsVentricularOrWide() {
        double[] t = regular(0.6, 0.8, 12);
        Kind[] k = all(Kind.NORMAL, t.length);
        k[5] = Kind.WIDE;
        Measurement m = Measurement.of(record(t, k));
        assertThat(near(m, t[5]).type()).isEqualTo(BeatType.VENTRICULAR_OR_WIDE);
        assertThat(m.rhythm().count(BeatType.VENTRICULAR_OR_WIDE)).isEqualTo(1);
    }

    @Test
    void pacingSpikesBeforeEveryBeatMakeThemPaced() {
        double[] t = regular(0.6, 0.8, 12);
        LeadMatrix leads = record(t, all(Kind.NO_P, t.length));
        for (double b : t) {
            int at = (int) Math.round((b - 0.06) * FS);
            for (int lead = 0; lead < 3; lead++) leads.samples()[lead][at] += lead == 2 ? -2.0 : 1.5;
        }
        assertThat(SpikeSuppressor.detect(leads)).hasSize(t.length);
        Measurement m = Measurement.of(leads);
        assertThat(m.beats()).allMatch(b -> b.type() == BeatType.PACED);
        assertThat(m.rhythm().pacedFraction().getAsDouble()).isEqualTo(1.0);
        // Paced beats of the dominant morphology still form the median beats.
        assertThat(m.medians()).isPresent();
    }

    @Test
    void sharpRWavesAndAStraySpikeAreNotPacing() {
        double[] t = regular(0.6, 0.8, 12);
        LeadMatrix leads = record(t, all(Kind.NORMAL, t.length));
        assertThat(SpikeSuppressor.detect(leads)).isEmpty();
        leads.samples()[0][(int) Math.round((t[3] - 0.05) * FS)] += 2;
        assertThat(SpikeSuppressor.detect(leads)).hasSize(1);
        Measurement m = Measurement.of(leads);
        assertThat(m.rhythm().count(BeatType.PACED)).isZero();
    }

    @Test
    void irregularRrWithoutPWavesReadsAsFibrillation() {
        Random random = new Random(7);
        double[] t = new double[14];
        t[0] = 0.5;
        for (int i = 1; i < t.length; i++) t[i] = t[i - 1] + 0.45 + 0.5 * random.nextDouble();
        t = Arrays.stream(t).filter(v -> v < SECONDS - 0.5).toArray();
        LeadMatrix leads = record(t, all(Kind.NO_P, t.length));
        // Fibrillatory waves: a wandering 6-Hz oscillation of 0.05 mV.
        double phase = 0;
        for (int i = 0; i < leads.length(); i++) {
            phase += 2 * Math.PI * (6 + 0.8 * Math.sin(2 * Math.PI * 0.3 * i / FS)) / FS;
            for (int lead = 0; lead < 3; lead++) leads.samples()[lead][i] += 0.05 * Math.sin(phase + lead);
        }
        Rhythm r = Measurement.of(leads).rhythm();
        assertThat(r.rrVariation().getAsDouble()).isGreaterThan(0.15);
        assertThat(r.pBeatFraction().orElse(0)).isLessThan(0.5);
        assertThat(r.flutterWaves()).isFalse();
    }

    @Test
    void sawtoothFlutterAt300PerMinuteIsFound() {
        // 4:1 conduction: QRS every 0.8 s, flutter waves every 0.2 s (300/min), clearest in II and V1.
        double[] t = regular(0.6, 0.8, 12);
        LeadMatrix leads = record(t, all(Kind.NO_P, t.length));
        double[] gains = {0.2, 1.0, 0.8};
        for (int i = 0; i < leads.length(); i++) {
            double cycle = (i / FS + 0.07) / 0.2;
            double saw = 0.15 * (1 - 2 * (cycle - Math.floor(cycle)));
            for (int lead = 0; lead < 3; lead++) leads.samples()[lead][i] += gains[lead] * saw;
        }
        Measurement m = Measurement.of(leads);
        Rhythm r = m.rhythm();
        assertThat(r.flutterWaves()).isTrue();
        assertThat(r.atrialRateBpm().getAsDouble()).isCloseTo(300, within(10.0));
        // Sinus rhythm at the same rate has no flutter waves.
        assertThat(Measurement.of(record(t, all(Kind.NORMAL, t.length))).rhythm().flutterWaves()).isFalse();
    }

    @Test
    void beatsInsideANoiseBurstAreArtefacts() {
        double[] t = regular(0.6, 0.8, 12);
        LeadMatrix leads = record(t, all(Kind.NORMAL, t.length));
        Random random = new Random(3);
        // 1.2 s of 0.4-mV muscle-like noise on all leads around beats 6 and 7.
        for (int i = (int) (5.0 * FS); i < (int) (6.2 * FS); i++) {
            for (int lead = 0; lead < 3; lead++) leads.samples()[lead][i] += 0.4 * random.nextGaussian();
        }
        Measurement m = Measurement.of(leads);
        assertThat(near(m, t[6]).type()).isEqualTo(BeatType.ARTEFACT);
        assertThat(near(m, t[2]).type()).isEqualTo(BeatType.DOMINANT);
        assertThat(m.beats().stream().filter(b -> b.type() == BeatType.ARTEFACT))
                .allMatch(b -> b.sample() / FS > 4.6 && b.sample() / FS < 6.6).allMatch(b -> b.fiducials().isEmpty());
        assertThat(m.medians()).isPresent();
    }

    @Test
    void tooFewBeatsSayWhatIsNotMeasurable() {
        Measurement m = Measurement.of(record(new double[] {1.0, 1.8}, all(Kind.NORMAL, 2)));
        assertThat(m.rhythm().rrVariation()).isEmpty();
        assertThat(m.rhythm().atrialRateBpm()).isEmpty();
        assertThat(m.warnings()).anyMatch(w -> w.startsWith("RR variation not measurable"))
                .anyMatch(w -> w.startsWith("atrial rate not measurable"));
        assertThat(m.rhythm().beatCounts().keySet()).containsExactly(BeatType.values());
    }

    @Test
    void oddSignalsNeverThrowAndSayWhatIsMissing() {
        double[] t = regular(0.6, 0.8, 12);
        LeadMatrix good = record(t, all(Kind.NORMAL, t.length));
        double[][] nan = {good.samples()[0].clone(), good.samples()[1].clone(), good.samples()[2].clone()};
        nan[1][100] = Double.NaN;
        double[][] huge = new double[3][];
        double[][] clipped = new double[3][];
        for (int l = 0; l < 3; l++) {
            huge[l] = Arrays.stream(good.samples()[l]).map(v -> 1e6 * v).toArray();
            clipped[l] = Arrays.stream(good.samples()[l]).map(v -> Math.max(-0.3, Math.min(0.3, v))).toArray();
        }
        double[] spiky = new double[good.length()];
        for (int i = 0; i < spiky.length; i += 185) spiky[i] = 5;
        List<LeadMatrix> odd = List.of(
                new LeadMatrix(good.names(), nan, FS),
                new LeadMatrix(good.names(), huge, FS),
                new LeadMatrix(good.names(), clipped, FS),
                new LeadMatrix(List.of("II"), new double[][] {spiky}, FS),
                new LeadMatrix(List.of("I", "II"), new double[][] {good.samples()[0], good.samples()[1]}, FS),
                new LeadMatrix(List.of("II"), new double[][] {Arrays.copyOf(good.samples()[1], 700)}, FS),
                new LeadMatrix(List.of("II"), new double[][] {new double[1]}, FS));
        for (LeadMatrix leads : odd) {
            Measurement m = Measurement.of(leads);
            assertThat(m.rhythm()).isNotNull();
            assertThat(m.rhythm().beatCounts().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(m.beats().size());
            if (m.rhythm().rrVariation().isEmpty()) assertThat(m.warnings()).anyMatch(w -> w.startsWith("RR variation not measurable"));
            if (m.rhythm().atrialRateBpm().isEmpty()) assertThat(m.warnings()).anyMatch(w -> w.startsWith("atrial rate not measurable"));
        }
    }
}
