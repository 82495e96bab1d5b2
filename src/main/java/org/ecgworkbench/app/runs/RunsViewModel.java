package org.ecgworkbench.app.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.runs.ChildListener;
import org.ecgworkbench.runs.ComparisonRow;
import org.ecgworkbench.runs.PastRun;
import org.ecgworkbench.runs.QueueFile;
import org.ecgworkbench.runs.RunMetadata;
import org.ecgworkbench.runs.RunRequest;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.runs.RunWorkspace;
import org.ecgworkbench.runs.TrainChild;
import org.ecgworkbench.runs.TrainLauncher;
import org.ecgworkbench.train.ProgressMode;
import org.ecgworkbench.train.RunFolder;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;
import org.ecgworkbench.train.TrainingEvent;

/**
 * The runs room: the runs of the workspace (past ones replayed from their folders, new ones queued
 * and trained as child processes, one at a time by default), the selected run's dashboard, and the
 * comparison of several runs. Used on the UI thread; child output arrives there through
 * {@link BackgroundWork#onUi}.
 */
public final class RunsViewModel {
    private RunWorkspace workspace;
    private final TrainLauncher launcher;
    private final BackgroundWork work;
    private final LongSupplier clock;

    private final ObservableList<RunViewModel> runs = FXCollections.observableArrayList();
    private final ObjectProperty<RunViewModel> selected = new SimpleObjectProperty<>(this, "selected");
    private final IntegerProperty parallelRuns = new SimpleIntegerProperty(this, "parallelRuns", 1);
    private final StringProperty message = new SimpleStringProperty(this, "message", "");
    private final ObservableList<ComparisonRow> comparison = FXCollections.observableArrayList();
    private final ObservableList<PlotSeries> comparedCurves = FXCollections.observableArrayList();

    private final Deque<Queued> queue = new ArrayDeque<>();
    private final Map<RunViewModel, TrainChild> children = new HashMap<>();
    private Runnable onNewRun = () -> { };
    private Consumer<Path> onOpenReport = folder -> { };
    private Consumer<TrainingConfig> onRunAgain = config -> { };

    /**
     * A run waiting for its process, with the full {@code train} arguments and the metadata to write once
     * it starts; {@code fresh} for a new run (kept in the queue file), not for a resume. A new run has its
     * configuration, written into its folder as {@code config.json} when it starts (none for a resume, and
     * for a run queued as arguments by an older workbench).
     */
    private record Queued(RunViewModel run, TrainingConfig config, List<String> arguments, RunMetadata metadata, boolean fresh) {
    }

    /** What the workspace holds: the run folders and the runs that were waiting when the workbench closed. */
    private record Found(List<PastRun> runs, List<QueueFile.Entry> waiting, String problem) {
    }

    public RunsViewModel(RunWorkspace workspace, TrainLauncher launcher, BackgroundWork work, LongSupplier nanoClock) {
        this.workspace = workspace;
        this.launcher = launcher;
        this.work = work;
        this.clock = nanoClock;
        parallelRuns.addListener((o, was, now) -> startWaiting());
    }

    /**
     * Opens another workspace (and keeps it for next time): its runs replace the list. Refused while
     * a run trains or waits here, since its folder belongs to this workspace.
     *
     * @return whether the workspace changed
     */
    public boolean switchWorkspace(Path root) {
        boolean busy = runs.stream().anyMatch(r -> r.statusProperty().get() == RunStatus.QUEUED
                || r.statusProperty().get() == RunStatus.RUNNING && children.containsKey(r));
        if (busy) {
            message.set("finish or cancel the runs of " + workspace.root() + " before opening another workspace");
            return false;
        }
        workspace = new RunWorkspace(root);
        try {
            workspace.remember();
        } catch (IOException e) {
            message.set("opened " + workspace.root() + ", but cannot remember it for next time: " + e.getMessage());
        }
        selected.set(null);
        runs.clear();
        loadWorkspace();
        return true;
    }

    /** Lists the workspace's runs, rebuilding each dashboard from its events (in the background). */
    public void loadWorkspace() {
        message.set("reading " + workspace.runs());
        work.run("Reading the runs", () -> {
            List<PastRun> found = new ArrayList<>();
            for (Path folder : workspace.runFolders()) found.add(PastRun.read(folder));
            try {
                return new Found(found, QueueFile.read(workspace.runs()), null);
            } catch (IOException e) {
                return new Found(found, List.of(), e.getMessage());
            }
        }, found -> {
            List<Path> known = runs.stream().map(RunViewModel::folder).toList();
            int added = 0;
            for (PastRun past : found.runs()) {
                if (known.contains(past.folder())) continue;
                if (past.neverStarted()) {
                    // Reserved for a run that was still waiting when the workbench closed: it waits again.
                    found.waiting().stream().filter(w -> w.folder().equals(past.folder())).findFirst()
                            .ifPresent(w -> queueNew(new RunViewModel(w.label(), w.folder(), clock), w.config(), w.arguments()));
                    continue;
                }
                runs.add(added++, RunViewModel.replay(past, clock));
            }
            message.set(runs.size() + " runs in " + workspace.runs() + (found.problem() == null ? "" : " · " + found.problem()));
            if (selected.get() == null && !runs.isEmpty()) selected.set(runs.get(runs.size() - 1));
            saveQueue();
            startWaiting();
        }, e -> message.set("cannot read the runs in " + workspace.runs() + ": " + e.getMessage()));
    }

    /** Queues the runs; each gets a new folder in the workspace and starts when a slot is free. */
    public void enqueue(List<RunRequest> requests) {
        for (RunRequest request : requests) {
            Path folder;
            try {
                folder = workspace.newRunFolder(request.label(), LocalDateTime.now());
            } catch (IOException e) {
                message.set("cannot create a run folder in " + workspace.runs() + ": " + e.getMessage());
                continue;
            }
            RunViewModel run = new RunViewModel(request.label(), folder, clock);
            queueNew(run, request.config(), List.of());
            selected.set(run);
        }
        saveQueue();
        startWaiting();
    }

    /** @param legacyArguments a version-1 queue entry's {@code train} arguments, when {@code config} is null */
    private void queueNew(RunViewModel run, TrainingConfig config, List<String> legacyArguments) {
        List<String> args;
        if (config != null) {
            args = TrainLauncher.newRun(run.folder());
        } else {
            args = new ArrayList<>(legacyArguments);
            args.addAll(List.of("--out", run.folder().toString(), "--progress", ProgressMode.JSONL.key()));
        }
        List<String> asked = config != null ? args.subList(0, 4) : legacyArguments;
        queue.add(new Queued(run, config, args, new RunMetadata(run.label(), asked, null), true));
        run.setCancellable(true);
        runs.add(run);
    }

    /** Keeps {@code queue.json} in step with the waiting new runs (a small file: written in place, at once). */
    private void saveQueue() {
        List<QueueFile.Entry> waiting = queue.stream().filter(Queued::fresh)
                .map(q -> q.config() != null ? QueueFile.Entry.of(q.run().folder(), q.run().label(), q.config())
                        : QueueFile.Entry.ofArguments(q.run().folder(), q.run().label(), q.metadata().arguments())).toList();
        try {
            if (waiting.isEmpty() && !Files.exists(workspace.runs().resolve(QueueFile.NAME))) return;
            QueueFile.write(workspace.runs(), waiting);
        } catch (IOException e) {
            message.set("cannot save the queue in " + workspace.runs() + ": " + e.getMessage());
        }
    }

    /** Continues a cancelled, interrupted or failed run from its last checkpoint, in a new process. */
    public void resume(RunViewModel run) {
        if (!canResume(run)) return;
        RunMetadata metadata;
        try {
            metadata = RunMetadata.read(run.folder()).died(null);
        } catch (IOException e) {
            metadata = new RunMetadata(run.label(), List.of(), null);
        }
        run.queuedAgain();
        run.setCancellable(true);
        queue.add(new Queued(run, null, TrainLauncher.resume(run.folder()), metadata, false));
        startWaiting();
    }

    public boolean canResume(RunViewModel run) {
        return run != null && run.statusProperty().get().resumable() && !children.containsKey(run)
                && Files.isRegularFile(new RunFolder(run.folder()).config());
    }

    /** A queued run leaves the queue; a training one gets SIGTERM (it checkpoints and says cancelled). */
    public void cancel(RunViewModel run) {
        if (run == null) return;
        if (queue.removeIf(q -> q.run() == run)) {
            run.setCancellable(false);
            run.withdrawn();
            saveQueue();
            return;
        }
        TrainChild child = children.get(run);
        if (child != null) {
            message.set("cancelling " + run.label() + ": the batch finishes and a checkpoint is written");
            child.cancel();
        }
    }

    public boolean canCancel(RunViewModel run) {
        return run != null && (children.containsKey(run) || queue.stream().anyMatch(q -> q.run() == run));
    }

    /** The training process of a run, while it lives. */
    public Optional<ProcessHandle> process(RunViewModel run) {
        return Optional.ofNullable(children.get(run)).map(TrainChild::handle);
    }

    private void startWaiting() {
        boolean started = false;
        while (children.size() < Math.max(1, parallelRuns.get()) && !queue.isEmpty()) {
            launch(queue.poll());
            started = true;
        }
        if (started) saveQueue();
    }

    private void launch(Queued q) {
        RunViewModel run = q.run();
        run.log("$ train " + String.join(" ", q.arguments()));
        try {
            // The child reads its configuration from the run folder: train --config RUN/config.json --out RUN.
            if (q.config() != null) TrainingConfigJson.write(q.config(), new RunFolder(run.folder()).config());
            ProcessBuilder command = launcher.command(q.arguments()).directory(run.folder().toFile());
            TrainChild child = TrainChild.start(command, work::onUi, new ChildListener() {
                private boolean metadataWritten;

                @Override
                public void event(TrainingEvent event) {
                    run.apply(event, true);
                    // After the start event the folder holds config.json, so train's "new folder" check has passed.
                    if (!metadataWritten) {
                        metadataWritten = true;
                        writeMetadata(run, q.metadata().renamed(run.label()));
                    }
                }

                @Override
                public void log(String line) {
                    run.log(line);
                }

                @Override
                public void exited(int exitCode) {
                    children.remove(run);
                    run.setCancellable(false);
                    run.exited(exitCode);
                    if (!run.hasTerminalEvent()) writeMetadata(run, q.metadata().renamed(run.label()).died(run.problemProperty().get()));
                    message.set(run.label() + ": " + run.statusProperty().get());
                    startWaiting();
                }
            });
            children.put(run, child);
            // Output reaches the run through the UI queue, so it always comes after this.
            run.starting();
            message.set("training " + run.label() + " (process " + child.handle().pid() + ")");
        } catch (IOException | RuntimeException e) {
            run.setCancellable(false);
            run.couldNotStart("cannot start the training process: " + e.getMessage());
            startWaiting();
        }
    }

    /**
     * Writes the run's {@code workbench-run.json} at once: a few hundred bytes, and written in order, so the
     * death of a process never lands before the label it replaces.
     */
    private void writeMetadata(RunViewModel run, RunMetadata metadata) {
        try {
            metadata.write(run.folder());
        } catch (IOException e) {
            run.log("cannot write " + run.folder().resolve(RunMetadata.FILE) + ": " + e.getMessage());
        }
    }

    /**
     * Gives a run the name the user typed: shown in the list and the comparison, kept in the run's
     * {@code workbench-run.json} (a run still waiting keeps it in the queue file, and in its metadata once it starts).
     *
     * @return whether the name was taken (a blank one is refused)
     */
    public boolean rename(RunViewModel run, String newName) {
        if (run == null || newName == null || newName.isBlank()) {
            message.set("a run needs a name");
            return false;
        }
        String name = newName.strip();
        if (name.equals(run.label())) return true;
        run.rename(name);
        if (queue.stream().anyMatch(q -> q.run() == run)) {
            saveQueue();
        } else if (hasStarted(run.folder())) {
            // A run's folder fills when it starts; one trained from the command line gets its metadata now.
            try {
                RunMetadata.read(run.folder()).renamed(name).write(run.folder());
            } catch (IOException e) {
                message.set("renamed, but cannot write " + run.folder().resolve(RunMetadata.FILE) + ": " + e.getMessage());
                return true;
            }
        }
        message.set("renamed to " + name);
        return true;
    }

    private static boolean hasStarted(Path folder) {
        try (var entries = Files.list(folder)) {
            return entries.findAny().isPresent();
        } catch (IOException e) {
            return false;
        }
    }

    /** The configuration a run trained with (its {@code config.json}), if it has a readable one. */
    public Optional<TrainingConfig> configOf(RunViewModel run) {
        if (run == null) return Optional.empty();
        Path file = new RunFolder(run.folder()).config();
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            return Optional.of(TrainingConfigJson.read(file));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Whether "Run again" can fill the wizard: the run has ended and its configuration is known. */
    public boolean canRunAgain(RunViewModel run) {
        if (run == null) return false;
        RunStatus s = run.statusProperty().get();
        // Only whether the file is there: the view asks on every selection (runAgain reads it).
        return s != RunStatus.QUEUED && s != RunStatus.RUNNING && Files.isRegularFile(new RunFolder(run.folder()).config());
    }

    /** "Run again": opens the training wizard filled with the run's configuration. */
    public void runAgain(RunViewModel run) {
        Optional<TrainingConfig> config = configOf(run);
        if (config.isEmpty()) {
            message.set(run == null ? "no run selected" : run.label() + " has no readable config.json: its configuration is not known");
            return;
        }
        onRunAgain.accept(config.get());
    }

    /** What "Run again" does with a run's configuration: the lead opens the training wizard with it. */
    public void setOnRunAgain(Consumer<TrainingConfig> action) {
        this.onRunAgain = action == null ? config -> { } : action;
    }

    /** Reads the runs' config, events and report into Table 4 rows and overlays their smoothed loss. */
    public void compare(List<RunViewModel> chosen) {
        List<RunViewModel> picked = List.copyOf(chosen);
        comparedCurves.setAll(picked.stream().map(RunsViewModel::curveOf).toList());
        // A failed run stays in the table (its losses may tell why), marked so nobody reads it as a result.
        work.run("Comparing runs", () -> picked.stream().map(r -> ComparisonRow.read(comparedName(r), r.folder())).toList(),
                rows -> {
                    comparison.setAll(rows);
                    message.set("comparing " + rows.size() + " runs");
                },
                e -> message.set("cannot compare: " + e.getMessage()));
    }

    /** The run's name in the comparison: "✗ name (failed)" for a failed run. */
    static String comparedName(RunViewModel run) {
        return ComparisonRow.labelFor(run.label(), run.statusProperty().get());
    }

    private static PlotSeries curveOf(RunViewModel run) {
        PlotSeries source = run.smoothedLoss();
        PlotSeries copy = new PlotSeries(comparedName(run));
        for (int i = 0; i < source.size(); i++) copy.add(source.x(i), source.y(i));
        return copy;
    }

    /** Asks every training process to stop (SIGTERM) and empties the queue: the app is closing. */
    public void stopAll() {
        queue.forEach(q -> {
            q.run().setCancellable(false);
            q.run().withdrawn();
        });
        queue.clear();
        saveQueue();
        children.values().forEach(TrainChild::cancel);
    }

    /** Shows a short message in the room's status line. */
    public void note(String text) {
        message.set(text);
    }

    public void newRun() {
        onNewRun.run();
    }

    public void openReport(RunViewModel run) {
        if (run != null && run.reportAvailableProperty().get()) onOpenReport.accept(run.folder());
    }

    /** What "New run…" does: the lead connects the training wizard here. */
    public void setOnNewRun(Runnable action) {
        this.onNewRun = action == null ? () -> { } : action;
    }

    /** What "Open report" does with a finished run's folder: the lead connects the report view here. */
    public void setOnOpenReport(Consumer<Path> action) {
        this.onOpenReport = action == null ? folder -> { } : action;
    }

    public RunWorkspace workspace() { return workspace; }
    public ObservableList<RunViewModel> runs() { return runs; }
    public ObjectProperty<RunViewModel> selectedProperty() { return selected; }
    /** How many runs train at once (default 1: a run already uses every core). */
    public IntegerProperty parallelRunsProperty() { return parallelRuns; }
    public ReadOnlyStringProperty messageProperty() { return message; }
    public ObservableList<ComparisonRow> comparison() { return comparison; }
    /** One smoothed training-loss line per compared run, named after it. */
    public ObservableList<PlotSeries> comparedCurves() { return comparedCurves; }
}
