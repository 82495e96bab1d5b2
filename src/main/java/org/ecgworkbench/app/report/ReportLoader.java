package org.ecgworkbench.app.report;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.BooleanSupplier;
import org.ecgworkbench.eval.EvalFileFormatException;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.EvaluationReportJson;
import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.eval.PredictionTable;
import org.ecgworkbench.eval.PredictionTableCsv;
import org.ecgworkbench.train.RunFolder;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;

/**
 * Reads what the report room opens: a finished run folder ({@code report.json}'s test section,
 * {@code test-predictions.csv}, {@code config.json} for the description) or a predictions file
 * written by {@code evaluate --predictions} (the metrics are computed from it). A run whose report
 * and predictions disagree (number of records, thresholds) is refused rather than shown half-right.
 */
public final class ReportLoader {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ReportLoader() {
    }

    /**
     * @param cancelled polled while the predictions are read; a cancelled load ends in a
     *                  {@link java.util.concurrent.CancellationException}
     */
    public static LoadedReport load(Path source, BooleanSupplier cancelled) throws IOException {
        if (Files.isDirectory(source)) return loadRun(new RunFolder(source), cancelled);
        if (Files.isRegularFile(source)) return loadPredictions(source, cancelled);
        throw new IOException(source + ": no such run folder or predictions file");
    }

    private static LoadedReport loadRun(RunFolder run, BooleanSupplier cancelled) throws IOException {
        OutputGuard.protect(run.report(), run.testPredictions(), run.config());
        if (!Files.isRegularFile(run.report())) {
            throw new IOException(run.root() + ": not a finished run (no " + run.report().getFileName() + ")");
        }
        if (!Files.isRegularFile(run.testPredictions())) {
            throw new IOException(run.root() + ": the run kept no test predictions (no " + run.testPredictions().getFileName()
                    + "; it has no test part, or was trained before they were kept)");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(run.report().toFile());
        } catch (IOException e) {
            throw new EvalFileFormatException(run.report(), null, "not JSON: " + e.getMessage());
        }
        JsonNode test = root.get("test");
        if (test == null) throw new EvalFileFormatException(run.report(), "test", "missing: the run has no test part");
        EvaluationReport report;
        try {
            report = EvaluationReportJson.fromJson(test);
        } catch (IllegalArgumentException e) {
            throw new EvalFileFormatException(run.report(), "test", e.getMessage());
        }
        PredictionTable predictions = PredictionTableCsv.read(run.testPredictions(), cancelled);
        if (predictions.records().size() != report.records()) {
            throw new EvalFileFormatException(run.testPredictions(), null, predictions.records().size() + " records, but "
                    + run.report().getFileName() + " scored " + report.records() + ": the files are from different runs");
        }
        for (int c = 0; c < predictions.classes(); c++) {
            double reported = report.perClass().get(c).threshold();
            if (Double.compare(reported, predictions.threshold(c)) != 0) {
                throw new EvalFileFormatException(run.testPredictions(), "line 3", "the threshold of " + report.perClass().get(c).abbrev()
                        + " is " + predictions.threshold(c) + ", but " + run.report().getFileName() + " says " + reported
                        + ": the files are from different runs");
            }
        }
        String name = run.root().getFileName().toString();
        return new LoadedReport(name, describe(run) + ", test part, " + report.records() + " records", run.root(), report, predictions);
    }

    private static String describe(RunFolder run) {
        if (!Files.isRegularFile(run.config())) return "training run";
        try {
            TrainingConfig c = TrainingConfigJson.read(run.config());
            return String.format(Locale.ROOT, "%s ×%s, %d epoch%s, batch %d, seed %d", c.architecture().toString().toLowerCase(Locale.ROOT),
                    trim(c.width()), c.epochs(), c.epochs() == 1 ? "" : "s", c.batch(), c.seed());
        } catch (IOException | RuntimeException e) {
            // The description is a courtesy: a config this version cannot read must not hide the report.
            return "training run (config.json unreadable)";
        }
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }

    private static LoadedReport loadPredictions(Path file, BooleanSupplier cancelled) throws IOException {
        OutputGuard.protect(file);
        PredictionTable predictions = PredictionTableCsv.read(file, cancelled);
        if (predictions.records().isEmpty()) throw new EvalFileFormatException(file, null, "holds no record to evaluate");
        String name = file.getFileName().toString();
        return new LoadedReport(name, "evaluation, " + predictions.records().size() + " records", file, predictions.evaluate(), predictions);
    }
}
