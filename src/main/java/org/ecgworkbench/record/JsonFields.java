package org.ecgworkbench.record;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A strict reader of one JSON object's fields, for the hand-written codecs of the project's files: unknown
 * fields are refused, required ones must be there and of their type, and every refusal names the field by its
 * path from the file's root ({@code network.width}, {@code provenance.data[0].records}). A refusal is a
 * {@link Problem}, an {@link IllegalArgumentException} whose message reads {@code field 'network.width' must be
 * a number}; a codec that reports errors its own way (with the file, in its exception type) takes the
 * {@linkplain Problem#field() field} and the {@linkplain Problem#problem() problem} from it.
 */
public final class JsonFields {
    private final JsonNode node;
    private final String prefix;

    private JsonFields(JsonNode node, String prefix) {
        this.node = node;
        this.prefix = prefix;
    }

    /** The fields of the file's root object. */
    public static JsonFields root(JsonNode node) {
        return new JsonFields(node, "");
    }

    /** The fields of {@code node}, named {@code prefix + name} ({@code prefix} ends with a dot, or is empty). */
    public static JsonFields of(JsonNode node, String prefix) {
        return new JsonFields(node, prefix);
    }

    /** The path of a field of this object, as messages name it. */
    public String path(String name) {
        return prefix + name;
    }

    /** Refuses any field not in {@code allowed}. */
    public JsonFields only(Set<String> allowed) {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!allowed.contains(name)) throw new Problem(Kind.UNKNOWN, path(name), "unknown field", node.get(name), null);
        }
        return this;
    }

    /** The field's value; refused when absent. */
    public JsonNode required(String name) {
        JsonNode v = node.get(name);
        if (v == null) throw new Problem(Kind.MISSING, path(name), "missing", null, null);
        return v;
    }

    /** The field's value, or null when absent. */
    public JsonNode optional(String name) {
        return node.get(name);
    }

    public String text(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isTextual()) throw mustBe(name, v, "a string");
        return v.asText();
    }

    public double number(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isNumber()) throw mustBe(name, v, "a number");
        return v.asDouble();
    }

    /** A number written as {@code null} when it is not defined (an F1 with no positives): NaN then. */
    public double nullableNumber(String name) {
        JsonNode v = required(name);
        if (v.isNull()) return Double.NaN;
        if (!v.isNumber()) throw mustBe(name, v, "a number or null");
        return v.asDouble();
    }

    /** A whole number that fits an {@code int}. */
    public int integer(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isInt()) throw mustBe(name, v, "an integer");
        return v.asInt();
    }

    public boolean bool(String name) {
        JsonNode v = node.get(name);
        if (v == null || !v.isBoolean()) throw mustBe(name, v, "true or false");
        return v.asBoolean();
    }

    /** A required object field, to read further (its fields named {@code name.field}). */
    public JsonFields object(String name) {
        JsonNode v = required(name);
        if (!v.isObject()) throw mustBe(name, v, "an object");
        return new JsonFields(v, path(name) + ".");
    }

    /** An object field that may be {@code null} (then null); it must be present. */
    public JsonNode objectOrNull(String name) {
        JsonNode v = required(name);
        if (v.isNull()) return null;
        if (!v.isObject()) throw mustBe(name, v, "an object or null");
        return v;
    }

    /** A required array field. */
    public JsonNode array(String name, String problem) {
        JsonNode v = required(name);
        if (!v.isArray()) throw type(name, problem);
        return v;
    }

    /** A required array of strings. */
    public List<String> strings(String name) {
        JsonNode v = array(name, "must be an array of strings");
        List<String> out = new ArrayList<>(v.size());
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isTextual()) throw new Problem(Kind.TYPE, path(name) + "[" + i + "]", v.get(i), "a string");
            out.add(v.get(i).asText());
        }
        return out;
    }

    /** A required array of numbers. */
    public double[] numbers(String name) {
        JsonNode v = array(name, "must be an array");
        double[] out = new double[v.size()];
        for (int i = 0; i < v.size(); i++) {
            if (!v.get(i).isNumber()) throw new Problem(Kind.TYPE, path(name) + "[" + i + "]", v.get(i), "a number");
            out[i] = v.get(i).asDouble();
        }
        return out;
    }

    /** A refusal of this object's field {@code name}: {@code field 'path' <problem>}. */
    public Problem type(String name, String problem) {
        return new Problem(Kind.TYPE, path(name), problem, node.get(name), null);
    }

    /** A refusal of a value not of the type {@code expected} ({@code "a string"}): {@code field 'path' must be a string}. */
    private Problem mustBe(String name, JsonNode found, String expected) {
        return new Problem(Kind.TYPE, path(name), found, expected);
    }

    private enum Kind { UNKNOWN, MISSING, TYPE }

    /** A field refused: which one (its path from the root) and why. */
    public static final class Problem extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        private final String field;
        private final String problem;
        private final transient JsonNode found;
        private final String expected;

        private Problem(Kind kind, String field, JsonNode found, String expected) {
            this(kind, field, "must be " + expected, found, expected);
        }

        private Problem(Kind kind, String field, String problem, JsonNode found, String expected) {
            super(switch (kind) {
                case UNKNOWN -> "unknown field '" + field + "'";
                case MISSING -> "missing field '" + field + "'";
                case TYPE -> "field '" + field + "' " + problem;
            });
            this.field = field;
            this.problem = problem;
            this.found = found;
            this.expected = expected;
        }

        /** The field's path from the file's root, e.g. {@code parts.train[3]}. */
        public String field() {
            return field;
        }

        /** What is wrong with it: {@code unknown field}, {@code missing}, {@code must be a string}, … */
        public String problem() {
            return problem;
        }

        /** The value found in the field, or null when the field is absent (so a codec may word it "missing"). */
        public JsonNode found() {
            return found;
        }

        /**
         * The type a typed read wanted ({@code a string}, {@code a number or null}, {@code an integer}, …), for a
         * codec that words its refusals as {@code expected a string, found 3}; null for other refusals.
         */
        public String expected() {
            return expected;
        }
    }
}
