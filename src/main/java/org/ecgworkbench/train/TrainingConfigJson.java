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
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;

/** {@code config.json}: a {@link TrainingConfig} with a format tag, snake_case keys. */
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
        node.setAll((ObjectNode) MAPPER.valueToTree(config));
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
            TrainingConfig config = MAPPER.treeToValue(fields, TrainingConfig.class);
            config.pipelineValue(); // the pipeline must parse too
            return config;
        } catch (JsonProcessingException e) {
            throw new IOException(origin + ": " + e.getOriginalMessage(), e);
        } catch (IllegalArgumentException e) {
            throw new IOException(origin + ": " + e.getMessage(), e);
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
