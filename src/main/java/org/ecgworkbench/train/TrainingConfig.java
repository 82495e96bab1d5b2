package org.ecgworkbench.train;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.dataset.CachePrecision;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.signal.Pipeline;

/**
 * Everything that defines a training run: the one request the wizard, the command line and the run
 * queue hand to {@link Trainer}. Saved as the run's {@code config.json} ({@link TrainingConfigJson}) and
 * inside the model bundle, so a run can be resumed, repeated and compared. Immutable: change a copy
 * through {@link #toBuilder()}. The defaults ({@link Builder}) and the limits ({@code MAX_*}) are defined
 * here only; a value out of bounds is an {@link InvalidTrainingConfigException} naming the field.
 *
 * @param data              dataset folders (absolute)
 * @param keepUnlabelled    train on records with no scored class as all-negative (the dissertation dropped them)
 * @param splitMethod       hold-out or k-fold
 * @param fractions         holdout train/validation/test fractions
 * @param folds             k-fold: number of folds
 * @param fold              k-fold: the test fold (0-based)
 * @param seed              seeds the split, the weights, shuffling, dropout and augmentation
 * @param pipeline          the preprocessing pipeline (the same one travels with the model)
 * @param precision         tensor cache precision
 * @param architecture      ResNet18 or ResNet34
 * @param width             channel width multiplier
 * @param demographics      age and sex as two extra inputs
 * @param epochs            maximum epochs
 * @param batch             batch size
 * @param optimizer         Adam or SGD
 * @param learningRate      peak learning rate
 * @param weightDecay       L2 penalty (PyTorch {@code weight_decay} semantics)
 * @param momentum          SGD momentum
 * @param schedule          learning-rate schedule
 * @param metric            what picks the best epoch and drives early stopping
 * @param patience          epochs without improvement before stopping (0: never stop early)
 * @param classWeighting    whether each class's positive term weighs its negative/positive ratio (capped)
 * @param oversample        draw records of rare classes more often
 * @param augmentation      on-the-fly augmentation of training batches
 * @param syntheticTopUp    top up every class with fewer training positives than this with synthetic records (0: off)
 * @param device            CPU or GPU
 * @param checkpointMinutes minutes between mid-epoch checkpoints (0: only at epoch ends)
 * @param cacheDir          tensor cache folder (shared between runs; absolute)
 */
public record TrainingConfig(List<Path> data, boolean keepUnlabelled, SplitMethod splitMethod, double[] fractions,
                             int folds, int fold, long seed, Pipeline pipeline, CachePrecision precision,
                             Architecture architecture, double width, boolean demographics, int epochs, int batch,
                             OptimizerKind optimizer, double learningRate, double weightDecay, double momentum,
                             LearningRateSchedule schedule, ValidationMetric metric, int patience,
                             ClassWeighting classWeighting, boolean oversample, Augmentation augmentation, int syntheticTopUp,
                             Device device, double checkpointMinutes, Path cacheDir) {

    /**
     * What {@code train --augment} and the wizard's "augment" turn on: amplitude ×(1±0.1), noise 0.01 mV,
     * shift ±250 samples (0.5 s at 500 Hz), baseline wander 0.1 mV.
     */
    public static final Augmentation STANDARD_AUGMENTATION = new Augmentation(0.1, 0.01, 250, 0.1);

    /**
     * The defaults, for front ends that show them before any data is chosen (the wizard's pages, the
     * command line's help); its one data folder is a placeholder, the working directory.
     */
    public static final TrainingConfig DEFAULTS = new Builder(List.of(Path.of("."))).build();

    public static final int MIN_FOLDS = 3;
    public static final int MAX_FOLDS = 100;
    public static final double MAX_WIDTH = 4;
    public static final int MAX_EPOCHS = 10_000;
    public static final int MAX_BATCH = 4096;
    public static final double MAX_LEARNING_RATE = 10;
    public static final int MAX_PATIENCE = 10_000;
    public static final int MAX_SYNTHETIC_TOP_UP = 100_000;
    public static final double MAX_CHECKPOINT_MINUTES = 1440;
    /** The largest integer a JSON reader holding numbers as doubles keeps exactly (2^53 - 1). */
    public static final long MAX_SEED = 9_007_199_254_740_991L;

    public TrainingConfig {
        // Paths are made absolute where the config is built: the child that trains starts in its run folder.
        data = List.copyOf(Objects.requireNonNull(data, "data")).stream().map(p -> p.toAbsolutePath().normalize()).toList();
        fractions = Objects.requireNonNull(fractions, "fractions").clone();
        cacheDir = Objects.requireNonNull(cacheDir, "cacheDir").toAbsolutePath().normalize();
        validate(data, splitMethod, fractions, folds, fold, seed, pipeline, width, epochs, batch, learningRate, weightDecay,
                momentum, patience, syntheticTopUp, checkpointMinutes);
        require("precision", precision);
        require("architecture", architecture);
        require("optimizer", optimizer);
        require("schedule", schedule);
        require("metric", metric);
        require("classWeighting", classWeighting);
        require("augmentation", augmentation);
        require("device", device);
    }

    private static void validate(List<Path> data, SplitMethod splitMethod, double[] fractions, int folds, int fold, long seed,
                                 Pipeline pipeline, double width, int epochs, int batch, double lr, double weightDecay,
                                 double momentum, int patience, int syntheticTopUp, double checkpointMinutes) {
        if (data.isEmpty()) throw invalid("data", "at least one dataset folder is needed");
        require("splitMethod", splitMethod);
        switch (splitMethod) {
            case HOLDOUT -> {
                if (fractions.length != 3) throw invalid("fractions", "expected TRAIN/VALIDATION/TEST, e.g. 60/20/20");
                double sum = 0;
                for (double f : fractions) {
                    if (!(f > 0)) throw invalid("fractions", "every part needs a positive share, got " + f);
                    sum += f;
                }
                if (Math.abs(sum - 1) > 1e-9) throw invalid("fractions", "shares must add up to 100, got " + sum * 100);
            }
            case KFOLD -> {
                if (folds < MIN_FOLDS || folds > MAX_FOLDS) {
                    throw invalid("folds", "k-fold needs " + MIN_FOLDS + ".." + MAX_FOLDS + " folds (test, validation, train), got " + folds);
                }
                if (fold < 0 || fold >= folds) throw invalid("fold", "must be in 0.." + (folds - 1) + ", got " + fold);
            }
        }
        if (seed < 0 || seed > MAX_SEED) throw invalid("seed", "must be in 0.." + MAX_SEED + ", got " + seed);
        require("pipeline", pipeline);
        if (!(width > 0 && width <= MAX_WIDTH)) throw invalid("width", "must be in (0, 4], got " + width);
        if (epochs < 1 || epochs > MAX_EPOCHS) throw invalid("epochs", "must be in 1.." + MAX_EPOCHS + ", got " + epochs);
        if (batch < 1 || batch > MAX_BATCH) throw invalid("batch", "must be in 1.." + MAX_BATCH + ", got " + batch);
        if (!(lr > 0 && lr < MAX_LEARNING_RATE)) throw invalid("learningRate", "must be in (0, 10), got " + lr);
        if (!(weightDecay >= 0 && weightDecay < 1)) throw invalid("weightDecay", "must be in [0, 1), got " + weightDecay);
        if (!(momentum >= 0 && momentum < 1)) throw invalid("momentum", "must be in [0, 1), got " + momentum);
        if (patience < 0 || patience > MAX_PATIENCE) throw invalid("patience", "must be 0 (off) to " + MAX_PATIENCE + ", got " + patience);
        if (syntheticTopUp < 0 || syntheticTopUp > MAX_SYNTHETIC_TOP_UP) {
            throw invalid("syntheticTopUp", "must be in 0.." + MAX_SYNTHETIC_TOP_UP + ", got " + syntheticTopUp);
        }
        if (!(checkpointMinutes >= 0 && checkpointMinutes <= MAX_CHECKPOINT_MINUTES)) {
            throw invalid("checkpointMinutes", "must be in [0, 1440], got " + checkpointMinutes);
        }
    }

    private static void require(String field, Object value) {
        if (value == null) throw invalid(field, "missing");
    }

    private static InvalidTrainingConfigException invalid(String field, String problem) {
        return new InvalidTrainingConfigException(field, problem);
    }

    /** A copy: the record's array stays its own. */
    @Override
    public double[] fractions() {
        return fractions.clone();
    }

    /** Whether the loss weighs each class's positives (the trainer's question). */
    public boolean positiveWeights() {
        return classWeighting == ClassWeighting.POSITIVE;
    }

    @Override
    public boolean equals(Object o) {
        // A record compares arrays by identity; two configs asking for the same run are equal.
        return o instanceof TrainingConfig c && data.equals(c.data) && keepUnlabelled == c.keepUnlabelled
                && splitMethod == c.splitMethod && Arrays.equals(fractions, c.fractions) && folds == c.folds && fold == c.fold
                && seed == c.seed && pipeline.equals(c.pipeline) && precision == c.precision && architecture == c.architecture
                && Double.compare(width, c.width) == 0 && demographics == c.demographics && epochs == c.epochs && batch == c.batch
                && optimizer == c.optimizer && Double.compare(learningRate, c.learningRate) == 0
                && Double.compare(weightDecay, c.weightDecay) == 0 && Double.compare(momentum, c.momentum) == 0
                && schedule.equals(c.schedule) && metric == c.metric && patience == c.patience && classWeighting == c.classWeighting
                && oversample == c.oversample && augmentation.equals(c.augmentation) && syntheticTopUp == c.syntheticTopUp
                && device == c.device && Double.compare(checkpointMinutes, c.checkpointMinutes) == 0 && cacheDir.equals(c.cacheDir);
    }

    @Override
    public int hashCode() {
        return Objects.hash(data, keepUnlabelled, splitMethod, Arrays.hashCode(fractions), folds, fold, seed, pipeline, precision,
                architecture, width, demographics, epochs, batch, optimizer, learningRate, weightDecay, momentum, schedule, metric,
                patience, classWeighting, oversample, augmentation, syntheticTopUp, device, checkpointMinutes, cacheDir);
    }

    @Override
    public String toString() {
        return "TrainingConfig" + TrainingConfigJson.write(this);
    }

    public Builder toBuilder() {
        Builder b = new Builder(data);
        b.keepUnlabelled = keepUnlabelled; b.splitMethod = splitMethod; b.fractions = fractions.clone();
        b.folds = folds; b.fold = fold; b.seed = seed; b.pipeline = pipeline; b.precision = precision;
        b.architecture = architecture; b.width = width; b.demographics = demographics; b.epochs = epochs;
        b.batch = batch; b.optimizer = optimizer; b.learningRate = learningRate; b.weightDecay = weightDecay;
        b.momentum = momentum; b.schedule = schedule; b.metric = metric; b.patience = patience;
        b.classWeighting = classWeighting; b.oversample = oversample; b.augmentation = augmentation;
        b.syntheticTopUp = syntheticTopUp; b.device = device; b.checkpointMinutes = checkpointMinutes; b.cacheDir = cacheDir;
        return b;
    }

    /** A configuration of the defaults for {@code data}. */
    public static Builder builder(List<Path> data) {
        return new Builder(data);
    }

    /**
     * The one place the defaults are defined: the dissertation's set-up where it had one (60/20/20, Adam 1e-3,
     * batch 16, ResNet34). The command line shows them as its options' defaults.
     */
    public static final class Builder {
        private List<Path> data;
        private boolean keepUnlabelled = true;
        private SplitMethod splitMethod = SplitMethod.HOLDOUT;
        private double[] fractions = {0.6, 0.2, 0.2};
        private int folds = 5;
        private int fold = 0;
        private long seed = 1;
        private Pipeline pipeline = Pipeline.defaultRecipe();
        private CachePrecision precision = CachePrecision.FLOAT32;
        private Architecture architecture = Architecture.RESNET34;
        private double width = 1.0;
        private boolean demographics = false;
        private int epochs = 30;
        private int batch = 16;
        private OptimizerKind optimizer = OptimizerKind.ADAM;
        private double learningRate = 1e-3;
        private double weightDecay = 1e-5;
        private double momentum = 0.9;
        private LearningRateSchedule schedule = LearningRateSchedule.constant();
        private ValidationMetric metric = ValidationMetric.CHALLENGE_SCORE;
        private int patience = 5;
        private ClassWeighting classWeighting = ClassWeighting.NONE;
        private boolean oversample = false;
        private Augmentation augmentation = Augmentation.NONE;
        private int syntheticTopUp = 0;
        private Device device = Device.CPU;
        private double checkpointMinutes = 10;
        private Path cacheDir = defaultCacheDir();

        private Builder(List<Path> data) {
            this.data = List.copyOf(data);
        }

        public Builder data(List<Path> v) { data = List.copyOf(v); return this; }
        public Builder keepUnlabelled(boolean v) { keepUnlabelled = v; return this; }
        /** Hold-out with these train/validation/test fractions. */
        public Builder holdout(double[] v) { splitMethod = SplitMethod.HOLDOUT; fractions = v.clone(); return this; }
        /** K-fold: {@code k} folds, {@code testFold} tests. */
        public Builder kfold(int k, int testFold) { splitMethod = SplitMethod.KFOLD; folds = k; fold = testFold; return this; }
        public Builder splitMethod(SplitMethod v) { splitMethod = v; return this; }
        /** The hold-out fractions, kept whatever the split method (a saved config has both). */
        public Builder holdoutFractions(double[] v) { fractions = v.clone(); return this; }
        /** The k-fold counts, kept whatever the split method. */
        public Builder kfoldCounts(int k, int testFold) { folds = k; fold = testFold; return this; }
        public Builder fold(int v) { fold = v; return this; }
        public Builder seed(long v) { seed = v; return this; }
        public Builder pipeline(Pipeline v) { pipeline = v; return this; }
        public Builder precision(CachePrecision v) { precision = v; return this; }
        public Builder architecture(Architecture v) { architecture = v; return this; }
        public Builder width(double v) { width = v; return this; }
        public Builder demographics(boolean v) { demographics = v; return this; }
        public Builder epochs(int v) { epochs = v; return this; }
        public Builder batch(int v) { batch = v; return this; }
        public Builder optimizer(OptimizerKind v) { optimizer = v; return this; }
        public Builder learningRate(double v) { learningRate = v; return this; }
        public Builder weightDecay(double v) { weightDecay = v; return this; }
        public Builder momentum(double v) { momentum = v; return this; }
        public Builder schedule(LearningRateSchedule v) { schedule = v; return this; }
        public Builder metric(ValidationMetric v) { metric = v; return this; }
        public Builder patience(int v) { patience = v; return this; }
        public Builder classWeighting(ClassWeighting v) { classWeighting = v; return this; }
        public Builder oversample(boolean v) { oversample = v; return this; }
        public Builder augmentation(Augmentation v) { augmentation = v; return this; }
        public Builder syntheticTopUp(int v) { syntheticTopUp = v; return this; }
        public Builder device(Device v) { device = v; return this; }
        public Builder checkpointMinutes(double v) { checkpointMinutes = v; return this; }
        public Builder cacheDir(Path v) { cacheDir = v; return this; }

        /** @throws InvalidTrainingConfigException naming the first field out of bounds */
        public TrainingConfig build() {
            return new TrainingConfig(data, keepUnlabelled, splitMethod, fractions, folds, fold, seed, pipeline, precision,
                    architecture, width, demographics, epochs, batch, optimizer, learningRate, weightDecay, momentum,
                    schedule, metric, patience, classWeighting, oversample, augmentation, syntheticTopUp, device,
                    checkpointMinutes, cacheDir);
        }
    }

    /** {@code $XDG_CACHE_HOME/ecg-workbench/tensors}, else {@code ~/.cache/ecg-workbench/tensors}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ecg-workbench").resolve("tensors");
    }
}
