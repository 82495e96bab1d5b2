package org.ecgworkbench.dataset;

/**
 * On-the-fly augmentation of training samples (never of validation, test or prediction input).
 * A zero turns a component off; {@link #NONE} turns all off. See {@link SignalAugmenter} for what
 * each does and in which order.
 *
 * @param amplitudeScale half-width s of the per-sample gain, drawn uniformly from [1 − s, 1 + s]
 *                       (0.1 = ×[0.9, 1.1]); below 1
 * @param noiseStd       standard deviation of added white Gaussian noise, in mV
 * @param maxShift       largest time shift, in samples either way (zero-filled, not circular)
 * @param baselineWander largest amplitude of the added low-frequency sinusoid, in mV
 */
public record Augmentation(double amplitudeScale, double noiseStd, int maxShift, double baselineWander) {

    public static final Augmentation NONE = new Augmentation(0, 0, 0, 0);

    public Augmentation {
        if (!(amplitudeScale >= 0 && amplitudeScale < 1)) throw new IllegalArgumentException("amplitude scale must be in [0, 1), got " + amplitudeScale);
        if (!(noiseStd >= 0) || Double.isInfinite(noiseStd)) throw new IllegalArgumentException("noise std must be a finite number >= 0, got " + noiseStd);
        if (maxShift < 0) throw new IllegalArgumentException("max shift must be >= 0, got " + maxShift);
        if (!(baselineWander >= 0) || Double.isInfinite(baselineWander)) {
            throw new IllegalArgumentException("baseline wander must be a finite number >= 0, got " + baselineWander);
        }
    }

    /** Whether any component is on. */
    public boolean enabled() {
        return amplitudeScale > 0 || noiseStd > 0 || maxShift > 0 || baselineWander > 0;
    }
}
