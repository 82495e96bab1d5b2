package org.ecgworkbench.signal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
            Fields f = new Fields(steps.get(i), i + 1);
            try {
                out.add(step(f));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("pipeline step " + (i + 1) + ": " + e.getMessage(), e);
            }
        }
        return new Pipeline(out);
    }

    private static PipelineStep step(Fields f) {
        String type = f.text("step");
        return switch (type) {
            case "resample" -> {
                f.only("method", "target_hz");
                yield new ResampleStep(f.choice("method", ResampleStep.Method.class), f.number("target_hz"));
            }
            case "highpass" -> {
                f.only("cutoff_hz", "order");
                yield FilterStep.highPass(f.number("cutoff_hz"), f.integer("order"));
            }
            case "lowpass" -> {
                f.only("cutoff_hz", "order");
                yield FilterStep.lowPass(f.number("cutoff_hz"), f.integer("order"));
            }
            case "bandpass" -> {
                f.only("low_hz", "high_hz", "order");
                yield FilterStep.bandPass(f.number("low_hz"), f.number("high_hz"), f.integer("order"));
            }
            case "notch" -> {
                f.only("frequency_hz", "q");
                yield FilterStep.notch(f.number("frequency_hz"), f.number("q"));
            }
            case "normalize" -> {
                f.only("kind", "factor");
                NormalizeStep.Kind kind = f.choice("kind", NormalizeStep.Kind.class);
                yield new NormalizeStep(kind, kind == NormalizeStep.Kind.SCALE ? f.number("factor") : 1.0);
            }
            case "length" -> {
                f.only("samples", "policy", "hop");
                LengthStep.Policy policy = f.choice("policy", LengthStep.Policy.class);
                yield new LengthStep(f.integer("samples"), policy, policy == LengthStep.Policy.WINDOWS ? f.integer("hop") : 0);
            }
            default -> throw new IllegalArgumentException("unknown step '" + type
                    + "' (resample, highpass, lowpass, bandpass, notch, normalize, length)");
        };
    }

    /** Typed access to one step object's fields, with messages that name the field. */
    private record Fields(JsonNode node, int index) {
        Fields {
            if (node == null || !node.isObject()) throw new IllegalArgumentException("pipeline step " + index + " must be an object");
        }

        void only(String... allowed) {
            Set<String> ok = Set.of(allowed);
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!name.equals("step") && !ok.contains(name)) throw new IllegalArgumentException("unknown field '" + name + "'");
            }
        }

        String text(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isTextual()) throw new IllegalArgumentException("field '" + field + "' must be a string");
            return v.asText();
        }

        double number(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.isNumber()) throw new IllegalArgumentException("field '" + field + "' must be a number");
            return v.asDouble();
        }

        int integer(String field) {
            JsonNode v = node.get(field);
            if (v == null || !v.canConvertToInt() || !v.isIntegralNumber()) {
                throw new IllegalArgumentException("field '" + field + "' must be an integer");
            }
            return v.asInt();
        }

        <E extends Enum<E>> E choice(String field, Class<E> type) {
            String value = text(field);
            for (E e : type.getEnumConstants()) {
                if (e.name().toLowerCase(Locale.ROOT).equals(value)) return e;
            }
            List<String> names = new ArrayList<>();
            for (E e : type.getEnumConstants()) names.add(e.name().toLowerCase(Locale.ROOT));
            throw new IllegalArgumentException("field '" + field + "': '" + value + "' is not one of " + names);
        }
    }
}
