package org.ecgworkbench.eval;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.CsvText;

/**
 * An {@link EvaluationReport} as one tidy CSV table, {@code metric,code,abbrev,value}: first the
 * report-wide quantities (code and abbrev empty) under their JSON names ({@link Metric#key()}), then each class's
 * {@code precision, recall, f1, support, auroc, auprc, threshold}. One shape for every row, so a
 * spreadsheet pivot or {@code pandas.read_csv} takes it as it is, where a per-class table with the
 * averages tacked under it would not. Undefined values (NaN) are empty fields.
 */
public final class EvaluationReportCsv {
    public static final String HEADER = "metric,code,abbrev,value";

    private EvaluationReportCsv() {
    }

    /** Writes the table to {@code target} through a temporary file (an existing file is replaced). */
    public static void write(EvaluationReport report, Path target) throws IOException {
        String text = toCsv(report);
        AtomicFiles.write(target, true, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
        });
    }

    static String toCsv(EvaluationReport r) {
        StringBuilder sb = new StringBuilder(HEADER).append('\n');
        row(sb, "records", "", "", Integer.toString(r.records()));
        for (Metric m : Metric.values()) row(sb, m.key(), m.of(r));
        for (ClassMetrics c : r.perClass()) {
            row(sb, "precision", c.code(), c.abbrev(), number(c.precision()));
            row(sb, "recall", c.code(), c.abbrev(), number(c.recall()));
            row(sb, "f1", c.code(), c.abbrev(), number(c.f1()));
            row(sb, "support", c.code(), c.abbrev(), Integer.toString(c.support()));
            row(sb, "auroc", c.code(), c.abbrev(), number(c.auroc()));
            row(sb, "auprc", c.code(), c.abbrev(), number(c.auprc()));
            row(sb, "threshold", c.code(), c.abbrev(), number(c.threshold()));
        }
        return sb.toString();
    }

    private static void row(StringBuilder sb, String metric, double value) {
        row(sb, metric, "", "", number(value));
    }

    private static void row(StringBuilder sb, String metric, String code, String abbrev, String value) {
        sb.append(field(metric)).append(',').append(field(code)).append(',').append(field(abbrev)).append(',')
                .append(value).append('\n');
    }

    /** Shortest exact decimal; empty for NaN or infinity. */
    static String number(double v) {
        return Double.isFinite(v) ? Double.toString(v) : "";
    }

    /** RFC 4180 quoting where a field needs it; a code or abbreviation from a bundle never starts a formula. */
    static String field(String s) {
        return CsvText.cell(s);
    }
}
