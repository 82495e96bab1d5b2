package org.ecgworkbench.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.ecgworkbench.measure.FrontalAxes;
import org.ecgworkbench.measure.GlobalIntervals;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.measure.WindowedMeasurement;

/**
 * One record as {@code measure} reports it: what the record is, its measurement, and the warnings, where every
 * global value that is missing has one saying so (the engine's own, or one added here when the engine gave none).
 *
 * @param id          record id
 * @param path        the file it was read from
 * @param fs          sampling frequency (Hz)
 * @param durationS   length in seconds
 * @param leadCount   number of standard leads measured
 * @param measurement the engine's result
 * @param windows     how many windows a long recording was measured in ({@link WindowedMeasurement}); 0 when whole
 * @param warnings    the measurement's warnings, completed
 */
record MeasuredRecord(String id, Path path, double fs, double durationS, int leadCount, Measurement measurement,
                      int windows, List<String> warnings) {

    MeasuredRecord {
        warnings = List.copyOf(warnings);
    }

    static MeasuredRecord of(String id, Path path, double fs, double durationS, int leadCount, Measurement m, int windows) {
        return new MeasuredRecord(id, path, fs, durationS, leadCount, m, windows, completeWarnings(m));
    }

    /** The global values a cart prints, by the name a warning uses for them. */
    private record Value(String name, OptionalDouble value) {
    }

    /**
     * The engine's warnings, plus "NAME not measurable" for a missing value no warning names, so that every
     * null in the output has its line (a warning about all intervals covers P, PR, QRS and QT).
     */
    static List<String> completeWarnings(Measurement m) {
        GlobalIntervals g = m.intervals();
        FrontalAxes a = m.axes();
        OptionalDouble qtc = m.qtcMs().isEmpty() ? OptionalDouble.empty() : OptionalDouble.of(0);
        List<Value> values = List.of(new Value("rate", g.rateBpm()), new Value("P duration", g.pMs()),
                new Value("PR", g.prMs()), new Value("QRS", g.qrsMs()), new Value("QT", g.qtMs()), new Value("QTc", qtc),
                new Value("P axis", a.pDeg()), new Value("QRS axis", a.qrsDeg()), new Value("T axis", a.tDeg()));
        List<String> warnings = new ArrayList<>(m.warnings());
        for (Value v : values) {
            if (v.value().isPresent() || named(m.warnings(), v.name())) continue;
            String why = !v.name().equals("QTc") ? "" : g.qtMs().isPresent() ? ": no RR" : ": no QT";
            warnings.add(v.name() + " not measurable" + why);
        }
        return warnings;
    }

    private static boolean named(List<String> warnings, String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        boolean interval = !lower.contains("axis") && !lower.equals("rate") && !lower.equals("qtc");
        for (String w : warnings) {
            String head = w.toLowerCase(Locale.ROOT);
            int colon = head.indexOf(':');
            if (colon >= 0) head = head.substring(0, colon);
            if (!head.contains("not measurable")) continue;
            if (head.startsWith("intervals") && interval) return true;
            if (containsWord(head, lower)) return true;
        }
        return false;
    }

    /** Whether {@code text} holds {@code word} not as part of a longer word ("QT" is not in "QTc"). */
    private static boolean containsWord(String text, String word) {
        for (int i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
            boolean startOk = i == 0 || !Character.isLetterOrDigit(text.charAt(i - 1));
            int end = i + word.length();
            boolean endOk = end == text.length() || !Character.isLetterOrDigit(text.charAt(end));
            if (startOk && endOk) return true;
        }
        return false;
    }
}
