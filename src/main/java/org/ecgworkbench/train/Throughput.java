package org.ecgworkbench.train;

/**
 * Training speed in samples per second over the last batches (a window of {@code size}), so the
 * figure follows the speed of the moment rather than the epoch's average. Slots are filled by
 * iteration number; before the window is full, the empty slots count as nothing.
 */
final class Throughput {
    private final long[] nanos;
    private final int[] samples;
    private long last;

    /** @param startNanos when the first batch started ({@link System#nanoTime()}) */
    Throughput(int size, long startNanos) {
        if (size < 1) throw new IllegalArgumentException("window of " + size);
        this.nanos = new long[size];
        this.samples = new int[size];
        this.last = startNanos;
    }

    /**
     * Records a batch of {@code batchSamples} that ended at {@code now} and returns the speed over
     * the window (NaN while no time has passed).
     */
    double afterBatch(long iteration, int batchSamples, long now) {
        int slot = (int) (iteration % nanos.length);
        nanos[slot] = now - last;
        samples[slot] = batchSamples;
        last = now;
        long t = 0;
        long n = 0;
        for (int i = 0; i < nanos.length; i++) {
            t += nanos[i];
            n += samples[i];
        }
        return t == 0 ? Double.NaN : n / (t / 1e9);
    }
}
