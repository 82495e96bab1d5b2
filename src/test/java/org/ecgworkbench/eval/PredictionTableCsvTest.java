package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PredictionTableCsvTest {
    private static final int CLASSES = 24;

    @TempDir
    Path tmp;

    static PredictionTable sample(int records, long seed) {
        Random random = new Random(seed);
        double[] thresholds = new double[CLASSES];
        for (int c = 0; c < CLASSES; c++) thresholds[c] = random.nextDouble();
        List<PredictedRecord> rows = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            float[] p = new float[CLASSES];
            boolean[] y = new boolean[CLASSES];
            for (int c = 0; c < CLASSES; c++) {
                p[c] = random.nextFloat();
                y[c] = random.nextInt(4) == 0;
            }
            rows.add(new PredictedRecord("R" + i, "/data/part " + i + "/R" + i + ".hea", p, y));
        }
        return new PredictionTable(thresholds, rows);
    }

    @Test
    void aTableSurvivesTheFileBitForBitEvenWithAwkwardIdsAndPaths() throws IOException {
        PredictionTable table = sample(30, 1);
        List<PredictedRecord> rows = new ArrayList<>(table.records());
        rows.add(new PredictedRecord("#odd, \"quoted\"", "C:\\data,1\\\"x\".mat", new float[CLASSES], new boolean[CLASSES]));
        float[] extremes = new float[CLASSES];
        extremes[0] = Float.MIN_VALUE;
        extremes[1] = 1f;
        extremes[2] = Math.nextDown(1f);
        rows.add(new PredictedRecord("E", "", extremes, new boolean[CLASSES]));
        table = new PredictionTable(table.thresholds(), rows);
        Path file = tmp.resolve("p.csv");

        PredictionTableCsv.write(table, file, false);
        PredictionTable back = PredictionTableCsv.read(file);

        assertThat(back.thresholds()).containsExactly(table.thresholds());
        assertThat(back.records()).hasSize(table.records().size());
        for (int i = 0; i < rows.size(); i++) {
            PredictedRecord a = table.records().get(i), b = back.records().get(i);
            assertThat(b.id()).isEqualTo(a.id());
            assertThat(b.path()).isEqualTo(a.path());
            assertThat(b.probabilities()).containsExactly(a.probabilities());
            assertThat(b.labels()).containsExactly(a.labels());
        }
        List<String> lines = Files.readAllLines(file);
        assertThat(lines.get(0)).isEqualTo(PredictionTableCsv.MARKER);
        assertThat(lines.get(1)).startsWith("record_id,record_path,p_270492004,y_270492004,");
        assertThat(lines.get(2)).startsWith("#threshold,,");
        assertThatThrownBy(() -> PredictionTableCsv.write(sample(1, 2), file, false)).isInstanceOf(FileAlreadyExistsException.class);
        assertThat(PredictionTableCsv.read(file).records()).hasSize(rows.size());
    }

    /** Each malformed file names itself, the line and (where there is one) the column. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "marker      | 1 | X                 |            | line 1                     | not a predictions file",
            "header      | 2 | p_270492004       | p_999      | line 2, column 3           | expected header column p_270492004",
            "thresholdId | 3 | #threshold        | thr        | line 3, column 1           | expected #threshold",
            "threshold   | 3 | @2                | abc        | line 3, column 3 (threshold of IAVB) | expected a number",
            "fieldCount  | 4 | R0,               | R0,x,      | line 4                     | expected 50 fields, found 51",
            "probability | 4 | R0,/data/part 0/R0.hea, | R0,/data/part 0/R0.hea,1.5X | line 4, column 3 (p of IAVB) | expected a number",
            "range       | 5 | @2                | 1.5        | line 5, column 3 (p of IAVB) | a probability must lie in [0, 1]",
            "label       | 4 | @3                | 2          | line 4, column 4 (y of IAVB) | expected 0 or 1",
            "duplicate   | 5 | R1,               | R0,        | line 5, column 1           | record id R0 appears twice",
            "emptyId     | 4 | R0,               | ,          | line 4, column 1           | empty record id",
            "quote       | 4 | R0,/data          | R0,\"/data | line 4, character 4        | unterminated quoted field",
    })
    void malformedFilesGiveTypedErrorsNamingFileLineAndColumn(String name, int line, String find, String replace,
                                                              String location, String problem) throws IOException {
        Path file = tmp.resolve(name + ".csv");
        PredictionTableCsv.write(sample(3, 3), file, false);
        List<String> lines = new ArrayList<>(Files.readAllLines(file));
        String original = lines.get(line - 1);
        String changed;
        if (name.equals("marker")) {
            changed = "# something else";
        } else if (find.startsWith("@")) { // "@n": replace field n (0-based) of the line
            String[] f = original.split(",", -1);
            f[Integer.parseInt(find.substring(1))] = replace;
            changed = String.join(",", f);
        } else {
            changed = original.replaceFirst(Pattern.quote(find), Matcher.quoteReplacement(replace == null ? "" : replace));
        }
        assertThat(changed).as("the test changes the file").isNotEqualTo(original);
        lines.set(line - 1, changed);
        Files.write(file, lines, StandardCharsets.UTF_8);

        assertThatThrownBy(() -> PredictionTableCsv.read(file))
                .isInstanceOfSatisfying(EvalFileFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.location()).isEqualTo(location);
                    assertThat(e.getMessage()).startsWith(file.toString()).contains(problem);
                });
    }

    @Test
    void emptyAndTruncatedFilesAreRefused() throws IOException {
        Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
        assertThatThrownBy(() -> PredictionTableCsv.read(empty)).isInstanceOf(EvalFileFormatException.class).hasMessageContaining("line 1");
        Path noThresholds = Files.writeString(tmp.resolve("short.csv"), PredictionTableCsv.MARKER + "\n" + PredictionTableCsv.header() + "\n");
        assertThatThrownBy(() -> PredictionTableCsv.read(noThresholds)).isInstanceOf(EvalFileFormatException.class)
                .hasMessageContaining("line 3").hasMessageContaining("#threshold");
    }

    @Test
    void readingStopsWhenCancelled() throws IOException {
        Path file = tmp.resolve("p.csv");
        PredictionTableCsv.write(sample(10, 4), file, false);
        AtomicInteger polls = new AtomicInteger();
        assertThatThrownBy(() -> PredictionTableCsv.read(file, () -> polls.incrementAndGet() > 3)).isInstanceOf(CancellationException.class);
        assertThat(polls).hasValue(4);
    }

    @Test
    void theTableGivesTheEvaluatorsReportAndPerClassCountsAndCurves() {
        PredictionTable table = sample(40, 5);
        EvaluationReport report = table.evaluate();
        assertThat(report).isEqualTo(Evaluator.evaluate(table.labels(), table.probabilities(), table.thresholds()));
        for (int c = 0; c < CLASSES; c++) {
            ConfusionCounts counts = table.confusion(c);
            ClassMetrics m = report.perClass().get(c);
            assertThat(counts.truePositives() + counts.falseNegatives()).isEqualTo(m.support());
            double precision = counts.truePositives() + counts.falsePositives() == 0 ? 0
                    : counts.truePositives() / (double) (counts.truePositives() + counts.falsePositives());
            assertThat(precision).isEqualTo(m.precision());
            assertThat(table.cooccurrence().count(c, c)).isEqualTo(counts.truePositives());
            assertThat(table.roc(c).size()).isGreaterThan(1);
            assertThat(table.precisionRecall(c).size()).isEqualTo(table.roc(c).size());
        }
    }
}
