package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.ecgworkbench.dataset.DatasetScanner;
import org.ecgworkbench.dataset.IndexedRecord;
import org.ecgworkbench.dataset.ScanResult;
import org.ecgworkbench.eval.ChallengeOutput;
import org.ecgworkbench.eval.ChallengeOutputCsv;
import org.ecgworkbench.eval.EvaluationReportJson;
import org.ecgworkbench.eval.PredictionTable;
import org.ecgworkbench.eval.PredictionTableCsv;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code predict} and {@code evaluate} on every real record we have, through the default pipeline
 * (500 Hz, 5000 samples) and a small freshly initialised network: what is tested here is that every
 * readable record goes through and the outputs have the promised shape, not the model's skill
 * (that is {@link SyntheticTrainEvaluateTest}'s).
 */
class PredictEvaluateCommandTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final Path SHARED = Path.of(System.getProperty("ecg.shared.data", "../shared/data"));
    static final Path SAMPLES = CliFixtures.SAMPLES;

    @TempDir
    static Path dir;
    static Path model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void bundle() throws Exception {
        model = CliFixtures.tinyBundle(dir);
    }

    @SlowTest
    @Test
    void predictRunsOnEveryReadableRecordOfTheSamplesAndTheSharedData() throws Exception {
        List<Path> roots = Files.isDirectory(SHARED) ? List.of(SAMPLES, SHARED) : List.of(SAMPLES);
        ScanResult scan = new DatasetScanner(false).scan(roots);
        Set<String> readable = new TreeSet<>();
        for (IndexedRecord r : scan.records()) {
            try {
                EcgRecordReader.read(r.path());
                readable.add(r.path().toString());
            } catch (IOException unreadable) {
                // e.g. the St Petersburg headers shipped without their signals: predict must report and skip them
            }
        }
        List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString(), "--json"));
        roots.forEach(r -> args.add(r.toString()));
        CliRunner run = CliRunner.run(args.toArray(String[]::new));

        assertThat(run.exitCode()).as(run.err()).isIn(ExitCodes.OK, ExitCodes.PARTIAL);
        JsonNode results = MAPPER.readTree(run.out());
        assertThat(results.size()).isEqualTo(readable.size());
        int failedLines = (int) run.err().lines().filter(l -> l.startsWith("failed: ")).count();
        assertThat(failedLines).isEqualTo(scan.records().size() + scan.failed().size() - readable.size());
        for (JsonNode r : results) {
            JsonNode predictions = r.get("predictions");
            assertThat(predictions).hasSize(24);
            assertThat(r.get("windows").asInt()).isGreaterThanOrEqualTo(1);
            for (int i = 1; i < predictions.size(); i++) {
                assertThat(predictions.get(i).get("probability").asDouble())
                        .isLessThanOrEqualTo(predictions.get(i - 1).get("probability").asDouble());
            }
            JsonNode top = predictions.get(0);
            assertThat(top.fieldNames()).toIterable().containsExactly("code", "abbrev", "name", "probability", "threshold", "predicted");
            assertThat(top.get("predicted").asBoolean()).isEqualTo(top.get("probability").asDouble() >= top.get("threshold").asDouble());
        }
    }

    @Test
    void predictWritesChallengeOutputFilesAndRefusesToOverwriteThem() throws Exception {
        Path out = tmp.resolve("outputs");
        CliRunner run = CliRunner.run("predict", "--model", model.toString(), "--out-dir", out.toString(),
                SAMPLES.resolve("A5432.hea").toString(), SAMPLES.resolve("HR00599.hea").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        ChallengeOutput a = ChallengeOutputCsv.read(out.resolve("A5432.csv"));
        assertThat(a.recordId()).isEqualTo("A5432");
        assertThat(a.codes()).hasSize(24);
        assertThat(Files.readAllLines(out.resolve("HR00599.csv")).get(0)).isEqualTo("#HR00599");
        byte[] before = Files.readAllBytes(out.resolve("A5432.csv"));

        CliRunner again = CliRunner.run("predict", "--model", model.toString(), "--out-dir", out.toString(),
                SAMPLES.resolve("A5432.hea").toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains("A5432.csv").contains("--force");
        assertThat(Files.readAllBytes(out.resolve("A5432.csv"))).isEqualTo(before);
    }

    @Test
    void evaluateAndScoreAgreeOnTheSameRecords() throws Exception {
        assumeThat(Files.isDirectory(SHARED.resolve("cinc2020-fixtures"))).as("shared test data").isTrue();
        Path labels = SHARED.resolve("cinc2020-fixtures");
        Path report = tmp.resolve("report.html");
        CliRunner evaluate = CliRunner.run("evaluate", "--model", model.toString(), "--data", labels.toString(), "--json",
                "--report", report.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isIn(ExitCodes.OK, ExitCodes.PARTIAL);
        JsonNode e = MAPPER.readTree(evaluate.out());
        assertThat(e.fieldNames()).toIterable().containsExactly("records", "challenge_score", "auroc_macro", "auprc_macro",
                "f_measure_macro", "f_beta", "g_beta", "accuracy", "f1_micro", "f1_macro", "f1_weighted", "f1_samples", "per_class");
        assertThat(e.get("per_class")).hasSize(24);
        assertThat(Files.readString(report)).contains("<table").doesNotContain("http://", "https://");

        // The same predictions written as challenge outputs and scored must give the same challenge metric.
        Path outputs = tmp.resolve("outputs");
        assertThat(CliRunner.run("predict", "--model", model.toString(), "--out-dir", outputs.toString(), labels.toString())
                .exitCode()).isIn(ExitCodes.OK, ExitCodes.PARTIAL);
        CliRunner score = CliRunner.run("score", "--labels", labels.toString(), "--outputs", outputs.toString(), "--json");
        JsonNode s = MAPPER.readTree(score.out());
        assertThat(s.get("records").asInt()).isEqualTo(e.get("records").asInt());
        assertThat(s.get("challenge_score").asDouble()).isEqualTo(e.get("challenge_score").asDouble());
        assertThat(s.get("f1_macro").asDouble()).isEqualTo(e.get("f1_macro").asDouble());
    }

    @Test
    void evaluateWritesThePredictionsFileTheReportIsRemadeFromAndRefusesToReplaceIt() throws Exception {
        Path predictions = tmp.resolve("predictions.csv");
        CliRunner evaluate = CliRunner.run("evaluate", "--model", model.toString(), "--data", SAMPLES.toString(), "--json",
                "--predictions", predictions.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isIn(ExitCodes.OK, ExitCodes.PARTIAL);
        PredictionTable table = PredictionTableCsv.read(predictions);
        JsonNode printed = MAPPER.readTree(evaluate.out());
        assertThat(table.records()).hasSize(printed.get("records").asInt());
        assertThat(table.records()).allSatisfy(r -> assertThat(Path.of(r.path())).isAbsolute().isRegularFile());
        assertThat(MAPPER.readTree(EvaluationReportJson.write(table.evaluate()))).isEqualTo(printed);

        byte[] before = Files.readAllBytes(predictions);
        CliRunner again = CliRunner.run("evaluate", "--model", model.toString(), "--data", SAMPLES.toString(),
                "--predictions", predictions.toString());
        assertThat(again.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(again.err()).contains(predictions.toString());
        assertThat(Files.readAllBytes(predictions)).isEqualTo(before);
    }
}
