package org.ecgworkbench.app.report;

import java.nio.file.Path;
import java.util.Objects;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.PredictionTable;

/**
 * One evaluation as the report room shows it.
 *
 * @param name        short name for a tab: the run folder's or the predictions file's name
 * @param description what was evaluated, e.g. the run's architecture and epochs
 * @param source      the run folder or the predictions file it was read from
 * @param report      the metrics (a run's {@code report.json} test section, or computed from the predictions)
 * @param predictions the per-record outputs the metrics come from
 */
public record LoadedReport(String name, String description, Path source, EvaluationReport report, PredictionTable predictions) {
    public LoadedReport {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(description, "description");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(predictions, "predictions");
    }
}
