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
import org.ecgworkbench.record.AtomicFiles;

/**
 * {@code <workspace>/runs/queue.json}: the new runs waiting for a process, so a workbench closed with
 * runs queued lists them as queued again (and trains them) when it reopens. Their folders are
 * reserved but empty ({@code train} wants a new folder), so the label and arguments live here.
 */
public final class QueueFile {
    public static final String NAME = "queue.json";
    private static final String FORMAT = "ecg-workbench-run-queue";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One waiting run: its reserved folder and the full {@code train} arguments. */
    public record Entry(Path folder, String label, List<String> arguments) {
        public Entry {
            arguments = List.copyOf(arguments);
        }
    }

    private QueueFile() {
    }

    public static void write(Path runs, List<Entry> entries) throws IOException {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("format", FORMAT);
        root.put("version", 1);
        ArrayNode list = root.putArray("queued");
        for (Entry e : entries) {
            ObjectNode n = list.addObject();
            n.put("folder", e.folder().toString());
            n.put("label", e.label());
            ArrayNode args = n.putArray("arguments");
            e.arguments().forEach(args::add);
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
        List<Entry> entries = new ArrayList<>();
        JsonNode queued = root.path("queued");
        for (int i = 0; i < queued.size(); i++) {
            JsonNode n = queued.get(i);
            if (!n.path("folder").isTextual() || !n.path("label").isTextual() || !n.path("arguments").isArray()) {
                throw new IOException(file + ": queued[" + i + "]: expected folder, label and arguments");
            }
            List<String> args = new ArrayList<>();
            n.get("arguments").forEach(a -> args.add(a.asText()));
            entries.add(new Entry(Path.of(n.get("folder").asText()), n.get("label").asText(), args));
        }
        return entries;
    }
}
