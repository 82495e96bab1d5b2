package org.ecgworkbench.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.dataset.CachePrecision;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.train.LearningRateSchedule;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.Trainer;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingEvent;
import org.ecgworkbench.train.ValidationMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code train}: one training run into a run folder, resumable; SIGTERM checkpoints and stops cleanly. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Train a 1-D ResNet on challenge-format records. The run folder gets config.json, split.json, "
                + "events.jsonl, checkpoints, the best model (model.ecgmodel, with per-class thresholds tuned on the "
                + "validation part) and report.json (test-part metrics). SIGTERM or Ctrl-C finishes the current batch, "
                + "writes a checkpoint and stops; --resume continues, also after a crash.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:trained", "2:bad input or training failed", "3:internal error", "4:cancelled (resume with --resume)"})
public final class TrainCommand implements Callable<Integer> {

    /** How long a SIGTERM waits for the current batch and the checkpoint before the JVM exits anyway. */
    private static final long SHUTDOWN_GRACE_SECONDS = 300;

    @Option(names = "--data", split = ",", paramLabel = "DIR", description = "dataset folders (scanned recursively)")
    List<Path> data;

    @Option(names = "--out", paramLabel = "RUN_DIR", description = "new run folder")
    Path out;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue the run in RUN_DIR from its last checkpoint (its saved settings are used)")
    Path resume;

    @Option(names = "--resplit", description = "with --resume: split the data anew (when split.json is missing or no longer matches "
            + "the data) and restart the run from epoch 1; the earlier split's files are moved to RUN_DIR/superseded-<time>/")
    boolean resplit;

    @Option(names = "--arch", defaultValue = "resnet34", description = "resnet18 or resnet34 (default ${DEFAULT-VALUE})")
    Architecture arch;

    @Option(names = "--width", defaultValue = "1.0", description = "channel width multiplier, (0, 4], e.g. 0.25 for a tiny network (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "4", minExclusive = true)
    double width;

    @Option(names = "--demographics", description = "feed age and sex to the network beside the signal")
    boolean demographics;

    @Option(names = "--epochs", defaultValue = "30", description = "maximum epochs, 1..10000 (default ${DEFAULT-VALUE})")
    @Range(min = "1", max = "10000")
    int epochs;

    @Option(names = "--batch", defaultValue = "16", description = "batch size, 1..4096 (default ${DEFAULT-VALUE})")
    @Range(min = "1", max = "4096")
    int batch;

    @Option(names = "--optimizer", defaultValue = "adam", description = "adam or sgd (Nesterov momentum) (default ${DEFAULT-VALUE})")
    OptimizerKind optimizer;

    @Option(names = "--lr", defaultValue = "1e-3", description = "(peak) learning rate, (0, 10) (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "10", minExclusive = true, maxExclusive = true)
    double lr;

    @Option(names = "--weight-decay", defaultValue = "1e-5", description = "L2 penalty, as PyTorch weight_decay, [0, 1) (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "1", maxExclusive = true)
    double weightDecay;

    @Option(names = "--momentum", defaultValue = "0.9", description = "SGD momentum, [0, 1) (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "1", maxExclusive = true)
    double momentum;

    @Option(names = "--schedule", defaultValue = "constant", paramLabel = "SCHEDULE",
            description = "constant, step[:EPOCHS[:GAMMA]], cosine or one-cycle (default ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--split", defaultValue = "60/20/20", paramLabel = "T/V/T", description = "train/validation/test percentages (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--folds", paramLabel = "K", description = "k-fold split instead of --split: K folds, 3..100, --fold is the test fold")
    @Range(min = "3", max = "100")
    Integer folds;

    @Option(names = "--fold", defaultValue = "0", paramLabel = "I", description = "k-fold: test fold, 0-based, 0..99 (below --folds); the next fold validates (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "99")
    int fold;

    @Option(names = "--seed", defaultValue = "1", description = "seeds split, weights, shuffling, dropout and augmentation, 0..9007199254740991 (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "9007199254740991")
    long seed;

    @Option(names = "--drop-unlabelled", description = "leave out records with no scored class (the dissertation did; default: keep them as all-negative)")
    boolean dropUnlabelled;

    @Option(names = "--pipeline", paramLabel = "JSON", description = "preprocessing pipeline file (default: FFT resampling to 500 Hz, 5000 samples, zero-padded at the end)")
    Path pipeline;

    @Option(names = "--metric", defaultValue = "challenge_score", description = "best-epoch and early-stopping metric: challenge_score, f1_macro, auroc_macro or val_loss (default ${DEFAULT-VALUE})")
    ValidationMetric metric;

    @Option(names = "--patience", defaultValue = "5", description = "stop after this many epochs without improvement, 0..10000; 0 never stops early (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "10000")
    int patience;

    @Option(names = "--class-weights", defaultValue = "none", description = "none, or positive: weight each class's positives by its negative/positive ratio (default ${DEFAULT-VALUE})")
    String classWeights;

    @Option(names = "--oversample", description = "draw records of rare classes more often")
    boolean oversample;

    @Option(names = "--augment", description = "augment training batches: amplitude ×(1±0.1), noise 0.01 mV, shift ±0.5 s, wander 0.1 mV (tune with --augment-*)")
    boolean augment;

    @Option(names = "--augment-scale", defaultValue = "0.1", hidden = true, description = "amplitude scale, [0, 1)")
    @Range(min = "0", max = "1", maxExclusive = true)
    double augmentScale;

    @Option(names = "--augment-noise", defaultValue = "0.01", hidden = true, description = "noise standard deviation, [0, 10] mV")
    @Range(min = "0", max = "10")
    double augmentNoise;

    @Option(names = "--augment-shift", defaultValue = "250", hidden = true, description = "maximum shift, 0..600000 samples")
    @Range(min = "0", max = "600000")
    int augmentShift;

    @Option(names = "--augment-wander", defaultValue = "0.1", hidden = true, description = "baseline wander, [0, 10] mV")
    @Range(min = "0", max = "10")
    double augmentWander;

    @Option(names = "--synthetic-rare", defaultValue = "0", paramLabel = "N",
            description = "add synthetic records (see synth) to the training part for every class with fewer than N training positives, up to N, 0..100000 (default ${DEFAULT-VALUE}: off)")
    @Range(min = "0", max = "100000")
    int syntheticRare;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "tensor cache folder, shared by runs (default ~/.cache/ecg-workbench/tensors)")
    Path cacheDir;

    @Option(names = "--cache-precision", defaultValue = "float32", description = "float32 or float16 tensor cache (default ${DEFAULT-VALUE})")
    CachePrecision precision;

    @Option(names = "--device", defaultValue = "cpu", description = "cpu, or gpu (needs the -Pcuda build and a CUDA 11.6 device) (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--checkpoint-minutes", defaultValue = "10", description = "minutes between mid-epoch checkpoints, [0, 1440]; 0 only at epoch ends (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "1440")
    double checkpointMinutes;

    @Option(names = "--progress", paramLabel = "MODE", description = "jsonl: one JSON event per line on stdout; bar: a progress bar (default on a terminal); none")
    String progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        TrainProgressPrinter printer = printer();
        AtomicBoolean cancel = new AtomicBoolean();
        Trainer trainer;
        if (resume != null) {
            if (out != null || data != null) throw new ParameterException(spec.commandLine(), "--resume takes its settings from the run folder: drop --out and --data");
            trainer = Trainer.resume(resume, resplit, printer, cancel);
        } else {
            if (resplit) throw new ParameterException(spec.commandLine(), "--resplit goes with --resume RUN_DIR (a new run is split anyway)");
            if (out == null) throw new ParameterException(spec.commandLine(), "--out RUN_DIR is required (or --resume RUN_DIR)");
            if (data == null || data.isEmpty()) throw new ParameterException(spec.commandLine(), "--data DIR[,DIR…] is required");
            trainer = Trainer.start(config(), out, printer, cancel);
        }
        CountDownLatch finished = new CountDownLatch(1);
        AtomicInteger exitCode = new AtomicInteger(ExitCodes.BAD_INPUT);
        // On SIGTERM/Ctrl-C the JVM runs this hook: ask the trainer to stop after the batch, wait for its
        // checkpoint, then end with the run's own exit code (System.exit cannot be called while shutting down).
        Thread onSignal = new Thread(() -> {
            cancel.set(true);
            try {
                finished.await(SHUTDOWN_GRACE_SECONDS, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            spec.commandLine().getOut().flush();
            Runtime.getRuntime().halt(exitCode.get());
        }, "train-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        // The trainer finishes its checkpoint on a signal: its temporary files must outlive the shutdown.
        AtomicFiles.cleanOnShutdown(false);
        try {
            TrainingEvent last = trainer.run();
            exitCode.set(last instanceof TrainingEvent.Done ? ExitCodes.OK
                    : last instanceof TrainingEvent.Cancelled ? ExitCodes.CANCELLED
                    : trainer.failedOnResourceLimit() ? ExitCodes.INTERNAL_ERROR : ExitCodes.BAD_INPUT);
        } finally {
            finished.countDown();
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
            // A signal arrived: the hook ends the process with exitCode.
        }
        return exitCode.get();
    }

    private TrainingConfig config() throws IOException {
        TrainingConfig.Builder b = TrainingConfig.builder(data);
        b.keepUnlabelled = !dropUnlabelled;
        if (folds != null) {
            b.splitMethod = "kfold";
            b.folds = folds;
            b.fold = fold;
        } else {
            b.fractions = parseSplit(split);
        }
        b.seed = seed;
        if (pipeline != null) {
            try {
                OutputGuard.protect(pipeline);
                b.pipeline(PipelineJson.read(Files.readString(pipeline)));
            } catch (IllegalArgumentException e) {
                throw new IOException(pipeline + ": " + e.getMessage(), e);
            }
        }
        b.precision = precision;
        b.architecture = arch;
        b.width = width;
        b.demographics = demographics;
        b.epochs = epochs;
        b.batch = batch;
        b.optimizer = optimizer;
        b.learningRate = lr;
        b.weightDecay = weightDecay;
        b.momentum = momentum;
        b.schedule = LearningRateSchedule.parse(schedule);
        b.metric = metric;
        b.patience = patience;
        b.positiveWeights = switch (classWeights.toLowerCase(Locale.ROOT)) {
            case "none" -> false;
            case "positive" -> true;
            default -> throw new IllegalArgumentException("--class-weights: expected none or positive, got " + classWeights);
        };
        b.oversample = oversample;
        b.augmentation = augment ? new Augmentation(augmentScale, augmentNoise, augmentShift, augmentWander) : Augmentation.NONE;
        b.syntheticTopUp = syntheticRare;
        b.device = device.toLowerCase(Locale.ROOT);
        b.checkpointMinutes = checkpointMinutes;
        if (cacheDir != null) b.cacheDir = cacheDir.toAbsolutePath().normalize().toString();
        return b.build();
    }

    static double[] parseSplit(String text) {
        String[] parts = text.split("/");
        if (parts.length != 3) throw new IllegalArgumentException("--split: expected TRAIN/VALIDATION/TEST percentages, e.g. 60/20/20, got " + text);
        double[] f = new double[3];
        try {
            for (int i = 0; i < 3; i++) f[i] = Double.parseDouble(parts[i].trim()) / 100;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--split: expected numbers, e.g. 60/20/20, got " + text);
        }
        return f; // TrainingConfig checks the shares (positive, adding up to 100)
    }

    private TrainProgressPrinter printer() {
        return TrainProgressPrinter.forMode(progress, spec.commandLine());
    }
}
