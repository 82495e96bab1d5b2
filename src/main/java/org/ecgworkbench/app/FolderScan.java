package org.ecgworkbench.app;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import org.ecgworkbench.dataset.DatasetScanner;
import org.ecgworkbench.dataset.ScanResult;

/**
 * One folder scan at a time, in the background, for a view model (the dataset room, the wizard's
 * data page): a new scan supersedes the one under way (its result is dropped), progress arrives
 * coalesced on the {@code ui} executor (at most one update waiting), and cancel keeps what was
 * indexed so far. The owner says what the status reads when the scan ends.
 */
public final class FolderScan {
    private final BackgroundWork work;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(this, "scanning", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status;
    private long generation;
    private AtomicBoolean cancelled = new AtomicBoolean();

    /** @param idleStatus what the status reads before any scan */
    public FolderScan(BackgroundWork work, Executor ui, String idleStatus) {
        this.work = work;
        this.ui = ui;
        this.status = new ReadOnlyStringWrapper(this, "status", idleStatus);
    }

    /**
     * Scans the folders, then turns the result into the owner's value off the FX thread, then hands
     * it over on the FX thread with whether the scan was cancelled part-way.
     */
    public <T> void start(String what, List<Path> roots, Function<ScanResult, T> index, BiConsumer<T, Boolean> done) {
        cancelled.set(true); // a scan still running is superseded
        AtomicBoolean mine = new AtomicBoolean();
        cancelled = mine;
        long gen = ++generation;
        scanning.set(true);
        progress.set(-1);
        status.set("Scanning " + what + " …");
        AtomicReference<DatasetScanner.Progress> latest = new AtomicReference<>();
        work.run("Scanning " + what, () -> index.apply(new DatasetScanner(false, p -> relay(latest, p, gen), mine).scan(List.copyOf(roots))),
                result -> {
                    if (gen != generation) return;
                    scanning.set(false);
                    progress.set(1);
                    done.accept(result, mine.get());
                }, failure -> {
                    if (gen != generation) return;
                    scanning.set(false);
                    progress.set(0);
                    status.set("Scan failed: " + failure);
                });
    }

    /** Drops the scan under way, if any, and shows this status instead (e.g. no folder left to scan). */
    public void stop(String idleStatus) {
        cancelled.set(true);
        generation++;
        scanning.set(false);
        progress.set(0);
        status.set(idleStatus);
    }

    /** Stops the scan under way; what it indexed so far is handed over as usual. */
    public void cancel() {
        if (!scanning.get()) return;
        cancelled.set(true);
        status.set("Cancelling …");
    }

    /** What the status reads after a scan (the owner's summary). */
    public void setStatus(String text) {
        status.set(text);
    }

    private void relay(AtomicReference<DatasetScanner.Progress> latest, DatasetScanner.Progress p, long gen) {
        if (latest.getAndSet(p) != null) return;
        ui.execute(() -> {
            DatasetScanner.Progress now = latest.getAndSet(null);
            if (now == null || gen != generation || !scanning.get()) return;
            progress.set(now.total() == 0 ? -1 : (double) now.done() / now.total());
            status.set(String.format(Locale.ROOT, "Scanning: %,d of %,d records", now.done(), now.total()));
        });
    }

    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    /** 0..1, or −1 while the number of records is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
