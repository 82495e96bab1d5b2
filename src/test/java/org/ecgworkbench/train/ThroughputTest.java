package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** Samples per second over the last batches. */
class ThroughputTest {
    private static final long MS = 1_000_000L;

    @Test
    void measuresTheBatchesSoFarUntilTheWindowIsFull() {
        Throughput t = new Throughput(3, 0);
        assertThat(t.afterBatch(1, 10, 100 * MS)).isCloseTo(100, within(1e-9));   // 10 samples in 0.1 s
        assertThat(t.afterBatch(2, 30, 300 * MS)).isCloseTo(133.333, within(1e-3)); // 40 in 0.3 s
    }

    @Test
    void forgetsBatchesOlderThanTheWindow() {
        Throughput t = new Throughput(2, 0);
        t.afterBatch(1, 1000, 1000 * MS); // slow start: 1000 samples in 1 s
        t.afterBatch(2, 10, 1100 * MS);
        // The first batch's slot is taken by the third: 20 samples in 0.2 s.
        assertThat(t.afterBatch(3, 10, 1200 * MS)).isCloseTo(100, within(1e-9));
    }

    @Test
    void noTimeIsNoFigure() {
        assertThat(new Throughput(4, 5).afterBatch(1, 32, 5)).isNaN();
    }
}
