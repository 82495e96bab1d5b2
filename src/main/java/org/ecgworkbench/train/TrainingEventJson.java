package org.ecgworkbench.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.ecgworkbench.record.JsonFields;

/**
 * The event protocol: one JSON object per line, {@code type} first. NaN metrics are written as
 * {@code null}. {@link #read} is what the app uses to follow a run's {@code events.jsonl} or its
 * child process's standard output.
 */
public final class TrainingEventJson {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private TrainingEventJson() {
    }

    public static String write(TrainingEvent event) {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("type", event.type());
        if (event instanceof TrainingEvent.Started s) {
            n.put("backend", s.backend());
            n.put("device", s.device());
            n.put("resumed", s.resumed());
        } else if (event instanceof TrainingEvent.Preparing p) {
            n.put("stage", p.stage());
            n.put("done", p.done());
            n.put("total", p.total());
        } else if (event instanceof TrainingEvent.Prepared p) {
            n.put("train_records", p.trainRecords());
            n.put("validation_records", p.validationRecords());
            n.put("test_records", p.testRecords());
            n.put("parameters", p.parameters());
            n.put("epochs", p.epochs());
            n.put("batches_per_epoch", p.batchesPerEpoch());
            n.put("start_epoch", p.startEpoch());
            ArrayNode notes = n.putArray("notes");
            p.notes().forEach(notes::add);
        } else if (event instanceof TrainingEvent.Batch b) {
            n.put("epoch", b.epoch());
            n.put("iteration", b.iteration());
            number(n, "loss", b.loss());
            number(n, "samples_per_s", b.samplesPerSecond());
            number(n, "learning_rate", b.learningRate());
            n.put("batch", b.batchInEpoch());
            n.put("batches", b.batchesPerEpoch());
        } else if (event instanceof TrainingEvent.Epoch e) {
            n.put("epoch", e.epoch());
            number(n, "train_loss", e.trainLoss());
            number(n, "val_loss", e.validationLoss());
            n.set("val", metrics(e.validation()));
            number(n, "seconds", e.seconds());
            n.put("best", e.best());
        } else if (event instanceof TrainingEvent.Checkpoint c) {
            n.put("path", c.path());
            n.put("epoch", c.epoch());
            n.put("iteration", c.iteration());
        } else if (event instanceof TrainingEvent.Done d) {
            n.put("best_epoch", d.bestEpoch());
            n.put("model", d.model());
            n.put("report", d.report());
            n.set("test", metrics(d.test()));
        } else if (event instanceof TrainingEvent.Failed f) {
            n.put("message", f.message());
        } else if (event instanceof TrainingEvent.Cancelled c) {
            n.put("checkpoint", c.checkpoint());
            n.put("epoch", c.epoch());
            n.put("iteration", c.iteration());
        }
        return n.toString();
    }

    /** Parses one line; an unknown {@code type} or a missing field is an {@link IllegalArgumentException}. */
    public static TrainingEvent read(String line) {
        JsonNode n;
        try {
            n = MAPPER.readTree(line);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a JSON event: " + e.getOriginalMessage());
        }
        if (n == null || !n.isObject()) throw new IllegalArgumentException("not a JSON event object: " + line);
        JsonFields f = JsonFields.root(n);
        try {
            return event(f, n);
        } catch (JsonFields.Problem p) {
            throw new IllegalArgumentException("event field '" + p.field() + "' is missing", p);
        }
    }

    /** The event on one line; reading stays lenient (a mistyped number is NaN, as the app has always read it). */
    private static TrainingEvent event(JsonFields f, JsonNode n) {
        String type = text(f, "type");
        return switch (type) {
            case "start" -> new TrainingEvent.Started(text(f, "backend"), text(f, "device"), n.path("resumed").asBoolean());
            case "preparing" -> new TrainingEvent.Preparing(text(f, "stage"), integer(f, "done"), integer(f, "total"));
            case "prepared" -> new TrainingEvent.Prepared(integer(f, "train_records"), integer(f, "validation_records"),
                    integer(f, "test_records"), f.required("parameters").asLong(), integer(f, "epochs"),
                    integer(f, "batches_per_epoch"), integer(f, "start_epoch"), strings(n.path("notes")));
            case "batch" -> new TrainingEvent.Batch(integer(f, "epoch"), f.required("iteration").asLong(), number(f, "loss"),
                    number(f, "samples_per_s"), number(f, "learning_rate"), n.path("batch").asInt(), n.path("batches").asInt());
            case "epoch" -> new TrainingEvent.Epoch(integer(f, "epoch"), number(f, "train_loss"), number(f, "val_loss"),
                    metricMap(n.path("val")), number(f, "seconds"), n.path("best").asBoolean());
            case "checkpoint" -> new TrainingEvent.Checkpoint(text(f, "path"), n.path("epoch").asInt(), n.path("iteration").asLong());
            case "done" -> new TrainingEvent.Done(integer(f, "best_epoch"), text(f, "model"), text(f, "report"), metricMap(n.path("test")));
            case "failed" -> new TrainingEvent.Failed(text(f, "message"));
            case "cancelled" -> new TrainingEvent.Cancelled(text(f, "checkpoint"), n.path("epoch").asInt(), n.path("iteration").asLong());
            default -> throw new IllegalArgumentException("unknown event type '" + type + "'");
        };
    }

    private static ObjectNode metrics(Map<String, Double> values) {
        ObjectNode m = MAPPER.createObjectNode();
        values.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> number(m, e.getKey(), e.getValue()));
        return m;
    }

    /** A finite number, or {@code null} for NaN and infinities (JSON has no NaN). */
    static void number(ObjectNode n, String key, double value) {
        if (Double.isFinite(value)) n.put(key, value);
        else n.putNull(key);
    }

    private static String text(JsonFields f, String key) {
        JsonNode v = f.required(key);
        return v.isNull() ? null : v.asText();
    }

    private static int integer(JsonFields f, String key) {
        return f.required(key).asInt();
    }

    private static double number(JsonFields f, String key) {
        JsonNode v = f.required(key);
        return v.isNumber() ? v.asDouble() : Double.NaN;
    }

    private static Map<String, Double> metricMap(JsonNode n) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            map.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : Double.NaN);
        }
        return map;
    }

    private static List<String> strings(JsonNode n) {
        List<String> list = new ArrayList<>();
        n.forEach(v -> list.add(v.asText()));
        return list;
    }
}
