package org.ecgworkbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;

/**
 * {@code <workspace>/runs/queue.json}: the new runs waiting for a process, so a workbench closed with
 * runs queued lists them as queued again (and trains them) when it reopens. Their folders are
 * reserved but empty ({@code train} wants a new folder), so the label and configuration live here.
 * Version 2 keeps each run's configuration ({@code config.json}'s content); version 1, written before
 * the configuration was typed, kept {@code train} arguments, and its runs are still read and trained
 * with them.
 */
public final class QueueFile {
    public static final String NAME = "queue.json";
    private static final String FORMAT = "ecg-workbench-run-queue";
    static final int VERSION = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /**
     * One waiting run: its reserved folder, its label, and either its configuration or (a version-1
     * entry) the {@code train} arguments it was queued with.
     */
    public record Entry(Path folder, String label, TrainingConfig config, List<String> arguments) {
        public Entry {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(label, "label");
            arguments = List.copyOf(arguments);
            if ((config == null) == arguments.isEmpty()) throw new IllegalArgumentException("a queued run has a configuration or arguments");
        }

        public static Entry of(Path folder, String label, TrainingConfig config) {
            return new Entry(folder, label, Objects.requireNonNull(config, "config"), List.of());
        }

        /** A run queued by a workbench of before version 2, with its {@code train} arguments. */
        public static Entry ofArguments(Path folder, String label, List<String> arguments) {
            return new Entry(folder, label, null, arguments);
        }
    }

    private QueueFile() {
    }

    public static void write(Path runs, List<Entry> entries) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", VERSION);
        ArrayNode list = root.putArray("queued");
        for (Entry e : entries) {
            ObjectNode n = list.addObject();
            n.put("folder", e.folder().toString());
            n.put("label", e.label());
            if (e.config() != null) {
                n.set("config", TrainingConfigJson.toTree(e.config()));
            } else {
                ArrayNode args = n.putArray("arguments");
                e.arguments().forEach(args::add);
            }
        }
        Files.createDirectories(runs);
        byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(root);
        AtomicFiles.write(runs.resolve(NAME), true, out -> out.write(bytes));
    }

    /** The waiting runs; none when there is no file. A damaged file is an IOException naming it. */
    public static List<Entry> read(Path runs) throws IOException {
        Path file = runs.resolve(NAME);
        if (!Files.isRegularFile(file)) return List.of();
        JsonNode root;
        try {
            root = MAPPER.readTree(Files.readString(file));
        } catch (IOException e) {
            throw new IOException(file + ": not JSON: " + e.getMessage(), e);
        }
        if (root == null || !FORMAT.equals(root.path("format").asText())) throw new IOException(file + ": format: expected " + FORMAT);
        int version = root.path("version").asInt(-1);
        if (version != 1 && version != VERSION) throw new IOException(file + ": version: this build reads 1 and " + VERSION + ", got " + root.get("version"));
        List<Entry> entries = new ArrayList<>();
        JsonNode queued = root.path("queued");
        for (int i = 0; i < queued.size(); i++) {
            JsonNode n = queued.get(i);
            String where = file + ": queued[" + i + "]";
            if (!n.path("folder").isTextual() || !n.path("label").isTextual()) throw new IOException(where + ": expected folder and label");
            Path folder = Path.of(n.get("folder").asText());
            String label = n.get("label").asText();
            // Version 2 keeps a version-1 entry still waiting as it was: with its arguments.
            if (version == 2 && n.path("config").isObject()) {
                entries.add(Entry.of(folder, label, TrainingConfigJson.fromTree(n.get("config"), where + ".config")));
            } else if (n.path("arguments").isArray() && !n.get("arguments").isEmpty()) {
                List<String> args = new ArrayList<>();
                n.get("arguments").forEach(a -> args.add(a.asText()));
                entries.add(Entry.ofArguments(folder, label, args));
            } else {
                throw new IOException(where + (version == 1 ? ": expected folder, label and arguments" : ": expected folder, label and config"));
            }
        }
        return entries;
    }
}
