package org.ecgworkbench.model;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.ecgworkbench.record.JsonFields;

/**
 * The JSON form of {@link BundleMetadata} ({@code metadata.json}):
 * <pre>{"format": "ecg-workbench-model", "format_version": 1, "software_version": "0.1.0",
 *  "network": {"architecture": "resnet34", "width": 1.0, "channels": 12, "length": 5000, "outputs": 24,
 *              "demographics": false, "dropout": 0.2},
 *  "codes": [...], "abbreviations": [...], "pipeline": {...pipeline JSON...}, "thresholds": [...],
 *  "training_config": {...}|null, "data_fingerprint": {...}|null, "metrics": {...}|null,
 *  "real_record_evaluation": {"data": "...", "records": 180, "trained_on": "...", "challenge_score": 0.18,
 *                             "auroc_macro": 0.76, "f1_macro": 0.15, "precision_micro": 0.19, "measured": "2026-12-07"}}</pre>
 * {@code real_record_evaluation} is optional (absent: not evaluated on real records; {@code train} does not
 * write it). {@code provenance} is optional too (bundles written before it have none): {@code {"software_version":
 * "0.1.0", "git_commit": "…", "data": [{"root": "data/cpsc", "records": 6877}], "split_sha256": "…", "backend": "…",
 * "device": "…", "created": "2026-12-07T23:40:00Z"}}, written by {@code train}. Reading refuses unknown or missing fields with an {@link IllegalArgumentException} naming the field;
 * the format version is checked by {@link ModelBundleIO} before anything else.
 */
public final class BundleMetadataJson {
    public static final String FORMAT = "ecg-workbench-model";
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final Set<String> FIELDS = Set.of("format", "format_version", "software_version", "network", "codes",
            "abbreviations", "pipeline", "thresholds", "training_config", "data_fingerprint", "metrics", "real_record_evaluation", "provenance");
    private static final Set<String> PROVENANCE_FIELDS = Set.of("software_version", "git_commit", "data", "split_sha256",
            "backend", "device", "created");
    private static final Set<String> DATA_ROOT_FIELDS = Set.of("root", "records");
    private static final Set<String> EVALUATION_FIELDS = Set.of("data", "records", "trained_on", "challenge_score", "auroc_macro",
            "f1_macro", "precision_micro", "measured");
    private static final Set<String> NETWORK_FIELDS = Set.of("architecture", "width", "channels", "length", "outputs",
            "demographics", "dropout");

    private BundleMetadataJson() {
    }

    public static String write(BundleMetadata m) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("format_version", m.formatVersion());
        root.put("software_version", m.softwareVersion());
        root.set("network", network(m.network()));
        // The file keeps parallel arrays (the layout every bundle so far has); in memory they are one list of classes.
        ArrayNode codes = root.putArray("codes");
        m.classes().forEach(c -> codes.add(c.code()));
        ArrayNode abbrevs = root.putArray("abbreviations");
        m.classes().forEach(c -> abbrevs.add(c.label()));
        try {
            root.set("pipeline", MAPPER.readTree(m.pipelineJson()));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("pipeline JSON is not valid JSON: " + e.getOriginalMessage(), e);
        }
        ArrayNode thresholds = root.putArray("thresholds");
        m.classes().forEach(c -> thresholds.add(c.threshold()));
        root.set("training_config", m.trainingConfig());
        root.set("data_fingerprint", m.dataFingerprint());
        root.set("metrics", m.metrics());
        if (m.realRecordEvaluation() != null) root.set("real_record_evaluation", evaluation(m.realRecordEvaluation()));
        if (m.provenance() != null) root.set("provenance", provenance(m.provenance()));
        try {
            return MAPPER.writeValueAsString(root);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static ObjectNode network(NetworkSpec n) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("architecture", n.architecture().id());
        node.put("width", n.width());
        node.put("channels", n.channels());
        node.put("length", n.length());
        node.put("outputs", n.outputs());
        node.put("demographics", n.demographics());
        node.put("dropout", n.dropout());
        return node;
    }

    static ObjectNode evaluation(RealRecordEvaluation e) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("data", e.data());
        node.put("records", e.records());
        node.put("trained_on", e.trainedOn());
        node.put("challenge_score", e.challengeScore());
        node.put("auroc_macro", e.aurocMacro());
        node.put("f1_macro", e.f1Macro());
        node.put("precision_micro", e.precisionMicro());
        node.put("measured", e.measured());
        return node;
    }

    private static RealRecordEvaluation evaluation(JsonFields root) {
        JsonNode node = root.optional("real_record_evaluation");
        if (node == null) return null;
        if (!node.isObject()) throw root.type("real_record_evaluation", "must be an object");
        JsonFields e = JsonFields.of(node, "real_record_evaluation.").only(EVALUATION_FIELDS);
        try {
            return new RealRecordEvaluation(e.text("data"), e.integer("records"), e.text("trained_on"),
                    e.number("challenge_score"), e.number("auroc_macro"), e.number("f1_macro"),
                    e.number("precision_micro"), e.text("measured"));
        } catch (IllegalArgumentException x) {
            if (x.getMessage().startsWith("field ")) throw x;
            throw new IllegalArgumentException("field 'real_record_evaluation': " + x.getMessage(), x);
        }
    }

    /** Parses the whole tree (format version unchecked: {@link #formatVersion} does that first). */
    static JsonNode tree(String json) {
        try {
            JsonNode root = MAPPER.readTree(json);
            if (root == null || !root.isObject()) throw new IllegalArgumentException("not a JSON object");
            return root;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not valid JSON: " + jsonProblem(e));
        }
    }

    /**
     * Jackson's description of a syntax error, with its place, but without its hints to enable parser
     * features (comments, NaN, single quotes…): a bundle is strict JSON, and a user cannot switch them on.
     */
    static String jsonProblem(JsonProcessingException e) {
        String m = String.valueOf(e.getOriginalMessage());
        m = m.replaceAll("\\s*\\([^()]*(?:Feature|enable|ALLOW_)[^()]*\\)", "");
        m = m.replaceAll("[;:,]?\\s*(?:[Ee]nable|[Uu]se)\\s+`?[A-Za-z_.]*(?:Feature|ALLOW_)[A-Za-z_.]*`?.*$", "");
        m = m.replaceAll("\\s*\\(start marker at \\[Source:.*?\\]\\)", "").replaceAll("[\\s;:,]+$", "");
        JsonLocation at = e.getLocation();
        return at == null || at.getLineNr() < 1 ? m : m + " (line " + at.getLineNr() + ", column " + at.getColumnNr() + ")";
    }

    /** The format and version, checked before any other field is trusted. */
    static int formatVersion(JsonNode root) {
        if (!FORMAT.equals(root.path("format").asText(null))) {
            throw new IllegalArgumentException("field 'format' must be \"" + FORMAT + "\"");
        }
        JsonNode v = root.get("format_version");
        if (v == null || !v.isInt()) throw new IllegalArgumentException("field 'format_version' must be an integer");
        return v.asInt();
    }

    public static BundleMetadata read(String json) {
        JsonNode tree = tree(json);
        int version = formatVersion(tree);
        JsonFields root = JsonFields.root(tree).only(FIELDS);
        JsonFields net = root.object("network").only(NETWORK_FIELDS);
        NetworkSpec spec;
        try {
            spec = new NetworkSpec(Architecture.parse(net.text("architecture")), net.number("width"), net.integer("channels"),
                    net.integer("length"), net.integer("outputs"), net.bool("demographics"), net.number("dropout"));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("field 'network': " + e.getMessage(), e);
        }
        JsonNode pipeline = root.required("pipeline");
        if (!pipeline.isObject()) throw root.type("pipeline", "must be an object");
        String pipelineJson;
        try {
            pipelineJson = MAPPER.writeValueAsString(pipeline);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        double[] thresholds = root.numbers("thresholds");
        String softwareVersion = root.text("software_version");
        List<String> codes = root.strings("codes");
        List<String> abbreviations = root.strings("abbreviations");
        if (codes.size() != spec.outputs()) {
            throw new IllegalArgumentException("field 'codes': " + codes.size() + " class codes for " + spec.outputs() + " outputs");
        }
        if (abbreviations.size() != codes.size()) {
            throw new IllegalArgumentException("field 'abbreviations': " + abbreviations.size() + " abbreviations for "
                    + codes.size() + " class codes");
        }
        if (thresholds.length != codes.size()) {
            throw new IllegalArgumentException("field 'thresholds': " + thresholds.length + " thresholds for " + codes.size() + " classes");
        }
        List<OutputClass> classes = new ArrayList<>(codes.size());
        for (int i = 0; i < codes.size(); i++) {
            if (!(thresholds[i] >= 0 && thresholds[i] <= 1)) {
                throw new IllegalArgumentException("field 'thresholds[" + i + "]': threshold " + i + " (" + codes.get(i)
                        + ") must be in [0, 1], not " + thresholds[i]);
            }
            classes.add(new OutputClass(codes.get(i), abbreviations.get(i), thresholds[i]));
        }
        return new BundleMetadata(version, softwareVersion, spec, classes, pipelineJson, root.objectOrNull("training_config"),
                root.objectOrNull("data_fingerprint"), root.objectOrNull("metrics"), evaluation(root), provenance(root));
    }

    static ObjectNode provenance(BundleProvenance p) {
        ObjectNode node = MAPPER.createObjectNode();
        node.put("software_version", p.softwareVersion());
        node.put("git_commit", p.gitCommit());
        ArrayNode data = node.putArray("data");
        for (BundleProvenance.DataRoot r : p.data()) data.addObject().put("root", r.root()).put("records", r.records());
        node.put("split_sha256", p.splitSha256());
        node.put("backend", p.backend());
        node.put("device", p.device());
        node.put("created", p.created());
        return node;
    }

    /** The optional {@code provenance} object (absent in bundles written before it, and in bundles not made by {@code train}). */
    private static BundleProvenance provenance(JsonFields root) {
        JsonNode node = root.optional("provenance");
        if (node == null) return null;
        if (!node.isObject()) throw root.type("provenance", "must be an object");
        JsonFields p = JsonFields.of(node, "provenance.").only(PROVENANCE_FIELDS);
        JsonNode data = p.array("data", "must be an array");
        List<BundleProvenance.DataRoot> roots = new ArrayList<>();
        for (int i = 0; i < data.size(); i++) {
            if (!data.get(i).isObject()) throw p.type("data[" + i + "]", "must be an object");
            JsonFields r = JsonFields.of(data.get(i), "provenance.data[" + i + "].").only(DATA_ROOT_FIELDS);
            int records = r.integer("records");
            if (records < 0) throw r.type("records", "must be >= 0");
            roots.add(new BundleProvenance.DataRoot(r.text("root"), records));
        }
        String split = p.text("split_sha256");
        if (!split.matches("[0-9a-f]{64}")) throw p.type("split_sha256", "must be 64 lower-case hex digits");
        return new BundleProvenance(p.text("software_version"), p.text("git_commit"), roots, split,
                p.text("backend"), p.text("device"), p.text("created"));
    }
}
