package org.ecgworkbench.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.record.JsonFields;

/**
 * The JSON form of an {@link EvaluationReport}, the one {@code evaluate --json} and
 * {@code score --json} print, with snake_case keys in this order: {@code records,
 * challenge_score, auroc_macro, auprc_macro, f_measure_macro, f_beta, g_beta, accuracy, f1_micro,
 * f1_macro, f1_weighted, f1_samples, per_class} (each {@code {code, abbrev, precision, recall,
 * f1, support, auroc, auprc, threshold}}).
 *
 * <p>JSON has no NaN or infinity, so every non-finite number (an undefined AUROC, a threshold
 * that was never set) is written as {@code null} and read back as NaN. Doubles are written in
 * their shortest exact form, so a report survives a round trip bit for bit. Unknown keys are
 * ignored on reading (a report may be embedded in a larger document); a missing or mistyped key
 * is an {@link IllegalArgumentException} naming it.
 */
public final class EvaluationReportJson {
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private EvaluationReportJson() {
    }

    public static String write(EvaluationReport report) {
        try {
            return MAPPER.writeValueAsString(toJson(report));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON", e);
        }
    }

    /** The report as a JSON tree, e.g. to embed in a model bundle's metadata or a progress event. */
    public static ObjectNode toJson(EvaluationReport r) {
        ObjectNode o = MAPPER.createObjectNode();
        o.put("records", r.records());
        for (Metric m : Metric.values()) number(o, m.key(), m.of(r));
        ArrayNode classes = o.putArray("per_class");
        for (ClassMetrics c : r.perClass()) {
            ObjectNode n = classes.addObject();
            n.put("code", c.code());
            n.put("abbrev", c.abbrev());
            number(n, "precision", c.precision());
            number(n, "recall", c.recall());
            number(n, "f1", c.f1());
            n.put("support", c.support());
            number(n, "auroc", c.auroc());
            number(n, "auprc", c.auprc());
            number(n, "threshold", c.threshold());
        }
        return o;
    }

    private static void number(ObjectNode node, String key, double value) {
        if (Double.isFinite(value)) node.put(key, value);
        else node.putNull(key);
    }

    /** Reads what {@link #write} wrote. */
    public static EvaluationReport read(String json) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("evaluation report: not JSON: " + e.getOriginalMessage(), e);
        }
        return fromJson(root);
    }

    public static EvaluationReport fromJson(JsonNode root) {
        if (root == null || !root.isObject()) throw new IllegalArgumentException("evaluation report: expected a JSON object");
        JsonNode perClass = root.get("per_class");
        if (perClass == null || !perClass.isArray()) throw new IllegalArgumentException("evaluation report: per_class: expected an array");
        try {
            List<ClassMetrics> classes = new ArrayList<>();
            for (int i = 0; i < perClass.size(); i++) {
                JsonFields c = JsonFields.of(perClass.get(i), "per_class[" + i + "].");
                classes.add(new ClassMetrics(c.text("code"), c.text("abbrev"), c.nullableNumber("precision"),
                        c.nullableNumber("recall"), c.nullableNumber("f1"), c.integer("support"),
                        c.nullableNumber("auroc"), c.nullableNumber("auprc"), c.nullableNumber("threshold")));
            }
            JsonFields r = JsonFields.root(root);
            return EvaluationReport.of(r.integer("records"), m -> r.nullableNumber(m.key()), classes);
        } catch (JsonFields.Problem p) {
            throw new IllegalArgumentException(message(p), p);
        }
    }

    /** This format's wording: {@code missing key per_class[0].f1}, {@code records: expected an integer, found "3"}. */
    private static String message(JsonFields.Problem p) {
        if (p.found() == null) return "evaluation report: missing key " + p.field();
        return "evaluation report: " + p.field() + ": expected " + p.expected() + ", found " + p.found();
    }
}
