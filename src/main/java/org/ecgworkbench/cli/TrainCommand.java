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
import java.util.function.Supplier;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.dataset.CachePrecision;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.train.ClassWeighting;
import org.ecgworkbench.train.Device;
import org.ecgworkbench.train.InvalidTrainingConfigException;
import org.ecgworkbench.train.LearningRateSchedule;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.Trainer;
import org.ecgworkbench.train.TrainingArguments;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;
import org.ecgworkbench.train.TrainingEvent;
import org.ecgworkbench.train.ValidationMetric;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code train}: one training run into a run folder, resumable; SIGTERM checkpoints and stops cleanly. */
@Command(name = "train", mixinStandardHelpOptions = true, sortOptions = false, defaultValueProvider = TrainDefaults.class,
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

    @Option(names = "--config", paramLabel = "FILE", description = "take the settings from a config.json (a run's, or the one the "
            + "workbench writes into a new run folder); options given as well override it")
    Path config;

    @Option(names = "--resume", paramLabel = "RUN_DIR", description = "continue the run in RUN_DIR from its last checkpoint (its saved settings are used)")
    Path resume;

    @Option(names = "--resplit", description = "with --resume: split the data anew (when split.json is missing or no longer matches "
            + "the data) and restart the run from epoch 1; the earlier split's files are moved to RUN_DIR/superseded-<time>/")
    boolean resplit;

    @Option(names = "--arch", description = "resnet18 or resnet34 (default ${DEFAULT-VALUE})")
    Architecture arch;

    @Option(names = "--width", description = "channel width multiplier, (0, 4], e.g. 0.25 for a tiny network (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "4", minExclusive = true)
    double width;

    @Option(names = "--demographics", description = "feed age and sex to the network beside the signal")
    boolean demographics;

    @Option(names = "--epochs", description = "maximum epochs, 1..10000 (default ${DEFAULT-VALUE})")
    @Range(min = "1", max = "10000")
    int epochs;

    @Option(names = "--batch", description = "batch size, 1..4096 (default ${DEFAULT-VALUE})")
    @Range(min = "1", max = "4096")
    int batch;

    @Option(names = "--optimizer", description = "adam or sgd (Nesterov momentum) (default ${DEFAULT-VALUE})")
    OptimizerKind optimizer;

    @Option(names = "--lr", description = "(peak) learning rate, (0, 10) (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "10", minExclusive = true, maxExclusive = true)
    double lr;

    @Option(names = "--weight-decay", description = "L2 penalty, as PyTorch weight_decay, [0, 1) (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "1", maxExclusive = true)
    double weightDecay;

    @Option(names = "--momentum", description = "SGD momentum, [0, 1) (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "1", maxExclusive = true)
    double momentum;

    @Option(names = "--schedule", paramLabel = "SCHEDULE",
            description = "constant, step[:EPOCHS[:GAMMA]], cosine or one-cycle (default ${DEFAULT-VALUE})")
    String schedule;

    @Option(names = "--split", paramLabel = "T/V/T", description = "train/validation/test percentages (default ${DEFAULT-VALUE})")
    String split;

    @Option(names = "--folds", paramLabel = "K", description = "k-fold split instead of --split: K folds, 3..100, --fold is the test fold")
    @Range(min = "3", max = "100")
    Integer folds;

    @Option(names = "--fold", paramLabel = "I", description = "k-fold: test fold, 0-based, 0..99 (below --folds); the next fold validates (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "99")
    int fold;

    @Option(names = "--seed", description = "seeds split, weights, shuffling, dropout and augmentation, 0..9007199254740991 (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "9007199254740991")
    long seed;

    @Option(names = "--drop-unlabelled", description = "leave out records with no scored class (the dissertation did; default: keep them as all-negative)")
    boolean dropUnlabelled;

    @Option(names = "--pipeline", paramLabel = "JSON", description = "preprocessing pipeline file (default: FFT resampling to 500 Hz, 5000 samples, zero-padded at the end)")
    Path pipeline;

    @Option(names = "--metric", description = "best-epoch and early-stopping metric: challenge_score, f1_macro, auroc_macro or val_loss (default ${DEFAULT-VALUE})")
    ValidationMetric metric;

    @Option(names = "--patience", description = "stop after this many epochs without improvement, 0..10000; 0 never stops early (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "10000")
    int patience;

    @Option(names = "--class-weights", description = "none, or positive: weight each class's positives by its negative/positive ratio (default ${DEFAULT-VALUE})")
    String classWeights;

    @Option(names = "--oversample", description = "draw records of rare classes more often")
    boolean oversample;

    @Option(names = "--augment", description = "augment training batches: amplitude ×(1±0.1), noise 0.01 mV, shift ±0.5 s, wander 0.1 mV (tune with --augment-*)")
    boolean augment;

    @Option(names = "--augment-scale", hidden = true, description = "amplitude scale, [0, 1)")
    @Range(min = "0", max = "1", maxExclusive = true)
    double augmentScale;

    @Option(names = "--augment-noise", hidden = true, description = "noise standard deviation, [0, 10] mV")
    @Range(min = "0", max = "10")
    double augmentNoise;

    @Option(names = "--augment-shift", hidden = true, description = "maximum shift, 0..600000 samples")
    @Range(min = "0", max = "600000")
    int augmentShift;

    @Option(names = "--augment-wander", hidden = true, description = "baseline wander, [0, 10] mV")
    @Range(min = "0", max = "10")
    double augmentWander;

    @Option(names = "--synthetic-rare", paramLabel = "N",
            description = "add synthetic records (see synth) to the training part for every class with fewer than N training positives, up to N, 0..100000 (default ${DEFAULT-VALUE}: off)")
    @Range(min = "0", max = "100000")
    int syntheticRare;

    @Option(names = "--cache-dir", paramLabel = "DIR", description = "tensor cache folder, shared by runs (default ~/.cache/ecg-workbench/tensors)")
    Path cacheDir;

    @Option(names = "--cache-precision", description = "float32 or float16 tensor cache (default ${DEFAULT-VALUE})")
    CachePrecision precision;

    @Option(names = "--device", description = "cpu, or gpu (needs the -Pcuda build and a CUDA 11.6 device) (default ${DEFAULT-VALUE})")
    String device;

    @Option(names = "--checkpoint-minutes", description = "minutes between mid-epoch checkpoints, [0, 1440]; 0 only at epoch ends (default ${DEFAULT-VALUE})")
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
            if (config != null) throw new ParameterException(spec.commandLine(), "--resume takes its settings from the run folder: drop --config");
            trainer = Trainer.resume(resume, resplit, printer, cancel);
        } else {
            if (resplit) throw new ParameterException(spec.commandLine(), "--resplit goes with --resume RUN_DIR (a new run is split anyway)");
            if (out == null) throw new ParameterException(spec.commandLine(), "--out RUN_DIR is required (or --resume RUN_DIR)");
            if (config == null && (data == null || data.isEmpty())) {
                throw new ParameterException(spec.commandLine(), "--data DIR[,DIR…] is required");
            }
            trainer = Trainer.start(trainingConfig(), out, printer, cancel);
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

    /**
     * The run's configuration: {@code --config}'s file, or the defaults ({@link TrainingConfig}), with every
     * option given on the command line set on top. A value out of bounds is reported by its flag.
     */
    TrainingConfig trainingConfig() throws IOException {
        TrainingConfig.Builder b = config != null ? readConfig(config).toBuilder() : TrainingConfig.builder(data);
        try {
            apply(b);
            return b.build();
        } catch (InvalidTrainingConfigException e) {
            throw new IllegalArgumentException(TrainingArguments.flag(e.field()) + ": " + e.problem(), e);
        }
    }

    /** Not an input the output guard protects: RUN/config.json is read, then written again as the run's own. */
    private static TrainingConfig readConfig(Path file) throws IOException {
        return TrainingConfigJson.read(file);
    }

    /** Sets the options given on the command line (a default is the builder's already). */
    private void apply(TrainingConfig.Builder b) throws IOException {
        if (given("--data")) b.data(data);
        if (given("--drop-unlabelled")) b.keepUnlabelled(!dropUnlabelled);
        if (folds != null) {
            b.kfold(folds, fold);
        } else {
            if (given("--split")) b.holdout(parseSplit(split));
            if (given("--fold")) b.fold(fold);
        }
        if (given("--seed")) b.seed(seed);
        if (pipeline != null) {
            try {
                OutputGuard.protect(pipeline);
                b.pipeline(PipelineJson.read(Files.readString(pipeline)));
            } catch (IllegalArgumentException e) {
                throw new IOException(pipeline + ": " + e.getMessage(), e);
            }
        }
        if (given("--cache-precision")) b.precision(precision);
        if (given("--arch")) b.architecture(arch);
        if (given("--width")) b.width(width);
        if (given("--demographics")) b.demographics(demographics);
        if (given("--epochs")) b.epochs(epochs);
        if (given("--batch")) b.batch(batch);
        if (given("--optimizer")) b.optimizer(optimizer);
        if (given("--lr")) b.learningRate(lr);
        if (given("--weight-decay")) b.weightDecay(weightDecay);
        if (given("--momentum")) b.momentum(momentum);
        if (given("--schedule")) b.schedule(LearningRateSchedule.parse(schedule));
        if (given("--metric")) b.metric(metric);
        if (given("--patience")) b.patience(patience);
        if (given("--class-weights")) b.classWeighting(parse("classWeighting", () -> ClassWeighting.parse(classWeights)));
        if (given("--oversample")) b.oversample(oversample);
        if (augment) b.augmentation(new Augmentation(augmentScale, augmentNoise, augmentShift, augmentWander));
        if (given("--synthetic-rare")) b.syntheticTopUp(syntheticRare);
        if (given("--device")) b.device(parse("device", () -> Device.parse(device.toLowerCase(Locale.ROOT))));
        if (given("--checkpoint-minutes")) b.checkpointMinutes(checkpointMinutes);
        if (cacheDir != null) b.cacheDir(cacheDir);
    }

    private boolean given(String option) {
        return spec.commandLine().getParseResult().hasMatchedOption(option);
    }

    /** A choice's parse error as the field's, so it is reported by its flag like the others. */
    private static <T> T parse(String field, Supplier<T> parser) {
        try {
            return parser.get();
        } catch (InvalidTrainingConfigException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new InvalidTrainingConfigException(field, e.getMessage());
        }
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
