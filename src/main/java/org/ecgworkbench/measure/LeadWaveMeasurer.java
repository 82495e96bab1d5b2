package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;

/**
 * Measures every lead's waves on its median beat, inside the global fiducials (the CSE convention: one set of
 * onsets and offsets for all leads).
 * <ul>
 * <li><b>Isoelectric level</b>: the mean of the lead over the {@value #LEVEL_MS} ms that end at the global QRS
 * onset (the end of the PR segment); every amplitude is taken from it.</li>
 * <li><b>P</b>: within the global P onset–offset, the wave's signed extreme and the span from the first wave's
 * start to the last one's end ({@link Deflections}: at least 30 µV for 6 ms); empty without a global P or when
 * the lead shows no such wave there. A biphasic P gives its larger phase.</li>
 * <li><b>QRS</b>: the waves between global QRS onset and offset, named in order: an initial negative wave is Q,
 * the first positive R, the negative after it S, the next positive R′ and the negative after that S′; a complex
 * with no positive wave (QS) fills Q and S with the same wave. Durations run between the level crossings.</li>
 * <li><b>T</b>: the signed largest deviation from {@value #T_START_MS} ms after J (the global QRS offset) to the
 * global T end; empty without a T end.</li>
 * <li><b>ST</b>: the deviation at J and at J + {@value #ST_LATE_MS} ms.</li>
 * </ul>
 * A lead that is flat (under {@value #FLAT_MV} mV peak to peak over the whole median beat) or not finite has
 * every value empty, with a warning.
 */
public final class LeadWaveMeasurer {

    static final double LEVEL_MS = 10;
    static final double T_START_MS = 40;
    static final double ST_LATE_MS = 60;
    static final double FLAT_MV = 0.01;

    private LeadWaveMeasurer() {
    }

    /** One measurement per lead of {@code m}, in its order; what cannot be measured is empty and added to warnings. */
    public static List<LeadMeasurement> measure(MedianBeats m, Delineation d, List<String> warnings) {
        List<LeadMeasurement> out = new ArrayList<>();
        List<String> flat = new ArrayList<>();
        for (int l = 0; l < m.samples().length; l++) {
            String name = m.names().get(l);
            double[] row = m.samples()[l];
            if (!measurable(row)) {
                flat.add(name);
                out.add(empty(name));
            } else {
                out.add(measureLead(name, row, d, m.fs()));
            }
        }
        if (!flat.isEmpty()) {
            warnings.add("waves not measurable in lead" + (flat.size() > 1 ? "s " : " ") + String.join(", ", flat)
                    + ": flat or not finite on the median beat");
        }
        if (!d.hasTEnd() && flat.size() < m.samples().length) {
            warnings.add("T amplitudes not measurable: no T end found on the median beat");
        }
        return out;
    }

    /** The lead's isoelectric level: its mean over the {@value #LEVEL_MS} ms ending at the global QRS onset. */
    static double isoelectricLevel(double[] row, Delineation d, double fs) {
        int end = Math.min(row.length - 1, Math.max(0, d.qrsOnset()));
        int start = Math.max(0, end - (int) Math.round(LEVEL_MS * fs / 1000.0));
        double sum = 0;
        for (int i = start; i <= end; i++) sum += row[i];
        return sum / (end - start + 1);
    }

    /** Finite and not flat over the whole median beat. */
    static boolean measurable(double[] row) {
        if (row.length == 0) return false;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : row) {
            if (!Double.isFinite(v)) return false;
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min >= FLAT_MV;
    }

    private static LeadMeasurement measureLead(String name, double[] row, Delineation d, double fs) {
        double level = isoelectricLevel(row, d, fs);
        OptionalDouble pMv = OptionalDouble.empty();
        OptionalDouble pMs = OptionalDouble.empty();
        if (d.hasP()) {
            List<Deflections.Wave> p = Deflections.find(row, level, d.pOnset(), d.pOffset(), fs);
            if (!p.isEmpty()) {
                Deflections.Wave largest = p.get(0);
                for (Deflections.Wave w : p) {
                    if (Math.abs(w.amplitudeMv()) > Math.abs(largest.amplitudeMv())) largest = w;
                }
                pMv = OptionalDouble.of(largest.amplitudeMv());
                pMs = OptionalDouble.of((p.get(p.size() - 1).end() - p.get(0).start()) * 1000.0 / fs);
            }
        }
        QrsWaves qrs = QrsWaves.name(Deflections.find(row, level, d.qrsOnset(), d.qrsOffset(), fs));

        OptionalDouble tMv = OptionalDouble.empty();
        int j = d.qrsOffset();
        if (d.hasTEnd()) {
            int from = Math.min(j + (int) Math.round(T_START_MS * fs / 1000.0), d.tEnd());
            double extreme = 0;
            for (int i = from; i <= Math.min(d.tEnd(), row.length - 1); i++) {
                double y = row[i] - level;
                if (Math.abs(y) > Math.abs(extreme)) extreme = y;
            }
            tMv = OptionalDouble.of(extreme);
        }
        OptionalDouble stJ = j >= 0 && j < row.length ? OptionalDouble.of(row[j] - level) : OptionalDouble.empty();
        int late = j + (int) Math.round(ST_LATE_MS * fs / 1000.0);
        OptionalDouble stLate = j >= 0 && late < row.length ? OptionalDouble.of(row[late] - level) : OptionalDouble.empty();
        return new LeadMeasurement(name, pMv, pMs,
                amplitude(qrs.q()), duration(qrs.q(), fs), amplitude(qrs.r()), duration(qrs.r(), fs),
                amplitude(qrs.s()), duration(qrs.s(), fs), amplitude(qrs.rPrime()), duration(qrs.rPrime(), fs),
                amplitude(qrs.sPrime()), duration(qrs.sPrime(), fs), tMv, stJ, stLate);
    }

    private static OptionalDouble amplitude(Deflections.Wave w) {
        return w == null ? OptionalDouble.empty() : OptionalDouble.of(w.amplitudeMv());
    }

    private static OptionalDouble duration(Deflections.Wave w, double fs) {
        return w == null ? OptionalDouble.empty() : OptionalDouble.of(w.ms(fs));
    }

    private static LeadMeasurement empty(String name) {
        OptionalDouble e = OptionalDouble.empty();
        return new LeadMeasurement(name, e, e, e, e, e, e, e, e, e, e, e, e, e, e, e);
    }
}
