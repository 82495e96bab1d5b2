package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.DoubleUnaryOperator;
import java.util.function.UnaryOperator;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;

/**
 * The measurement path over pathological signals (issue 16, "Speed and robustness"): flat, clipped, lead-off
 * (NaN, infinite or constant), spikes, huge amplitudes, noise alone, 0-, 1- and few-sample records, 2-lead
 * records, at every sampling rate the readers deliver. No exception escapes, nothing hangs, every number given
 * is finite and in a physiological range, and whatever is not measured carries a warning saying why.
 */
@SlowTest
class MeasurementFuzzTest {

    static final double[] RATES = {40, 100, 250, 257, 360, 500, 1000};
    static final List<String> TWELVE = List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");
    /** Per case; a 10-s 12-lead record at 1000 Hz measures in well under a second. */
    static final Duration LIMIT = Duration.ofSeconds(10);

    record Pathology(String name, UnaryOperator<double[][]> apply) {
    }

    static List<Pathology> pathologies(long seed) {
        Random rnd = new Random(seed);
        List<Pathology> out = new ArrayList<>();
        out.add(new Pathology("intact", x -> x));
        out.add(new Pathology("all flat (zero)", x -> map(x, v -> 0)));
        out.add(new Pathology("all constant 3 mV", x -> map(x, v -> 3)));
        out.add(new Pathology("clipped at ±0.2 mV", x -> map(x, v -> Math.max(-0.2, Math.min(0.2, v)))));
        out.add(new Pathology("huge amplitudes (×1e6)", x -> map(x, v -> v * 1e6)));
        out.add(new Pathology("tiny amplitudes (×1e-6)", x -> map(x, v -> v * 1e-6)));
        out.add(new Pathology("huge offset (1e6 mV)", x -> map(x, v -> v + 1e6)));
        out.add(new Pathology("one lead off (NaN)", x -> lead(x, 1, Double.NaN)));
        out.add(new Pathology("all leads off (NaN)", x -> map(x, v -> Double.NaN)));
        out.add(new Pathology("one lead infinite", x -> lead(x, 0, Double.POSITIVE_INFINITY)));
        out.add(new Pathology("NaN dropouts in every lead", x -> {
            double[][] y = copy(x);
            for (double[] l : y) for (int i = 0; i < l.length; i += 97) l[i] = Double.NaN;
            return y;
        }));
        out.add(new Pathology("half the leads constant", x -> {
            double[][] y = copy(x);
            for (int l = 0; l < y.length; l += 2) Arrays.fill(y[l], -1.5);
            return y;
        }));
        out.add(new Pathology("10-mV spikes", x -> {
            double[][] y = copy(x);
            for (double[] l : y) for (int i = rnd.nextInt(50); i < l.length; i += 20 + rnd.nextInt(200)) l[i] += rnd.nextBoolean() ? 10 : -10;
            return y;
        }));
        out.add(new Pathology("white noise 2 mV alone", x -> map(x, v -> 2 * rnd.nextGaussian())));
        out.add(new Pathology("noise 1e6 mV alone", x -> map(x, v -> 1e6 * rnd.nextGaussian())));
        out.add(new Pathology("steps", x -> {
            double[][] y = copy(x);
            for (double[] l : y) for (int i = l.length / 2; i < l.length; i++) l[i] += 5;
            return y;
        }));
        out.add(new Pathology("alternating ±max", x -> {
            double[][] y = copy(x);
            for (double[] l : y) for (int i = 0; i < l.length; i++) l[i] = (i % 2 == 0 ? 1 : -1) * Double.MAX_VALUE;
            return y;
        }));
        return out;
    }

    @Test
    void pathologiesAtEveryRateNeverThrowNorHang() {
        List<String> problems = new ArrayList<>();
        int cases = 0;
        for (double fs : RATES) {
            for (int leadCount : new int[] {12, 2}) {
                for (Pathology p : pathologies(0xEC616L)) {
                    double[][] x = p.apply().apply(ecg(fs, 10, leadCount));
                    problems.addAll(check(String.format(Locale.ROOT, "%s, %d leads, %s Hz", p.name(), leadCount, fs),
                            new LeadMatrix(TWELVE.subList(0, leadCount), x, fs)));
                    cases++;
                }
            }
        }
        assertThat(problems).as("%d cases", cases).isEmpty();
    }

    /** The same rhythm is measured alike at every rate the readers deliver (12 and 2 leads). */
    @Test
    void anIntactRecordIsMeasuredAtEveryRate() {
        for (double fs : RATES) {
            for (int leadCount : new int[] {12, 2}) {
                Measurement m = Measurement.of(new LeadMatrix(TWELVE.subList(0, leadCount), ecg(fs, 10, leadCount), fs));
                String what = leadCount + " leads at " + fs + " Hz";
                assertThat(m.intervals().rateBpm()).as(what).isPresent();
                assertThat(m.intervals().rateBpm().getAsDouble()).as(what).isBetween(74.0, 76.0);
                assertThat(m.intervals().qrsMs()).as(what).isPresent();
                assertThat(m.intervals().qtMs()).as(what).isPresent();
                if (fs >= 100) {
                    assertThat(m.intervals().qrsMs().getAsDouble()).as(what).isBetween(60.0, 130.0);
                    assertThat(m.intervals().qtMs().getAsDouble()).as(what).isBetween(300.0, 520.0);
                }
            }
        }
    }

    @Test
    void shortAndEmptyRecordsSayWhy() {
        List<String> problems = new ArrayList<>();
        for (double fs : RATES) {
            for (int n : new int[] {0, 1, 2, 3, 7, 20, 100, (int) fs, (int) (2.5 * fs)}) {
                double[][] full = ecg(fs, 10, 12);
                double[][] x = new double[12][];
                for (int l = 0; l < 12; l++) x[l] = Arrays.copyOf(full[l], n);
                problems.addAll(check(n + " samples at " + fs + " Hz", new LeadMatrix(TWELVE, x, fs)));
            }
        }
        problems.addAll(check("no leads", new LeadMatrix(List.of(), new double[0][], 500)));
        assertThat(problems).isEmpty();
    }

    @Test
    void warningsNameTheReason() {
        Measurement flat = Measurement.of(new LeadMatrix(TWELVE, new double[12][5000], 500));
        assertThat(flat.warnings()).anyMatch(w -> w.startsWith("rate not measurable") && w.contains("flat"));
        double[][] off = new double[2][5000];
        Arrays.fill(off[0], Double.NaN);
        Arrays.fill(off[1], Double.NaN);
        assertThat(Measurement.of(new LeadMatrix(List.of("I", "II"), off, 500)).warnings())
                .anyMatch(w -> w.contains("not measurable") && w.contains("non-finite"));
        assertThat(Measurement.of(new LeadMatrix(List.of("II"), new double[1][1], 500)).warnings())
                .anyMatch(w -> w.contains("not measurable") && w.contains("too short"));
        assertThat(Measurement.of(new LeadMatrix(List.of("II"), new double[1][5000], 20)).warnings())
                .anyMatch(w -> w.contains("not measurable") && w.contains("sampling"));
    }

    /** Problems with measuring {@code leads}: an escaped exception, a hang, a non-finite or absurd number, a silent gap. */
    static List<String> check(String name, LeadMatrix leads) {
        List<String> problems = new ArrayList<>();
        Measurement m;
        try {
            m = assertTimeoutPreemptively(LIMIT, () -> Measurement.of(leads), name + ": hang");
        } catch (AssertionError e) {
            problems.add(name + ": did not finish within " + LIMIT.toSeconds() + " s");
            return problems;
        } catch (RuntimeException e) {
            problems.add(name + ": escaped " + e);
            return problems;
        }
        GlobalIntervals g = m.intervals();
        range(problems, name, "rate", g.rateBpm(), 10, 400);
        range(problems, name, "RR", g.rrMs(), 150, 6000);
        range(problems, name, "RR SD", g.rrSdMs(), 0, 6000);
        range(problems, name, "P", g.pMs(), 0, 400);
        range(problems, name, "PR", g.prMs(), 0, 600);
        range(problems, name, "QRS", g.qrsMs(), 0, 400);
        range(problems, name, "QT", g.qtMs(), 0, 1000);
        m.qtcMs().forEach((c, v) -> {
            if (!Double.isFinite(v)) problems.add(name + ": QTc " + c + " = " + v);
        });
        for (Beat b : m.beats()) {
            if (b.sample() < 0 || b.sample() >= leads.length()) problems.add(name + ": beat outside the record at " + b.sample());
        }
        if (g.rateBpm().isEmpty() && m.warnings().stream().noneMatch(w -> w.startsWith("rate not measurable"))) {
            problems.add(name + ": no rate and no warning");
        }
        if (g.qrsMs().isEmpty() && m.warnings().stream().noneMatch(w -> w.contains("not measurable"))) {
            problems.add(name + ": no QRS and no warning");
        }
        return problems;
    }

    private static void range(List<String> problems, String name, String what, OptionalDouble v, double lo, double hi) {
        if (v.isPresent() && !(v.getAsDouble() >= lo && v.getAsDouble() <= hi)) problems.add(name + ": " + what + " = " + v.getAsDouble());
    }

    /** A 12-lead (or fewer) synthetic ECG at 75 bpm, leads scaled and signed differently. */
    static double[][] ecg(double fs, double seconds, int leadCount) {
        double[] beats = new double[(int) (seconds / 0.8)];
        for (int i = 0; i < beats.length; i++) beats[i] = 0.5 + i * 0.8;
        double[][] base = QrsDetectorTest.synthetic(fs, seconds, beats).samples();
        double[][] x = new double[leadCount][];
        for (int l = 0; l < leadCount; l++) {
            x[l] = base[l % base.length].clone();
            double gain = 0.5 + 0.1 * l;
            for (int i = 0; i < x[l].length; i++) x[l][i] *= gain;
        }
        return x;
    }

    private static double[][] map(double[][] x, DoubleUnaryOperator f) {
        double[][] y = copy(x);
        for (double[] l : y) for (int i = 0; i < l.length; i++) l[i] = f.applyAsDouble(l[i]);
        return y;
    }

    private static double[][] lead(double[][] x, int lead, double value) {
        double[][] y = copy(x);
        if (lead < y.length) Arrays.fill(y[lead], value);
        return y;
    }

    private static double[][] copy(double[][] x) {
        double[][] y = new double[x.length][];
        for (int i = 0; i < x.length; i++) y[i] = x[i].clone();
        return y;
    }
}
