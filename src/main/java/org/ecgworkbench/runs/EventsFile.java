package org.ecgworkbench.runs;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.train.TrainingEvent;
import org.ecgworkbench.train.TrainingEventJson;

/**
 * A run's {@code events.jsonl} read leniently: a malformed line (a half-written last line after a
 * crash, an edited file) is skipped and noted, never the end of the run's history.
 *
 * @param events  the events that parsed, in order
 * @param skipped one note per skipped line, naming the file and the line number
 */
public record EventsFile(List<TrainingEvent> events, List<String> skipped) {
    public EventsFile {
        events = List.copyOf(events);
        skipped = List.copyOf(skipped);
    }

    public static EventsFile read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) return new EventsFile(List.of(), List.of());
        List<TrainingEvent> events = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        // Decoded leniently: a line cut inside a multi-byte character must cost that line, not the file.
        List<String> lines = new String(Files.readAllBytes(file), StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank()) continue;
            try {
                events.add(TrainingEventJson.read(line));
            } catch (IllegalArgumentException e) {
                skipped.add(file + ": line " + (i + 1) + " skipped: " + e.getMessage());
            }
        }
        return new EventsFile(events, skipped);
    }

    /** The last terminal event (done, failed, cancelled), or null if the run never ended. */
    public TrainingEvent terminal() {
        for (int i = events.size() - 1; i >= 0; i--) {
            if (events.get(i).terminal()) return events.get(i);
            // A resumed run starts again after its cancelled event: only the tail counts.
            if (events.get(i) instanceof TrainingEvent.Started) return null;
        }
        return null;
    }
}
