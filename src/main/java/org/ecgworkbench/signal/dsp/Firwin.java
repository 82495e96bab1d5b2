package org.ecgworkbench.signal.dsp;

/**
 * Window-method low-pass FIR design, the case of {@code scipy.signal.firwin(numtaps, cutoff, window=...)} that
 * {@code resample_poly} uses: one cutoff, {@code pass_zero=True}, {@code scale=True}, frequencies relative to
 * the Nyquist frequency.
 */
public final class Firwin {

    private Firwin() {
    }

    /**
     * {@code firwin(numtaps, cutoff, window=('kaiser', beta))}: the windowed ideal low-pass
     * {@code cutoff * sinc(cutoff * m)}, {@code m = i - (numtaps - 1) / 2}, scaled to unit gain at DC.
     *
     * @param numtaps odd number of taps, at least 1
     * @param cutoff  cutoff relative to the Nyquist frequency, in (0, 1)
     * @param beta    Kaiser window parameter (scipy's default for {@code resample_poly} is 5.0)
     */
    public static double[] kaiserLowpass(int numtaps, double cutoff, double beta) {
        if (numtaps < 1 || numtaps % 2 == 0) {
            throw new IllegalArgumentException("numtaps " + numtaps + " must be odd and positive");
        }
        if (!(cutoff > 0 && cutoff < 1)) {
            throw new IllegalArgumentException("cutoff " + cutoff + " must lie strictly between 0 and 1 (Nyquist)");
        }
        double[] window = KaiserWindow.symmetric(numtaps, beta);
        double alpha = 0.5 * (numtaps - 1);
        double[] h = new double[numtaps];
        for (int i = 0; i < numtaps; i++) {
            double m = i - alpha;
            h[i] = cutoff * sinc(cutoff * m) * window[i];
        }
        double sum = accurateSum(h);
        for (int i = 0; i < numtaps; i++) {
            h[i] /= sum;
        }
        return h;
    }

    /**
     * Neumaier-compensated sum: within an ulp or so of the exact sum, as numpy's pairwise sum is for these
     * lengths, so the DC scaling agrees with scipy's to rounding (a plain running sum of 10,001 taps would not).
     */
    static double accurateSum(double[] v) {
        double sum = 0;
        double comp = 0;
        for (double x : v) {
            double t = sum + x;
            if (Math.abs(sum) >= Math.abs(x)) {
                comp += (sum - t) + x;
            } else {
                comp += (x - t) + sum;
            }
            sum = t;
        }
        return sum + comp;
    }

    /** Normalised sinc, {@code sin(pi x) / (pi x)}, 1 at 0 (numpy's {@code sinc}). */
    static double sinc(double x) {
        if (x == 0) {
            return 1.0;
        }
        double y = Math.PI * x;
        return Math.sin(y) / y;
    }
}
