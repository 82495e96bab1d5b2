package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The event table of {@code docs/architecture.md} lists, for every event type, exactly the keys
 * {@link TrainingEventJson} writes (besides {@code type}), and every example line there reads back.
 */
class EventProtocolDocTest {
    private static final Path DOC = Path.of("docs/architecture.md");
    /** A table row: | `type` | keys |. */
    private static final Pattern ROW = Pattern.compile("^\\| `([a-z]+)` \\| (.+) \\|$");
    /** A key in the keys column: a backticked name directly after the start or a comma (not inside parentheses). */
    private static final Pattern KEY = Pattern.compile("(?:^|, )`([a-z_]+)(?:\\[])?`");

    @Test
    void theTableListsExactlyTheKeysOfEveryEvent() throws IOException {
        Map<String, List<String>> documented = new LinkedHashMap<>();
        for (String line : Files.readAllLines(DOC)) {
            Matcher row = ROW.matcher(line.strip());
            if (!row.matches() || row.group(1).equals("type")) continue; // not an event row, or the heading
            String keys = row.group(2).replaceAll("\\([^)]*\\)", "");
            List<String> names = new ArrayList<>();
            Matcher k = KEY.matcher(keys);
            while (k.find()) names.add(k.group(1));
            documented.put(row.group(1), names);
        }
        List<TrainingEvent> one = List.of(
                new TrainingEvent.Started("nd4j-native", "CPU", false),
                new TrainingEvent.Preparing("scan", 1, 2),
                new TrainingEvent.Prepared(3, 1, 1, 1000, 2, 3, 1, List.of("note")),
                new TrainingEvent.Batch(1, 1, 0.5, 10, 1e-3, 1, 3),
                new TrainingEvent.Epoch(1, 0.5, 0.4, Map.of("f1_macro", 0.3), 2.0, true),
                new TrainingEvent.Checkpoint("ckpt-3.zip", 1, 3),
                new TrainingEvent.Done(1, "model.ecgmodel", "report.json", Map.of("f1_macro", 0.3)),
                new TrainingEvent.Failed("boom"),
                new TrainingEvent.Cancelled("ckpt-3.zip", 1, 3));
        ObjectMapper mapper = new ObjectMapper();
        Map<String, List<String>> written = new LinkedHashMap<>();
        for (TrainingEvent e : one) {
            JsonNode n = mapper.readTree(TrainingEventJson.write(e));
            List<String> keys = new ArrayList<>();
            n.fieldNames().forEachRemaining(keys::add);
            keys.remove("type");
            written.put(n.get("type").asText(), keys);
        }
        assertThat(documented).as("the event table of " + DOC).isEqualTo(written);
    }

    @Test
    void theExampleLinesAreEvents() throws IOException {
        List<String> examples = Files.readAllLines(DOC).stream().filter(l -> l.startsWith("{\"type\":")).toList();
        assertThat(examples).isNotEmpty();
        for (String line : examples) {
            assertThat(TrainingEventJson.write(TrainingEventJson.read(line))).as(line).isNotEmpty();
        }
    }
}
