package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TrainingEventJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void batchEventHasTheIssuesKeys() throws Exception {
        String line = TrainingEventJson.write(new TrainingEvent.Batch(2, 41, 0.25, 31.5, 1e-3, 3, 20));
        JsonNode n = MAPPER.readTree(line);
        assertThat(line).doesNotContain("\n");
        assertThat(n.get("type").asText()).isEqualTo("batch");
        assertThat(n.get("epoch").asInt()).isEqualTo(2);
        assertThat(n.get("iteration").asLong()).isEqualTo(41);
        assertThat(n.get("loss").asDouble()).isEqualTo(0.25);
        assertThat(n.get("samples_per_s").asDouble()).isEqualTo(31.5);
    }

    @Test
    void epochEventNestsValidationMetricsAndWritesNanAsNull() throws Exception {
        String line = TrainingEventJson.write(new TrainingEvent.Epoch(1, 0.4, Double.NaN,
                Map.of("challenge_score", 0.5, "auroc_macro", Double.NaN), 12.5, true));
        JsonNode n = MAPPER.readTree(line);
        assertThat(n.get("train_loss").asDouble()).isEqualTo(0.4);
        assertThat(n.get("val_loss").isNull()).isTrue();
        assertThat(n.get("val").get("challenge_score").asDouble()).isEqualTo(0.5);
        assertThat(n.get("val").get("auroc_macro").isNull()).isTrue();
    }

    @Test
    void everyEventRoundTrips() {
        List<TrainingEvent> events = List.of(
                new TrainingEvent.Started("nd4j-native", "CPU x, 2 threads", false),
                new TrainingEvent.Preparing("cache-train", 3, 10),
                new TrainingEvent.Prepared(60, 20, 20, 123456, 5, 4, 1, List.of("a note")),
                new TrainingEvent.Batch(1, 1, 0.7, 10, 1e-3, 1, 4),
                new TrainingEvent.Epoch(1, 0.6, 0.5, Map.of("f1_macro", 0.25), 3, false),
                new TrainingEvent.Checkpoint("/runs/a/checkpoints/ckpt-4.zip", 1, 4),
                new TrainingEvent.Done(1, "/runs/a/model.ecgmodel", "/runs/a/report.json", Map.of("challenge_score", 0.42)),
                new TrainingEvent.Failed("disk full"),
                new TrainingEvent.Cancelled("/runs/a/checkpoints/ckpt-2.zip", 1, 2));
        for (TrainingEvent e : events) {
            assertThat(TrainingEventJson.read(TrainingEventJson.write(e))).isEqualTo(e);
        }
    }

    @Test
    void unknownOrIncompleteEventsAreRefused() {
        assertThatThrownBy(() -> TrainingEventJson.read("{\"type\":\"party\"}")).hasMessageContaining("'party'");
        assertThatThrownBy(() -> TrainingEventJson.read("{\"type\":\"batch\",\"epoch\":1}")).hasMessageContaining("'iteration'");
        assertThatThrownBy(() -> TrainingEventJson.read("not json")).hasMessageContaining("not a JSON event");
    }
}
