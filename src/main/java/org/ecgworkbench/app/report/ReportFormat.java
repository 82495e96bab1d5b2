package org.ecgworkbench.app.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.EvaluationReportCsv;
import org.ecgworkbench.eval.EvaluationReportHtml;
import org.ecgworkbench.eval.EvaluationReportJson;
import org.ecgworkbench.record.AtomicFiles;

/** The export formats of a report, each written through a temporary file and renamed onto the target. */
public enum ReportFormat {
    CSV("CSV table", "csv"),
    JSON("JSON", "json"),
    HTML("Self-contained HTML", "html");

    private final String description;
    private final String extension;

    ReportFormat(String description, String extension) {
        this.description = description;
        this.extension = extension;
    }

    public String description() {
        return description;
    }

    public String extension() {
        return extension;
    }

    void write(EvaluationReport report, String title, Path target) throws IOException {
        switch (this) {
            case CSV -> EvaluationReportCsv.write(report, target);
            case JSON -> {
                byte[] bytes = EvaluationReportJson.write(report).getBytes(StandardCharsets.UTF_8);
                AtomicFiles.write(target, true, out -> out.write(bytes));
            }
            case HTML -> EvaluationReportHtml.write(report, title, target);
        }
    }
}
