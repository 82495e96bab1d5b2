package org.ecgworkbench.signal.dsp;

import java.util.Objects;

/** A designed digital filter applied forward and backward (zero phase) exactly as scipy does. Immutable, thread-safe. */
public interface ZeroPhaseFilter {

    /**
     * Filters one signal forward and backward.
     *
     * @param x the samples; not modified
     * @return a new array of {@code x.length} filtered samples
     * @throws IllegalArgumentException if {@code x.length <= padLength()}: the filter needs more than
     *                                  {@link #padLength()} samples
     */
    double[] apply(double[] x);

    /**
     * Filters every lead on its own, as {@link #apply(double[])} would; implementations may run
     * leads in parallel.
     *
     * @param leads signals (may differ in length); not modified
     * @return one new filtered array per lead, in order
     * @throws IllegalArgumentException if a lead is not longer than {@link #padLength()}
     */
    default double[][] apply(double[][] leads) {
        Objects.requireNonNull(leads, "leads");
        double[][] out = new double[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            out[i] = apply(leads[i]);
        }
        return out;
    }

    /** Samples added at each end before filtering (scipy's {@code padlen}); inputs must be longer than this. */
    int padLength();

    /** What the filter is, e.g. {@code "Butterworth high-pass 0.5 Hz, order 2 (zero-phase)"}. */
    String describe();
}
