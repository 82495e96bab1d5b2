package org.ecgworkbench.app.wizard;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.FolderScan;
import org.ecgworkbench.dataset.DatasetScanner;
import org.ecgworkbench.dataset.IndexedRecord;
import org.ecgworkbench.dataset.ScanResult;
import org.ecgworkbench.dataset.ScanSummary;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.PlainNumber;

/**
 * The wizard's first page: the dataset folders, scanned in the background with the Dataset room's
 * engine ({@link DatasetScanner}, {@link ScanSummary}) — progress, cancel — and summarised: records,
 * sources, rates, the class distribution.
 */
public final class DataFoldersViewModel {

    private static final String NO_FOLDER = "Add the folders that hold the records.";

    /** Records labelled with one scored class. */
    public record ClassCount(String label, int count) {
    }

    private final FolderScan folderScan;
    private final DiagnosisCatalogue catalogue;

    private final ObservableList<Path> folders = FXCollections.observableArrayList();
    private final ObservableList<ClassCount> classCounts = FXCollections.observableArrayList();
    /** The scan's failed records, "path: reason", so the page can say which records training will skip and why. */
    private final ObservableList<String> failures = FXCollections.observableArrayList();
    /** Folders open elsewhere in the workbench (the Dataset room), offered with one click. */
    private final ObservableList<Path> offered = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ScanResult> scan = new ReadOnlyObjectWrapper<>(this, "scan");
    private final ReadOnlyObjectWrapper<ScanSummary> summary = new ReadOnlyObjectWrapper<>(this, "summary");
    private final ReadOnlyStringWrapper summaryText = new ReadOnlyStringWrapper(this, "summaryText", "");
    private final StringBinding problem;


    /**
     * @param work runs the scan away from the FX thread
     * @param ui   runs progress updates on the FX thread ({@code Platform::runLater}; a direct call in tests)
     */
    public DataFoldersViewModel(BackgroundWork work, Executor ui, DiagnosisCatalogue catalogue) {
        this.folderScan = new FolderScan(Objects.requireNonNull(work), Objects.requireNonNull(ui), NO_FOLDER);
        this.catalogue = Objects.requireNonNull(catalogue);
        problem = Bindings.createStringBinding(this::findProblem, folders, folderScan.scanningProperty(), summary);
    }

    private String findProblem() {
        if (folders.isEmpty()) return "Add at least one data folder.";
        for (Path f : folders) {
            if (!Files.isDirectory(f)) return "Data folder " + f + " does not exist.";
        }
        if (folderScan.scanningProperty().get()) return "Scanning the folders …";
        ScanSummary s = summary.get();
        if (s == null) return "The folders have not been scanned.";
        if (s.records() == 0) return "No records found in the data folders.";
        return "";
    }

    /** Adds a folder (once) and scans all of them again. */
    public void addFolder(Path folder) {
        Path f = folder.toAbsolutePath().normalize();
        if (!folders.contains(f)) folders.add(f);
        scan();
    }

    public void removeFolder(Path folder) {
        if (folders.remove(folder)) scan();
    }

    /** Replaces the folders and scans them. */
    public void setFolders(List<Path> roots) {
        List<Path> normalised = new ArrayList<>();
        for (Path p : roots) {
            Path f = p.toAbsolutePath().normalize();
            if (!normalised.contains(f)) normalised.add(f);
        }
        folders.setAll(normalised);
        scan();
    }

    /** Scans the folders again (after a cancel, or when files changed). */
    public void rescan() {
        scan();
    }

    private void scan() {
        scan.set(null);
        summary.set(null);
        classCounts.clear();
        failures.clear();
        summaryText.set("");
        List<Path> roots = List.copyOf(folders);
        if (roots.isEmpty()) {
            folderScan.stop(NO_FOLDER);
            return;
        }
        folderScan.start("data folders", roots, result -> new Scanned(result, ScanSummary.of(result, catalogue)), (done, cancelled) -> {
            show(done.result(), done.summary());
            folderScan.setStatus((cancelled ? "Scan cancelled: " : "") + String.format(Locale.ROOT, "%,d records, %,d failed",
                    done.summary().records(), done.summary().failed()));
        });
    }

    private record Scanned(ScanResult result, ScanSummary summary) {
    }

    /** Stops the scan; what it indexed so far is kept. */
    public void cancel() {
        folderScan.cancel();
    }

    private void show(ScanResult result, ScanSummary s) {
        scan.set(result);
        summary.set(s);
        failures.setAll(result.failed().stream().map(f -> f.path() + ": " + f.error()).toList());
        List<ClassCount> counts = new ArrayList<>();
        for (Map.Entry<String, Integer> e : s.classes().entrySet()) counts.add(new ClassCount(e.getKey(), e.getValue()));
        classCounts.setAll(counts);
        summaryText.set(describe(s));
    }

    static String describe(ScanSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%,d records (%,d failed), %,d without a scored class", s.records(), s.failed(),
                s.withoutScored()));
        List<String> sources = new ArrayList<>();
        s.bySource().forEach((k, v) -> {
            if (v > 0) sources.add(k + " " + String.format(Locale.ROOT, "%,d", v));
        });
        sb.append("\nSources: ").append(sources.isEmpty() ? "none" : String.join(", ", sources));
        List<String> rates = new ArrayList<>();
        s.byFs().forEach((k, v) -> rates.add(k + " Hz " + String.format(Locale.ROOT, "%,d", v)));
        sb.append("\nRates: ").append(rates.isEmpty() ? "none" : String.join(", ", rates));
        sb.append("\nDurations: ").append(PlainNumber.format(s.durations().min())).append(" – ")
                .append(PlainNumber.format(s.durations().max())).append(" s (median ")
                .append(PlainNumber.format(s.durations().median())).append(" s)");
        return sb.toString();
    }

    /** The first record read (for the pipeline preview), if any. */
    public Optional<IndexedRecord> firstRecord() {
        ScanResult r = scan.get();
        return r == null || r.records().isEmpty() ? Optional.empty() : Optional.of(r.records().get(0));
    }

    /** The failed records of the last scan, "path: reason". */
    public ObservableList<String> failures() {
        return failures;
    }

    /** Folders open in the Dataset room, offered as choices. */
    public ObservableList<Path> offeredFolders() {
        return offered;
    }

    public ObservableList<Path> folders() {
        return folders;
    }

    /** Per scored class, in catalogue order. */
    public ObservableList<ClassCount> classCounts() {
        return classCounts;
    }

    public ReadOnlyObjectProperty<ScanSummary> summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ScanResult> scanProperty() {
        return scan.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return folderScan.scanningProperty();
    }

    /** 0..1, or −1 while the number of records is not known. */
    public ReadOnlyDoubleProperty progressProperty() {
        return folderScan.progressProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return folderScan.statusProperty();
    }

    public ReadOnlyStringProperty summaryTextProperty() {
        return summaryText.getReadOnlyProperty();
    }

    /** Why the page cannot be left yet, or empty. */
    public StringBinding problemProperty() {
        return problem;
    }
}
