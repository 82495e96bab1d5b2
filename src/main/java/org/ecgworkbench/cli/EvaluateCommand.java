package org.ecgworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.ecgworkbench.dataset.DatasetScanner;
import org.ecgworkbench.dataset.IndexedRecord;
import org.ecgworkbench.dataset.ScanResult;
import org.ecgworkbench.dataset.SplitManifest;
import org.ecgworkbench.dataset.SplitManifestJson;
import org.ecgworkbench.eval.ClassMetrics;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.EvaluationReportCsv;
import org.ecgworkbench.eval.EvaluationReportHtml;
import org.ecgworkbench.eval.EvaluationReportJson;
import org.ecgworkbench.eval.Evaluator;
import org.ecgworkbench.eval.Metric;
import org.ecgworkbench.eval.PredictedRecord;
import org.ecgworkbench.eval.PredictionTable;
import org.ecgworkbench.eval.PredictionTableCsv;
import org.ecgworkbench.label.LabelVector;
import org.ecgworkbench.model.BundleClasses;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.model.Predictor;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.record.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code evaluate}: a model bundle against the labels of a folder (or one part of a run's split). */
@Command(name = "evaluate", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Predict every record in the dataset folders (DIR or --data) with a model bundle (its own pipeline and per-class thresholds) "
                + "and score the predictions against the headers' #Dx labels: the challenge metric, AUROC/AUPRC, "
                + "F1 with every average by its right name, and a per-class table. An unreadable record is reported and skipped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:evaluated every record", "1:some records could not be read (listed)", "2:bad input"})
public final class EvaluateCommand implements Callable<Integer> {

    @Option(names = "--model", required = true, paramLabel = "M.ecgmodel", description = "model bundle")
    Path model;

    @Option(names = "--data", split = ",", paramLabel = "DIR", description = "dataset folders (or give them as arguments)")
    List<Path> dataOption;

    @Parameters(paramLabel = "DIR", arity = "0..*", description = "dataset folders (the same as --data)")
    List<Path> dataArguments;

    /** The folders from --data and the arguments, in that order. */
    private List<Path> data;

    /** The --split-manifest read (null without it). */
    private SplitManifest split;

    @Option(names = "--split-manifest", paramLabel = "split.json", description = "only the records of one part of this split (a run's split.json)")
    Path manifest;

    @Option(names = "--part", defaultValue = "test", description = "with --split-manifest: train, validation or test (default ${DEFAULT-VALUE})")
    String part;

    @Mixin
    JsonOption json;

    @Option(names = "--report", paramLabel = "FILE", description = "also write the report: .html (self-contained), .csv or .json")
    Path report;

    @Option(names = "--predictions", paramLabel = "FILE.csv",
            description = "also write each record's probabilities, true labels and the thresholds (the format of a run's test-predictions.csv), "
                    + "so the workbench's report room can open this evaluation")
    Path predictions;

    @Mixin
    ForceOption force;

    @Spec
    CommandSpec spec;

    static final String NOTHING_TO_SCORE = "no record carries a scored label: nothing to score";

    @Override
    public Integer call() throws IOException {
        data = new ArrayList<>();
        if (dataOption != null) data.addAll(dataOption);
        if (dataArguments != null) data.addAll(dataArguments);
        if (data.isEmpty()) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Missing the dataset folders: give DIR or --data=DIR");
        }
        if (report != null && predictions != null
                && report.toAbsolutePath().normalize().equals(predictions.toAbsolutePath().normalize())) {
            throw new IllegalArgumentException("--report and --predictions name the same file " + report + "; the second would replace the first");
        }
        if (report != null) AtomicFiles.requireAbsent(force.replace(), report);
        if (predictions != null) AtomicFiles.requireAbsent(force.replace(), predictions);
        ModelBundle bundle = ModelBundleIO.read(model);
        Predictor predictor = new Predictor(bundle);
        // Output i means the class of the bundle's codes[i]: the same mapping predict prints by.
        int[] outputOf;
        try {
            outputOf = BundleClasses.outputOfEachScoredClass(bundle.metadata());
        } catch (IllegalArgumentException e) {
            throw new IOException(model + ": evaluate scores the challenge's scored classes: " + e.getMessage(), e);
        }
        double[] thresholds = BundleClasses.inScoredOrder(bundle.metadata().thresholds(), outputOf);
        ScanResult scan = new DatasetScanner(false).scan(data);
        List<IndexedRecord> records = selected(scan);
        // Again now the bundle, the headers and the split are read: neither output may be one of them.
        if (report != null) AtomicFiles.requireAbsent(force.replace(), report);
        if (predictions != null) AtomicFiles.requireAbsent(force.replace(), predictions);
        if (records.isEmpty()) throw new IOException("no records to evaluate under " + folders() + (manifest == null ? "" : " in part " + part + " of " + manifest));

        PrintWriter err = spec.commandLine().getErr();
        if (records.stream().allMatch(r -> LabelVector.of(r.dx()).isEmpty())) {
            // Every metric would be 0 or undefined: a table of zeros would read as a model that fails every class.
            err.println("error: " + NOTHING_TO_SCORE + " (" + Plural.of(records.size(), "record") + " under " + folders() + ")");
            return ExitCodes.PARTIAL;
        }
        List<String> failures = new ArrayList<>();
        failuresOf(scan).forEach(f -> failures.add(f.line()));
        List<boolean[]> labels = new ArrayList<>();
        List<float[]> probabilities = new ArrayList<>();
        List<IndexedRecord> predicted = new ArrayList<>();
        TerminalProgress progress = TerminalProgress.forStderr(err, "evaluating");
        int done = 0;
        for (IndexedRecord r : records) {
            try {
                float[] p = BundleClasses.inScoredOrder(predictor.predict(EcgRecordReader.read(r.path())).probabilities(), outputOf);
                labels.add(LabelVector.of(r.dx()).toArray());
                probabilities.add(p);
                predicted.add(r);
            } catch (IOException | RuntimeException e) {
                failures.add(new ScanResult.Failure(r.path(), String.valueOf(e.getMessage())).line());
            }
            progress.update(++done, records.size());
        }
        progress.finish();
        if (labels.isEmpty()) throw new IOException("no record could be predicted; first error: " + failures.get(0));
        EvaluationReport result = Evaluator.evaluate(labels.toArray(new boolean[0][]), probabilities.toArray(new float[0][]),
                thresholds);

        PrintWriter out = spec.commandLine().getOut();
        out.println(json.requested() ? EvaluationReportJson.write(result) : text(result));
        out.flush();
        failures.forEach(f -> err.println("failed: " + TerminalText.inert(f)));
        if (report != null) writeReport(result);
        if (predictions != null) writePredictions(predicted, labels, probabilities, thresholds);
        return failures.isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private String folders() {
        return TerminalText.inert(String.join(", ", data.stream().map(Path::toString).toList()));
    }

    /**
     * The records to evaluate: all, or with --split-manifest exactly the part's records. A part
     * record that is not under the folders is an error naming it (and how many more), not a smaller
     * test set; one that is there but unreadable stays a listed failure (exit 1).
     */
    private List<IndexedRecord> selected(ScanResult scan) throws IOException {
        if (manifest == null) return scan.records();
        OutputGuard.protect(manifest);
        split = SplitManifestJson.read(manifest);
        List<String> ids = split.parts().get(part);
        if (ids == null) throw new IOException(manifest + ": has no part '" + part + "' (parts: " + split.parts().keySet() + ")");
        Set<String> wanted = new HashSet<>(ids);
        Set<String> seen = new HashSet<>();
        List<IndexedRecord> chosen = new ArrayList<>();
        for (IndexedRecord r : scan.records()) {
            if (wanted.contains(r.id()) && seen.add(r.id())) chosen.add(r);
        }
        Set<String> unreadable = new HashSet<>();
        for (ScanResult.Failure f : scan.failed()) unreadable.add(stem(f.path()));
        List<String> missing = ids.stream().filter(id -> !seen.contains(id) && !unreadable.contains(id)).toList();
        if (!missing.isEmpty()) {
            throw new IOException(manifest + ": " + Plural.of(missing.size(), "record") + " of part " + part + " (of "
                    + ids.size() + ") " + (missing.size() == 1 ? "is" : "are") + " not under " + folders() + ": "
                    + String.join(", ", missing.subList(0, Math.min(5, missing.size()))) + (missing.size() > 5 ? ", …" : "")
                    + " (the data changed since the split was made, or these are not its folders)");
        }
        return chosen;
    }

    /** With --split-manifest, only the part's unreadable records are this evaluation's failures. */
    private List<ScanResult.Failure> failuresOf(ScanResult scan) {
        if (manifest == null) return scan.failed();
        Set<String> wanted = new HashSet<>(split.part(part));
        return scan.failed().stream().filter(f -> wanted.contains(stem(f.path()))).toList();
    }

    private static String stem(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private void writePredictions(List<IndexedRecord> records, List<boolean[]> labels, List<float[]> probabilities,
                                  double[] thresholds) throws IOException {
        List<PredictedRecord> rows = new ArrayList<>(records.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < records.size(); i++) {
            IndexedRecord r = records.get(i);
            // Two folders may hold records of the same name; the file needs unique ids, so the later one gets its path.
            String id = ids.add(r.id()) ? r.id() : r.path().toString();
            ids.add(id);
            rows.add(new PredictedRecord(id, r.path().toAbsolutePath().toString(), probabilities.get(i), labels.get(i)));
        }
        PredictionTableCsv.write(new PredictionTable(thresholds, rows), predictions, true);
    }

    private void writeReport(EvaluationReport result) throws IOException {
        String name = report.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".html") || name.endsWith(".htm")) {
            EvaluationReportHtml.write(result, "Evaluation of " + model.getFileName(), report);
        } else if (name.endsWith(".csv")) {
            EvaluationReportCsv.write(result, report);
        } else if (name.endsWith(".json")) {
            byte[] bytes = EvaluationReportJson.write(result).getBytes(StandardCharsets.UTF_8);
            AtomicFiles.write(report, true, o -> o.write(bytes));
        } else {
            throw new IllegalArgumentException("--report: expected a .html, .csv or .json file name, got " + report);
        }
    }

    /** Four decimals, or "—" where the metric is undefined (never "NaN"); + 0.0 turns −0 into 0. */
    static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.4f", v + 0.0) : "—";
    }

    static String text(EvaluationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Plural.of(r.records(), "record")).append('\n');
        // Two lines: the challenge's ranking metrics, then the F1 averages (one "F1" for the four) and exact-match accuracy.
        sb.append(String.format(Locale.ROOT, "%s %s   %s %s   %s %s%n", Metric.CHALLENGE_SCORE.label(), number(r.challengeScore()),
                Metric.AUROC_MACRO.title(), number(r.aurocMacro()), Metric.AUPRC_MACRO.title(), number(r.auprcMacro())));
        sb.append(String.format(Locale.ROOT, "%s %s   macro %s   weighted %s   samples %s   %s %s%n", Metric.F1_MICRO.label(),
                number(r.f1Micro()), number(r.f1Macro()), number(r.f1Weighted()), number(r.f1Samples()),
                Metric.ACCURACY.label(), number(r.accuracy())));
        sb.append(String.format(Locale.ROOT, "%-14s %-18s %9s %9s %9s %8s %8s %8s %9s%n",
                "code", "class", "precision", "recall", "f1", "support", "auroc", "auprc", "threshold"));
        for (ClassMetrics c : r.perClass()) {
            sb.append(String.format(Locale.ROOT, "%-14s %-18s %9s %9s %9s %8d %8s %8s %9s%n", TerminalText.inert(c.code()), TerminalText.inert(c.abbrev()),
                    number(c.precision()), number(c.recall()), number(c.f1()), c.support(), number(c.auroc()),
                    number(c.auprc()), number(c.threshold())));
        }
        return sb.toString().stripTrailing();
    }
}
