package org.ecgworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.ecgworkbench.train.TrainingEvent;
import org.ecgworkbench.train.TrainingEventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EventsFileTest {
    @TempDir
    Path tmp;

    @Test
    void aLineCutInsideAMultiByteCharacterCostsThatLineOnly() throws Exception {
        String started = TrainingEventJson.write(new TrainingEvent.Started("nd4j-native", "CPU", false));
        String notes = TrainingEventJson.write(new TrainingEvent.Preparing("cache — train ×2", 1, 2));
        byte[] cutLine = notes.getBytes(StandardCharsets.UTF_8);
        int inside = notes.substring(0, notes.indexOf('—')).getBytes(StandardCharsets.UTF_8).length + 1;
        String resumed = TrainingEventJson.write(new TrainingEvent.Started("nd4j-native", "CPU", true));
        Path file = tmp.resolve("events.jsonl");
        Files.write(file, concat(
                (started + "\n").getBytes(StandardCharsets.UTF_8),
                Arrays.copyOf(cutLine, inside), // the writer was killed here, mid-character
                ("\n" + resumed + "\n").getBytes(StandardCharsets.UTF_8)));

        EventsFile events = EventsFile.read(file);

        assertThat(events.events()).extracting(e -> ((TrainingEvent.Started) e).resumed()).containsExactly(false, true);
        assertThat(events.skipped()).singleElement().asString().contains("line 2 skipped");
    }

    private static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) n += p.length;
        byte[] all = new byte[n];
        int at = 0;
        for (byte[] p : parts) {
            System.arraycopy(p, 0, all, at, p.length);
            at += p.length;
        }
        return all;
    }
}
