package org.ecgworkbench.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * When each beat happens: the RR intervals of the rhythm (McSharry tachogram for sinus rhythms,
 * independent intervals for AF, fixed multiples of the flutter cycle, a fixed pacing interval),
 * scaled so the intervals inside the record have exactly the requested mean and variability,
 * then premature beats inserted. Beats extend a few cycles beyond both ends of the record so
 * the integrator always has the neighbours of the current beat.
 */
final class BeatSchedule {
    static final long SCHEDULE_STREAM = 3;
    private static final double MIN_RR = 0.25;
    private static final double EDGE_MARGIN = 0.1;
    /** Records shorter than this, s, place premature beats with care to fit them all. */
    private static final double SHORT_RECORD = 4;

    private final RecordSpec spec;
    private final RhythmSpec rhythm;
    private final double duration;
    private final SplitMix64 random;

    private BeatSchedule(RecordSpec spec) {
        this.spec = spec;
        this.rhythm = spec.rhythm();
        this.duration = spec.settings().durationSeconds();
        this.random = SplitMix64.forRecord(spec.settings().seed(), spec.index(), SCHEDULE_STREAM);
    }

    static List<Beat> build(RecordSpec spec) {
        return new BeatSchedule(spec).build();
    }

    private List<Beat> build() {
        double mean = rhythm.meanRr();
        int count = (int) Math.ceil((duration + 8 * mean) / mean) + 16;
        // Redrawn (deterministically) until the scaled intervals respect refractoriness.
        Placement placement = null;
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            double[] raw = rawIntervals(count, mean);
            placement = place(raw, mean, rhythm.rrCv() * mean);
            if (placement == null) placement = anywhere(raw, mean, rhythm.rrCv() * mean);
            if (shortest(placement.intervals()) >= shortestAllowed(mean)) break;
        }
        double[] rr = placement.intervals();
        Beat.Kind kind = rhythm.kind() == RhythmSpec.Kind.VENTRICULAR_PACING ? Beat.Kind.PACED : Beat.Kind.CONDUCTED;
        double modulation = random.uniform(0.02, 0.06);
        double modulationPhase = random.uniform(0, 2 * Math.PI);
        double t = placement.firstInside();
        for (int k = 0; k < placement.firstIndex(); k++) t -= rr[k];
        List<Beat> beats = new ArrayList<>();
        for (int k = 0; k <= count; k++) {
            double scale = 1 + modulation * StrictMath.sin(2 * Math.PI * rhythm.respiratoryHz() * t + modulationPhase);
            beats.add(new Beat(t, kind, scale, 1));
            if (k < count) t += rr[k];
        }
        // Atrial first: their sinus-node reset moves every later beat; a ventricular one only
        // replaces a beat, so it cannot push an earlier premature beat out of the record.
        // In a short record that needs both kinds, the first atrial one takes the earliest slot to
        // leave room for the ventricular one.
        boolean leaveRoom = rhythm.prematureVentricular() > 0 && duration < SHORT_RECORD;
        for (int i = 0; i < rhythm.prematureAtrial(); i++) {
            insertPremature(beats, Beat.Kind.PREMATURE_ATRIAL, i == 0, leaveRoom && i == 0);
        }
        for (int i = 0; i < rhythm.prematureVentricular(); i++) insertPremature(beats, Beat.Kind.PREMATURE_VENTRICULAR, i == 0, false);
        extendToCover(beats, mean);
        return withQtScales(beats, mean);
    }

    private static final int MAX_ATTEMPTS = 50;

    /**
     * The shortest interval a rhythm may have: AF's refractoriness, max(300 ms, 40 % of the
     * mean); sinus rhythms never vary below 60 % of their mean.
     */
    private double shortestAllowed(double mean) {
        return rhythm.kind() == RhythmSpec.Kind.ATRIAL_FIBRILLATION ? Math.max(0.3, 0.4 * mean) : 0.6 * mean;
    }

    private static double shortest(double[] rr) {
        double m = Double.POSITIVE_INFINITY;
        for (double v : rr) m = Math.min(m, v);
        return m;
    }

    /** The earliest index of the first beat inside the record: enough beats before it for the integrator. */
    private static final int FIRST_INSIDE = 4;

    /** Scaled intervals, the index of the first beat inside the record and its time. */
    private record Placement(double[] intervals, int firstIndex, double firstInside) {
    }

    /**
     * Scales a run of M intervals starting at beat k1 to exactly the requested mean and standard
     * deviation, then places beat k1 at a random time u such that exactly those M intervals lie
     * wholly inside the record (u >= 0, the beat before it falls before 0, the run ends by the
     * record's end and the next interval ends after it), keeping every beat 100 ms clear of the
     * record's ends when possible. M is tried nearest duration / mean RR first, k1 from 4 to 9;
     * null when no (M, k1) fits (a record shorter than about two intervals).
     */
    private Placement place(double[] raw, double mean, double sd) {
        int guess = (int) Math.floor(duration / mean);
        // No beat within 100 ms of either end, where a QRS would be cut in two.
        for (double margin : new double[] {Math.min(EDGE_MARGIN, duration / 20), 0}) {
            for (int delta : new int[] {0, -1, 1, -2, 2, -3}) {
                int m = guess + delta;
                for (int first = FIRST_INSIDE; first < FIRST_INSIDE + 6; first++) {
                    if (m < 2 || first + m + 1 >= raw.length) continue;
                    double[] rr = scaled(raw, first, m, mean, sd);
                    double sum = 0;
                    for (int k = first; k < first + m; k++) sum += rr[k];
                    double lo = Math.max(margin, duration - sum - rr[first + m]);
                    double hi = Math.min(rr[first - 1], duration - margin - sum);
                    if (hi - lo > 1e-6) {
                        // Strictly inside (lo, hi): the interval's ends are open.
                        return new Placement(rr, first, lo + (hi - lo) * (0.001 + 0.998 * random.nextDouble()));
                    }
                }
            }
        }
        return null;
    }

    /** Last resort (records too short for two whole intervals): all intervals scaled, the start anywhere. */
    private Placement anywhere(double[] raw, double mean, double sd) {
        double[] rr = scaled(raw, 0, raw.length, mean, sd);
        return new Placement(rr, FIRST_INSIDE, random.nextDouble() * Math.min(rr[FIRST_INSIDE - 1], duration));
    }

    /** raw scaled so that raw[from .. from+m-1] has exactly the given mean and standard deviation. */
    private static double[] scaled(double[] raw, int from, int m, double mean, double sd) {
        double avg = 0;
        for (int k = from; k < from + m; k++) avg += raw[k];
        avg /= m;
        double ss = 0;
        for (int k = from; k < from + m; k++) ss += (raw[k] - avg) * (raw[k] - avg);
        double s = m > 1 ? Math.sqrt(ss / (m - 1)) : 0;
        double gain = s > 1e-12 ? sd / s : 0;
        double[] rr = new double[raw.length];
        for (int k = 0; k < raw.length; k++) rr[k] = Math.max(MIN_RR, mean + (raw[k] - avg) * gain);
        return rr;
    }

    /** Intervals before scaling: tachogram samples, AF draws, or constants. */
    private double[] rawIntervals(int count, double mean) {
        double[] raw = new double[count];
        switch (rhythm.kind()) {
            case SINUS -> {
                RrTachogram tachogram = new RrTachogram(rhythm.mayerHz(), rhythm.respiratoryHz(), rhythm.lfHfRatio(), random);
                for (int k = 0; k < count; k++) raw[k] = tachogram.at(k * mean);
            }
            case ATRIAL_FIBRILLATION -> {
                // Irregularly irregular: independent log-normal intervals, no memory between beats.
                for (int k = 0; k < count; k++) {
                    double g = Math.max(-2, Math.min(2, random.nextGaussian()));
                    raw[k] = mean * StrictMath.exp(rhythm.rrCv() * g);
                }
            }
            case ATRIAL_FLUTTER, VENTRICULAR_PACING -> Arrays.fill(raw, mean);
        }
        return raw;
    }

    /**
     * Places one premature beat after a randomly chosen ordinary beat inside the record.
     * Ventricular: coupling 50-70 % of the RR (of at most 1 s); the next sinus beat is not
     * conducted and the one after keeps its time (full compensatory pause), except under
     * pacing, where the pacemaker restarts its interval from the premature beat. Atrial:
     * coupling 60-78 % (of at most 1.1 s); the sinus node is reset, so the following beats
     * come one RR (times 1.0-1.1) after the premature beat. The first of each kind must fit even
     * in a short record (see the steps in the body).
     */
    private void insertPremature(List<Beat> beats, Beat.Kind kind, boolean mustPlace, boolean earliest) {
        boolean ventricular = kind == Beat.Kind.PREMATURE_VENTRICULAR;
        double fraction = ventricular ? random.uniform(0.50, 0.70) : random.uniform(0.60, 0.78);
        List<Integer> candidates = slots(beats, fraction, ventricular, true);
        if (candidates.isEmpty() && mustPlace) {
            // A short record must still hold one. Search: allow it right after another premature
            // beat, move the rhythm so one ordinary beat after another falls 0.1 s in (never so
            // far that a premature beat already placed leaves the record), and couple earlier
            // (down to 30 % of the RR) until it fits.
            candidates = slots(beats, fraction, ventricular, false);
            double[] shifts = shiftsToTry(beats);
            for (int s = 0; s < shifts.length && candidates.isEmpty(); s++) {
                double shift = shifts[s];
                List<Beat> moved = new ArrayList<>(beats);
                moved.replaceAll(b -> b.at(b.time() + shift));
                for (double f = fraction; f > 0.3 && candidates.isEmpty(); f *= 0.9) {
                    candidates = slots(moved, f, ventricular, false);
                    if (!candidates.isEmpty()) {
                        fraction = f;
                        beats.clear();
                        beats.addAll(moved);
                    }
                }
            }
            if (candidates.isEmpty()) {
                throw new IllegalStateException(spec.id() + ": no room for a premature beat in " + duration + " s");
            }
        }
        if (candidates.isEmpty()) return;
        int pick = (int) Math.floor(random.nextDouble() * candidates.size());
        int k = candidates.get(earliest ? 0 : pick);
        Beat before = beats.get(k);
        double rr = beats.get(k + 1).time() - before.time();
        double time = before.time() + coupling(rr, fraction, ventricular);
        Beat premature = new Beat(time, kind, before.amplitudeScale(), 1);
        if (ventricular && rhythm.kind() != RhythmSpec.Kind.VENTRICULAR_PACING) {
            beats.set(k + 1, premature);
        } else {
            double resumeAfter = ventricular ? rr : rr * random.uniform(1.0, 1.1);
            double shift = time + resumeAfter - beats.get(k + 1).time();
            for (int j = k + 1; j < beats.size(); j++) beats.set(j, beats.get(j).at(beats.get(j).time() + shift));
            beats.add(k + 1, premature);
        }
    }

    /** Shifts that bring each ordinary beat near the record's start to 0.1 s, keeping placed premature beats inside. */
    private double[] shiftsToTry(List<Beat> beats) {
        double lo = Double.NEGATIVE_INFINITY;
        double hi = Double.POSITIVE_INFINITY;
        for (Beat b : beats) {
            if (!b.premature() || b.time() < 0 || b.time() > duration) continue;
            lo = Math.max(lo, 0.15 - b.time());
            hi = Math.min(hi, duration - 0.15 - b.time());
        }
        List<Double> shifts = new ArrayList<>();
        for (Beat b : beats) {
            // Beats up to one RR before the start: moving later than that would leave the
            // integrator without the beats it needs before the record.
            if (b.premature() || b.time() < -1.1 * rhythm.meanRr() || b.time() > duration) continue;
            double shift = 0.1 - b.time();
            if (shift >= lo && shift <= hi) shifts.add(shift);
        }
        return shifts.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private static double coupling(double rr, double fraction, boolean ventricular) {
        return fraction * Math.min(rr, ventricular ? 1.0 : 1.1);
    }

    /**
     * Beats inside the record after which a premature beat fits. The next beat must be ordinary;
     * when {@code apart}, the beat itself, the one before and the one after next must be too (no
     * two premature beats in a row); otherwise a premature beat may follow another.
     */
    private List<Integer> slots(List<Beat> beats, double fraction, boolean ventricular, boolean apart) {
        List<Integer> out = new ArrayList<>();
        for (int k = 1; k + 2 < beats.size(); k++) {
            Beat b = beats.get(k);
            if (beats.get(k + 1).premature()) continue;
            if (apart && (b.premature() || beats.get(k - 1).premature() || beats.get(k + 2).premature())) continue;
            double rr = beats.get(k + 1).time() - b.time();
            double time = b.time() + coupling(rr, fraction, ventricular);
            if (b.time() >= 0.05 && time + 0.15 <= duration) out.add(k);
        }
        return out;
    }

    /** Appends ordinary beats if inserting premature beats pulled the schedule in from the end. */
    private void extendToCover(List<Beat> beats, double mean) {
        while (beats.get(beats.size() - 1).time() < duration + 4 * mean) {
            Beat last = beats.get(beats.size() - 1);
            Beat.Kind kind = rhythm.kind() == RhythmSpec.Kind.VENTRICULAR_PACING ? Beat.Kind.PACED : Beat.Kind.CONDUCTED;
            beats.add(new Beat(last.time() + mean, kind, 1, 1));
        }
    }

    private static List<Beat> withQtScales(List<Beat> beats, double mean) {
        List<Beat> out = new ArrayList<>(beats.size());
        for (int k = 0; k < beats.size(); k++) {
            double before = k == 0 ? mean : beats.get(k).time() - beats.get(k - 1).time();
            double q = beats.get(k).premature() ? 1 : Math.max(0.8, Math.min(1.2, Math.sqrt(before / mean)));
            out.add(beats.get(k).withQtScale(q));
        }
        return List.copyOf(out);
    }
}
