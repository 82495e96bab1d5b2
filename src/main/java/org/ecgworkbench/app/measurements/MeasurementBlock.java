package org.ecgworkbench.app.measurements;

import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.stream.Collectors;
import org.ecgworkbench.measure.FrontalAxes;
import org.ecgworkbench.measure.GlobalIntervals;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.measure.QtCorrection;
import org.ecgworkbench.measure.Statement;
import org.ecgworkbench.measure.Voltages;

/**
 * The measurement block as a cart prints it above the tracing, as text: every value rounded, "—" where it could
 * not be measured, the reasons in {@link #warnings()}.
 *
 * @param intervals  "Rate 72 bpm   PR 160 ms   QRS 92 ms   QT/QTcB/QTcF 380/410/401 ms"
 * @param axes       "P/QRS/T axes 45/30/50°   RR 833 ± 21 ms   P 100 ms   Sokolow–Lyon 2.10 mV   Cornell 1.20 mV"
 * @param statements the statements on one line ("sinus rhythm · left axis deviation"), or why there are none
 * @param details    all four QT corrections by name, and what the block's figures are (its tooltip)
 * @param warnings   what could not be measured, and why
 */
public record MeasurementBlock(String intervals, String axes, String statements, String details, List<String> warnings) {

    /** No record shown. */
    public static final MeasurementBlock NONE = new MeasurementBlock("No record", "", "", "", List.of());

    public MeasurementBlock {
        warnings = List.copyOf(warnings);
    }

    /** While a record is being measured. */
    public static MeasurementBlock measuring(String recordId) {
        return new MeasurementBlock("Measuring " + recordId + " …", "", "", "", List.of());
    }

    /** A record the viewer does not measure, and why. */
    public static MeasurementBlock notMeasured(String recordId, String reason) {
        return new MeasurementBlock(recordId + ": not measured", "", "", "", List.of(reason));
    }

    /** When the measurement itself failed (it should not: the engine reports what it cannot do). */
    public static MeasurementBlock failed(String recordId, String reason) {
        return new MeasurementBlock("Measurements of " + recordId + " failed", "", "", "", List.of(reason));
    }

    public static MeasurementBlock of(Measurement m) {
        GlobalIntervals g = m.intervals();
        Map<QtCorrection, Double> qtc = m.qtcMs();
        String intervals = "Rate " + Numbers.whole(g.rateBpm()) + " bpm   PR " + Numbers.whole(g.prMs())
                + " ms   QRS " + Numbers.whole(g.qrsMs()) + " ms   QT/QTcB/QTcF " + Numbers.whole(g.qtMs())
                + "/" + qtc(qtc, QtCorrection.BAZETT) + "/" + qtc(qtc, QtCorrection.FRIDERICIA) + " ms";
        FrontalAxes a = m.axes();
        Voltages v = m.voltages();
        String axes = "P/QRS/T axes " + Numbers.whole(a.pDeg()) + "/" + Numbers.whole(a.qrsDeg()) + "/"
                + Numbers.whole(a.tDeg()) + "°   RR " + Numbers.whole(g.rrMs()) + " ± " + Numbers.whole(g.rrSdMs())
                + " ms   P " + Numbers.whole(g.pMs()) + " ms   Sokolow–Lyon " + Numbers.mv(v.sokolowLyonMv())
                + " mV   Cornell " + Numbers.mv(v.cornellMv()) + " mV";
        String statements = m.statements().isEmpty() ? "Statements: none made"
                : m.statements().stream().map(Statement::name).collect(Collectors.joining(" · "));
        return new MeasurementBlock(intervals, axes, statements, details(m), m.warnings());
    }

    /** The tooltip: every QTc under its author's name, the atrial rate and how the figures were made. */
    static String details(Measurement m) {
        StringBuilder s = new StringBuilder();
        s.append("QT ").append(Numbers.whole(m.intervals().qtMs())).append(" ms, corrected for heart rate:");
        for (QtCorrection c : QtCorrection.values()) {
            s.append("\n  QTc ").append(name(c)).append(' ').append(qtc(m.qtcMs(), c)).append(" ms");
        }
        OptionalDouble atrial = m.rhythm().atrialRateBpm();
        s.append("\nAtrial rate ").append(Numbers.whole(atrial)).append(" bpm");
        s.append("\n").append(m.beats().size()).append(" beats detected; intervals from the median beat of ")
                .append(m.medians().map(b -> b.beatCount() + " dominant beats").orElse("no beats"))
                .append(" (CSE: earliest onset, latest offset over the leads).");
        s.append("\nMeasured by rule (docs/measurements.md), not a diagnosis.");
        return s.toString();
    }

    /** "Bazett", "Fridericia", "Framingham", "Hodges". */
    static String name(QtCorrection c) {
        String key = c.key();
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    private static String qtc(Map<QtCorrection, Double> qtc, QtCorrection c) {
        Double v = qtc.get(c);
        return v == null ? Numbers.NONE : Numbers.whole(v);
    }

    /** The block's text, line by line (tests, logs). */
    public String text() {
        return String.join("\n", List.of(intervals, axes, statements).stream().filter(l -> !l.isEmpty()).toList());
    }
}
