package org.ecgworkbench.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.ecgworkbench.record.ResourceLimitException;
import org.ecgworkbench.dataset.CacheBatchIterator;
import org.ecgworkbench.dataset.ClassBalance;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.Evaluator;
import org.ecgworkbench.model.ComputeDevice;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.ResNet1d;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;
import org.nd4j.linalg.learning.config.Nesterovs;

/**
 * Trains one run in its {@link RunFolder}: prepares the data, trains epoch by epoch with
 * validation after each, keeps the best network, checkpoints, and at the end tunes per-class
 * thresholds on the validation part, evaluates the test part and writes the model bundle and report.
 *
 * <p>Every event goes to {@code events.jsonl} and to the given listener. Setting the cancel flag
 * (the CLI does on SIGTERM, the app on "cancel") finishes the current batch, writes a checkpoint
 * and ends with a {@code cancelled} event; {@link #resume} continues from the last checkpoint, also
 * after the process was killed, with the same split.
 */
public final class Trainer {
    private static final int THROUGHPUT_WINDOW = 10;

    private final TrainingConfig config;
    private final RunFolder run;
    private final TrainingListener listener;
    private final AtomicBoolean cancel;
    private final boolean resumed;
    /** {@code --resplit}: start over on a new split, the earlier split's files moved aside ({@link RunRestart}). */
    private final boolean resplit;
    /** Set when {@link #run()} fails on disk space or memory (the command line exits 3 for those). */
    private volatile boolean resourceLimit;

    private Trainer(TrainingConfig config, RunFolder run, TrainingListener listener, AtomicBoolean cancel, boolean resumed,
                    boolean resplit) {
        this.config = config;
        this.run = run;
        this.listener = listener;
        this.cancel = cancel;
        this.resumed = resumed;
        this.resplit = resplit;
    }

    /** A new run; the folder must not exist, or be empty but for its {@code config.json}. */
    public static Trainer start(TrainingConfig config, Path runDir, TrainingListener listener, AtomicBoolean cancel) throws IOException {
        RunFolder run = new RunFolder(runDir);
        if (Files.exists(run.root())) {
            if (!Files.isDirectory(run.root())) throw new IOException(run.root() + ": --out must be a folder");
            try (Stream<Path> entries = Files.list(run.root())) {
                // Still new when it holds only its config.json: the workbench writes it for train --config RUN/config.json --out RUN.
                if (entries.anyMatch(e -> !e.equals(run.config()))) {
                    throw new IOException(run.root() + ": --out holds files already; choose a new run folder or use --resume");
                }
            }
        }
        Files.createDirectories(run.root());
        TrainingConfigJson.write(config, run.config());
        return new Trainer(config, run, listener, cancel, false, false);
    }

    /**
     * Continues the run in {@code runDir} with its saved configuration and split. The run fails
     * (naming {@code split.json}) when the split is missing after training began, or no longer
     * matches the data or the settings.
     */
    public static Trainer resume(Path runDir, TrainingListener listener, AtomicBoolean cancel) throws IOException {
        return resume(runDir, false, listener, cancel);
    }

    /**
     * @param resplit split the data anew and restart from epoch 0 with the saved settings; the
     *                earlier split's files are moved to {@code superseded-<time>/} in the run folder
     */
    public static Trainer resume(Path runDir, boolean resplit, TrainingListener listener, AtomicBoolean cancel) throws IOException {
        RunFolder run = new RunFolder(runDir);
        if (!Files.isRegularFile(run.config())) throw new IOException(run.root() + ": not a run folder (no config.json)");
        TrainingConfig config = TrainingConfigJson.read(run.config());
        return new Trainer(config, run, listener, cancel, true, resplit);
    }

    public TrainingConfig config() {
        return config;
    }

    public RunFolder runFolder() {
        return run;
    }

    /** Whether the run failed on a limit of the machine (disk space for the tensor cache), not on its input. */
    public boolean failedOnResourceLimit() {
        return resourceLimit;
    }

    /** Runs to the end and returns the last event ({@code done}, {@code failed} or {@code cancelled}). */
    public TrainingEvent run() throws IOException {
        try (FileChannel lockChannel = FileChannel.open(run.lock(), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = tryLock(lockChannel)) {
            // Under the lock, before the events file is opened: a resplit starts a fresh events.jsonl too.
            Path superseded = resplit ? RunRestart.moveAside(run, Clock.systemUTC()).orElse(null) : null;
            try (BufferedWriter log = openEvents()) {
                return logged(log, superseded);
            }
        }
    }

    /** Trains with every event logged and passed on; ends with the terminal event. */
    private TrainingEvent logged(BufferedWriter log, Path superseded) {
        TrainingListener both = new PreparingThrottle(((TrainingListener) e -> writeLine(log, e)).andThen(listener));
        TrainingEvent last;
        try {
            last = train(both, superseded);
        } catch (TrainingData.CancelledBeforeTraining | CancellationException e) {
            // Cancelled while scanning or caching: nothing trained, nothing to checkpoint.
            last = new TrainingEvent.Cancelled(null, 0, 0);
        } catch (IOException | RuntimeException | OutOfMemoryError e) {
            resourceLimit = e instanceof ResourceLimitException;
            last = new TrainingEvent.Failed(describe(e));
        }
        both.on(last);
        return last;
    }

    /**
     * Opens {@code events.jsonl} for appending. A process killed while writing (or a full disk) can
     * leave the last line cut; the resumed run's events then start on a new line, so only that cut
     * line is lost to readers (which skip it), not the first event after it.
     */
    private BufferedWriter openEvents() throws IOException {
        BufferedWriter log = Files.newBufferedWriter(run.events(), StandardCharsets.UTF_8,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        if (!endsWithNewlineOrEmpty(run.events())) {
            log.newLine();
            log.flush();
        }
        return log;
    }

    private static boolean endsWithNewlineOrEmpty(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            if (size == 0) return true;
            ByteBuffer last = ByteBuffer.allocate(1);
            channel.read(last, size - 1);
            return last.get(0) == '\n';
        }
    }

    private FileLock tryLock(FileChannel channel) throws IOException {
        try {
            FileLock lock = channel.tryLock();
            if (lock == null) throw new IOException(run.root() + ": another process is training in this run folder");
            // Under the lock, so it names this process as long as the lock is held (runs cancel sends it SIGTERM).
            Files.writeString(run.pid(), ProcessHandle.current().pid() + System.lineSeparator(), StandardCharsets.US_ASCII);
            return lock;
        } catch (OverlappingFileLockException e) {
            throw new IOException(run.root() + ": this run is already training in this process");
        }
    }

    /** @param superseded where {@code --resplit} moved the earlier split's files (null when it did not) */
    private TrainingEvent train(TrainingListener events, Path superseded) throws IOException {
        ComputeDevice device = ComputeDevice.select(config.device().key());
        events.on(new TrainingEvent.Started(device.backend(), device.device(), resumed));
        if (!Files.exists(run.split()) && RunRestart.hasTrained(run)) {
            // Splitting anew now could put records already trained on into the test part.
            throw new IOException(run.split() + ": missing, but the run has trained already. " + SplitCheck.howToGoOn());
        }
        Checkpoints checkpoints = new Checkpoints(run);
        TrainerState state = checkpoints.state().orElse(TrainerState.fresh());
        try (TrainingData data = TrainingData.prepare(config, run, events, cancel)) {
            ComputationGraph network;
            NetworkSpec spec = NetworkSpec.of(config.architecture(), config.width(), data.train.length(), config.demographics());
            if (state.network() != null) {
                network = checkpoints.restore(state);
            } else {
                float[] positive = config.positiveWeights() ? toFloat(ClassBalance.positiveWeights(data.train)) : null;
                network = ResNet1d.build(spec, updater(), config.weightDecay(), positive, config.seed());
            }
            Nd4j.getRandom().setSeed(config.seed() + state.iteration());
            double[] sampling = config.oversample() ? ClassBalance.oversamplingWeights(data.train) : null;
            CacheBatchIterator batches = new CacheBatchIterator(data.train, config.batch(), true, config.seed(),
                    config.demographics(), config.augmentation(), sampling);
            try {
                List<String> notes = new ArrayList<>(data.notes);
                if (superseded != null) notes.add(0, "split anew (--resplit), restarting from epoch 1; the earlier split's files were moved to " + superseded);
                events.on(new TrainingEvent.Prepared(data.train.size(), data.validation.size(), data.test.size(),
                        network.numParams(), config.epochs(), batches.batchesPerEpoch(), state.epoch() + 1, notes));
                EpochLoop loop = new EpochLoop(network, batches, data, checkpoints, events, state);
                TrainingEvent stop = loop.run();
                if (stop != null) return stop;
                try {
                    return new Finisher(config, run, spec, data, events, cancel::get).finish(network, loop.state);
                } catch (CancellationException e) {
                    // Cancelled during the final evaluation: the last epoch's checkpoint stands, and a
                    // resume goes straight back to finishing (no epoch left, or early stopping already met).
                    return new TrainingEvent.Cancelled(loop.lastSaved == null ? null : loop.lastSaved.toString(),
                            loop.state.epoch(), loop.state.iteration());
                }
            } finally {
                batches.close();
            }
        }
    }

    /** The epochs; returns a {@code cancelled} event or null when training ended normally. */
    private final class EpochLoop {
        private final ComputationGraph network;
        private final CacheBatchIterator batches;
        private final TrainingData data;
        private final Checkpoints checkpoints;
        private final TrainingListener events;
        private final EarlyStopping stopping = EarlyStopping.of(config);
        private final CheckpointTimer checkpointTimer = new CheckpointTimer(config.checkpointMinutes(), System.nanoTime());
        private TrainerState state;
        /** The checkpoint written last (null before the first): where a cancel while finishing leaves the run. */
        Path lastSaved;
        private double currentRate = Double.NaN;

        EpochLoop(ComputationGraph network, CacheBatchIterator batches, TrainingData data, Checkpoints checkpoints,
                  TrainingListener events, TrainerState state) {
            this.network = network;
            this.batches = batches;
            this.data = data;
            this.checkpoints = checkpoints;
            this.events = events;
            this.state = state;
        }

        TrainingEvent run() throws IOException {
            // A resumed run that had already stopped early (and was cancelled while finishing) trains no more.
            if (stopping.exhausted(state)) return null;
            while (state.epoch() < config.epochs()) {
                TrainingEvent cancelled = trainEpoch();
                if (cancelled != null) return cancelled;
                Path saved = checkpoint(state.epoch());
                if (stopping.exhausted(state)) break;
                if (cancel.get()) return new TrainingEvent.Cancelled(saved.toString(), state.epoch(), state.iteration());
            }
            return null;
        }

        /**
         * Trains the epoch of {@code state} from where it stands and validates it; the state moves on to
         * the next epoch. Returns a {@code cancelled} event (after a checkpoint) when cancelled mid-epoch.
         */
        private TrainingEvent trainEpoch() throws IOException {
            int perEpoch = batches.batchesPerEpoch();
            int outputs = data.train.classes();
            long epochStart = System.nanoTime();
            // A run checkpointed mid-epoch resumes at the batch after the last one trained.
            EpochProgress progress = state.progress();
            int epoch = progress.epoch();
            batches.setEpoch(epoch);
            if (progress.batchInEpoch() > 0) batches.skipBatches(progress.batchInEpoch());
            Throughput throughput = new Throughput(THROUGHPUT_WINDOW, System.nanoTime());
            while (batches.hasNext()) {
                if (cancel.get()) {
                    state = state.withProgress(progress);
                    return new TrainingEvent.Cancelled(checkpoint(epoch + 1).toString(), epoch + 1, progress.iteration());
                }
                MultiDataSet batch = batches.next();
                double rate = config.schedule().rate(config.learningRate(), epoch + progress.batchInEpoch() / (double) perEpoch,
                        config.epochs());
                if (rate != currentRate) {
                    network.setLearningRate(rate);
                    currentRate = rate;
                }
                network.fit(batch);
                // DL4J's score sums the loss over the outputs (plus the L2 term); per output it compares with val_loss.
                double loss = network.score() / outputs;
                progress = progress.afterBatch(loss);
                long now = System.nanoTime();
                double samplesPerSecond = throughput.afterBatch(progress.iteration(), (int) batch.getFeatures(0).size(0), now);
                events.on(new TrainingEvent.Batch(epoch + 1, progress.iteration(), loss, samplesPerSecond, rate,
                        progress.batchInEpoch(), perEpoch));
                if (checkpointTimer.due(now)) {
                    state = state.withProgress(progress);
                    checkpoint(epoch + 1);
                }
            }
            validate(progress, epochStart);
            return null;
        }

        /** Scores the finished epoch on the validation part, keeps its network if it is the best, and says so. */
        private void validate(EpochProgress progress, long epochStart) throws IOException {
            int epoch = progress.epoch();
            double trainLoss = progress.meanLoss();
            PooledPredictions val = PooledPredictions.of(network, data.validation, config.batch(), config.demographics());
            // Inference workspaces (another batch shape) would otherwise stay allocated beside the training ones.
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
            EvaluationReport report = Evaluator.evaluate(val.labels(), val.probabilities(), Finisher.halves(val.labels()));
            double score = config.metric().of(report, val.loss());
            boolean best = stopping.isBest(score, state);
            if (best) Checkpoints.writeNetwork(network, run.bestNetwork(), false);
            state = state.afterEpoch(new TrainerState.EpochSummary(epoch + 1, trainLoss, val.loss(), score), progress.iteration(), best);
            events.on(new TrainingEvent.Epoch(epoch + 1, trainLoss, val.loss(), Finisher.metricsOf(report),
                    (System.nanoTime() - epochStart) / 1e9, best));
        }

        /** @param epochForEvent the 1-based epoch in progress (mid-epoch) or just finished */
        private Path checkpoint(int epochForEvent) throws IOException {
            Path file = checkpoints.save(network, state);
            lastSaved = file;
            checkpointTimer.saved(System.nanoTime());
            events.on(new TrainingEvent.Checkpoint(file.toString(), epochForEvent, state.iteration()));
            return file;
        }
    }

    private IUpdater updater() {
        return config.optimizer() == OptimizerKind.ADAM
                ? new Adam(config.learningRate())
                : new Nesterovs(config.learningRate(), config.momentum());
    }

    private static float[] toFloat(double[] values) {
        float[] f = new float[values.length];
        for (int i = 0; i < f.length; i++) f[i] = (float) values[i];
        return f;
    }

    private static void writeLine(BufferedWriter log, TrainingEvent e) {
        try {
            log.write(TrainingEventJson.write(e));
            log.newLine();
            log.flush();
        } catch (IOException ex) {
            throw new UncheckedIOException("cannot append to events.jsonl", ex);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.toString() : message;
    }
}
