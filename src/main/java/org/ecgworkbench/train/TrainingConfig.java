package org.ecgworkbench.train;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.dataset.CachePrecision;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;

/**
 * Everything that defines a training run; saved as the run's {@code config.json} and inside the
 * model bundle, so a run can be resumed, repeated and compared.
 *
 * @param data              dataset folders (absolute)
 * @param keepUnlabelled    train on records with no scored class as all-negative (the dissertation dropped them)
 * @param splitMethod       {@code holdout} or {@code kfold}
 * @param fractions         holdout train/validation/test fractions
 * @param folds             k-fold: number of folds
 * @param fold              k-fold: the test fold (0-based)
 * @param seed              seeds the split, the weights, shuffling, dropout and augmentation
 * @param pipeline          the preprocessing pipeline JSON (the same one travels with the model)
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
 * @param positiveWeights   weight each class's positive term by its negative/positive ratio (capped)
 * @param oversample        draw records of rare classes more often
 * @param augmentation      on-the-fly augmentation of training batches
 * @param syntheticTopUp    top up every class with fewer training positives than this with synthetic records (0: off)
 * @param device            {@code cpu} or {@code gpu}
 * @param checkpointMinutes minutes between mid-epoch checkpoints (0: only at epoch ends)
 * @param cacheDir          tensor cache folder (shared between runs)
 */
public record TrainingConfig(List<String> data, boolean keepUnlabelled, String splitMethod, double[] fractions,
                             int folds, int fold, long seed, JsonNode pipeline, CachePrecision precision,
                             Architecture architecture, double width, boolean demographics, int epochs, int batch,
                             OptimizerKind optimizer, double learningRate, double weightDecay, double momentum,
                             LearningRateSchedule schedule, ValidationMetric metric, int patience,
                             boolean positiveWeights, boolean oversample, Augmentation augmentation, int syntheticTopUp, String device,
                             double checkpointMinutes, String cacheDir) {

    public TrainingConfig {
        data = List.copyOf(data);
        fractions = fractions.clone();
        validate(data, splitMethod, fractions, folds, fold, pipeline, width, epochs, batch, learningRate, weightDecay,
                momentum, patience, device, checkpointMinutes);
        if (syntheticTopUp < 0 || syntheticTopUp > 100_000) {
            throw new IllegalArgumentException("--synthetic-rare: must be in 0..100000, got " + syntheticTopUp);
        }
    }

    private static void validate(List<String> data, String splitMethod, double[] fractions, int folds, int fold,
                                 JsonNode pipeline, double width, int epochs, int batch, double lr, double weightDecay,
                                 double momentum, int patience, String device, double checkpointMinutes) {
        if (data.isEmpty()) throw new IllegalArgumentException("--data: at least one dataset folder is needed");
        switch (splitMethod) {
            case "holdout" -> {
                if (fractions.length != 3) throw new IllegalArgumentException("--split: expected TRAIN/VALIDATION/TEST, e.g. 60/20/20");
                double sum = 0;
                for (double f : fractions) {
                    if (!(f > 0)) throw new IllegalArgumentException("--split: every part needs a positive share, got " + f);
                    sum += f;
                }
                if (Math.abs(sum - 1) > 1e-9) throw new IllegalArgumentException("--split: shares must add up to 100, got " + sum * 100);
            }
            case "kfold" -> {
                if (folds < 3) throw new IllegalArgumentException("--folds: k-fold needs at least 3 folds (test, validation, train), got " + folds);
                if (fold < 0 || fold >= folds) throw new IllegalArgumentException("--fold: must be in 0.." + (folds - 1) + ", got " + fold);
            }
            default -> throw new IllegalArgumentException("split method: expected holdout or kfold, got " + splitMethod);
        }
        if (pipeline == null) throw new IllegalArgumentException("pipeline: missing");
        if (!(width > 0 && width <= 4)) throw new IllegalArgumentException("--width: must be in (0, 4], got " + width);
        if (epochs < 1) throw new IllegalArgumentException("--epochs: must be at least 1, got " + epochs);
        if (batch < 1 || batch > 4096) throw new IllegalArgumentException("--batch: must be in 1..4096, got " + batch);
        if (!(lr > 0 && lr < 10)) throw new IllegalArgumentException("--lr: must be in (0, 10), got " + lr);
        if (!(weightDecay >= 0 && weightDecay < 1)) throw new IllegalArgumentException("--weight-decay: must be in [0, 1), got " + weightDecay);
        if (!(momentum >= 0 && momentum < 1)) throw new IllegalArgumentException("--momentum: must be in [0, 1), got " + momentum);
        if (patience < 0) throw new IllegalArgumentException("--patience: must be 0 (off) or more, got " + patience);
        if (!device.equals("cpu") && !device.equals("gpu")) throw new IllegalArgumentException("--device: expected cpu or gpu, got " + device);
        if (!(checkpointMinutes >= 0)) throw new IllegalArgumentException("--checkpoint-minutes: must be 0 or more, got " + checkpointMinutes);
    }

    public Pipeline pipelineValue() {
        return PipelineJson.read(pipeline.toString());
    }

    public List<Path> dataPaths() {
        return data.stream().map(Path::of).toList();
    }

    public Builder toBuilder() {
        Builder b = new Builder(dataPaths());
        b.keepUnlabelled = keepUnlabelled; b.splitMethod = splitMethod; b.fractions = fractions.clone();
        b.folds = folds; b.fold = fold; b.seed = seed; b.pipeline = pipeline; b.precision = precision;
        b.architecture = architecture; b.width = width; b.demographics = demographics; b.epochs = epochs;
        b.batch = batch; b.optimizer = optimizer; b.learningRate = learningRate; b.weightDecay = weightDecay;
        b.momentum = momentum; b.schedule = schedule; b.metric = metric; b.patience = patience;
        b.positiveWeights = positiveWeights; b.oversample = oversample; b.augmentation = augmentation;
        b.syntheticTopUp = syntheticTopUp;
        b.device = device; b.checkpointMinutes = checkpointMinutes; b.cacheDir = cacheDir;
        return b;
    }

    public static Builder builder(List<Path> data) {
        return new Builder(data);
    }

    /** Defaults are the dissertation's set-up where it had one (60/20/20, Adam 1e-3, batch 16, ResNet34). */
    public static final class Builder {
        private final List<String> data = new ArrayList<>();
        public boolean keepUnlabelled = true;
        public String splitMethod = "holdout";
        public double[] fractions = {0.6, 0.2, 0.2};
        public int folds = 5;
        public int fold = 0;
        public long seed = 1;
        public JsonNode pipeline = TrainingConfigJson.pipelineNode(Pipeline.defaultRecipe());
        public CachePrecision precision = CachePrecision.FLOAT32;
        public Architecture architecture = Architecture.RESNET34;
        public double width = 1.0;
        public boolean demographics = false;
        public int epochs = 30;
        public int batch = 16;
        public OptimizerKind optimizer = OptimizerKind.ADAM;
        public double learningRate = 1e-3;
        public double weightDecay = 1e-5;
        public double momentum = 0.9;
        public LearningRateSchedule schedule = LearningRateSchedule.constant();
        public ValidationMetric metric = ValidationMetric.CHALLENGE_SCORE;
        public int patience = 5;
        public boolean positiveWeights = false;
        public boolean oversample = false;
        public Augmentation augmentation = Augmentation.NONE;
        public int syntheticTopUp = 0;
        public String device = "cpu";
        public double checkpointMinutes = 10;
        public String cacheDir = defaultCacheDir().toString();

        private Builder(List<Path> data) {
            for (Path p : data) this.data.add(p.toAbsolutePath().normalize().toString());
        }

        public Builder pipeline(Pipeline p) {
            this.pipeline = TrainingConfigJson.pipelineNode(p);
            return this;
        }

        public TrainingConfig build() {
            return new TrainingConfig(data, keepUnlabelled, splitMethod, fractions, folds, fold, seed, pipeline, precision,
                    architecture, width, demographics, epochs, batch, optimizer, learningRate, weightDecay, momentum,
                    schedule, metric, patience, positiveWeights, oversample, augmentation, syntheticTopUp, device, checkpointMinutes,
                    cacheDir);
        }
    }

    /** {@code $XDG_CACHE_HOME/ecg-workbench/tensors}, else {@code ~/.cache/ecg-workbench/tensors}. */
    public static Path defaultCacheDir() {
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return base.resolve("ecg-workbench").resolve("tensors");
    }
}
