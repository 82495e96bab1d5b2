package org.ecgworkbench.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.dataset.CachePrecision;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;

/**
 * {@code config.json}: a {@link TrainingConfig} with a format tag, snake_case keys. The format is the one
 * runs have always been saved in (version 1: enums of the engine by name, the split method and device in
 * lower case, class weighting as {@code positive_weights}), so every existing run folder and model bundle
 * still reads; {@link Wire} is that shape, and the typed config is converted to and from it.
 */
public final class TrainingConfigJson {
    public static final String FORMAT = "ecg-workbench-training-config";
    public static final int VERSION = 1;

    static final ObjectMapper MAPPER = new ObjectMapper()
            .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES);

    private TrainingConfigJson() {
    }

    public static JsonNode toTree(TrainingConfig config) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("format", FORMAT);
        node.put("version", VERSION);
        node.setAll((ObjectNode) MAPPER.valueToTree(Wire.of(config)));
        return node;
    }

    public static String write(TrainingConfig config) {
        try {
            return MAPPER.writeValueAsString(toTree(config));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("training config cannot be written as JSON", e);
        }
    }

    public static void write(TrainingConfig config, Path file) throws IOException {
        byte[] bytes = write(config).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, true, out -> out.write(bytes));
    }

    public static TrainingConfig read(Path file) throws IOException {
        try {
            return fromTree(MAPPER.readTree(Files.readString(file)), file.toString());
        } catch (JsonProcessingException e) {
            throw new IOException(file + ": not a valid training config: " + e.getOriginalMessage(), e);
        }
    }

    public static TrainingConfig fromTree(JsonNode tree, String origin) throws IOException {
        if (!(tree instanceof ObjectNode object) || !FORMAT.equals(object.path("format").asText())) {
            throw new IOException(origin + ": field 'format': expected \"" + FORMAT + "\"");
        }
        int version = object.path("version").asInt(-1);
        if (version != VERSION) {
            throw new IOException(origin + ": field 'version': this build reads version " + VERSION + ", got " + object.get("version"));
        }
        ObjectNode fields = object.deepCopy();
        fields.remove("format");
        fields.remove("version");
        try {
            return MAPPER.treeToValue(fields, Wire.class).config();
        } catch (JsonProcessingException e) {
            throw new IOException(origin + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
        }
    }

    /** The saved shape of version 1, field for field (the order is the file's). */
    record Wire(List<String> data, boolean keepUnlabelled, String splitMethod, double[] fractions,
                int folds, int fold, long seed, JsonNode pipeline, CachePrecision precision,
                Architecture architecture, double width, boolean demographics, int epochs, int batch,
                OptimizerKind optimizer, double learningRate, double weightDecay, double momentum,
                LearningRateSchedule schedule, ValidationMetric metric, int patience,
                boolean positiveWeights, boolean oversample, Augmentation augmentation, int syntheticTopUp, String device,
                double checkpointMinutes, String cacheDir) {

        static Wire of(TrainingConfig c) {
            return new Wire(c.data().stream().map(Path::toString).toList(), c.keepUnlabelled(), c.splitMethod().key(), c.fractions(),
                    c.folds(), c.fold(), c.seed(), pipelineNode(c.pipeline()), c.precision(), c.architecture(), c.width(),
                    c.demographics(), c.epochs(), c.batch(), c.optimizer(), c.learningRate(), c.weightDecay(), c.momentum(),
                    c.schedule(), c.metric(), c.patience(), c.positiveWeights(), c.oversample(), c.augmentation(),
                    c.syntheticTopUp(), c.device().key(), c.checkpointMinutes(), c.cacheDir().toString());
        }

        /** @throws IllegalArgumentException for a value the typed config refuses (naming the field) */
        TrainingConfig config() {
            if (pipeline == null) throw new InvalidTrainingConfigException("pipeline", "missing");
            Pipeline p;
            try {
                p = PipelineJson.read(pipeline.toString());
            } catch (IllegalArgumentException e) {
                throw new InvalidTrainingConfigException("pipeline", e.getMessage());
            }
            SplitMethod method;
            Device dev;
            try {
                method = SplitMethod.parse(splitMethod);
            } catch (IllegalArgumentException e) {
                throw new InvalidTrainingConfigException("splitMethod", e.getMessage());
            }
            try {
                dev = Device.parse(device);
            } catch (IllegalArgumentException e) {
                throw new InvalidTrainingConfigException("device", e.getMessage());
            }
            if (data == null) throw new InvalidTrainingConfigException("data", "missing");
            if (cacheDir == null) throw new InvalidTrainingConfigException("cacheDir", "missing");
            if (fractions == null) throw new InvalidTrainingConfigException("fractions", "missing");
            return TrainingConfig.builder(data.stream().map(Path::of).toList())
                    .keepUnlabelled(keepUnlabelled).splitMethod(method).holdoutFractions(fractions).kfoldCounts(folds, fold)
                    .seed(seed).pipeline(p).precision(precision).architecture(architecture).width(width).demographics(demographics)
                    .epochs(epochs).batch(batch).optimizer(optimizer).learningRate(learningRate).weightDecay(weightDecay)
                    .momentum(momentum).schedule(schedule).metric(metric).patience(patience)
                    .classWeighting(positiveWeights ? ClassWeighting.POSITIVE : ClassWeighting.NONE).oversample(oversample)
                    .augmentation(augmentation).syntheticTopUp(syntheticTopUp).device(dev).checkpointMinutes(checkpointMinutes)
                    .cacheDir(Path.of(cacheDir)).build();
        }
    }

    static JsonNode pipelineNode(Pipeline pipeline) {
        try {
            return MAPPER.readTree(PipelineJson.write(pipeline));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
