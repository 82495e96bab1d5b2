package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The metric registry is the report: its keys are the JSON's and the CSV's, and every text of it is shown somewhere. */
class MetricTest {

    @Test
    void theKeysAreExactlyTheReportJsonKeysInOrder() throws IOException {
        JsonNode root = new ObjectMapper().readTree(EvaluationReportJson.write(GoldenText.report()));
        List<String> keys = GoldenReports.keys(root);
        assertThat(keys.subList(1, keys.size() - 1)).containsExactlyElementsOf(Arrays.stream(Metric.values()).map(Metric::key).toList());
        assertThat(keys).startsWith("records").endsWith("per_class");
    }

    @Test
    void theCsvRowsOfTheAveragesAreTheKeysInOrder() {
        List<String> metrics = EvaluationReportCsv.toCsv(GoldenText.report()).lines().skip(2).limit(Metric.values().length)
                .map(l -> l.substring(0, l.indexOf(','))).toList();
        assertThat(metrics).containsExactlyElementsOf(Arrays.stream(Metric.values()).map(Metric::key).toList());
    }

    @Test
    void eachAccessorReadsItsOwnAverage() {
        // Every average different, so an accessor wired to the wrong component shows.
        double[] v = {0.11, 0.12, 0.13, 0.14, 0.15, 0.16, 0.17, 0.18, 0.19, 0.20, 0.21};
        EvaluationReport r = new EvaluationReport(3, v[0], v[1], v[2], v[3], v[4], v[5], v[6], v[7], v[8], v[9], v[10], List.of());
        Map<String, Double> byKey = Arrays.stream(Metric.values()).collect(Collectors.toMap(Metric::key, m -> m.of(r)));
        assertThat(byKey).containsEntry("challenge_score", 0.11).containsEntry("auroc_macro", 0.12).containsEntry("auprc_macro", 0.13)
                .containsEntry("f_measure_macro", 0.14).containsEntry("f_beta", 0.15).containsEntry("g_beta", 0.16)
                .containsEntry("accuracy", 0.17).containsEntry("f1_micro", 0.18).containsEntry("f1_macro", 0.19)
                .containsEntry("f1_weighted", 0.20).containsEntry("f1_samples", 0.21);
        assertThat(EvaluationReport.of(3, m -> m.of(r), List.of())).isEqualTo(r);
    }

    @Test
    void everyTitleAndDescriptionIsOnTheHtmlPage() {
        String html = EvaluationReportHtml.toHtml(GoldenText.report(), "t");
        for (Metric m : Metric.values()) {
            assertThat(html).as(m.name()).contains("<tr><th>" + EvaluationReportHtml.text(m.title()) + "</th>")
                    .contains(EvaluationReportHtml.text(m.description()) + "</td></tr>");
        }
        for (Metric.Group g : Metric.Group.values()) assertThat(html).contains("<h2>" + g.heading() + "</h2>");
    }

    @Test
    void groupsPartitionTheRegistryInItsOrder() {
        List<Metric> grouped = Arrays.stream(Metric.Group.values()).flatMap(g -> g.metrics().stream()).toList();
        assertThat(grouped).containsExactly(Metric.values());
        Function<Metric, String> key = Metric::key;
        assertThat(Arrays.stream(Metric.values()).map(key).distinct()).hasSize(Metric.values().length);
        assertThat(Arrays.stream(Metric.values())).allMatch(Metric::higherIsBetter);
    }

    @Test
    void htmlTextKeepsThePageAsciiAndEscapesMarkup() {
        assertThat(EvaluationReportHtml.text("F-beta (β=2) “a” <b> & c's")).isEqualTo("F-beta (&beta;=2) &ldquo;a&rdquo; &lt;b&gt; &amp; c's");
        for (Metric m : Metric.values()) {
            assertThat(EvaluationReportHtml.text(m.title() + m.description()).chars()).allMatch(c -> c < 128);
        }
    }
}
