package org.ecgworkbench.signal.dsp;

/**
 * The Kaiser window and the modified Bessel function it is built on, as {@code scipy.signal.windows.kaiser}
 * computes them: {@code w[i] = I0(beta * sqrt(1 - ((i - a) / a)^2)) / I0(beta)}, {@code a = (M - 1) / 2}.
 */
public final class KaiserWindow {

    /** Above this the power series of I0 overflows a double; no filter design comes near it. */
    static final double MAX_BETA = 700;

    private KaiserWindow() {
    }

    /**
     * The symmetric Kaiser window of {@code length} points (scipy's {@code kaiser(M, beta, sym=True)}, which is
     * also what {@code firwin} uses).
     *
     * @throws IllegalArgumentException when {@code length < 0} or {@code beta} is negative, not finite or
     *                                  above 700
     */
    public static double[] symmetric(int length, double beta) {
        if (length < 0) {
            throw new IllegalArgumentException("window length " + length + " must not be negative");
        }
        if (!(beta >= 0 && beta <= MAX_BETA)) {
            throw new IllegalArgumentException("Kaiser beta " + beta + " must lie in [0, " + MAX_BETA + "]");
        }
        double[] w = new double[length];
        if (length == 1) {
            w[0] = 1.0;
            return w;
        }
        double alpha = (length - 1) / 2.0;
        double norm = besselI0(beta);
        for (int i = 0; i < length; i++) {
            double r = (i - alpha) / alpha;
            // r*r can round a hair above 1 only at the ends, where scipy gets sqrt(0) as well
            w[i] = besselI0(beta * Math.sqrt(Math.max(0.0, 1 - r * r))) / norm;
        }
        return w;
    }

    /**
     * The modified Bessel function of the first kind, order 0, by its power series
     * {@code sum_k ((x/2)^k / k!)^2}. All terms are positive, so the sum is accurate to a few ulp for every
     * argument whose result is finite (|x| up to about 700).
     */
    public static double besselI0(double x) {
        double q = 0.25 * x * x;
        double term = 1.0;
        double sum = 1.0;
        for (int k = 1; k < 10_000; k++) {
            term *= q / ((double) k * k);
            sum += term;
            if (term <= sum * 1e-17) {
                break;
            }
        }
        return sum;
    }
}
