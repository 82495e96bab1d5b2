package org.ecgworkbench.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.ecgworkbench.record.JsonFields;

/**
 * The stable, versioned JSON form of a {@link Pipeline}:
 * <pre>{"format": "ecg-workbench-pipeline", "version": 1, "steps": [{"step": "resample", "method": "fft", "target_hz": 500.0}, …]}</pre>
 * Unknown fields, steps or versions are refused with a message naming them, never guessed at.
 */
public final class PipelineJson {
    public static final String FORMAT = "ecg-workbench-pipeline";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private PipelineJson() {
    }

    public static String write(Pipeline pipeline) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode steps = root.putArray("steps");
        for (PipelineStep step : pipeline.steps()) {
            ObjectNode node = steps.addObject();
            node.put("step", step.type());
            step.writeJson(node);
        }
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Parses pipeline JSON; IllegalArgumentException naming the step and field at fault. */
    public static Pipeline read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("pipeline JSON is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new IllegalArgumentException("pipeline JSON must be an object");
        if (!FORMAT.equals(root.path("format").asText())) {
            throw new IllegalArgumentException("pipeline JSON: field 'format' must be \"" + FORMAT + "\"");
        }
        if (!root.path("version").isInt() || root.path("version").asInt() != VERSION) {
            throw new IllegalArgumentException("pipeline JSON: version " + root.path("version") + " is not supported (this build reads " + VERSION + ")");
        }
        JsonNode steps = root.path("steps");
        if (!steps.isArray()) throw new IllegalArgumentException("pipeline JSON: field 'steps' must be an array");
        List<PipelineStep> out = new ArrayList<>();
        for (int i = 0; i < steps.size(); i++) {
            JsonNode node = steps.get(i);
            if (node == null || !node.isObject()) throw new IllegalArgumentException("pipeline step " + (i + 1) + " must be an object");
            try {
                out.add(step(JsonFields.root(node)));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pipeline step " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Pipeline(out);
    }

    private static PipelineStep step(JsonFields f) {
        String type = f.text("step");
        return switch (type) {
            case "resample" -> {
                f.only(fields("method", "target_hz"));
                yield new ResampleStep(choice(f, "method", ResampleStep.Method.class), f.number("target_hz"));
            }
            case "highpass" -> {
                f.only(fields("cutoff_hz", "order"));
                yield FilterStep.highPass(f.number("cutoff_hz"), f.integer("order"));
            }
            case "lowpass" -> {
                f.only(fields("cutoff_hz", "order"));
                yield FilterStep.lowPass(f.number("cutoff_hz"), f.integer("order"));
            }
            case "bandpass" -> {
                f.only(fields("low_hz", "high_hz", "order"));
                yield FilterStep.bandPass(f.number("low_hz"), f.number("high_hz"), f.integer("order"));
            }
            case "notch" -> {
                f.only(fields("frequency_hz", "q"));
                yield FilterStep.notch(f.number("frequency_hz"), f.number("q"));
            }
            case "normalize" -> {
                f.only(fields("kind", "factor"));
                NormalizeStep.Kind kind = choice(f, "kind", NormalizeStep.Kind.class);
                yield new NormalizeStep(kind, kind == NormalizeStep.Kind.SCALE ? f.number("factor") : 1.0);
            }
            case "length" -> {
                f.only(fields("samples", "policy", "hop"));
                LengthStep.Policy policy = choice(f, "policy", LengthStep.Policy.class);
                yield new LengthStep(f.integer("samples"), policy, policy == LengthStep.Policy.WINDOWS ? f.integer("hop") : 0);
            }
            default -> throw new IllegalArgumentException("unknown step '" + type
                    + "' (resample, highpass, lowpass, bandpass, notch, normalize, length)");
        };
    }

    /** A step's fields: {@code step} and {@code names}. */
    private static Set<String> fields(String... names) {
        Set<String> ok = new HashSet<>(List.of(names));
        ok.add("step");
        return ok;
    }

    private static <E extends Enum<E>> E choice(JsonFields f, String field, Class<E> type) {
        String value = f.text(field);
        for (E e : type.getEnumConstants()) {
            if (e.name().toLowerCase(Locale.ROOT).equals(value)) return e;
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) names.add(e.name().toLowerCase(Locale.ROOT));
        throw new IllegalArgumentException("field '" + field + "': '" + value + "' is not one of " + names);
    }
}
