package org.ecgworkbench.app.runs;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.LongSupplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ecgworkbench.eval.Metric;
import org.ecgworkbench.runs.EpochRow;
import org.ecgworkbench.runs.EtaEstimator;
import org.ecgworkbench.runs.ExponentialSmoother;
import org.ecgworkbench.runs.PastRun;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.train.TrainingEvent;

/**
 * One run's live dashboard: it turns the run's events (live from its process, or replayed from
 * {@code events.jsonl}) into chart lines, the epoch table, throughput, ETA, backend and status.
 * Used on one thread (the FX thread in the app); x of every line is in epochs (batch k of n in
 * epoch e sits at e − 1 + k/n), so runs with different batch sizes overlay.
 */
public final class RunViewModel {
    static final int LOG_TAIL_LINES = 200;
    static final double SMOOTHING = 0.9;

    private final StringProperty name = new SimpleStringProperty(this, "name");
    private final Path folder;
    private final EtaEstimator eta;

    private final ObjectProperty<RunStatus> status = new SimpleObjectProperty<>(this, "status", RunStatus.QUEUED);
    private final StringProperty progressText = new SimpleStringProperty(this, "progressText", "waiting");
    private final DoubleProperty progress = new SimpleDoubleProperty(this, "progress", 0);
    private final StringProperty backend = new SimpleStringProperty(this, "backend", "");
    private final DoubleProperty samplesPerSecond = new SimpleDoubleProperty(this, "samplesPerSecond", Double.NaN);
    private final ObjectProperty<Duration> timeLeft = new SimpleObjectProperty<>(this, "timeLeft");
    private final StringProperty problem = new SimpleStringProperty(this, "problem", "");
    private final ObjectProperty<Path> lastCheckpoint = new SimpleObjectProperty<>(this, "lastCheckpoint");
    private final BooleanProperty reportAvailable = new SimpleBooleanProperty(this, "reportAvailable");
    private final BooleanProperty cancellable = new SimpleBooleanProperty(this, "cancellable");
    private final ObservableList<String> logTail = FXCollections.observableArrayList();
    private final ObservableList<EpochRow> epochs = FXCollections.observableArrayList();

    private final PlotSeries batchLoss = new PlotSeries("batch loss");
    private final PlotSeries smoothedLoss = new PlotSeries("batch loss (EMA 0.9)");
    private final PlotSeries trainLoss = new PlotSeries("train loss (epoch)");
    private final PlotSeries validationLoss = new PlotSeries("validation loss");
    private final PlotSeries challengeScore = new PlotSeries("challenge score");
    private final PlotSeries f1Macro = new PlotSeries("macro F1");
    private final PlotSeries aurocMacro = new PlotSeries("AUROC");
    private final ExponentialSmoother smoother = new ExponentialSmoother(SMOOTHING);

    private int plannedEpochs;
    private int batchesPerEpoch;
    private TrainingEvent terminal;

    public RunViewModel(String label, Path folder, LongSupplier nanoClock) {
        name.set(label);
        this.folder = folder;
        this.eta = new EtaEstimator(nanoClock);
    }

    /** The dashboard of a run found on disk, rebuilt from its events. */
    static RunViewModel replay(PastRun past, LongSupplier clock) {
        RunViewModel vm = new RunViewModel(past.metadata().label(), past.folder(), clock);
        for (TrainingEvent e : past.events().events()) vm.apply(e, false);
        past.notes().forEach(vm::log);
        if (past.events().terminal() == null) {
            if (past.trainingNow()) vm.trainingElsewhere();
            else if (past.metadata().deathReason() != null) vm.died(past.metadata().deathReason());
            else vm.interrupted();
        }
        return vm;
    }

    /** The run's name (the user may rename it: {@link RunsViewModel#rename}). */
    public String label() {
        return name.get();
    }

    public ReadOnlyStringProperty nameProperty() {
        return name;
    }

    void rename(String newName) {
        name.set(newName);
    }

    /** The run folder (it exists from the moment the run is queued). */
    public Path folder() {
        return folder;
    }

    /** Applies one event; {@code live} events also feed the ETA (replayed ones carry no times). */
    public void apply(TrainingEvent event, boolean liveEvent) {
        if (event instanceof TrainingEvent.Started s) {
            terminal = null;
            backend.set(s.backend() + " · " + s.device() + (s.resumed() ? " · resumed" : ""));
            if (liveEvent) status.set(RunStatus.RUNNING);
            progressText.set(s.resumed() ? "resuming" : "starting");
        } else if (event instanceof TrainingEvent.Preparing p) {
            progressText.set(p.stage() + " " + p.done() + "/" + p.total());
        } else if (event instanceof TrainingEvent.Prepared p) {
            plannedEpochs = p.epochs();
            batchesPerEpoch = p.batchesPerEpoch();
            progressText.set(p.trainRecords() + " training, " + p.validationRecords() + " validation, "
                    + p.testRecords() + " test records · " + p.parameters() + " parameters");
            p.notes().forEach(this::log);
        } else if (event instanceof TrainingEvent.Batch b) {
            batch(b, liveEvent);
        } else if (event instanceof TrainingEvent.Epoch e) {
            epoch(e, liveEvent);
        } else if (event instanceof TrainingEvent.Checkpoint c) {
            lastCheckpoint.set(Path.of(c.path()));
        } else if (event instanceof TrainingEvent.Done d) {
            end(event, RunStatus.FINISHED, "finished · best epoch " + d.bestEpoch());
            reportAvailable.set(true);
            progress.set(1);
        } else if (event instanceof TrainingEvent.Failed f) {
            end(event, RunStatus.FAILED, "failed");
            problem.set(f.message());
        } else if (event instanceof TrainingEvent.Cancelled c) {
            if (c.checkpoint() != null) lastCheckpoint.set(Path.of(c.checkpoint()));
            end(event, RunStatus.CANCELLED, c.checkpoint() == null ? "cancelled before training"
                    : "cancelled in epoch " + c.epoch() + " · checkpoint saved");
        }
    }

    private void batch(TrainingEvent.Batch b, boolean liveEvent) {
        int per = b.batchesPerEpoch() > 0 ? b.batchesPerEpoch() : batchesPerEpoch;
        double x = per > 0 ? b.epoch() - 1 + b.batchInEpoch() / (double) per : b.iteration();
        if (x <= batchLoss.lastX() || x <= smoothedLoss.lastX()) redo(x);
        if (Double.isFinite(b.loss())) batchLoss.add(x, b.loss());
        double smooth = smoother.add(b.loss());
        if (Double.isFinite(smooth)) smoothedLoss.add(x, smooth);
        samplesPerSecond.set(b.samplesPerSecond());
        int epochs = Math.max(plannedEpochs, b.epoch());
        progressText.set("epoch " + b.epoch() + "/" + epochs + " · batch " + b.batchInEpoch() + "/" + per);
        if (per > 0 && epochs > 0) progress.set(Math.min(1, ((b.epoch() - 1) * (double) per + b.batchInEpoch()) / ((double) epochs * per)));
        if (liveEvent) {
            eta.batch();
            timeLeft.set(eta.remaining(b.epoch(), b.batchInEpoch(), per, epochs));
        }
    }

    /**
     * A resumed run repeats the batches after its last checkpoint (a killed process trained them, but
     * they were lost): the lines forget them, and the smoothing is rebuilt from the batches kept.
     */
    private void redo(double fromX) {
        batchLoss.truncateFrom(fromX);
        smoothedLoss.clear();
        smoother.reset();
        for (int i = 0; i < batchLoss.size(); i++) smoothedLoss.add(batchLoss.x(i), smoother.add(batchLoss.y(i)));
        int epoch = (int) Math.ceil(fromX);
        forgetEpochsFrom(epoch);
    }

    private void forgetEpochsFrom(int epoch) {
        for (PlotSeries s : new PlotSeries[] {trainLoss, validationLoss, challengeScore, f1Macro, aurocMacro}) s.truncateFrom(epoch);
        epochs.removeIf(row -> row.epoch() >= epoch);
    }

    private void epoch(TrainingEvent.Epoch e, boolean liveEvent) {
        forgetEpochsFrom(e.epoch());
        Map<String, Double> v = e.validation();
        double challenge = v.getOrDefault(Metric.CHALLENGE_SCORE.key(), Double.NaN);
        double f1 = v.getOrDefault(Metric.F1_MACRO.key(), Double.NaN);
        double auroc = v.getOrDefault(Metric.AUROC_MACRO.key(), Double.NaN);
        addFinite(trainLoss, e.epoch(), e.trainLoss());
        addFinite(validationLoss, e.epoch(), e.validationLoss());
        addFinite(challengeScore, e.epoch(), challenge);
        addFinite(f1Macro, e.epoch(), f1);
        addFinite(aurocMacro, e.epoch(), auroc);
        epochs.add(EpochRow.of(e));
        if (liveEvent) eta.epoch(e.seconds(), batchesPerEpoch);
    }

    private static void addFinite(PlotSeries series, double x, double y) {
        if (Double.isFinite(y)) series.add(x, y);
    }

    private void end(TrainingEvent event, RunStatus end, String text) {
        terminal = event;
        status.set(end);
        progressText.set(text);
        timeLeft.set(null);
    }

    /** A line of the process's error output, or a non-JSON line of its standard output. */
    public void log(String line) {
        logTail.add(line);
        if (logTail.size() > LOG_TAIL_LINES) logTail.remove(0, logTail.size() - LOG_TAIL_LINES);
    }

    /** The process ended with {@code exitCode}; without a terminal event before, it died (crash, kill, out of memory). */
    public void exited(int exitCode) {
        if (terminal != null) return;
        died("the training process ended with exit code " + exitCode + describe(exitCode) + " without a final event"
                + tail(12));
    }

    /** The run has no process and no terminal event: as {@link RunStatus#FAILED} with a reason, else interrupted. */
    void died(String reason) {
        status.set(RunStatus.FAILED);
        progressText.set("the training process died");
        problem.set(reason);
        timeLeft.set(null);
    }

    /** Another process (an earlier session, the command line) trains this run now. */
    void trainingElsewhere() {
        status.set(RunStatus.RUNNING);
        progressText.set("training in another process");
    }

    void interrupted() {
        status.set(RunStatus.INTERRUPTED);
        progressText.set("interrupted (no process trains it): resume to continue");
    }

    /** A queued run that was cancelled before its process started. */
    void withdrawn() {
        status.set(RunStatus.CANCELLED);
        progressText.set("cancelled before it started");
    }

    /** The process could not even be started. */
    void couldNotStart(String message) {
        status.set(RunStatus.FAILED);
        progressText.set("could not start");
        problem.set(message);
    }

    /** Waits in the queue again (resume). */
    void queuedAgain() {
        status.set(RunStatus.QUEUED);
        problem.set("");
        progressText.set("waiting to resume");
    }

    void starting() {
        // A resumed run's old cancelled event no longer counts: a process that dies before its first event died.
        terminal = null;
        status.set(RunStatus.RUNNING);
        problem.set("");
        progressText.set("starting the training process");
    }

    private static String describe(int exitCode) {
        if (exitCode > 128 && exitCode < 160) return " (killed by signal " + (exitCode - 128) + ")";
        return "";
    }

    /** The last lines of the log, after a colon, or nothing. */
    String tail(int lines) {
        if (logTail.isEmpty()) return "";
        return ":\n" + String.join("\n", logTail.subList(Math.max(0, logTail.size() - lines), logTail.size()));
    }

    public boolean hasTerminalEvent() {
        return terminal != null;
    }

    public ReadOnlyObjectProperty<RunStatus> statusProperty() { return status; }
    public ReadOnlyStringProperty progressTextProperty() { return progressText; }
    /** Fraction of the planned batches done, 0..1. */
    public ReadOnlyDoubleProperty progressProperty() { return progress; }
    /** "backend · device" from the start event, e.g. "cpu · x86_64 (2 threads)". */
    public ReadOnlyStringProperty backendProperty() { return backend; }
    public ReadOnlyDoubleProperty samplesPerSecondProperty() { return samplesPerSecond; }
    /** Time left while live, else null. */
    public ReadOnlyObjectProperty<Duration> timeLeftProperty() { return timeLeft; }
    /** Why the run failed (the failed event's message or the process's death with its error tail), else empty. */
    public ReadOnlyStringProperty problemProperty() { return problem; }
    public ReadOnlyObjectProperty<Path> lastCheckpointProperty() { return lastCheckpoint; }
    public ReadOnlyBooleanProperty reportAvailableProperty() { return reportAvailable; }
    /** Whether this session queued the run or trains it now, so cancel can reach it. */
    public ReadOnlyBooleanProperty cancellableProperty() { return cancellable; }

    void setCancellable(boolean value) {
        cancellable.set(value);
    }
    public ObservableList<String> logTail() { return FXCollections.unmodifiableObservableList(logTail); }
    public ObservableList<EpochRow> epochs() { return FXCollections.unmodifiableObservableList(epochs); }

    public PlotSeries batchLoss() { return batchLoss; }
    public PlotSeries smoothedLoss() { return smoothedLoss; }
    public PlotSeries trainLoss() { return trainLoss; }
    public PlotSeries validationLoss() { return validationLoss; }
    public PlotSeries challengeScore() { return challengeScore; }
    public PlotSeries f1Macro() { return f1Macro; }
    public PlotSeries aurocMacro() { return aurocMacro; }

    @Override
    public String toString() {
        return label() + " (" + status.get() + ")";
    }
}
