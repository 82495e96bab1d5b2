package org.ecgworkbench.app.report;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.eval.ClassCooccurrence;
import org.ecgworkbench.eval.ConfusionCounts;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.Metric;
import org.ecgworkbench.eval.PrecisionRecallCurve;
import org.ecgworkbench.eval.PredictedRecord;
import org.ecgworkbench.eval.PredictionTable;
import org.ecgworkbench.eval.RocCurve;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;

/**
 * The report room's state: one evaluation loaded in the background (indeterminate progress, cancel),
 * the per-class rows, the averages by their right names, and for the selected class its 2×2
 * counts, ROC and precision-recall curves; the class heat map (counts or row shares); the records
 * with predicted against true labels (optionally only the disagreements); exports; and the hook
 * that opens a record in the viewer.
 */
public final class ReportViewModel {
    /** The panel's order: the challenge's ranking metrics, scikit-learn's F1 averages, then the challenge's thresholded ones. */
    private static final List<Metric> AVERAGES = List.of(Metric.CHALLENGE_SCORE, Metric.AUROC_MACRO, Metric.AUPRC_MACRO,
            Metric.F1_MICRO, Metric.F1_MACRO, Metric.F1_WEIGHTED, Metric.F1_SAMPLES, Metric.F_MEASURE_MACRO, Metric.F_BETA,
            Metric.G_BETA, Metric.ACCURACY);

    private final BackgroundWork work;
    private final List<ScoredClass> classes = DiagnosisCatalogue.standard().scoredClasses();

    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Report");
    private final ReadOnlyStringWrapper description = new ReadOnlyStringWrapper(this, "description", "");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyObjectWrapper<LoadedReport> loaded = new ReadOnlyObjectWrapper<>(this, "loaded");

    private final ObservableList<ClassRow> classRows = FXCollections.observableArrayList();
    private final ObservableList<AverageRow> averages = FXCollections.observableArrayList();
    private final ObjectProperty<ClassRow> selectedClass = new SimpleObjectProperty<>(this, "selectedClass");
    private final ReadOnlyObjectWrapper<ConfusionCounts> confusion = new ReadOnlyObjectWrapper<>(this, "confusion");
    private final ReadOnlyObjectWrapper<CurvePoints> roc = new ReadOnlyObjectWrapper<>(this, "roc", CurvePoints.NONE);
    private final ReadOnlyObjectWrapper<CurvePoints> precisionRecall = new ReadOnlyObjectWrapper<>(this, "precisionRecall", CurvePoints.NONE);

    private final BooleanProperty normalised = new SimpleBooleanProperty(this, "normalised", false);
    private final ReadOnlyObjectWrapper<HeatMap> heatMap = new ReadOnlyObjectWrapper<>(this, "heatMap", HeatMap.EMPTY);
    private ClassCooccurrence cooccurrence;

    private final ObservableList<RecordRow> allRecords = FXCollections.observableArrayList();
    private final FilteredList<RecordRow> records = new FilteredList<>(allRecords);
    private final BooleanProperty onlyDisagreements = new SimpleBooleanProperty(this, "onlyDisagreements", false);

    private Consumer<Path> onOpenRecord = p -> { };
    private AtomicBoolean currentCancel = new AtomicBoolean();

    public ReportViewModel(BackgroundWork work) {
        this.work = Objects.requireNonNull(work, "work");
        selectedClass.addListener((o, was, now) -> showClass(now));
        normalised.addListener((o, was, now) -> heatMap.set(heatMapOf(cooccurrence, now)));
        onlyDisagreements.addListener((o, was, now) -> records.setPredicate(now ? r -> !r.agrees() : null));
    }

    /** Opens a finished run folder or an {@code evaluate --predictions} file in the background. */
    public void load(Path source) {
        Objects.requireNonNull(source, "source");
        currentCancel.set(true);
        AtomicBoolean cancel = new AtomicBoolean();
        currentCancel = cancel;
        busy.set(true);
        progress.set(-1);
        if (loaded.get() == null && source.getFileName() != null) title.set("Report · " + source.getFileName());
        status.set("Opening " + source + " …");
        work.run("Opening report", () -> ReportLoader.load(source, cancel::get), result -> {
            if (cancel.get()) return;
            show(result);
            busy.set(false);
            progress.set(1);
            status.set(result.source().toString());
        }, error -> {
            if (cancel.get() && error instanceof CancellationException) return;
            busy.set(false);
            progress.set(0);
            status.set("Cannot open the report: " + (error.getMessage() == null ? error.toString() : error.getMessage()));
        });
    }

    /** Stops the load under way; what was shown before stays. */
    public void cancel() {
        if (!busy.get()) return;
        currentCancel.set(true);
        busy.set(false);
        progress.set(0);
        status.set("Cancelled");
    }

    private void show(LoadedReport report) {
        loaded.set(report);
        title.set("Report · " + report.name());
        description.set(report.description());
        EvaluationReport r = report.report();
        List<ClassRow> rows = new ArrayList<>();
        for (int i = 0; i < r.perClass().size(); i++) rows.add(ClassRow.of(i, classes.get(i), r.perClass().get(i)));
        averages.setAll(averagesOf(r));
        PredictionTable table = report.predictions();
        cooccurrence = table.cooccurrence();
        heatMap.set(heatMapOf(cooccurrence, normalised.get()));
        allRecords.setAll(recordRows(table));
        classRows.setAll(rows);
        ClassRow first = rows.stream().filter(c -> c.support() > 0).findFirst().orElse(rows.isEmpty() ? null : rows.get(0));
        selectedClass.set(null);
        selectedClass.set(first);
    }

    static List<AverageRow> averagesOf(EvaluationReport r) {
        List<AverageRow> rows = new ArrayList<>();
        for (Metric m : AVERAGES) rows.add(new AverageRow(m.label(), m.of(r), m.note()));
        rows.add(new AverageRow("records", r.records(), "records evaluated"));
        return List.copyOf(rows);
    }

    private List<RecordRow> recordRows(PredictionTable table) {
        List<RecordRow> rows = new ArrayList<>(table.records().size());
        for (PredictedRecord r : table.records()) {
            List<String> truth = new ArrayList<>(), predicted = new ArrayList<>(), missed = new ArrayList<>(), extra = new ArrayList<>();
            for (int c = 0; c < table.classes(); c++) {
                String label = classes.get(c).label();
                boolean t = r.label(c);
                boolean p = r.predicted(c, table.threshold(c));
                if (t) truth.add(label);
                if (p) predicted.add(label);
                if (t && !p) missed.add(label);
                if (p && !t) extra.add(label);
            }
            rows.add(new RecordRow(r.id(), r.path(), truth, predicted, missed, extra));
        }
        return rows;
    }

    private void showClass(ClassRow row) {
        LoadedReport report = loaded.get();
        if (row == null || report == null) {
            confusion.set(null);
            roc.set(CurvePoints.NONE);
            precisionRecall.set(CurvePoints.NONE);
            return;
        }
        PredictionTable table = report.predictions();
        int c = row.index();
        confusion.set(table.confusion(c));
        RocCurve r = table.roc(c);
        if (row.support() == 0 || row.support() == table.records().size()) {
            roc.set(new CurvePoints(new double[0], new double[0], Double.NaN,
                    row.support() == 0 ? "no record has " + row.abbrev() + ": ROC undefined" : "every record has " + row.abbrev() + ": ROC undefined"));
        } else {
            roc.set(CurvePoints.corners(r.falsePositiveRate(), r.truePositiveRate(), row.auroc(),
                    String.format(Locale.ROOT, "AUROC %.3f", row.auroc())));
        }
        PrecisionRecallCurve pr = table.precisionRecall(c);
        precisionRecall.set(CurvePoints.corners(pr.recall(), pr.precision(), row.auprc(), row.support() == 0
                ? "no record has " + row.abbrev() + ": recall undefined (drawn as 1)"
                : String.format(Locale.ROOT, "AUPRC %.3f", row.auprc())));
    }

    private HeatMap heatMapOf(ClassCooccurrence m, boolean shares) {
        if (m == null) return HeatMap.EMPTY;
        int n = m.classes();
        double[][] values = new double[n][n];
        double max = shares ? 0 : 1;
        for (int t = 0; t < n; t++) {
            for (int p = 0; p < n; p++) {
                values[t][p] = shares ? m.share(t, p) : m.count(t, p);
                max = Math.max(max, values[t][p]);
            }
        }
        List<String> labels = classes.stream().map(ScoredClass::label).toList();
        return new HeatMap(labels, m.counts(), values, shares, shares ? Math.max(max, 1e-9) : max);
    }

    /** Opens the record of a row through the hook (the workbench shows it in the viewer). */
    public void openRecord(RecordRow row) {
        if (row == null || row.path().isEmpty()) {
            status.set(row == null ? "" : row.id() + ": the predictions do not say which file it came from");
            return;
        }
        onOpenRecord.accept(Path.of(row.path()));
    }

    public void setOnOpenRecord(Consumer<Path> hook) {
        onOpenRecord = hook == null ? p -> { } : hook;
    }

    /** Writes the report in the background; the status says where, or why not. */
    public void export(ReportFormat format, Path target) {
        LoadedReport report = loaded.get();
        if (report == null) {
            status.set("Nothing to export: no report is open");
            return;
        }
        busy.set(true);
        progress.set(-1);
        status.set("Writing " + target + " …");
        work.run("Exporting report", () -> {
            format.write(report.report(), "Report · " + report.name() + " — " + report.description(), target);
            return target;
        }, done -> {
            busy.set(false);
            progress.set(1);
            status.set("Wrote " + done);
        }, error -> {
            busy.set(false);
            progress.set(0);
            status.set("Cannot write " + target + ": " + error.getMessage());
        });
    }

    /** A file name to suggest for an export, e.g. {@code run-7-report.html}. */
    public String suggestedFileName(ReportFormat format) {
        LoadedReport report = loaded.get();
        String base = report == null ? "report" : report.name().replaceAll("\\.csv$", "").replaceAll("[^A-Za-z0-9._-]", "_") + "-report";
        return base + "." + format.extension();
    }

    public ReadOnlyStringProperty titleProperty() { return title.getReadOnlyProperty(); }

    public ReadOnlyStringProperty descriptionProperty() { return description.getReadOnlyProperty(); }

    public ReadOnlyStringProperty statusProperty() { return status.getReadOnlyProperty(); }

    /** −1 while working (indeterminate), 1 when done, 0 idle or failed. */
    public ReadOnlyDoubleProperty progressProperty() { return progress.getReadOnlyProperty(); }

    public ReadOnlyBooleanProperty busyProperty() { return busy.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<LoadedReport> loadedProperty() { return loaded.getReadOnlyProperty(); }

    public ObservableList<ClassRow> classRows() { return FXCollections.unmodifiableObservableList(classRows); }

    public ObservableList<AverageRow> averages() { return FXCollections.unmodifiableObservableList(averages); }

    public ObjectProperty<ClassRow> selectedClassProperty() { return selectedClass; }

    public ReadOnlyObjectProperty<ConfusionCounts> confusionProperty() { return confusion.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<CurvePoints> rocProperty() { return roc.getReadOnlyProperty(); }

    public ReadOnlyObjectProperty<CurvePoints> precisionRecallProperty() { return precisionRecall.getReadOnlyProperty(); }

    public BooleanProperty normalisedProperty() { return normalised; }

    public ReadOnlyObjectProperty<HeatMap> heatMapProperty() { return heatMap.getReadOnlyProperty(); }

    /** The records shown: all, or only those where prediction and truth differ. */
    public ObservableList<RecordRow> records() { return records; }

    public BooleanProperty onlyDisagreementsProperty() { return onlyDisagreements; }
}
