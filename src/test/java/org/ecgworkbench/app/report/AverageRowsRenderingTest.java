package org.ecgworkbench.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Collectors;
import org.ecgworkbench.eval.Metric;
import org.ecgworkbench.eval.GoldenText;
import org.junit.jupiter.api.Test;

/** The report room's averages panel keeps its names, order and explanations (golden text). */
class AverageRowsRenderingTest {

    @Test
    void averagesAreTheGoldenOnes() {
        String text = ReportViewModel.averagesOf(GoldenText.report()).stream()
                .map(a -> a.name() + "\t" + a.value() + "\t" + MetricText.of(a.value(), "%.3f") + "\t" + a.meaning())
                .collect(Collectors.joining("\n", "", "\n"));
        GoldenText.assertMatches(text, "report-room-averages.txt");
    }

    @Test
    void everyMetricOfTheRegistryIsOnThePanelWithItsLabelAndNote() {
        List<AverageRow> rows = ReportViewModel.averagesOf(GoldenText.report());
        for (Metric m : Metric.values()) {
            assertThat(rows).as(m.name()).contains(new AverageRow(m.label(), m.of(GoldenText.report()), m.note()));
        }
        assertThat(rows).hasSize(Metric.values().length + 1);
    }
}
