package org.ecgworkbench.signal.dsp;

import java.util.Arrays;
import java.util.Objects;

/**
 * A filter in transfer-function form ({@code b}, {@code a}, at most three coefficients each)
 * applied as {@code scipy.signal.filtfilt(b, a, x)} with its defaults: method {@code 'pad'},
 * odd extension of {@code padlen = 3 max(len(a), len(b))} samples, and {@code lfilter_zi}
 * initial states scaled by the first sample of each pass. The recursion is {@code lfilter}'s
 * transposed direct form II, in its order of operations. Immutable and thread-safe.
 */
public final class IirBaFiltFilt extends IirCascadeFilter {

    private final double[] b;
    private final double[] a;

    private IirBaFiltFilt(double[] b, double[] a, double[] bn, double[] an, double[] zi, int padLength,
                          String description) {
        super(new double[][] {{bn[0], bn[1], bn[2], an[1], an[2]}}, new double[][] {zi}, true, padLength, description);
        this.b = b;
        this.a = a;
    }

    /**
     * A zero-phase filter from a transfer function of at most second order.
     *
     * @param b           numerator, 1 to 3 coefficients
     * @param a           denominator, 1 to 3 coefficients, {@code a[0] != 0} (both are divided by it, as lfilter does)
     * @param description what {@link #describe()} returns
     */
    public static IirBaFiltFilt of(double[] b, double[] a, String description) {
        Objects.requireNonNull(b, "b");
        Objects.requireNonNull(a, "a");
        int taps = Math.max(a.length, b.length);
        if (b.length < 1 || a.length < 1 || taps > 3) {
            throw new IllegalArgumentException("b and a must have 1 to 3 coefficients, got " + b.length + " and " + a.length);
        }
        if (taps < 2) {
            throw new IllegalArgumentException("a filter with a single coefficient in b and a is a gain, not a recursive filter");
        }
        if (a[0] == 0.0 || !Double.isFinite(a[0])) {
            throw new IllegalArgumentException("a[0] must be finite and non-zero, got " + a[0]);
        }
        for (double v : b) {
            checkFinite("b", v);
        }
        for (double v : a) {
            checkFinite("a", v);
        }
        double a0 = a[0];
        double[] bn = new double[3];
        double[] an = new double[3];
        for (int i = 0; i < b.length; i++) {
            bn[i] = b[i] / a0;
        }
        for (int i = 0; i < a.length; i++) {
            an[i] = a[i] / a0;
        }
        double[] zi = Arrays.copyOf(IirSteadyState.lfilterZi(b, a), 2);
        return new IirBaFiltFilt(b.clone(), a.clone(), bn, an, zi, 3 * taps, description);
    }

    private static void checkFinite(String name, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(name + " must hold finite coefficients, got " + v);
        }
    }

    /** The numerator as given. */
    public double[] numerator() {
        return b.clone();
    }

    /** The denominator as given. */
    public double[] denominator() {
        return a.clone();
    }

    /** {@code lfilter_zi(b, a)}. */
    public double[] steadyState() {
        double[] zi = initialStates()[0];
        return Arrays.copyOf(zi, Math.max(a.length, b.length) - 1);
    }
}
