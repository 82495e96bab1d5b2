package org.ecgworkbench.measure;

import java.util.List;

/**
 * The median beat of every lead: at each sample the median over the dominant beats aligned on their fiducial.
 *
 * @param names     lead names
 * @param samples   one row per lead, {@code fiducial} samples before the fiducial point and the rest after
 * @param fiducial  index of the fiducial point in each row
 * @param fs        sampling frequency
 * @param beatCount number of beats the medians were taken over
 */
public record MedianBeats(List<String> names, double[][] samples, int fiducial, double fs, int beatCount) {

    public MedianBeats {
        names = List.copyOf(names);
    }

    public int length() {
        return samples.length == 0 ? 0 : samples[0].length;
    }

    /** Milliseconds between two indices of the median beat. */
    public double ms(int from, int to) {
        return (to - from) * 1000.0 / fs;
    }
}
