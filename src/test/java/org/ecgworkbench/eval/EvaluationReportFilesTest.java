package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's JSON, CSV and HTML forms. */
class EvaluationReportFilesTest {
    @TempDir
    Path dir;

    /** A report with undefined values: a class with no positive (AUROC NaN), thresholds NaN for one class. */
    static EvaluationReport sample() {
        Random random = new Random(11);
        int n = 40;
        boolean[][] labels = ChallengeMetricTest.randomLabels(random, n);
        float[][] p = new float[n][24];
        for (int i = 0; i < n; i++) {
            labels[i][3] = false;
            for (int k = 0; k < 24; k++) p[i][k] = (float) Math.min(1, random.nextDouble() * 0.7 + (labels[i][k] ? 0.3 : 0));
        }
        double[] thresholds = ThresholdTuner.tune(labels, p);
        boolean[][] outputs = new boolean[n][24];
        for (int i = 0; i < n; i++) for (int k = 0; k < 24; k++) outputs[i][k] = p[i][k] >= thresholds[k];
        thresholds[5] = Double.NaN;
        return Evaluator.evaluate(labels, outputs, p, thresholds, ChallengeMetric.standard());
    }

    @Test
    void jsonHasTheContractKeysWritesNaNAsNullAndRoundTripsExactly() throws IOException {
        EvaluationReport report = sample();
        assertThat(report.perClass().get(3).auroc()).isNaN();
        String json = EvaluationReportJson.write(report);
        JsonNode root = new ObjectMapper().readTree(json);
        assertThat(GoldenReports.keys(root)).containsExactly("records", "challenge_score", "auroc_macro", "auprc_macro",
                "f_measure_macro", "f_beta", "g_beta", "accuracy", "f1_micro", "f1_macro", "f1_weighted", "f1_samples", "per_class");
        assertThat(GoldenReports.keys(root.get("per_class").get(0)))
                .containsExactly("code", "abbrev", "precision", "recall", "f1", "support", "auroc", "auprc", "threshold");
        assertThat(root.get("per_class").get(3).get("auroc").isNull()).isTrue();
        assertThat(root.get("per_class").get(5).get("threshold").isNull()).isTrue();
        assertThat(json).doesNotContain("NaN").doesNotContain("Infinity");
        assertThat(EvaluationReportJson.read(json)).isEqualTo(report); // record equality: NaN equals NaN, bits otherwise
    }

    @Test
    void jsonReadingNamesWhatIsMissingOrWrong() {
        String json = EvaluationReportJson.write(sample());
        assertThatThrownBy(() -> EvaluationReportJson.read(json.replace("\"f1_samples\"", "\"f1_sample\"")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("missing key f1_samples");
        assertThatThrownBy(() -> EvaluationReportJson.read(json.replaceFirst("\"support\" : \\d+", "\"support\" : \"x\"")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("evaluation report: per_class[0].support: expected an integer, found \"x\"");
        assertThatThrownBy(() -> EvaluationReportJson.read(json.replaceFirst("\"auroc\" : [0-9.]+", "\"auroc\" : true")))
                .hasMessage("evaluation report: per_class[0].auroc: expected a number or null, found true");
        assertThatThrownBy(() -> EvaluationReportJson.read(json.replaceFirst("\"code\" : \"[0-9]+\"", "\"code\" : 7")))
                .hasMessage("evaluation report: per_class[0].code: expected a string, found 7");
        assertThatThrownBy(() -> EvaluationReportJson.read("{"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
    }

    @Test
    void csvIsOneTidyTableThatReadsBackToTheSameNumbers() throws IOException {
        EvaluationReport report = sample();
        Path csv = dir.resolve("report.csv");
        EvaluationReportCsv.write(report, csv);
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("metric,code,abbrev,value");
        assertThat(lines).hasSize(1 + 12 + 24 * 7);
        assertThat(lines).allSatisfy(l -> assertThat(l.split(",", -1)).hasSize(4));
        assertThat(lines).contains("records,,,40", "challenge_score,,," + report.challengeScore(),
                "f1_samples,,," + report.f1Samples());
        ClassMetrics c3 = report.perClass().get(3);
        assertThat(lines).contains("auroc," + c3.code() + "," + c3.abbrev() + ",", "support," + c3.code() + "," + c3.abbrev() + ",0");
        ClassMetrics c7 = report.perClass().get(7);
        String f1Line = lines.stream().filter(l -> l.startsWith("f1," + c7.code() + ",")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(f1Line.split(",")[3])).isEqualTo(c7.f1());
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("report.csv"); // no temp file left
        }
    }

    @Test
    void htmlIsSelfContainedNamesTheAveragesAndEscapesTheTitle() throws IOException {
        EvaluationReport report = sample();
        Path html = dir.resolve("report.html");
        EvaluationReportHtml.write(report, "Run <3> & \"test\"", html);
        String text = Files.readString(html);
        assertThat(text).startsWith("<!DOCTYPE html>").contains("<title>Run &lt;3&gt; &amp; &quot;test&quot;</title>");
        assertThat(text.toLowerCase()).doesNotContain("http:").doesNotContain("https:").doesNotContain("src=")
                .doesNotContain("href=").doesNotContain("<link").doesNotContain("@import").doesNotContain("url(");
        assertThat(text).contains("F1 micro", "F1 macro", "F1 weighted", "F1 samples", "Challenge score",
                "AUROC (macro)", "AUPRC (macro)", "F-measure (macro)", "Accuracy (exact match)", "<script>");
        Matcher rows = Pattern.compile("<tr><td class=\"text\">").matcher(text);
        List<String> found = new ArrayList<>();
        while (rows.find()) found.add(rows.group());
        assertThat(found).hasSize(24);
        assertThat(text).contains(report.perClass().get(0).abbrev(), "&mdash;");
    }
}
