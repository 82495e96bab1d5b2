package org.ecgworkbench.record;

/**
 * How records are read.
 *
 * @param cinc2020GainCorrection apply {@link CincGainCorrection} (on by default)
 */
public record ReadOptions(boolean cinc2020GainCorrection) {
    public static final ReadOptions DEFAULT = new ReadOptions(true);
    public static final ReadOptions AS_WRITTEN = new ReadOptions(false);
}
