package org.ecgworkbench.record;

/**
 * How records are read.
 *
 * @param cinc2020GainCorrection apply the CinC 2020 gain correction ({@code record.wfdb.CincGainCorrection}) (on by default)
 */
public record ReadOptions(boolean cinc2020GainCorrection) {
    public static final ReadOptions DEFAULT = new ReadOptions(true);
    public static final ReadOptions AS_WRITTEN = new ReadOptions(false);
}
