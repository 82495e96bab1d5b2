package org.ecgworkbench.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.JsonFields;
import org.ecgworkbench.record.TerminalText;

/**
 * The JSON form of a {@link SplitManifest}:
 * <pre>{"format": "ecg-workbench-split", "version": 1, "method": "holdout", "seed": 42, "folds": 0, "fold": 0,
 *  "parts": {"train": ["A0001", …], "validation": […], "test": […]}}</pre>
 * Read strictly: a manifest decides what a model is evaluated on, so anything unexpected is an
 * error naming the file and the field, never a guess.
 */
public final class SplitManifestJson {
    public static final String FORMAT = "ecg-workbench-split";
    public static final int VERSION = 1;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("format", "version", "method", "seed", "folds", "fold", "parts");

    private SplitManifestJson() {
    }

    public static String toJson(SplitManifest m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        root.put("method", m.method());
        root.put("seed", m.seed());
        root.put("folds", m.folds());
        root.put("fold", m.fold());
        ObjectNode parts = root.putObject("parts");
        for (String name : SplitManifest.PART_NAMES) {
            ArrayNode ids = parts.putArray(name);
            m.part(name).forEach(ids::add);
        }
        try {
            return MAPPER.writeValueAsString(root) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Writes (replacing) through a temp file and a rename. */
    public static void write(SplitManifest manifest, Path file) throws IOException {
        byte[] bytes = toJson(manifest).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(file, true, out -> out.write(bytes));
    }

    public static SplitManifest read(Path file) throws IOException {
        return fromJson(Files.readString(file, StandardCharsets.UTF_8), file);
    }

    /** @param file named in errors (may be null) */
    public static SplitManifest fromJson(String json, Path file) throws DatasetFormatException {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new DatasetFormatException(file, null, "not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) throw new DatasetFormatException(file, null, "must hold a JSON object");
        JsonFields fields = JsonFields.root(root);
        checked(file, () -> fields.only(FIELDS));
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new DatasetFormatException(file, "format", "must be \"" + FORMAT + "\" (is this a split manifest?)");
        }
        JsonNode version = root.get("version");
        if (version == null || !version.isInt() || version.asInt() != VERSION) {
            throw new DatasetFormatException(file, "version", (version == null ? "missing" : version.toString())
                    + " is not supported (this build reads " + VERSION + ")");
        }
        String method = checked(file, () -> fields.text("method"));
        long seed = integral(root, "seed", file);
        int folds = Math.toIntExact(integral(root, "folds", file));
        int fold = Math.toIntExact(integral(root, "fold", file));
        JsonNode parts = root.get("parts");
        if (parts == null || !parts.isObject()) throw new DatasetFormatException(file, "parts", "must be an object");
        Map<String, List<String>> map = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (Iterator<String> it = parts.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!SplitManifest.PART_NAMES.contains(name)) {
                throw new DatasetFormatException(file, "parts." + name, "unknown part (" + SplitManifest.PART_NAMES + ")");
            }
        }
        for (String name : SplitManifest.PART_NAMES) {
            JsonNode ids = parts.get(name);
            if (ids == null || !ids.isArray()) throw new DatasetFormatException(file, "parts." + name, "must be an array of record ids");
            List<String> list = new ArrayList<>(ids.size());
            for (int i = 0; i < ids.size(); i++) {
                JsonNode id = ids.get(i);
                String where = "parts." + name + "[" + i + "]";
                if (!id.isTextual() || id.asText().isEmpty()) throw new DatasetFormatException(file, where, "must be a non-empty string");
                if (!SplitManifest.isRecordId(id.asText())) {
                    throw new DatasetFormatException(file, where, "malformed record id " + TerminalText.quoted(id.asText())
                            + ": " + SplitManifest.RECORD_ID_RULE);
                }
                if (!seen.add(id.asText())) throw new DatasetFormatException(file, where, "record " + id.asText() + " appears twice");
                list.add(id.asText());
            }
            map.put(name, list);
        }
        try {
            return new SplitManifest(method, seed, folds, fold, map);
        } catch (IllegalArgumentException e) {
            String field = e.getMessage().startsWith("method") ? "method" : "folds";
            throw new DatasetFormatException(file, field, e.getMessage());
        }
    }

    /** Runs one {@link JsonFields} read, its refusal reported as this file's format error (field and problem kept). */
    private static <T> T checked(Path file, Supplier<T> read) throws DatasetFormatException {
        try {
            return read.get();
        } catch (JsonFields.Problem p) {
            throw new DatasetFormatException(file, p.field(), p.problem(), p);
        }
    }

    private static long integral(JsonNode root, String field, Path file) throws DatasetFormatException {
        JsonNode v = root.get(field);
        if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
            throw new DatasetFormatException(file, field, "must be an integer");
        }
        if (!field.equals("seed") && !v.canConvertToInt()) throw new DatasetFormatException(file, field, "out of range");
        return v.asLong();
    }
}
