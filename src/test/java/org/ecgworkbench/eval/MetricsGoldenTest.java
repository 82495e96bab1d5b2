package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every number of the report against src/test/resources/golden/metrics (make_metrics_golden.py:
 * scikit-learn 1.2 for the per-class metrics and F1 averages; the challenge quantities checked
 * equal to the official evaluate_12ECG_score.py), to 1e-12.
 */
class MetricsGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/metrics");
    private static final ObjectMapper MAPPER = new ObjectMapper();

    static Stream<Path> cases() throws IOException {
        return Files.list(GOLDEN).filter(p -> p.toString().endsWith(".json")).sorted();
    }

    private record Case(boolean[][] labels, float[][] probabilities, double[] thresholds, double[] tuned, JsonNode expected) {
        static Case read(Path file) throws IOException {
            JsonNode root = MAPPER.readTree(file.toFile());
            int n = root.get("labels").size();
            boolean[][] labels = new boolean[n][];
            float[][] probabilities = new float[n][];
            for (int i = 0; i < n; i++) {
                String row = root.get("labels").get(i).asText();
                labels[i] = new boolean[row.length()];
                for (int k = 0; k < row.length(); k++) labels[i][k] = row.charAt(k) == '1';
                JsonNode p = root.get("probabilities").get(i);
                probabilities[i] = new float[p.size()];
                for (int k = 0; k < p.size(); k++) {
                    double v = p.get(k).doubleValue();
                    probabilities[i][k] = (float) v;
                    assertThat((double) probabilities[i][k]).as("golden probabilities are float32 values").isEqualTo(v);
                }
            }
            return new Case(labels, probabilities, doubles(root.get("thresholds")), doubles(root.get("tuned_thresholds")),
                    root.get("expected"));
        }

        private static double[] doubles(JsonNode array) {
            double[] d = new double[array.size()];
            for (int i = 0; i < d.length; i++) d[i] = array.get(i).doubleValue();
            return d;
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void thresholdedProbabilitiesMatchSklearnAndTheOfficialScorer(Path file) throws IOException {
        Case c = Case.read(file);
        EvaluationReport report = Evaluator.evaluate(c.labels(), c.probabilities(), c.thresholds());
        GoldenReports.assertMatches(EvaluationReportJson.toJson(report), c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void givenBinaryOutputsGiveTheSameReport(Path file) throws IOException {
        Case c = Case.read(file);
        boolean[][] outputs = new boolean[c.labels().length][24];
        for (int i = 0; i < outputs.length; i++) {
            for (int k = 0; k < 24; k++) outputs[i][k] = c.probabilities()[i][k] >= c.thresholds()[k];
        }
        EvaluationReport report = Evaluator.evaluate(c.labels(), outputs, c.probabilities(), c.thresholds(),
                ChallengeMetric.standard());
        GoldenReports.assertMatches(EvaluationReportJson.toJson(report), c.expected());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void tunedThresholdsMatchABruteForceSearch(Path file) throws IOException {
        Case c = Case.read(file);
        assertThat(ThresholdTuner.tune(c.labels(), c.probabilities())).containsExactly(c.tuned());
    }
}
