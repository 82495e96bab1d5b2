package org.ecgworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import org.ecgworkbench.app.dataset.DatasetBrowserViewModel;
import org.ecgworkbench.app.measurements.MeasurementsViewModel;
import org.ecgworkbench.app.measurements.ModelSuggestions;
import org.ecgworkbench.app.suggestions.DiagnosisRow;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesViewModel;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.RecordFormatException;

/**
 * The main window: the list of records on the left, the selected one in the viewer, File → Open
 * and the recent files. Reading happens in {@link BackgroundWork}.
 *
 * <p>The list's selection always names the record the viewer shows: a record opened from a file
 * joins the list and becomes selected only once it was read, and when a read fails the selection
 * goes back to the record still shown and {@link #openErrorProperty()} says which file failed and
 * why (the viewer shows it as a banner). Requests overtake each other: the last one wins, and the
 * answer to an older request (success or failure) never replaces a newer one.
 */
public final class MainViewModel {

    /** A file that could not be shown, and why; the viewer's banner. */
    public record OpenError(Path file, String reason) {
        public OpenError {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(reason, "reason");
        }

        /** "Cannot open /data/I0001.hea: signal file I0001.mat not found". */
        public String text() {
            return "Cannot open " + file + ": " + reason;
        }
    }

    private final BackgroundWork work;
    private final RecentFiles recentFilesStore;
    private final EcgViewerViewModel viewer;
    private final ObservableList<RecordEntry> records = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<RecordEntry> selected = new ReadOnlyObjectWrapper<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "ECG Workbench");
    private final ReadOnlyObjectWrapper<OpenError> openError = new ReadOnlyObjectWrapper<>(this, "openError");
    private final DatasetBrowserViewModel datasetBrowser;
    private final MeasurementsViewModel measurements;
    private SuggestedDiagnosesViewModel suggestions;
    /** The reads asked for; each remembers its own ticket. */
    private final LatestRequest reads = new LatestRequest();
    /** The entry whose record the viewer shows (null before the first read succeeded). */
    private RecordEntry shown;
    private LatestRequest.Ticket shownRead;
    /** A read that succeeded while a newer one was still running: shown if that newer one fails. */
    private Pending fallback;
    /** Whether the latest request has failed (then an older read that still succeeds may be shown). */
    private boolean latestFailed;

    private record Pending(LatestRequest.Ticket read, RecordEntry entry, EcgRecord record, boolean remember) {
    }

    public MainViewModel(BackgroundWork work, RecentFiles recentFiles, EcgViewerViewModel viewer) {
        this.work = Objects.requireNonNull(work);
        this.recentFilesStore = Objects.requireNonNull(recentFiles);
        this.viewer = Objects.requireNonNull(viewer);
        this.recentFiles.setAll(recentFiles.load());
        this.datasetBrowser = new DatasetBrowserViewModel(work, DatasetBrowserViewModel.uiExecutorFor(work),
                DiagnosisCatalogue.standard(), this::open);
        // The measurements room measures the record the viewer shows; the viewer marks its beats' fiducials.
        this.measurements = new MeasurementsViewModel(work, viewer.catalogue());
        measurements.recordProperty().bind(viewer.recordProperty());
        viewer.measurementProperty().bind(measurements.measuredProperty());
    }

    /** First launch: the bundled samples, the first one shown. */
    public void showSamples() {
        try {
            showFolder(SampleRecords.folder(), "sample records");
        } catch (RuntimeException e) {
            status.set("Sample records unavailable: " + e.getMessage());
        }
    }

    /**
     * File → Open, a recent file, the command line or the dataset room: a record file
     * (.hea/.mat/.dat) or a folder of records. A file joins the list once it was read.
     */
    public void open(Path given) {
        // One form per file, so a record given as a relative path (the command line) is found among the samples.
        Path path = given.toAbsolutePath().normalize();
        if (Files.isDirectory(path)) {
            if (showFolder(path, path.toString())) remember(path);
            return;
        }
        if (!Files.isRegularFile(path)) {
            // A recent file that vanished (or a mistyped path): say so, and drop it from the recent list.
            reads.dropAll();
            fail(path, "no such file");
            recentFiles.setAll(recentFilesStore.forget(path));
            return;
        }
        RecordEntry existing = records.stream().filter(e -> e.path().equals(path)).findFirst().orElse(null);
        if (existing != null) {
            selected.set(existing);
            load(existing, true);
        } else {
            load(RecordEntry.of(path), true);
        }
    }

    private boolean showFolder(Path folder, String what) {
        List<Path> found;
        try {
            found = RecordFiles.inFolder(folder);
        } catch (IOException e) {
            reads.dropAll();
            fail(folder, "cannot list the folder: " + e.getMessage());
            return false;
        }
        if (found.isEmpty()) {
            reads.dropAll();
            fail(folder, "no records (.hea or .mat) in this folder");
            return false;
        }
        records.setAll(found.stream().map(RecordEntry::of).toList());
        status.set(found.size() + " records in " + what);
        // The shown record may have left the list; the selection names it again if it comes back.
        RecordEntry first = records.get(0);
        selected.set(first);
        load(first, false);
        return true;
    }

    private void remember(Path path) {
        recentFiles.setAll(recentFilesStore.remember(path));
    }

    /** Selects (and so shows) a record of the list; reselecting the shown record reads it again. */
    public void select(RecordEntry entry) {
        if (entry == null) return;
        selected.set(entry);
        load(entry, false);
    }

    /** Hides the error banner. */
    public void dismissOpenError() {
        openError.set(null);
    }

    private void load(RecordEntry entry, boolean rememberOnSuccess) {
        LatestRequest.Ticket mine = reads.next();
        latestFailed = false;
        busy.set(true);
        status.set("Reading " + entry.name() + " …");
        work.run("Reading " + entry.name(), () -> EcgRecordReader.read(entry.path()), record -> {
            if ((shownRead != null && shownRead.isNewerThan(mine)) || (!mine.isLatest() && !latestFailed)) {
                // Overtaken by a newer request: the record reads fine, so it joins the list (not selected),
                // and it is shown only if the newer request fails.
                addToList(entry, rememberOnSuccess);
                if (mine.isNewerThan(shownRead) && (fallback == null || mine.isNewerThan(fallback.read()))) {
                    fallback = new Pending(mine, entry, record, rememberOnSuccess);
                }
                return;
            }
            if (mine.isLatest()) {
                busy.set(false);
                openError.set(null);
            }
            fallback = null;
            show(mine, entry, record, rememberOnSuccess);
        }, failure -> {
            if (!mine.isLatest()) return; // a newer request decides what is shown
            String reason = failure instanceof RecordFormatException rfe ? reasonOf(rfe, entry.path())
                    : failure.getMessage() != null ? failure.getMessage() : failure.toString();
            fail(entry.path(), reason);
        });
    }

    /** The reader's message without the file name it starts with (the banner names the file once). */
    private static String reasonOf(RecordFormatException e, Path file) {
        String message = e.getMessage();
        String prefix = String.valueOf(e.file() == null ? file : e.file()) + ": ";
        if (message.startsWith(prefix)) return (e.file() != null && !e.file().equals(file) ? e.file().getFileName() + ": " : "")
                + message.substring(prefix.length());
        return message;
    }

    /**
     * The latest request failed: the banner and the status bar name the file, and the selection goes
     * back to the record shown (or to a record read meanwhile for an older request).
     */
    private void fail(Path file, String reason) {
        latestFailed = true;
        busy.set(false);
        if (fallback != null && fallback.read().isNewerThan(shownRead)) {
            Pending p = fallback;
            show(p.read(), p.entry(), p.record(), p.remember());
        }
        fallback = null;
        OpenError error = new OpenError(file, reason);
        openError.set(error);
        status.set(error.text());
        selected.set(shown != null && records.contains(shown) ? shown : null);
    }

    private void addToList(RecordEntry entry, boolean rememberPath) {
        if (!records.contains(entry)) records.add(0, entry);
        if (rememberPath) remember(entry.path());
    }

    private void show(LatestRequest.Ticket read, RecordEntry entry, EcgRecord record, boolean rememberPath) {
        addToList(entry, rememberPath);
        shown = entry;
        shownRead = read;
        selected.set(entry);
        viewer.recordProperty().set(record);
        title.set("ECG Workbench – " + record.id());
        status.set(record.id() + ": " + record.leads().size() + " leads, "
                + viewer.patientProperty().get().duration() + " at " + viewer.patientProperty().get().sampling()
                + (record.warnings().isEmpty() ? "" : " · " + record.warnings().size() + " warning(s)"));
    }

    /**
     * The suggestions room meets the viewer here (the rooms never import each other): it predicts the
     * record the viewer shows and marks the viewer's page on its timeline; the viewer shades where the
     * model looked and turns to a window chosen on the timeline.
     */
    public void connect(SuggestedDiagnosesViewModel s) {
        suggestions = Objects.requireNonNull(s);
        s.recordProperty().bind(viewer.recordProperty());
        s.pageStartSecondsProperty().bind(viewer.startSecondsProperty());
        s.pageSecondsProperty().bind(viewer.pageSecondsProperty());
        s.setOnWindowChosen(viewer::showFrom);
        viewer.shadingProperty().bind(s.shadingProperty());
        // The measured statements are marked against what the model suggests for the same record.
        s.rows().addListener((ListChangeListener<DiagnosisRow>) c -> measurements.modelSuggestionsProperty().set(suggestionsOf(s)));
        measurements.modelSuggestionsProperty().set(suggestionsOf(s));
    }

    /** The model's answer for the shown record as the measurements room reads it, or null while there is none. */
    static ModelSuggestions suggestionsOf(SuggestedDiagnosesViewModel s) {
        if (s.rows().isEmpty()) return null;
        return new ModelSuggestions(s.titleProperty().get().replaceFirst("^Suggested by ", ""),
                s.rows().stream().map(DiagnosisRow::code).collect(Collectors.toSet()),
                s.rows().stream().filter(DiagnosisRow::predicted).map(DiagnosisRow::code).collect(Collectors.toSet()));
    }

    /** The measurements room: the block above the paper, the median beats and the measured statements. */
    public MeasurementsViewModel measurements() {
        return measurements;
    }

    /** The suggestions room connected to the viewer, or null before {@link #connect}. */
    public SuggestedDiagnosesViewModel suggestions() {
        return suggestions;
    }

    /** The dataset browser room; a record it opens is shown here through {@link #open(Path)}. */
    public DatasetBrowserViewModel datasetBrowser() {
        return datasetBrowser;
    }

    public EcgViewerViewModel viewer() {
        return viewer;
    }

    public ObservableList<RecordEntry> records() {
        return records;
    }

    public ObservableList<Path> recentFiles() {
        return recentFiles;
    }

    /** The list's selection: the record shown, or for a moment the one being read. */
    public ReadOnlyObjectProperty<RecordEntry> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    /** Why the last open failed (the viewer's banner), or null. */
    public ReadOnlyObjectProperty<OpenError> openErrorProperty() {
        return openError.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }
}
