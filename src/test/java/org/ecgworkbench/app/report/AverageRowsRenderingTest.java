package org.ecgworkbench.app.report;

import java.util.stream.Collectors;
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
}
