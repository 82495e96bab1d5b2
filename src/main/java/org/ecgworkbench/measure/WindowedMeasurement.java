package org.ecgworkbench.measure;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.Function;

/**
 * A long recording (30 minutes, 24 hours) measured window by window in bounded memory: only one window's samples
 * are held at a time. Windows of {@link #WINDOW_S} s overlap by twice {@link #MARGIN_S} s; each keeps the beats of
 * its core (its middle, without the margins the next window measures fully), so every beat is detected and typed
 * away from a window edge and counted once. Over the whole recording:
 * <ul>
 *   <li>beats: all of them, in order (sample indices into the recording); RR mean and SD and the rate from all
 *       successive beats;</li>
 *   <li>P, PR, QRS, QT, the axes, rhythm and voltage figures: the median over the windows that measured them;
 *       QTc from that QT and the recording's mean RR;</li>
 *   <li>median beats, delineation and per-lead waves: those of the most typical window (the one whose P, PR, QRS
 *       and QT are nearest the medians), measured again at the end;</li>
 *   <li>statements: those made in at least half the measured windows, with the typical window's reason (or the
 *       first window's that made it) and in how many windows;</li>
 *   <li>warnings: each distinct one once, saying in how many windows.</li>
 * </ul>
 */
public final class WindowedMeasurement {
    /** Window length in seconds. */
    public static final double WINDOW_S = 60;
    /** Overlap on each side of a window's core, in seconds. */
    public static final double MARGIN_S = 2.5;
    /** At most this many distinct window warnings are listed. */
    static final int MAX_WARNINGS = 20;

    /** The samples of the standard leads in mV for frames {@code [first, first + count)}: {@code [lead][frame]}. */
    @FunctionalInterface
    public interface Source {
        double[][] read(long first, int count) throws IOException;
    }

    /**
     * @param measurement the recording's measurement
     * @param windows     how many windows it was measured in
     */
    public record Result(Measurement measurement, int windows) {
    }

    /** What one window measured, kept small (no samples). */
    private record Summary(long start, OptionalDouble p, OptionalDouble pr, OptionalDouble qrs, OptionalDouble qt,
                           OptionalDouble axisP, OptionalDouble axisQrs, OptionalDouble axisT, OptionalDouble atrialRate,
                           OptionalDouble pBeatFraction, OptionalDouble rrVariation, OptionalDouble sokolowLyon,
                           OptionalDouble cornell, boolean measured) {
    }

    private WindowedMeasurement() {
    }

    /** Samples per window at {@code fs}. */
    static int windowFrames(double fs) {
        return (int) Math.round(WINDOW_S * fs);
    }

    /** Measures {@code frames} frames of the leads {@code names} at {@code fs}, read window by window from {@code source}. */
    public static Result of(List<String> names, double fs, long frames, Source source) throws IOException {
        int window = windowFrames(fs);
        int margin = (int) Math.round(MARGIN_S * fs);
        long step = window - 2L * margin;
        List<Beat> beats = new ArrayList<>();
        List<Summary> summaries = new ArrayList<>();
        Map<String, Statement> firstStatement = new LinkedHashMap<>();
        Map<String, Integer> statementCount = new LinkedHashMap<>();
        Map<String, Integer> warningCount = new LinkedHashMap<>();
        for (long start = 0; start < frames || start == 0; start += step) {
            int count = (int) Math.min(window, frames - start);
            boolean last = start + window >= frames;
            Measurement m = Measurement.of(new LeadMatrix(names, source.read(start, count), fs));
            long coreFrom = start == 0 ? 0 : start + margin;
            long coreTo = last ? frames : start + window - margin;
            for (Beat b : m.beats()) {
                long at = start + b.sample();
                if (at >= coreFrom && at < coreTo) beats.add(shifted(b, start));
            }
            summaries.add(summary(start, m));
            for (Statement s : m.statements()) {
                firstStatement.putIfAbsent(s.code(), s);
                statementCount.merge(s.code(), 1, Integer::sum);
            }
            for (String w : m.warnings()) warningCount.merge(w, 1, Integer::sum);
            if (last) break;
        }
        int windows = summaries.size();
        long measuredWindows = summaries.stream().filter(Summary::measured).count();

        List<String> warnings = new ArrayList<>();
        RrStats rr = RrStats.of(beats, fs);
        if (rr == null) warnings.add("rate not measurable: " + beats.size() + " beat(s) detected in the recording");
        OptionalDouble p = median(summaries, Summary::p);
        OptionalDouble pr = median(summaries, Summary::pr);
        OptionalDouble qrs = median(summaries, Summary::qrs);
        OptionalDouble qt = median(summaries, Summary::qt);
        Map<QtCorrection, Double> qtc = new EnumMap<>(QtCorrection.class);
        if (qt.isPresent() && rr != null) {
            for (QtCorrection c : QtCorrection.values()) qtc.put(c, c.correct(qt.getAsDouble(), rr.meanMs()));
        }
        FrontalAxes axes = new FrontalAxes(median(summaries, Summary::axisP), median(summaries, Summary::axisQrs),
                median(summaries, Summary::axisT));
        Rhythm rhythm = new Rhythm(median(summaries, Summary::atrialRate), median(summaries, Summary::pBeatFraction),
                median(summaries, Summary::rrVariation));
        Voltages voltages = new Voltages(median(summaries, Summary::sokolowLyon), median(summaries, Summary::cornell));

        Optional<Summary> typical = typical(summaries, p, pr, qrs, qt);
        Optional<MedianBeats> medians = Optional.empty();
        Optional<Delineation> delineation = Optional.empty();
        List<LeadMeasurement> leads = List.of();
        if (typical.isPresent()) {
            long start = typical.get().start();
            Measurement m = Measurement.of(new LeadMatrix(names, source.read(start, (int) Math.min(window, frames - start)), fs));
            medians = m.medians();
            delineation = m.delineation();
            leads = m.leads();
            // A statement's numbers are the typical window's where it was made there too (else the first window's).
            for (Statement s : m.statements()) firstStatement.replace(s.code(), s);
        }
        List<Statement> statements = new ArrayList<>();
        for (Map.Entry<String, Integer> e : statementCount.entrySet()) {
            if (2L * e.getValue() < measuredWindows || measuredWindows == 0) continue;
            Statement s = firstStatement.get(e.getKey());
            statements.add(new Statement(s.code(), s.abbrev(), s.name(), s.scored(),
                    s.reason() + " (in " + e.getValue() + " of " + measuredWindows + " windows)"));
        }
        int listed = 0;
        for (Map.Entry<String, Integer> e : warningCount.entrySet()) {
            if (listed++ == MAX_WARNINGS) {
                warnings.add("and " + (warningCount.size() - MAX_WARNINGS) + " other window warnings");
                break;
            }
            warnings.add(String.format(Locale.ROOT, "in %d of %d windows: %s", e.getValue(), windows, e.getKey()));
        }
        GlobalIntervals intervals = new GlobalIntervals(rr == null ? OptionalDouble.empty() : OptionalDouble.of(rr.meanMs()),
                rr == null ? OptionalDouble.empty() : OptionalDouble.of(rr.sdMs()),
                rr == null ? OptionalDouble.empty() : OptionalDouble.of(60_000.0 / rr.meanMs()), p, pr, qrs, qt);
        return new Result(new Measurement(beats, medians, delineation, intervals, qtc, axes, leads, voltages, rhythm,
                statements, warnings), windows);
    }

    private static Summary summary(long start, Measurement m) {
        GlobalIntervals g = m.intervals();
        return new Summary(start, g.pMs(), g.prMs(), g.qrsMs(), g.qtMs(), m.axes().pDeg(), m.axes().qrsDeg(), m.axes().tDeg(),
                m.rhythm().atrialRateBpm(), m.rhythm().pBeatFraction(), m.rhythm().rrVariation(), m.voltages().sokolowLyonMv(),
                m.voltages().cornellMv(), m.medians().isPresent());
    }

    /** The beat with its sample and fiducials moved from the window into the recording. */
    private static Beat shifted(Beat b, long start) {
        int s = Math.toIntExact(start);
        Optional<Delineation> f = b.fiducials().map(d -> new Delineation(plus(d.pOnset(), s), plus(d.pOffset(), s),
                plus(d.qrsOnset(), s), plus(d.qrsOffset(), s), plus(d.tPeak(), s), plus(d.tEnd(), s)));
        return new Beat(b.sample() + s, b.type(), b.correlation(), f);
    }

    private static int plus(int index, int start) {
        return index < 0 ? index : index + start;
    }

    /** The measured window nearest the medians (relative distance over the intervals both have); the earliest on a tie. */
    private static Optional<Summary> typical(List<Summary> summaries, OptionalDouble p, OptionalDouble pr, OptionalDouble qrs,
                                             OptionalDouble qt) {
        Summary best = null;
        double bestDistance = Double.POSITIVE_INFINITY;
        for (Summary s : summaries) {
            if (!s.measured()) continue;
            double d = distance(s.p(), p) + distance(s.pr(), pr) + distance(s.qrs(), qrs) + distance(s.qt(), qt);
            if (d < bestDistance) {
                best = s;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    private static double distance(OptionalDouble value, OptionalDouble median) {
        if (median.isEmpty()) return 0;
        if (value.isEmpty()) return 1;
        return Math.abs(value.getAsDouble() - median.getAsDouble()) / Math.max(1, Math.abs(median.getAsDouble()));
    }

    static OptionalDouble median(List<Summary> summaries, Function<Summary, OptionalDouble> value) {
        double[] v = summaries.stream().map(value).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).toArray();
        if (v.length == 0) return OptionalDouble.empty();
        Arrays.sort(v);
        int mid = v.length / 2;
        return OptionalDouble.of(v.length % 2 == 1 ? v[mid] : (v[mid - 1] + v[mid]) / 2);
    }

    /** RR over all successive beats of the recording. */
    private record RrStats(double meanMs, double sdMs) {
        static RrStats of(List<Beat> beats, double fs) {
            if (beats.size() < 2) return null;
            double sum = 0;
            double sumSquares = 0;
            int n = beats.size() - 1;
            for (int i = 1; i < beats.size(); i++) {
                double rr = (beats.get(i).sample() - beats.get(i - 1).sample()) * 1000.0 / fs;
                sum += rr;
                sumSquares += rr * rr;
            }
            double mean = sum / n;
            return new RrStats(mean, Math.sqrt(Math.max(0, sumSquares / n - mean * mean)));
        }
    }
}
