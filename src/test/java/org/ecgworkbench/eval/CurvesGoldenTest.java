package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * ROC and precision-recall curves and the 2×2 counts against scikit-learn 1.2
 * (src/test/python/make_curves_golden.py: {@code roc_curve(drop_intermediate=False)},
 * {@code precision_recall_curve}, {@code confusion_matrix}), value for value, NaN where sklearn has nan.
 */
class CurvesGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden/curves/curves.json");

    record Case(String name, boolean[] labels, double[] scores, double threshold, JsonNode expected) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> cases() throws IOException {
        JsonNode root = new ObjectMapper().readTree(GOLDEN.toFile());
        assertThat(root.get("sklearn").asText()).startsWith("1.2");
        List<Case> cases = new ArrayList<>();
        for (JsonNode c : root.get("cases")) {
            int n = c.get("labels").size();
            boolean[] y = new boolean[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = c.get("labels").get(i).asInt() == 1;
                s[i] = c.get("scores").get(i).doubleValue();
            }
            cases.add(new Case(c.get("name").asText(), y, s, c.get("threshold").doubleValue(), c));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void rocCurveIsSklearnsWithEveryPointKept(Case c) {
        RocCurve roc = RocCurve.of(c.labels(), c.scores());
        JsonNode e = c.expected().get("roc");
        assertThat(roc.falsePositiveRate()).containsExactly(doubles(e.get("fpr")));
        assertThat(roc.truePositiveRate()).containsExactly(doubles(e.get("tpr")));
        assertThat(roc.thresholds()).containsExactly(doubles(e.get("thresholds")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void precisionRecallCurveIsSklearns(Case c) {
        PrecisionRecallCurve pr = PrecisionRecallCurve.of(c.labels(), c.scores());
        JsonNode e = c.expected().get("pr");
        assertThat(pr.precision()).containsExactly(doubles(e.get("precision")));
        assertThat(pr.recall()).containsExactly(doubles(e.get("recall")));
        assertThat(pr.thresholds()).containsExactly(doubles(e.get("thresholds")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void confusionCountsAreSklearns(Case c) {
        float[] p = new float[c.scores().length];
        for (int i = 0; i < p.length; i++) p[i] = (float) c.scores()[i];
        ConfusionCounts counts = ConfusionCounts.of(c.labels(), p, c.threshold());
        JsonNode e = c.expected().get("confusion");
        assertThat(counts).isEqualTo(new ConfusionCounts(e.get("tp").asInt(), e.get("fp").asInt(), e.get("fn").asInt(), e.get("tn").asInt()));
        assertThat(counts.total()).isEqualTo(c.labels().length);
    }

    /** JSON null is where sklearn produced nan. */
    private static double[] doubles(JsonNode array) {
        double[] d = new double[array.size()];
        for (int i = 0; i < d.length; i++) d[i] = array.get(i).isNull() ? Double.NaN : array.get(i).doubleValue();
        return d;
    }
}
