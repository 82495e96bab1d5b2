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
 * coalesced on the {@code ui} executor (at most one update waiting) as counts — files seen, records
 * read, failed — and cancel keeps what was indexed so far. The header pass checks the signal files'
 * sizes without reading them; {@link #start(String, List, Function, BiConsumer, BiConsumer)} then
 * reads every signal in a second pass with its own progress. The owner says what the status reads
 * when a pass ends.
 */
public final class FolderScan {
    private final BackgroundWork work;
    private final Executor ui;
    private final ReadOnlyBooleanWrapper scanning = new ReadOnlyBooleanWrapper(this, "scanning", false);
    private final ReadOnlyBooleanWrapper checkingSignals = new ReadOnlyBooleanWrapper(this, "checkingSignals", false);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyStringWrapper status;
    private final LatestRequest scans = new LatestRequest();
    private AtomicBoolean cancelled = new AtomicBoolean();
    private DatasetScanner scanner;

    /** @param idleStatus what the status reads before any scan */
    public FolderScan(BackgroundWork work, Executor ui, String idleStatus) {
        this.work = work;
        this.ui = ui;
        this.status = new ReadOnlyStringWrapper(this, "status", idleStatus);
    }

    /**
     * Scans the folders (headers, and the signal files' sizes), then turns the result into the owner's
     * value off the FX thread, then hands it over on the FX thread with whether the scan was cancelled part-way.
     */
    public <T> void start(String what, List<Path> roots, Function<ScanResult, T> index, BiConsumer<T, Boolean> done) {
        start(what, roots, index, done, null);
    }

    /**
     * As {@link #start(String, List, Function, BiConsumer)}, then, unless the header pass was cancelled,
     * reads the signals of every record it indexed ({@link DatasetScanner#verifySignals}) and hands that
     * result over too: the records whose signals read, and those that failed with the reason (records not
     * reached before a cancel are in neither), with whether it was cancelled.
     */
    public <T> void start(String what, List<Path> roots, Function<ScanResult, T> index, BiConsumer<T, Boolean> done,
                          BiConsumer<ScanResult, Boolean> signalsChecked) {
        cancelled.set(true); // a scan still running is superseded
        AtomicBoolean mine = new AtomicBoolean();
        cancelled = mine;
        LatestRequest.Ticket gen = scans.next();
        scanning.set(true);
        checkingSignals.set(false);
        progress.set(-1);
        status.set("Scanning " + what + " …");
        AtomicReference<DatasetScanner.Progress> latest = new AtomicReference<>();
        DatasetScanner headers = new DatasetScanner(false, p -> relay(latest, p, gen), mine).reportingFiles();
        scanner = headers;
        AtomicReference<ScanResult> scanned = new AtomicReference<>();
        work.run("Scanning " + what, () -> {
            ScanResult result = headers.scan(List.copyOf(roots));
            scanned.set(result);
            return index.apply(result);
        }, gen.ifLatest(result -> {
            boolean stopped = mine.get();
            boolean thenSignals = signalsChecked != null && !stopped && !scanned.get().records().isEmpty();
            scanning.set(thenSignals);
            progress.set(thenSignals ? 0 : 1);
            done.accept(result, stopped);
            if (thenSignals) checkSignals(what, scanned.get(), headers, mine, gen, latest, signalsChecked);
        }), gen.ifLatest(this::failed));
    }

    private void checkSignals(String what, ScanResult headerPass, DatasetScanner headers, AtomicBoolean mine, LatestRequest.Ticket gen,
                              AtomicReference<DatasetScanner.Progress> latest, BiConsumer<ScanResult, Boolean> signalsChecked) {
        checkingSignals.set(true);
        status.set(String.format(Locale.ROOT, "Checking signals: 0 of %,d records read", headerPass.records().size()));
        work.run("Reading the signals in " + what,
                () -> headers.verifySignals(headerPass.records(), headerPass.failed().size()),
                gen.ifLatest(result -> {
                    scanning.set(false);
                    checkingSignals.set(false);
                    progress.set(1);
                    signalsChecked.accept(result, mine.get());
                }), gen.ifLatest(this::failed));
    }

    private void failed(Throwable failure) {
        scanning.set(false);
        checkingSignals.set(false);
        progress.set(0);
        status.set("Scan failed: " + failure);
    }

    /** Files the last scan's walk saw (all files, records or not). */
    public int filesSeen() {
        return scanner == null ? 0 : scanner.filesSeen();
    }

    /** "Scan cancelled after 1,234 files": what a cancelled scan's status starts with. */
    public String cancelledAfter() {
        return String.format(Locale.ROOT, "Scan cancelled after %,d %s", filesSeen(), filesSeen() == 1 ? "file" : "files");
    }

    /** Drops the scan under way, if any, and shows this status instead (e.g. no folder left to scan). */
    public void stop(String idleStatus) {
        cancelled.set(true);
        scans.dropAll();
        scanning.set(false);
        checkingSignals.set(false);
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

    private void relay(AtomicReference<DatasetScanner.Progress> latest, DatasetScanner.Progress p, LatestRequest.Ticket gen) {
        if (latest.getAndSet(p) != null) return;
        ui.execute(() -> {
            DatasetScanner.Progress now = latest.getAndSet(null);
            if (now == null || !gen.isLatest() || !scanning.get()) return;
            progress.set(now.total() == 0 ? -1 : (double) now.done() / now.total());
            status.set(describe(now));
        });
    }

    /** The counts a person watching wants: files seen, records read, failed. */
    static String describe(DatasetScanner.Progress p) {
        return switch (p.phase()) {
            case FILES -> String.format(Locale.ROOT, "Scanning: %,d files seen", p.filesSeen());
            case HEADERS -> String.format(Locale.ROOT, "Scanning: %,d files seen, %,d of %,d records read, %,d failed",
                    p.filesSeen(), p.read(), p.total(), p.failed());
            case SIGNALS -> String.format(Locale.ROOT, "Checking signals: %,d of %,d records read, %,d failed",
                    p.read(), p.total(), p.failed());
        };
    }

    /** True while a scan (either pass) runs. */
    public ReadOnlyBooleanProperty scanningProperty() {
        return scanning.getReadOnlyProperty();
    }

    /** True during the second pass, while the signals are read. */
    public ReadOnlyBooleanProperty checkingSignalsProperty() {
        return checkingSignals.getReadOnlyProperty();
    }

    /** 0..1, or −1 while the number of records is not known yet. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }
}
