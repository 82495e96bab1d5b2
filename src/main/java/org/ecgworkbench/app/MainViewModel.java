package org.ecgworkbench.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.RecordFormatException;

/**
 * The main window: the list of records on the left, the selected one in the viewer, File → Open
 * and the recent files. Reading happens in {@link BackgroundWork}; if the user selects another
 * record before the first is read, the later one wins.
 */
public final class MainViewModel {

    private final BackgroundWork work;
    private final RecentFiles recentFilesStore;
    private final EcgViewerViewModel viewer;
    private final ObservableList<RecordEntry> records = FXCollections.observableArrayList();
    private final ObservableList<Path> recentFiles = FXCollections.observableArrayList();
    private final ObjectProperty<RecordEntry> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy", false);
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "ECG Workbench");
    private final DatasetBrowserViewModel datasetBrowser;
    private long generation;

    public MainViewModel(BackgroundWork work, RecentFiles recentFiles, EcgViewerViewModel viewer) {
        this.work = Objects.requireNonNull(work);
        this.recentFilesStore = Objects.requireNonNull(recentFiles);
        this.viewer = Objects.requireNonNull(viewer);
        this.recentFiles.setAll(recentFiles.load());
        this.datasetBrowser = new DatasetBrowserViewModel(work, DatasetBrowserViewModel.uiExecutorFor(work),
                DiagnosisCatalogue.standard(), this::open);
        selected.addListener((obs, old, now) -> {
            if (now != null) load(now);
        });
    }

    /** First launch: the bundled samples, the first one shown. */
    public void showSamples() {
        try {
            showFolder(SampleRecords.folder(), "sample records");
        } catch (RuntimeException e) {
            status.set("Sample records unavailable: " + e.getMessage());
        }
    }

    /** File → Open: a record file (.hea/.mat/.dat) or a folder of records. */
    public void open(Path path) {
        if (Files.isDirectory(path)) {
            if (showFolder(path, path.toString())) remember(path);
            return;
        }
        if (!Files.isRegularFile(path)) {
            status.set("No such file: " + path);
            recentFiles.remove(path);
            return;
        }
        RecordEntry entry = RecordEntry.of(path);
        RecordEntry existing = records.stream().filter(e -> e.path().equals(path)).findFirst().orElse(null);
        if (existing == null) {
            records.add(0, entry);
            existing = entry;
        }
        remember(path);
        select(existing);
    }

    private boolean showFolder(Path folder, String what) {
        List<Path> found;
        try {
            found = RecordFiles.inFolder(folder);
        } catch (IOException e) {
            status.set("Cannot list " + folder + ": " + e.getMessage());
            return false;
        }
        if (found.isEmpty()) {
            status.set("No records (.hea or .mat) in " + folder);
            return false;
        }
        records.setAll(found.stream().map(RecordEntry::of).toList());
        status.set(found.size() + " records in " + what);
        select(records.get(0));
        return true;
    }

    private void remember(Path path) {
        recentFiles.setAll(recentFilesStore.remember(path));
    }

    /** Selects (and so shows) a record; reselecting the shown record reads it again. */
    public void select(RecordEntry entry) {
        if (Objects.equals(selected.get(), entry)) {
            load(entry);
        } else {
            selected.set(entry);
        }
    }

    private void load(RecordEntry entry) {
        long mine = ++generation;
        busy.set(true);
        status.set("Reading " + entry.name() + " …");
        work.run("Reading " + entry.name(), () -> EcgRecordReader.read(entry.path()), record -> {
            if (mine != generation) return;
            busy.set(false);
            show(record);
        }, failure -> {
            if (mine != generation) return;
            busy.set(false);
            status.set(failure instanceof RecordFormatException ? failure.getMessage()
                    : "Cannot read " + entry.path() + ": " + failure);
        });
    }

    private void show(EcgRecord record) {
        viewer.recordProperty().set(record);
        title.set("ECG Workbench – " + record.id());
        status.set(record.id() + ": " + record.leads().size() + " leads, "
                + viewer.patientProperty().get().duration() + " at " + viewer.patientProperty().get().sampling()
                + (record.warnings().isEmpty() ? "" : " · " + record.warnings().size() + " warning(s)"));
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

    public ObjectProperty<RecordEntry> selectedProperty() {
        return selected;
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
