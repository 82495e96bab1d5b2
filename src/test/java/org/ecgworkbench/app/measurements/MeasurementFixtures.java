package org.ecgworkbench.app.measurements;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.measure.Beat;
import org.ecgworkbench.measure.BeatType;
import org.ecgworkbench.measure.Delineation;
import org.ecgworkbench.measure.FrontalAxes;
import org.ecgworkbench.measure.GlobalIntervals;
import org.ecgworkbench.measure.LeadMeasurement;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.measure.MedianBeats;
import org.ecgworkbench.measure.QtCorrection;
import org.ecgworkbench.measure.Rhythm;
import org.ecgworkbench.measure.Statement;
import org.ecgworkbench.measure.Voltages;

/** Measurements built by hand, as the engine's value types carry them (every component given, or empty). */
final class MeasurementFixtures {

    static final OptionalDouble NONE = OptionalDouble.empty();

    private MeasurementFixtures() {
    }

    /** Nothing measurable: no beats, every value empty, one warning. */
    static Measurement empty() {
        return new Measurement(List.of(), Optional.empty(), Optional.empty(),
                new GlobalIntervals(NONE, NONE, NONE, NONE, NONE, NONE, NONE), Map.of(), FrontalAxes.NONE, List.of(),
                Voltages.NONE, Rhythm.NONE, List.of(), List.of("rate not measurable: 0 beat(s) detected"));
    }

    /** A full measurement: RR 800 ms, PR 162.4 ms, QRS 91.6 ms, QT 380 ms, axes, voltages, two leads and {@code statements}. */
    static Measurement full(List<Statement> statements) {
        Map<QtCorrection, Double> qtc = new EnumMap<>(QtCorrection.class);
        for (QtCorrection c : QtCorrection.values()) qtc.put(c, c.correct(380, 800));
        MedianBeats medians = new MedianBeats(List.of("I", "II"), new double[][] {new double[300], new double[300]}, 100, 500, 10);
        return new Measurement(List.of(new Beat(400, BeatType.DOMINANT, 0.99), new Beat(800, BeatType.VENTRICULAR_OR_WIDE, 0.5)),
                Optional.of(medians), Optional.of(new Delineation(20, 60, 90, 135, 180, 220)),
                new GlobalIntervals(OptionalDouble.of(800), OptionalDouble.of(21.4), OptionalDouble.of(75), OptionalDouble.of(100),
                        OptionalDouble.of(162.4), OptionalDouble.of(91.6), OptionalDouble.of(380)),
                qtc, new FrontalAxes(OptionalDouble.of(45.2), OptionalDouble.of(-30.4), NONE),
                List.of(lead("I", 1.234), lead("II", -0.0001)),
                new Voltages(OptionalDouble.of(2.1), NONE), new Rhythm(OptionalDouble.of(75), OptionalDouble.of(1), OptionalDouble.of(0.02)),
                statements, List.of("T axis not measurable: flat T waves"));
    }

    static LeadMeasurement lead(String name, double rMv) {
        return new LeadMeasurement(name, OptionalDouble.of(0.1), OptionalDouble.of(96), NONE, NONE, OptionalDouble.of(rMv),
                OptionalDouble.of(40), OptionalDouble.of(-0.3), OptionalDouble.of(30), NONE, NONE, NONE, NONE,
                OptionalDouble.of(0.25), OptionalDouble.of(0.004), OptionalDouble.of(-0.05));
    }

    static Statement statement(String code, String abbrev, String name, String reason) {
        return new Statement(code, abbrev, name, true, reason);
    }

    static final Statement IAVB = statement("270492004", "IAVB", "1st degree av block", "PR 236 ms > 200 ms");
    static final Statement RBBB = statement("59118001", "RBBB", "right bundle branch block", "QRS 132 ms ≥ 120 ms, rsR′ in V1");
    static final Statement LAD = statement("39732003", "LAD", "left axis deviation", "QRS axis −45° < −30°");
}
