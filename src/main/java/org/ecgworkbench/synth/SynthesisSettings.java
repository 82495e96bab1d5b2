package org.ecgworkbench.synth;

/**
 * What a whole synthetic dataset shares.
 *
 * @param seed        dataset seed; record i is a function of (seed, i) only
 * @param fs          sampling frequency in Hz, 100-2000
 * @param durationSeconds record length, 1-120 s
 * @param noiseLevel  multiplier of the documented noise ranges: 0 clean, 1 typical, 2 noisy
 * @param powerlineHz mains interference frequency (50 or 60), or 0 for none
 */
public record SynthesisSettings(long seed, int fs, double durationSeconds, double noiseLevel, double powerlineHz) {
    public static final int MIN_FS = 100;
    public static final int MAX_FS = 2000;
    public static final double MIN_DURATION = 1;
    public static final double MAX_DURATION = 120;

    public SynthesisSettings {
        if (fs < MIN_FS || fs > MAX_FS) throw new IllegalArgumentException("fs must be 100-2000 Hz, got " + fs);
        if (!(durationSeconds >= MIN_DURATION && durationSeconds <= MAX_DURATION)) {
            throw new IllegalArgumentException("duration must be 1-120 s, got " + durationSeconds);
        }
        if (!(noiseLevel >= 0) || Double.isInfinite(noiseLevel)) {
            throw new IllegalArgumentException("noise level must be a finite number >= 0, got " + noiseLevel);
        }
        if (powerlineHz != 0 && powerlineHz != 50 && powerlineHz != 60) {
            throw new IllegalArgumentException("powerline must be 0 (none), 50 or 60 Hz, got " + powerlineHz);
        }
    }

    /** 500 Hz, 10 s, typical noise, no mains: the challenge's commonest record. */
    public static SynthesisSettings defaults(long seed) {
        return new SynthesisSettings(seed, 500, 10, 1, 0);
    }

    /** Samples per lead. */
    public int samples() {
        return (int) Math.round(durationSeconds * fs);
    }
}
