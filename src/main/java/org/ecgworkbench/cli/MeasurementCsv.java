package org.ecgworkbench.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;
import org.ecgworkbench.measure.FrontalAxes;
import org.ecgworkbench.measure.GlobalIntervals;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.measure.QtCorrection;
import org.ecgworkbench.measure.Statement;
import org.ecgworkbench.measure.Voltages;
import org.ecgworkbench.record.CsvText;

/**
 * {@code measure --csv}: one row per record, the global values under the names of {@code --json} (QTc and axes
 * flattened), an empty cell where a value could not be measured; a record that failed has its row with only
 * the id, path and {@code error}. Text cells go through {@link CsvText} (quoted, never a formula).
 */
final class MeasurementCsv {
    static final List<String> COLUMNS = columns();

    private MeasurementCsv() {
    }

    private static List<String> columns() {
        List<String> c = new ArrayList<>(List.of("id", "path", "fs", "duration_s", "leads_measured", "windows", "beats", "rate_bpm",
                "rr_ms", "rr_sd_ms", "p_ms", "pr_ms", "qrs_ms", "qt_ms"));
        for (QtCorrection q : QtCorrection.values()) c.add("qtc_" + q.key() + "_ms");
        c.addAll(List.of("axis_p_deg", "axis_qrs_deg", "axis_t_deg", "atrial_rate_bpm", "sokolow_lyon_mv", "cornell_mv",
                "statements", "warnings", "error"));
        return List.copyOf(c);
    }

    static String header() {
        return String.join(",", COLUMNS);
    }

    static String row(MeasuredRecord r) {
        Measurement m = r.measurement();
        GlobalIntervals g = m.intervals();
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(CsvText.cell(r.id()));
        cells.add(CsvText.cell(r.path().toString()));
        cells.add(number(OptionalDouble.of(r.fs()), 3));
        cells.add(number(OptionalDouble.of(r.durationS()), 3));
        cells.add(Integer.toString(r.leadCount()));
        cells.add(Integer.toString(r.windows()));
        cells.add(Integer.toString(m.beats().size()));
        for (OptionalDouble v : List.of(g.rateBpm(), g.rrMs(), g.rrSdMs(), g.pMs(), g.prMs(), g.qrsMs(), g.qtMs())) cells.add(number(v, 1));
        for (QtCorrection q : QtCorrection.values()) {
            Double v = m.qtcMs().get(q);
            cells.add(number(v == null ? OptionalDouble.empty() : OptionalDouble.of(v), 1));
        }
        FrontalAxes a = m.axes();
        for (OptionalDouble v : List.of(a.pDeg(), a.qrsDeg(), a.tDeg(), m.rhythm().atrialRateBpm())) cells.add(number(v, 1));
        Voltages volts = m.voltages();
        cells.add(number(volts.sokolowLyonMv(), 3));
        cells.add(number(volts.cornellMv(), 3));
        cells.add(CsvText.cell(String.join(" ", m.statements().stream().map(Statement::abbrev).toList())));
        cells.add(CsvText.cell(String.join("; ", r.warnings())));
        cells.add("");
        return String.join(",", cells);
    }

    /** The row of a record that could not be measured: id, path and the reason. */
    static String failedRow(String id, String path, String error) {
        List<String> cells = new ArrayList<>(COLUMNS.size());
        cells.add(CsvText.cell(id));
        cells.add(CsvText.cell(path));
        while (cells.size() < COLUMNS.size() - 1) cells.add("");
        cells.add(CsvText.cell(error));
        return String.join(",", cells);
    }

    private static String number(OptionalDouble v, int digits) {
        if (v.isEmpty() || !Double.isFinite(v.getAsDouble())) return "";
        double r = MeasurementJson.round(v.getAsDouble(), digits);
        return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : String.format(Locale.ROOT, "%s", r);
    }
}
