package org.ecgworkbench.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.CsvText;

/**
 * A {@link PredictionTable} as a CSV file ({@code test-predictions.csv} of a run, or what
 * {@code evaluate --predictions} writes), UTF-8, one record per line:
 *
 * <pre>
 * # ecg-workbench predictions 1
 * record_id,record_path,p_164889003,y_164889003,p_164890007,y_164890007,...
 * #threshold,,0.42,,0.5,,...
 * A0001,/data/A0001.hea,0.8125,1,0.01171875,0,...
 * </pre>
 *
 * <p>Line 1 names the format and its version; line 2 is the header, two columns per scored class in
 * {@code DiagnosisCatalogue.standard().scoredClasses()} order ({@code p_} the probability, {@code y_}
 * the true label, by canonical SNOMED CT code); line 3 holds the threshold of each class in its
 * probability column. The comment marks keep {@code pandas.read_csv(f, comment="#")} and spreadsheet
 * imports simple: they see the header and the records. Probabilities are the network's float32
 * values in their shortest exact form (so a round trip is bit for bit), labels are {@code 0} or
 * {@code 1}. Fields are quoted as RFC 4180 says, only where needed (a path with a comma).
 *
 * <p>Reading is strict: anything else — another marker, a header for other classes, a field count,
 * number, label, empty or duplicate record id that is wrong — is an {@link EvalFileFormatException}
 * naming the file, the line and the column.
 */
public final class PredictionTableCsv {
    public static final String MARKER = "# ecg-workbench predictions 1";
    static final String THRESHOLD_ROW = "#threshold";

    private PredictionTableCsv() {
    }

    /** The header line for the standard scored classes. */
    public static String header() {
        StringBuilder sb = new StringBuilder("record_id,record_path");
        for (ScoredClass c : DiagnosisCatalogue.standard().scoredClasses()) {
            sb.append(",p_").append(c.canonicalCode()).append(",y_").append(c.canonicalCode());
        }
        return sb.toString();
    }

    /** Writes the table to {@code target} through a temporary file; an existing file is replaced only if {@code replace}. */
    public static void write(PredictionTable table, Path target, boolean replace) throws IOException {
        String text = toCsv(table);
        AtomicFiles.write(target, replace, out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            w.write(text);
            w.flush();
        });
    }

    static String toCsv(PredictionTable table) {
        int classes = DiagnosisCatalogue.standard().scoredClasses().size();
        if (table.classes() != classes) {
            throw new IllegalArgumentException("predictions have " + table.classes() + " classes; the file holds the " + classes + " scored classes");
        }
        StringBuilder sb = new StringBuilder(MARKER).append('\n').append(header()).append('\n');
        sb.append(THRESHOLD_ROW).append(',');
        for (int c = 0; c < classes; c++) sb.append(',').append(Double.toString(table.threshold(c))).append(',');
        sb.append('\n');
        for (PredictedRecord r : table.records()) {
            sb.append(field(r.id())).append(',').append(field(r.path()));
            for (int c = 0; c < classes; c++) {
                sb.append(',').append(Float.toString(r.probability(c))).append(',').append(r.label(c) ? '1' : '0');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    private static String field(String s) {
        if (s.indexOf('\n') >= 0 || s.indexOf('\r') >= 0) {
            throw new IllegalArgumentException("a record id or path holds a line break: " + s.replace("\n", "\\n").replace("\r", "\\r"));
        }
        if (s.startsWith("#")) return '"' + s.replace("\"", "\"\"") + '"';
        return CsvText.cell(s); // an id from a header never starts a spreadsheet formula
    }

    public static PredictionTable read(Path file) throws IOException {
        return read(file, () -> false);
    }

    /**
     * Reads a predictions file.
     *
     * @param cancelled polled between records; when it turns true the read stops with a {@link CancellationException}
     */
    public static PredictionTable read(Path file, BooleanSupplier cancelled) throws IOException {
        List<ScoredClass> scored = DiagnosisCatalogue.standard().scoredClasses();
        int classes = scored.size();
        int columns = 2 + 2 * classes;
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String marker = in.readLine();
            if (marker == null) throw new EvalFileFormatException(file, "line 1", "empty file; expected '" + MARKER + "'");
            if (!marker.equals(MARKER)) {
                throw new EvalFileFormatException(file, "line 1", "not a predictions file: expected '" + MARKER + "', found '" + shorten(marker) + "'");
            }
            String header = in.readLine();
            if (header == null) throw new EvalFileFormatException(file, "line 2", "missing header");
            checkHeader(file, split(file, 2, header), header());

            String thresholdLine = in.readLine();
            if (thresholdLine == null) throw new EvalFileFormatException(file, "line 3", "missing the " + THRESHOLD_ROW + " line");
            List<String> t = fields(file, 3, thresholdLine, columns);
            if (!t.get(0).equals(THRESHOLD_ROW)) {
                throw new EvalFileFormatException(file, "line 3, column 1", "expected " + THRESHOLD_ROW + ", found '" + shorten(t.get(0)) + "'");
            }
            double[] thresholds = new double[classes];
            for (int c = 0; c < classes; c++) {
                String where = "line 3, column " + (3 + 2 * c) + " (threshold of " + scored.get(c).label() + ")";
                thresholds[c] = number(file, where, t.get(2 + 2 * c));
                if (!t.get(3 + 2 * c).isEmpty() || !t.get(1).isEmpty()) {
                    throw new EvalFileFormatException(file, "line 3", "only the probability columns hold thresholds; the others must be empty");
                }
            }

            List<PredictedRecord> records = new ArrayList<>();
            Set<String> ids = new HashSet<>();
            String line;
            int lineNo = 3;
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (cancelled.getAsBoolean()) throw new CancellationException("reading " + file + " cancelled");
                List<String> f = fields(file, lineNo, line, columns);
                String id = f.get(0);
                if (id.isBlank()) throw new EvalFileFormatException(file, "line " + lineNo + ", column 1", "empty record id");
                if (!ids.add(id)) throw new EvalFileFormatException(file, "line " + lineNo + ", column 1", "record id " + id + " appears twice");
                float[] p = new float[classes];
                boolean[] y = new boolean[classes];
                for (int c = 0; c < classes; c++) {
                    String label = scored.get(c).label();
                    p[c] = probability(file, "line " + lineNo + ", column " + (3 + 2 * c) + " (p of " + label + ")", f.get(2 + 2 * c));
                    String yText = f.get(3 + 2 * c);
                    if (!yText.equals("0") && !yText.equals("1")) {
                        throw new EvalFileFormatException(file, "line " + lineNo + ", column " + (4 + 2 * c) + " (y of " + label + ")",
                                "expected 0 or 1, found '" + shorten(yText) + "'");
                    }
                    y[c] = yText.equals("1");
                }
                records.add(new PredictedRecord(id, f.get(1), p, y));
            }
            return new PredictionTable(thresholds, records);
        } catch (CharacterCodingException e) {
            throw new EvalFileFormatException(file, null, "not UTF-8 text");
        }
    }

    private static void checkHeader(Path file, List<String> found, String expectedLine) throws EvalFileFormatException {
        String[] expected = expectedLine.split(",");
        for (int i = 0; i < Math.max(expected.length, found.size()); i++) {
            String e = i < expected.length ? expected[i] : "(nothing)";
            String f = i < found.size() ? found.get(i) : "(nothing)";
            if (!e.equals(f)) {
                throw new EvalFileFormatException(file, "line 2, column " + (i + 1),
                        "expected header column " + e + ", found " + shorten(f) + " (the file must hold the 24 scored classes in catalogue order)");
            }
        }
    }

    /** A finite decimal in [0, 1], kept as the float32 it was written from. */
    private static float probability(Path file, String where, String text) throws EvalFileFormatException {
        double v = number(file, where, text);
        if (v < 0 || v > 1) throw new EvalFileFormatException(file, where, "a probability must lie in [0, 1], found " + text);
        return (float) v;
    }

    /** A finite decimal. */
    private static double number(Path file, String where, String text) throws EvalFileFormatException {
        double v;
        try {
            v = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new EvalFileFormatException(file, where, "expected a number, found '" + shorten(text) + "'");
        }
        if (!Double.isFinite(v)) throw new EvalFileFormatException(file, where, "expected a finite number, found " + text);
        return v;
    }

    private static List<String> fields(Path file, int lineNo, String line, int columns) throws EvalFileFormatException {
        List<String> f = split(file, lineNo, line);
        if (f.size() != columns) {
            throw new EvalFileFormatException(file, "line " + lineNo, "expected " + columns + " fields, found " + f.size());
        }
        return f;
    }

    /** RFC 4180 fields of one line (no line breaks inside quotes: the writer never makes them). */
    static List<String> split(Path file, int lineNo, String line) throws EvalFileFormatException {
        List<String> fields = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int i = 0;
        int n = line.length();
        while (true) {
            cur.setLength(0);
            if (i < n && line.charAt(i) == '"') {
                int start = i++;
                while (true) {
                    if (i >= n) throw new EvalFileFormatException(file, "line " + lineNo + ", character " + (start + 1), "unterminated quoted field");
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < n && line.charAt(i) == '"') {
                            cur.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        cur.append(ch);
                    }
                }
                if (i < n && line.charAt(i) != ',') {
                    throw new EvalFileFormatException(file, "line " + lineNo + ", character " + (i + 1), "text after a closing quote");
                }
            } else {
                while (i < n && line.charAt(i) != ',') {
                    char ch = line.charAt(i++);
                    if (ch == '"') throw new EvalFileFormatException(file, "line " + lineNo + ", character " + i, "quote inside an unquoted field");
                    cur.append(ch);
                }
            }
            fields.add(cur.toString());
            if (i >= n) return fields;
            i++; // the comma
        }
    }

    private static String shorten(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "…";
    }
}
