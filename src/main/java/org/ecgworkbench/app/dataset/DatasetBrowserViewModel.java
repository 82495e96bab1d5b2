package org.ecgworkbench.app.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.FolderScan;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.dataset.ChallengeSource;
import org.ecgworkbench.dataset.RecordFilter;
import org.ecgworkbench.dataset.ScanResult;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;

/**
 * The dataset browser room: folders scanned in the background (progress, cancel), the records as
 * a filtered list (class, source, text — {@link RecordFilter}), the class distribution of the
 * records shown, the records that failed, and "open this one in the viewer".
 *
 * <p>Scan progress arrives on the scanning threads; it is coalesced (at most one update waiting)
 * and handed to the {@code ui} executor, {@code Platform::runLater} in the app and a direct call
 * in tests.
 */
public final class DatasetBrowserViewModel {

    /** A choice of the class filter: a scored class, or any ({@code scoredClass} empty). */
    public record ClassOption(Optional<ScoredClass> scoredClass, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /** A choice of the source filter: a challenge source, or any ({@code source} empty). */
    public record SourceOption(Optional<ChallengeSource> source, String text) {
        @Override
        public String toString() {
            return text;
        }
    }

    /**
     * The number of shown records labelled with one scored class.
     *
     * @param label abbreviations and the first name, e.g. {@code "AF  atrial fibrillation"},
     *              {@code "CRBBB|RBBB  complete right bundle branch block"}: an axis label
     */
    public record ClassCount(ScoredClass scoredClass, String label, int count) {
    }

    public static final ClassOption ANY_CLASS = new ClassOption(Optional.empty(), "any class");
    public static final SourceOption ANY_SOURCE = new SourceOption(Optional.empty(), "any source");

    /** What a scan has checked of the records it indexed. */
    public static final String HEADERS_ONLY = "headers only, signals not checked yet";
    public static final String HEADERS_AND_SIGNALS = "headers and signals";

    private final FolderScan folderScan;
    private final DiagnosisCatalogue catalogue;
    private final Consumer<Path> opener;

    private final ObservableList<Path> folders = FXCollections.observableArrayList();
    private final ObservableList<DatasetBrowserRow> allRows = FXCollections.observableArrayList();
    private final FilteredList<DatasetBrowserRow> rows = new FilteredList<>(allRows);
    private final ObservableList<ScanResult.Failure> failures = FXCollections.observableArrayList();
    private final ObservableList<ClassCount> classCounts = FXCollections.observableArrayList();
    private final List<ClassOption> classOptions;
    private final List<SourceOption> sourceOptions;

    private final ObjectProperty<ClassOption> classFilter = new SimpleObjectProperty<>(this, "classFilter", ANY_CLASS);
    private final ObjectProperty<SourceOption> sourceFilter = new SimpleObjectProperty<>(this, "sourceFilter", ANY_SOURCE);
    private final StringProperty textFilter = new SimpleStringProperty(this, "textFilter", "");
    private final ReadOnlyStringWrapper shownText = new ReadOnlyStringWrapper(this, "shownText", "No records");
    private final ReadOnlyStringWrapper failedTitle = new ReadOnlyStringWrapper(this, "failedTitle", "Failed (0)");
    private final ReadOnlyStringWrapper failedPlaceholder = new ReadOnlyStringWrapper(this, "failedPlaceholder", "No folder scanned yet.");
    private final ReadOnlyObjectWrapper<Path> openedInViewer = new ReadOnlyObjectWrapper<>(this, "openedInViewer");

    /**
     * @param work      runs the scan away from the FX thread
     * @param ui        runs progress updates on the FX thread
     * @param catalogue the scored classes
     * @param opener    opens a record file in the viewer
     */
    public DatasetBrowserViewModel(BackgroundWork work, Executor ui, DiagnosisCatalogue catalogue, Consumer<Path> opener) {
        this.folderScan = new FolderScan(Objects.requireNonNull(work), Objects.requireNonNull(ui), "Open a folder of records to index it.");
        this.catalogue = Objects.requireNonNull(catalogue);
        this.opener = Objects.requireNonNull(opener);
        List<ClassOption> classes = new ArrayList<>();
        classes.add(ANY_CLASS);
        for (ScoredClass c : catalogue.scoredClasses()) classes.add(new ClassOption(Optional.of(c), label(c)));
        classOptions = List.copyOf(classes);
        List<SourceOption> sources = new ArrayList<>();
        sources.add(ANY_SOURCE);
        for (ChallengeSource s : ChallengeSource.values()) {
            sources.add(new SourceOption(Optional.of(s), s.prefix() + "  " + s.description()));
        }
        sourceOptions = List.copyOf(sources);
        classFilter.addListener((o, old, now) -> applyFilter());
        sourceFilter.addListener((o, old, now) -> applyFilter());
        textFilter.addListener((o, old, now) -> applyFilter());
        applyFilter();
    }

    /** The executor that puts work on the FX thread for {@link FxBackgroundWork}, else runs it at once. */
    public static Executor uiExecutorFor(BackgroundWork work) {
        return work instanceof FxBackgroundWork ? Platform::runLater : Runnable::run;
    }

    /** "AF  atrial fibrillation", "CRBBB|RBBB  complete right bundle branch block / …". */
    public static String label(ScoredClass c) {
        return c.label() + "  " + c.name();
    }

    /** The abbreviations and the name of the first code only: the pairs' double names make the chart's axis too wide. */
    public static String shortLabel(ScoredClass c) {
        return c.label() + "  " + c.name().split(" / ")[0];
    }

    /** Scans these folders (replacing what is shown). */
    public void open(Collection<Path> roots) {
        folders.setAll(new LinkedHashSet<>(roots));
        scan();
    }

    /** Adds a folder to those shown and scans them all again. */
    public void addFolder(Path folder) {
        if (!folders.contains(folder)) folders.add(folder);
        scan();
    }

    /** Scans the current folders again. */
    public void rescan() {
        scan();
    }

    /**
     * The header pass (headers parsed, signal files' sizes checked) shows its records at once; the
     * signal pass then reads every record and moves those that do not read to the failures.
     */
    private void scan() {
        List<Path> roots = List.copyOf(folders);
        if (roots.isEmpty()) return;
        failedPlaceholder.set("Scanning …");
        folderScan.start(describe(roots), roots, result -> {
            List<DatasetBrowserRow> indexed = new ArrayList<>(result.records().size());
            for (var r : result.records()) indexed.add(DatasetBrowserRow.of(r, catalogue));
            return new Scanned(result, indexed);
        }, (result, cancelled) -> {
            show(result.rows(), result.scan().failed());
            failedPlaceholder.set(cancelled || result.rows().isEmpty()
                    ? "No record failed the header and file-size checks; signals not read."
                    : "No record failed the header and file-size checks; reading the signals …");
            String counted = counted(roots) + " · " + HEADERS_ONLY;
            folderScan.setStatus(cancelled ? folderScan.cancelledAfter() + ": " + counted : counted);
        }, (signals, cancelled) -> {
            List<ScanResult.Failure> failed = new ArrayList<>(failures);
            failed.addAll(signals.failed());
            failed.sort(Comparator.comparing(ScanResult.Failure::path));
            Set<Path> unreadable = new HashSet<>();
            signals.failed().forEach(f -> unreadable.add(f.path()));
            List<DatasetBrowserRow> kept = new ArrayList<>(allRows.size());
            for (DatasetBrowserRow r : allRows) if (!unreadable.contains(r.record().path())) kept.add(r);
            show(kept, failed);
            int read = signals.records().size() + signals.failed().size();
            if (cancelled) {
                String part = String.format(Locale.ROOT, "signals checked for %,d of %,d records", read, kept.size() + signals.failed().size());
                failedPlaceholder.set("No record failed the checks so far; signals not read for all.");
                folderScan.setStatus("Signal check cancelled: " + counted(roots) + " · headers; " + part);
            } else {
                failedPlaceholder.set("No record failed: every header and every signal read.");
                folderScan.setStatus(counted(roots) + " · " + HEADERS_AND_SIGNALS + " checked");
            }
        });
    }

    private String counted(List<Path> roots) {
        return String.format(Locale.ROOT, "%,d %s indexed, %,d failed in %s", allRows.size(),
                allRows.size() == 1 ? "record" : "records", failures.size(), describe(roots));
    }

    private record Scanned(ScanResult scan, List<DatasetBrowserRow> rows) {
    }

    /** Stops the scan running; what it indexed so far is shown. */
    public void cancel() {
        folderScan.cancel();
    }

    /** Shows these rows and failures directly (tests, and a scan's result). */
    void show(List<DatasetBrowserRow> newRows, List<ScanResult.Failure> failed) {
        allRows.setAll(newRows);
        failures.setAll(failed);
        failedTitle.set("Failed (" + failed.size() + ")");
        recount();
    }

    /** Opens the record in the viewer room. */
    public void openInViewer(DatasetBrowserRow row) {
        if (row == null) return;
        opener.accept(row.record().path());
        openedInViewer.set(null); // so that opening the same record again notifies too
        openedInViewer.set(row.record().path());
    }

    private void applyFilter() {
        Optional<ScoredClass> cls = classFilter.get() == null ? Optional.empty() : classFilter.get().scoredClass();
        RecordFilter filter = new RecordFilter(cls,
                sourceFilter.get() == null ? Optional.empty() : sourceFilter.get().source(), textFilter.get());
        rows.setPredicate(filter.equals(RecordFilter.ALL) ? null : fastTest(filter));
        recount();
    }

    /**
     * {@code filter} on a row, from the labels and search text worked out at scan time: the same
     * answer as {@code filter.test(row.record())}, without parsing {@code #Dx} per row and keystroke.
     */
    static Predicate<DatasetBrowserRow> fastTest(RecordFilter filter) {
        ChallengeSource source = filter.source().orElse(null);
        int classIndex = filter.scoredClass().map(ScoredClass::index).orElse(-1);
        String text = filter.text();
        return row -> (source == null || row.record().source() == source)
                && (classIndex < 0 || row.hasClass(classIndex))
                && row.matchesText(text);
    }

    private void recount() {
        int[] counts = new int[catalogue.scoredClasses().size()];
        for (DatasetBrowserRow r : rows) r.addClassesTo(counts);
        List<ClassCount> out = new ArrayList<>(counts.length);
        for (ScoredClass c : catalogue.scoredClasses()) out.add(new ClassCount(c, shortLabel(c), counts[c.index()]));
        classCounts.setAll(out);
        shownText.set(rows.size() == allRows.size()
                ? String.format(Locale.ROOT, allRows.size() == 1 ? "%,d record" : "%,d records", allRows.size())
                : String.format(Locale.ROOT, "%,d of %,d records", rows.size(), allRows.size()));
    }

    /** The classes by their count over all records, largest first: a stable order for the chart. */
    public List<ClassCount> classCountsByTotal() {
        int[] totals = new int[catalogue.scoredClasses().size()];
        for (DatasetBrowserRow r : allRows) r.addClassesTo(totals);
        return classCounts.stream()
                .sorted(Comparator.comparingInt((ClassCount c) -> -totals[c.scoredClass().index()])
                        .thenComparingInt(c -> c.scoredClass().index()))
                .toList();
    }

    private static String describe(List<Path> roots) {
        return roots.size() == 1 ? roots.get(0).toString() : roots.size() + " folders";
    }

    public ObservableList<Path> folders() {
        return folders;
    }

    /** The records passing the filters (unsorted; the view sorts). */
    public ObservableList<DatasetBrowserRow> rows() {
        return rows;
    }

    public ObservableList<DatasetBrowserRow> allRows() {
        return FXCollections.unmodifiableObservableList(allRows);
    }

    public ObservableList<ScanResult.Failure> failures() {
        return failures;
    }

    /** Per scored class, in catalogue order, the records shown that carry it. */
    public ObservableList<ClassCount> classCounts() {
        return classCounts;
    }

    public List<ClassOption> classOptions() {
        return classOptions;
    }

    public List<SourceOption> sourceOptions() {
        return sourceOptions;
    }

    public ObjectProperty<ClassOption> classFilterProperty() {
        return classFilter;
    }

    public ObjectProperty<SourceOption> sourceFilterProperty() {
        return sourceFilter;
    }

    public StringProperty textFilterProperty() {
        return textFilter;
    }

    public ReadOnlyStringProperty shownTextProperty() {
        return shownText.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failedTitleProperty() {
        return failedTitle.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return folderScan.scanningProperty();
    }

    /** True while the second pass reads the signals. */
    public ReadOnlyBooleanProperty checkingSignalsProperty() {
        return folderScan.checkingSignalsProperty();
    }

    /** What the empty failures list says: never "every record read" before the signals were read. */
    public ReadOnlyStringProperty failedPlaceholderProperty() {
        return failedPlaceholder.getReadOnlyProperty();
    }

    /** 0..1, or −1 while the number of records is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return folderScan.progressProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return folderScan.statusProperty();
    }

    /** The record last sent to the viewer (set to null and back on every open, so each one notifies). */
    public ReadOnlyObjectProperty<Path> openedInViewerProperty() {
        return openedInViewer.getReadOnlyProperty();
    }
}
