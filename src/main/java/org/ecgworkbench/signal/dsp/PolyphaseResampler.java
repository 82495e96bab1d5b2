package org.ecgworkbench.signal.dsp;

import static org.ecgworkbench.signal.dsp.FftResampler.MAX_OUTPUT_LENGTH;
import static org.ecgworkbench.signal.dsp.FftResampler.hz;
import static org.ecgworkbench.signal.dsp.FftResampler.requireRate;

import java.util.Objects;

/**
 * Polyphase FIR resampling by a rational factor {@code up/down}, equal to
 * {@code scipy.signal.resample_poly(x, up, down)} with its defaults (window {@code ('kaiser', 5.0)},
 * {@code padtype='constant'}, {@code cval=0}) to rounding, about 1e-15 of the signal's range.
 *
 * <p>The factors are reduced by their greatest common divisor, as scipy does ({@code new
 * PolyphaseResampler(2, 4)} is 1/2 and reports {@code up() == 1}). The filter of {@code 20 max(up, down) + 1}
 * taps is designed once per factor pair and shared through a bounded cache, so building resamplers for every
 * record of a dataset costs nothing after the first. Instances are immutable and thread-safe.
 * See {@link PolyphaseFilter} for the arithmetic.
 */
public final class PolyphaseResampler {

    private final int up;
    private final int down;
    /** Null when up == down == 1 (a copy). */
    private final PolyphaseFilter filter;

    /**
     * A resampler by {@code up/down}; reduced by the gcd, the filter designed or taken from the cache.
     *
     * @throws IllegalArgumentException when {@code up} or {@code down} is below 1, or the reduced factors
     *                                  exceed {@value PolyphaseFilter#MAX_FACTOR}
     */
    public PolyphaseResampler(int up, int down) {
        if (up < 1) {
            throw new IllegalArgumentException("up factor " + up + " must be at least 1");
        }
        if (down < 1) {
            throw new IllegalArgumentException("down factor " + down + " must be at least 1");
        }
        long g = gcd(up, down);
        this.up = (int) (up / g);
        this.down = (int) (down / g);
        if (Math.max(this.up, this.down) > PolyphaseFilter.MAX_FACTOR) {
            throw new IllegalArgumentException("resampling factor " + this.up + "/" + this.down
                    + " (reduced) needs a filter of " + (20L * Math.max(this.up, this.down) + 1)
                    + " taps; factors above " + PolyphaseFilter.MAX_FACTOR
                    + " are refused, use FftResampler for such rate pairs");
        }
        this.filter = this.up == 1 && this.down == 1 ? null : PolyphaseFilter.forFactors(this.up, this.down);
    }

    /**
     * The resampler from {@code fs} to {@code targetFs}: {@code up/down = targetFs/fs} reduced, e.g.
     * 1000 to 500 Hz is 1/2, 257 to 500 is 500/257, 360 to 500 is 25/18.
     *
     * @throws IllegalArgumentException when a rate is not positive and finite, or not a whole number of
     *                                  hertz (the message suggests the FFT resampler), or the reduced
     *                                  factors are too large
     */
    public static PolyphaseResampler forRates(double fs, double targetFs) {
        long source = integralRate("source rate", fs);
        long target = integralRate("target rate", targetFs);
        long g = gcd(source, target);
        long upL = target / g;
        long downL = source / g;
        if (Math.max(upL, downL) > PolyphaseFilter.MAX_FACTOR) {
            throw new IllegalArgumentException("rates " + hz(fs) + " to " + hz(targetFs) + " reduce to up/down "
                    + upL + "/" + downL + ", whose filter would need " + (20 * Math.max(upL, downL) + 1)
                    + " taps; factors above " + PolyphaseFilter.MAX_FACTOR
                    + " are refused, use FftResampler for this rate pair");
        }
        return new PolyphaseResampler((int) upL, (int) downL);
    }

    private static long integralRate(String what, double hz) {
        requireRate(what, hz);
        if (hz != Math.rint(hz)) {
            throw new IllegalArgumentException(what + " " + hz(hz) + " is not a whole number of hertz; polyphase "
                    + "resampling needs integer rates, use FftResampler for this rate");
        }
        if (hz > Integer.MAX_VALUE) {
            throw new IllegalArgumentException(what + " " + hz(hz) + " is above " + Integer.MAX_VALUE
                    + " Hz; use FftResampler for this rate");
        }
        return (long) hz;
    }

    /** The reduced up factor. */
    public int up() {
        return up;
    }

    /** The reduced down factor. */
    public int down() {
        return down;
    }

    /**
     * {@code ceil(n up / down)}, scipy's output length.
     *
     * @throws IllegalArgumentException for a negative {@code n} or a length above
     *                                  {@value FftResampler#MAX_OUTPUT_LENGTH}
     */
    public int outputLength(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("input length " + n + " must not be negative");
        }
        long num = ((long) n * up + down - 1) / down;
        if (num > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException(n + " samples resampled by " + up + "/" + down + " would give "
                    + num + " samples, more than the limit of " + MAX_OUTPUT_LENGTH);
        }
        return (int) num;
    }

    /** {@code scipy.signal.resample_poly(x, up, down)}; a copy when up == down, empty for empty input. */
    public double[] apply(double[] x) {
        Objects.requireNonNull(x, "x");
        int nOut = outputLength(x.length);
        if (filter == null) {
            return x.clone();
        }
        if (x.length == 0) {
            return new double[0];
        }
        return filter.apply(x, nOut);
    }

    /** {@link #apply(double[])} for each row (lead); rows may differ in length; leads may run in parallel. */
    public double[][] apply(double[][] leads) {
        Objects.requireNonNull(leads, "leads");
        long total = 0;
        for (int i = 0; i < leads.length; i++) {
            int lead = i;
            Objects.requireNonNull(leads[i], () -> "lead " + lead + " is null");
            outputLength(leads[i].length);
            total += leads[i].length;
        }
        double[][] out = new double[leads.length][];
        FftResampler.forEachLead(leads.length, total, i -> out[i] = apply(leads[i]));
        return out;
    }

    @Override
    public String toString() {
        return "PolyphaseResampler[" + up + "/" + down + "]";
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
