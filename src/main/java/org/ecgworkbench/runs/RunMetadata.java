package org.ecgworkbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.record.AtomicFiles;

/**
 * What the runs room adds to a run folder ({@code workbench-run.json}): the label, the arguments it
 * was asked to train with, and, when its process died without a last event, how it ended, so a reopened
 * workbench says "failed" rather than "interrupted".
 *
 * @param label       the run's name, as the user sees and edits it
 * @param arguments   the {@code train} arguments the run was started with ({@code --config … --out …}; a run of a
 *                    version-1 queue file, or of an older workbench, has its full argument list)
 * @param deathReason null, or why the process ended without a terminal event (exit code and error tail)
 */
public record RunMetadata(String label, List<String> arguments, String deathReason) {
    public static final String FILE = "workbench-run.json";
    private static final String FORMAT = "ecg-workbench-run-metadata";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public RunMetadata {
        arguments = List.copyOf(arguments);
    }

    /** The same run under the name the user gave it. */
    public RunMetadata renamed(String newLabel) {
        return new RunMetadata(newLabel, arguments, deathReason);
    }

    public RunMetadata died(String reason) {
        return new RunMetadata(label, arguments, reason);
    }

    public void write(Path runFolder) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", FORMAT);
        n.put("version", 1);
        n.put("label", label);
        arguments.forEach(n.putArray("arguments")::add);
        if (deathReason != null) n.put("death_reason", deathReason);
        byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        AtomicFiles.write(runFolder.resolve(FILE), true, out -> out.write(bytes));
    }

    /** The folder's metadata; a folder without one (a run trained from the command line) is named after itself. */
    public static RunMetadata read(Path runFolder) throws IOException {
        Path file = runFolder.resolve(FILE);
        if (!Files.isRegularFile(file)) return new RunMetadata(runFolder.getFileName().toString(), List.of(), null);
        JsonNode n;
        try {
            n = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IOException(file + ": not JSON: " + e.getMessage(), e);
        }
        if (n == null || !FORMAT.equals(n.path("format").asText())) throw new IOException(file + ": format: expected " + FORMAT);
        JsonNode label = n.get("label");
        if (label == null || !label.isTextual()) throw new IOException(file + ": label: expected text");
        List<String> arguments = new ArrayList<>();
        n.path("arguments").forEach(a -> arguments.add(a.asText()));
        JsonNode death = n.get("death_reason");
        return new RunMetadata(label.asText(), arguments, death == null || death.isNull() ? null : death.asText());
    }
}
