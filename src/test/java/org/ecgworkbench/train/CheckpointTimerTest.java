package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Mid-epoch checkpoints every so many minutes after the last checkpoint. */
class CheckpointTimerTest {
    private static final long MINUTE = 60_000_000_000L;

    @Test
    void dueOnceTheIntervalHasPassedSinceTheLastCheckpoint() {
        CheckpointTimer timer = new CheckpointTimer(2, 0);
        assertThat(timer.due(2 * MINUTE)).isFalse(); // strictly more than the interval
        assertThat(timer.due(2 * MINUTE + 1)).isTrue();
        timer.saved(2 * MINUTE + 1); // an epoch-end checkpoint restarts the interval as well
        assertThat(timer.due(3 * MINUTE)).isFalse();
        assertThat(timer.due(5 * MINUTE)).isTrue();
    }

    @Test
    void zeroMinutesMeansOnlyAtTheEndsOfEpochs() {
        CheckpointTimer timer = new CheckpointTimer(0, 0);
        assertThat(timer.due(1000 * MINUTE)).isFalse();
        assertThatThrownBy(() -> new CheckpointTimer(-1, 0)).hasMessageContaining("-1");
        assertThatThrownBy(() -> new CheckpointTimer(Double.NaN, 0)).hasMessageContaining("NaN");
    }

    @Test
    void fractionsOfMinutesCount() {
        CheckpointTimer timer = new CheckpointTimer(0.5, 10);
        assertThat(timer.due(10 + MINUTE / 2)).isFalse();
        assertThat(timer.due(11 + MINUTE / 2)).isTrue();
    }
}
