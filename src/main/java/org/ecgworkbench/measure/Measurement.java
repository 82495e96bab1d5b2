package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * The measurement of one record: beats, median beats, their delineation and the global intervals, with a
 * warning for every measurement that could not be made.
 */
public record Measurement(List<Beat> beats, Optional<MedianBeats> medians, Optional<Delineation> delineation,
                          GlobalIntervals intervals, Map<QtCorrection, Double> qtcMs, FrontalAxes axes,
                          List<LeadMeasurement> leads, Voltages voltages, Rhythm rhythm, List<Statement> statements,
                          List<String> warnings) {

    public Measurement {
        beats = List.copyOf(beats);
        qtcMs = qtcMs.isEmpty() ? Map.of() : Collections.unmodifiableMap(new EnumMap<>(qtcMs));
        leads = List.copyOf(leads);
        statements = List.copyOf(statements);
        warnings = List.copyOf(warnings);
    }

    /** Measures the standard leads of {@code leads}. Never throws on odd signals: it reports what it cannot do. */
    public static Measurement of(LeadMatrix leads) {
        List<String> warnings = new ArrayList<>();
        QrsDetector.Detections detected = QrsDetector.detectWithReason(leads);
        int[] detections = detected.positions();
        OptionalDouble rr = OptionalDouble.empty();
        OptionalDouble rrSd = OptionalDouble.empty();
        OptionalDouble rate = OptionalDouble.empty();
        if (detections.length >= 2) {
            double[] intervals = new double[detections.length - 1];
            double sum = 0;
            for (int i = 1; i < detections.length; i++) {
                intervals[i - 1] = (detections[i] - detections[i - 1]) * 1000.0 / leads.fs();
                sum += intervals[i - 1];
            }
            double mean = sum / intervals.length;
            double ss = 0;
            for (double r : intervals) ss += (r - mean) * (r - mean);
            rr = OptionalDouble.of(mean);
            rrSd = OptionalDouble.of(Math.sqrt(ss / intervals.length));
            rate = OptionalDouble.of(60_000.0 / mean);
        } else {
            warnings.add("rate not measurable: " + (detected.whyNone().isEmpty()
                    ? detections.length + " beat(s) detected" : detected.whyNone()));
        }
        LeadMatrix filtered = detections.length == 0 ? leads : MeasurementFilter.apply(leads);
        MedianBeatBuilder.Result built = detections.length == 0
                ? new MedianBeatBuilder.Result(List.of(), Optional.empty())
                : MedianBeatBuilder.build(filtered, detections, SpikeSuppressor.detect(leads));
        if (built.medians().isEmpty()) {
            warnings.add("intervals not measurable: fewer than " + MedianBeatBuilder.MIN_BEATS + " dominant beats");
            RhythmAnalyzer.Result rhythm = RhythmAnalyzer.analyse(filtered, built.beats(), Optional.empty(),
                    Optional.empty(), warnings);
            Measurement rhythmOnly = new Measurement(rhythm.beats(), Optional.empty(), Optional.empty(),
                    new GlobalIntervals(rr, rrSd, rate, OptionalDouble.empty(), OptionalDouble.empty(),
                            OptionalDouble.empty(), OptionalDouble.empty()), Map.of(), FrontalAxes.NONE, List.of(),
                    Voltages.NONE, rhythm.rhythm(), List.of(), warnings);
            // Rate and rhythm statements need no median beat (fibrillation leaves few dominant beats).
            return rhythmOnly.withStatements(StatementRules.standard().statementsFor(rhythmOnly));
        }
        MedianBeats m = built.medians().get();
        double medianRrMs = MedianBeatBuilder.medianRr(detections) * 1000.0 / leads.fs();
        Delineation d = MedianBeatDelineator.delineate(m, medianRrMs);
        OptionalDouble qrs = OptionalDouble.of(m.ms(d.qrsOnset(), d.qrsOffset()));
        OptionalDouble p = OptionalDouble.empty();
        OptionalDouble pr = OptionalDouble.empty();
        if (d.hasP()) {
            p = OptionalDouble.of(m.ms(d.pOnset(), d.pOffset()));
            pr = OptionalDouble.of(m.ms(d.pOnset(), d.qrsOnset()));
        } else {
            warnings.add("P duration and PR not measurable: no P wave found on the median beat");
        }
        OptionalDouble qt = OptionalDouble.empty();
        if (d.hasTEnd()) {
            qt = OptionalDouble.of(m.ms(d.qrsOnset(), d.tEnd()));
        } else {
            warnings.add("QT not measurable: no T end found on the median beat");
        }
        RhythmAnalyzer.Result rhythm = RhythmAnalyzer.analyse(filtered, built.beats(), built.medians(), Optional.of(d), warnings);
        Map<QtCorrection, Double> qtc = new EnumMap<>(QtCorrection.class);
        if (qt.isPresent() && rr.isPresent()) {
            for (QtCorrection c : QtCorrection.values()) qtc.put(c, c.correct(qt.getAsDouble(), rr.getAsDouble()));
        }
        Optional<String> gainProblem = LimbLeadConsistency.problem(leads);
        List<LeadMeasurement> perLead;
        FrontalAxes axes;
        Voltages voltages;
        if (gainProblem.isPresent()) {
            warnings.add(gainProblem.get());
            perLead = LeadWaveMeasurer.measure(m, d, new ArrayList<>()).stream().map(LeadMeasurement::durationsOnly)
                    .toList();
            axes = FrontalAxes.NONE;
            voltages = Voltages.NONE;
        } else {
            perLead = LeadWaveMeasurer.measure(m, d, warnings);
            axes = FrontalAxisMeasurer.measure(m, d, warnings);
            voltages = VoltageCriteria.of(perLead, warnings);
        }
        Measurement measured = new Measurement(rhythm.beats(), Optional.of(m), Optional.of(d),
                new GlobalIntervals(rr, rrSd, rate, p, pr, qrs, qt), qtc, axes, perLead, voltages,
                rhythm.rhythm(), List.of(), warnings);
        return measured.withStatements(StatementRules.standard().statementsFor(measured));
    }

    /** This measurement with {@code statements} in place of its own (they are computed from the rest of it). */
    public Measurement withStatements(List<Statement> statements) {
        return new Measurement(beats, medians, delineation, intervals, qtcMs, axes, leads, voltages, rhythm, statements,
                warnings);
    }
}
