package org.ecgworkbench.train;

import java.util.Locale;

/**
 * The learning rate as a function of training progress, evaluated before every batch.
 *
 * <p>Progress is counted in (fractional) epochs so that the schedule does not depend on the batch
 * size: {@code progress = epoch + batchInEpoch / batchesPerEpoch}.
 *
 * @param kind       the shape
 * @param stepEpochs {@link ScheduleKind#STEP}: epochs between decays
 * @param gamma      {@link ScheduleKind#STEP}: decay factor per step
 */
public record LearningRateSchedule(ScheduleKind kind, int stepEpochs, double gamma) {

    /** One-cycle warm-up share of the run and start/end divisors, as in Smith's one-cycle policy (PyTorch defaults). */
    static final double ONE_CYCLE_WARMUP = 0.3;
    static final double ONE_CYCLE_START_DIV = 25;
    static final double ONE_CYCLE_END_DIV = 1e4;

    public LearningRateSchedule {
        if (kind == null) throw new IllegalArgumentException("--schedule: missing kind");
        if (kind == ScheduleKind.STEP) {
            if (stepEpochs < 1) throw new IllegalArgumentException("--schedule step: step epochs must be at least 1, got " + stepEpochs);
            if (!(gamma > 0 && gamma <= 1)) throw new IllegalArgumentException("--schedule step: gamma must be in (0, 1], got " + gamma);
        }
    }

    public static LearningRateSchedule constant() {
        return new LearningRateSchedule(ScheduleKind.CONSTANT, 1, 1);
    }

    /**
     * Parses {@code constant}, {@code cosine}, {@code one-cycle} or {@code step[:EPOCHS[:GAMMA]]}
     * (default step 10 epochs, gamma 0.1).
     */
    public static LearningRateSchedule parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String[] parts = t.split(":");
        switch (parts[0]) {
            case "constant": return constant();
            case "cosine": return new LearningRateSchedule(ScheduleKind.COSINE, 1, 1);
            case "one-cycle": case "onecycle": case "one_cycle": return new LearningRateSchedule(ScheduleKind.ONE_CYCLE, 1, 1);
            case "step":
                try {
                    int every = parts.length > 1 ? Integer.parseInt(parts[1]) : 10;
                    double gamma = parts.length > 2 ? Double.parseDouble(parts[2]) : 0.1;
                    return new LearningRateSchedule(ScheduleKind.STEP, every, gamma);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("--schedule: expected step[:EPOCHS[:GAMMA]], got '" + text + "'");
                }
            default:
                throw new IllegalArgumentException("--schedule: expected constant, step[:EPOCHS[:GAMMA]], cosine or one-cycle, got '" + text + "'");
        }
    }

    /** The text {@link #parse} reads back. */
    public String describe() {
        return switch (kind) {
            case CONSTANT -> "constant";
            case COSINE -> "cosine";
            case ONE_CYCLE -> "one-cycle";
            case STEP -> "step:" + stepEpochs + ":" + gamma;
        };
    }

    /**
     * @param base     the configured (peak) learning rate
     * @param progress epochs done, fractional
     * @param epochs   total epochs of the run
     */
    public double rate(double base, double progress, int epochs) {
        double t = epochs <= 0 ? 0 : Math.min(1, Math.max(0, progress / epochs));
        return switch (kind) {
            case CONSTANT -> base;
            case STEP -> base * Math.pow(gamma, Math.floor(progress / stepEpochs));
            case COSINE -> base * 0.5 * (1 + Math.cos(Math.PI * t));
            case ONE_CYCLE -> oneCycle(base, t);
        };
    }

    private static double oneCycle(double base, double t) {
        double start = base / ONE_CYCLE_START_DIV;
        double end = start / ONE_CYCLE_END_DIV;
        if (t < ONE_CYCLE_WARMUP) {
            return cosineBetween(start, base, t / ONE_CYCLE_WARMUP);
        }
        return cosineBetween(base, end, (t - ONE_CYCLE_WARMUP) / (1 - ONE_CYCLE_WARMUP));
    }

    /** Cosine annealing from {@code from} to {@code to} as {@code f} goes 0 → 1. */
    private static double cosineBetween(double from, double to, double f) {
        return to + (from - to) * 0.5 * (1 + Math.cos(Math.PI * f));
    }
}
