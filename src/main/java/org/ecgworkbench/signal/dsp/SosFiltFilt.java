package org.ecgworkbench.signal.dsp;

import java.util.Objects;

/**
 * A filter as a cascade of second-order sections applied as {@code scipy.signal.sosfiltfilt(sos, x)}
 * with its defaults: odd extension of {@code padlen = 3 (2 n_sections + 1 - k)} samples, {@code k}
 * being the smaller of the counts of sections with {@code b2 == 0} and with {@code a2 == 0}, and
 * {@code sosfilt_zi} initial states scaled by the first sample of each pass. The recursion is
 * {@code sosfilt}'s, in its order of operations. Immutable and thread-safe.
 */
public final class SosFiltFilt extends IirCascadeFilter {

    private final double[][] sos;

    private SosFiltFilt(double[][] sos, double[][] rows, double[][] zi, int padLength, String description) {
        super(rows, zi, false, padLength, description);
        this.sos = sos;
    }

    /**
     * A zero-phase filter from second-order sections.
     *
     * @param sos         rows {@code b0 b1 b2 a0 a1 a2} with {@code a0 == 1}, as scipy's {@code output='sos'}
     * @param description what {@link #describe()} returns
     */
    public static SosFiltFilt of(double[][] sos, String description) {
        Objects.requireNonNull(sos, "sos");
        if (sos.length == 0) {
            throw new IllegalArgumentException("sos must hold at least one section");
        }
        double[][] copy = new double[sos.length][];
        double[][] rows = new double[sos.length][];
        int b2Zero = 0;
        int a2Zero = 0;
        for (int s = 0; s < sos.length; s++) {
            Objects.requireNonNull(sos[s], "sos[" + s + "]");
            if (sos[s].length != 6) {
                throw new IllegalArgumentException("sos rows must have 6 coefficients, sos[" + s + "] has " + sos[s].length);
            }
            for (double v : sos[s]) {
                if (!Double.isFinite(v)) {
                    throw new IllegalArgumentException("sos[" + s + "] must hold finite coefficients, got " + v);
                }
            }
            if (sos[s][3] != 1.0) {
                throw new IllegalArgumentException("sos[" + s + "][3] (a0) must be 1, got " + sos[s][3]);
            }
            copy[s] = sos[s].clone();
            rows[s] = new double[] {sos[s][0], sos[s][1], sos[s][2], sos[s][4], sos[s][5]};
            b2Zero += sos[s][2] == 0.0 ? 1 : 0;
            a2Zero += sos[s][5] == 0.0 ? 1 : 0;
        }
        int taps = 2 * sos.length + 1 - Math.min(b2Zero, a2Zero);
        return new SosFiltFilt(copy, rows, IirSteadyState.sosfiltZi(copy), 3 * taps, description);
    }

    /** Number of second-order sections. */
    public int sectionCount() {
        return sos.length;
    }

    /** The sections, rows {@code b0 b1 b2 a0 a1 a2}. */
    public double[][] sections() {
        double[][] out = new double[sos.length][];
        for (int s = 0; s < sos.length; s++) {
            out[s] = sos[s].clone();
        }
        return out;
    }

    /** {@code sosfilt_zi(sos)}. */
    public double[][] steadyState() {
        return initialStates();
    }
}
