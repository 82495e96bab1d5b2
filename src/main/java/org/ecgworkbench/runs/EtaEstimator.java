package org.ecgworkbench.runs;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Time left in a live run: the remaining batches times the smoothed wall time between batch events,
 * plus, for every epoch still to come, what the last epoch spent outside its batches (validation).
 * An upper bound: early stopping may end the run sooner. Only meaningful live (replayed events carry no times).
 */
public final class EtaEstimator {
    private final LongSupplier nanoClock;
    private final ExponentialSmoother secondsPerBatch = new ExponentialSmoother(0.8);
    private long lastBatchNanos = Long.MIN_VALUE;
    private double overheadPerEpoch;

    public EtaEstimator(LongSupplier nanoClock) {
        this.nanoClock = nanoClock;
    }

    /** A batch event arrived now. */
    public void batch() {
        long now = nanoClock.getAsLong();
        if (lastBatchNanos != Long.MIN_VALUE) secondsPerBatch.add((now - lastBatchNanos) / 1e9);
        lastBatchNanos = now;
    }

    /** An epoch ended that took {@code seconds} for {@code batches} batches and its validation. */
    public void epoch(double seconds, int batches) {
        double perBatch = secondsPerBatch.current();
        if (Double.isFinite(seconds) && Double.isFinite(perBatch)) overheadPerEpoch = Math.max(0, seconds - batches * perBatch);
        // The validation pause must not count as a batch interval.
        lastBatchNanos = Long.MIN_VALUE;
    }

    /**
     * @param epoch        the current epoch (from 1)
     * @param batchInEpoch batches done in it
     * @param batches      batches per epoch
     * @param epochs       epochs in the run
     * @return the time left, or null before two batches were timed
     */
    public Duration remaining(int epoch, int batchInEpoch, int batches, int epochs) {
        double perBatch = secondsPerBatch.current();
        if (!Double.isFinite(perBatch) || batches <= 0) return null;
        long batchesLeft = Math.max(0, (long) (epochs - epoch) * batches + (batches - batchInEpoch));
        int epochEndsLeft = Math.max(0, epochs - epoch + 1);
        double seconds = batchesLeft * perBatch + epochEndsLeft * overheadPerEpoch;
        return Duration.ofMillis(Math.round(seconds * 1000));
    }
}
