package org.ecgworkbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalDouble;
import org.ecgworkbench.measure.Beat;
import org.ecgworkbench.measure.BeatType;
import org.ecgworkbench.measure.Delineation;
import org.ecgworkbench.measure.FrontalAxes;
import org.ecgworkbench.measure.GlobalIntervals;
import org.ecgworkbench.measure.LeadMeasurement;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.measure.QtCorrection;
import org.ecgworkbench.measure.Rhythm;
import org.ecgworkbench.measure.Statement;
import org.ecgworkbench.measure.Voltages;
import org.ecgworkbench.measure.WindowedMeasurement;
import org.ecgworkbench.record.TerminalText;

/**
 * {@code measure}'s text: one block per record laid out as a cart prints its header (rate, intervals, the four
 * QTc by name, axes), then the per-lead table, the statements with their reasons and the warnings. A value that
 * could not be measured shows as "—" (its reason is among the warnings).
 */
final class MeasurementText {
    static final String NONE = "—";

    private MeasurementText() {
    }

    static String of(MeasuredRecord r, boolean perBeat) {
        Measurement m = r.measurement();
        GlobalIntervals g = m.intervals();
        StringBuilder sb = new StringBuilder();
        sb.append(TerminalText.inert(r.id())).append("  (").append(TerminalText.inert(r.path().toString())).append(")  ")
                .append(String.format(Locale.ROOT, "%s, %s Hz, %.1f s%s%n", Plural.of(r.leadCount(), "lead"),
                        number(r.fs()), r.durationS(), r.windows() == 0 ? ""
                                : String.format(Locale.ROOT, " (measured in %d windows of %.0f s; intervals are the windows' medians)",
                                        r.windows(), WindowedMeasurement.WINDOW_S)));
        sb.append(String.format(Locale.ROOT, "  rate %s   RR %s (SD %s)   %s%n", value(g.rateBpm(), "%.0f bpm"),
                value(g.rrMs(), "%.0f ms"), value(g.rrSdMs(), "%.0f ms"), beats(m.beats())));
        sb.append(String.format(Locale.ROOT, "  P %s   PR %s   QRS %s   QT %s%n", value(g.pMs(), "%.0f ms"),
                value(g.prMs(), "%.0f ms"), value(g.qrsMs(), "%.0f ms"), value(g.qtMs(), "%.0f ms")));
        sb.append("  QTc");
        for (QtCorrection c : QtCorrection.values()) {
            Double v = m.qtcMs().get(c);
            sb.append(String.format(Locale.ROOT, "   %s %s", title(c), v == null ? NONE : String.format(Locale.ROOT, "%.0f ms", v)));
        }
        sb.append('\n');
        FrontalAxes a = m.axes();
        sb.append(String.format(Locale.ROOT, "  axes   P %s   QRS %s   T %s%n", value(a.pDeg(), "%.0f°"),
                value(a.qrsDeg(), "%.0f°"), value(a.tDeg(), "%.0f°")));
        Rhythm rh = m.rhythm();
        sb.append(String.format(Locale.ROOT, "  atrial rate %s   P before %s of beats   RR variation %s%n",
                value(rh.atrialRateBpm(), "%.0f bpm"), value(percent(rh.pBeatFraction()), "%.0f %%"),
                value(rh.rrVariation(), "%.3f")));
        Voltages v = m.voltages();
        sb.append(String.format(Locale.ROOT, "  Sokolow–Lyon %s   Cornell %s%n", value(v.sokolowLyonMv(), "%.2f mV"),
                value(v.cornellMv(), "%.2f mV")));
        if (!m.leads().isEmpty()) leadTable(sb, m.leads());
        if (m.statements().isEmpty()) sb.append("  statements: none\n");
        else sb.append("  statements:\n");
        for (Statement s : m.statements()) {
            sb.append(String.format(Locale.ROOT, "    %-7s %-10s %s: %s%s%n", TerminalText.inert(s.abbrev()),
                    TerminalText.inert(s.code()), TerminalText.inert(s.name()), TerminalText.inert(s.reason()),
                    s.scored() ? "  [scored]" : ""));
        }
        for (String w : r.warnings()) sb.append("  warning: ").append(TerminalText.inert(w)).append('\n');
        if (perBeat) beatTable(sb, m.beats(), r.fs());
        return sb.toString().stripTrailing();
    }

    private static void leadTable(StringBuilder sb, List<LeadMeasurement> leads) {
        sb.append(String.format(Locale.ROOT, "  %-5s %6s %6s %6s %6s %6s %6s %6s %6s %6s | %5s %5s %5s %5s %5s %5s%n",
                "lead", "P mV", "Q mV", "R mV", "S mV", "R' mV", "S' mV", "T mV", "ST J", "ST+60",
                "P ms", "Q ms", "R ms", "S ms", "R' ms", "S' ms"));
        for (LeadMeasurement l : leads) {
            sb.append(String.format(Locale.ROOT, "  %-5s %6s %6s %6s %6s %6s %6s %6s %6s %6s | %5s %5s %5s %5s %5s %5s%n",
                    TerminalText.inert(l.lead()), value(l.pMv(), "%.2f"), value(l.qMv(), "%.2f"), value(l.rMv(), "%.2f"),
                    value(l.sMv(), "%.2f"), value(l.rPrimeMv(), "%.2f"), value(l.sPrimeMv(), "%.2f"), value(l.tMv(), "%.2f"),
                    value(l.stJMv(), "%.2f"), value(l.stJ60Mv(), "%.2f"), value(l.pMs(), "%.0f"), value(l.qMs(), "%.0f"),
                    value(l.rMs(), "%.0f"), value(l.sMs(), "%.0f"), value(l.rPrimeMs(), "%.0f"), value(l.sPrimeMs(), "%.0f")));
        }
    }

    private static void beatTable(StringBuilder sb, List<Beat> beats, double fs) {
        sb.append(String.format(Locale.ROOT, "  %5s %8s %8s  %-27s %6s %8s %8s %8s %8s %8s %8s%n", "beat", "sample", "time s",
                "type", "corr", "P on", "P off", "QRS on", "QRS off", "T peak", "T end"));
        int i = 0;
        for (Beat b : beats) {
            Delineation d = b.fiducials().orElse(null);
            sb.append(String.format(Locale.ROOT, "  %5d %8d %8.3f  %-27s %6s %8s %8s %8s %8s %8s %8s%n", ++i, b.sample(),
                    b.sample() / fs, b.type().key(), Double.isFinite(b.correlation()) ? String.format(Locale.ROOT, "%.3f", b.correlation()) : NONE,
                    index(d == null || !d.hasP() ? -1 : d.pOnset()), index(d == null || !d.hasP() ? -1 : d.pOffset()),
                    index(d == null ? -1 : d.qrsOnset()), index(d == null ? -1 : d.qrsOffset()),
                    index(d == null ? -1 : d.tPeak()), index(d == null ? -1 : d.tEnd())));
        }
    }

    /** "12 beats (11 dominant, 1 premature supraventricular)". */
    static String beats(List<Beat> beats) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<BeatType, Integer> e : MeasurementJson.typeCounts(beats).entrySet()) {
            if (e.getValue() > 0) parts.add(e.getValue() + " " + e.getKey().key().replace('_', ' '));
        }
        return Plural.of(beats.size(), "beat") + (parts.isEmpty() ? "" : " (" + String.join(", ", parts) + ")");
    }

    /** The correction's name as a cart prints it: Bazett, Fridericia, Framingham, Hodges. */
    static String title(QtCorrection c) {
        String k = c.key();
        return Character.toUpperCase(k.charAt(0)) + k.substring(1);
    }

    private static OptionalDouble percent(OptionalDouble fraction) {
        return fraction.isPresent() ? OptionalDouble.of(100 * fraction.getAsDouble()) : fraction;
    }

    private static String index(int sample) {
        return sample >= 0 ? Integer.toString(sample) : NONE;
    }

    static String value(OptionalDouble v, String format) {
        if (v.isEmpty() || !Double.isFinite(v.getAsDouble())) return NONE;
        String text = String.format(Locale.ROOT, format, v.getAsDouble());
        // A small negative value rounds to "-0.00": printed as 0, as a cart prints it.
        return text.startsWith("-") && text.chars().noneMatch(c -> c >= '1' && c <= '9') ? text.substring(1) : text;
    }

    private static String number(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.3f", v);
    }
}
