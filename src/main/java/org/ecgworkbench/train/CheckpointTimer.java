package org.ecgworkbench.train;

/**
 * When to checkpoint in the middle of an epoch: once more than {@code minutes} have passed since the
 * last checkpoint of any kind (epochs end with one anyway). 0 minutes: only at the ends of epochs.
 */
final class CheckpointTimer {
    private final double minutes;
    private long lastNanos;

    /** @param startNanos when timing starts ({@link System#nanoTime()}), as if a checkpoint had just been written */
    CheckpointTimer(double minutes, long startNanos) {
        if (!(minutes >= 0)) throw new IllegalArgumentException("checkpoint interval of " + minutes + " minutes");
        this.minutes = minutes;
        this.lastNanos = startNanos;
    }

    /** Whether a checkpoint is due at {@code now}. */
    boolean due(long now) {
        return minutes > 0 && now - lastNanos > minutes * 60e9;
    }

    /** A checkpoint was written at {@code now}: the interval starts again. */
    void saved(long now) {
        lastNanos = now;
    }
}
