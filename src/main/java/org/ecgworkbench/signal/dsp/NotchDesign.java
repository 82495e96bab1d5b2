package org.ecgworkbench.signal.dsp;

/**
 * Second-order IIR notch as {@code scipy.signal.iirnotch(f0, Q, fs)}: zeros on the unit circle at
 * {@code f0}, a -3 dB bandwidth of {@code f0 / Q}, same arithmetic as scipy's
 * {@code _design_notch_peak_filter}.
 */
public final class NotchDesign {

    private NotchDesign() {
    }

    /**
     * The notch's transfer function.
     *
     * @param f0Hz frequency to remove, {@code 0 < f0Hz < fs/2}
     * @param q    quality factor {@code f0 / bandwidth}, {@code > 0}
     * @param fs   sampling frequency in Hz
     * @return {@code {b, a}}, three coefficients each, {@code a[0] == 1}
     */
    public static double[][] transferFunction(double f0Hz, double q, double fs) {
        checkArguments(f0Hz, q, fs);
        double w0 = 2 * f0Hz / fs;
        double bw = w0 / q;
        bw = bw * Math.PI;
        w0 = w0 * Math.PI;
        double beta = Math.tan(bw / 2.0);
        double gain = 1.0 / (1.0 + beta);
        double cos = Math.cos(w0);
        double[] b = {gain * 1.0, gain * (-2.0 * cos), gain * 1.0};
        double[] a = {1.0, -2.0 * gain * cos, 2.0 * gain - 1.0};
        return new double[][] {b, a};
    }

    static void checkArguments(double f0Hz, double q, double fs) {
        FilterArguments.checkSamplingRate(fs);
        FilterArguments.checkFrequency("f0Hz", "notch", f0Hz, fs);
        FilterArguments.checkQuality(q);
    }
}
