package org.ecgworkbench.signal.dsp;

import java.util.Arrays;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * The one-sided amplitude spectrum of a real signal, for showing what a preprocessing stage did to
 * a lead's frequency content: {@code |rfft(x·w)| · 2 / Σw} at {@code k·fs/n}, {@code k = 0..n/2},
 * with DC (and the Nyquist bin of an even length) not doubled. A sinusoid of amplitude A that
 * falls on a bin shows as A. The same numbers as {@code numpy.abs(numpy.fft.rfft(x * w)) * scale}
 * with {@code w = scipy.signal.get_window('hann', n)} (periodic Hann) or ones.
 *
 * @param frequencies bin frequencies in Hz
 * @param magnitudes  amplitudes in the signal's unit
 */
public record MagnitudeSpectrum(double[] frequencies, double[] magnitudes) {

    /** Taper applied before the transform. */
    public enum Window {
        /** Rectangular: exact amplitudes on bins, strong leakage between them. */
        NONE,
        /** Periodic Hann (scipy's default for spectral analysis): far less leakage. */
        HANN
    }

    public MagnitudeSpectrum {
        if (frequencies.length != magnitudes.length) throw new IllegalArgumentException("frequencies and magnitudes differ in length");
        frequencies = frequencies.clone();
        magnitudes = magnitudes.clone();
    }

    @Override
    public double[] frequencies() {
        return frequencies.clone();
    }

    @Override
    public double[] magnitudes() {
        return magnitudes.clone();
    }

    public int size() {
        return magnitudes.length;
    }

    public static MagnitudeSpectrum of(double[] x, double fs, Window window) {
        int n = x.length;
        if (n == 0) throw new IllegalArgumentException("spectrum of an empty signal");
        if (!(fs > 0) || Double.isInfinite(fs)) throw new IllegalArgumentException("sampling frequency must be positive, got " + fs);
        double[] w = weights(n, window);
        double sumW = 0;
        double[] a = new double[2 * n];
        for (int i = 0; i < n; i++) {
            a[i] = x[i] * w[i];
            sumW += w[i];
        }
        DoubleFFT_1D fft = FftPlanCache.plan(n);
        fft.realForwardFull(a);
        int bins = n / 2 + 1;
        double[] f = new double[bins];
        double[] m = new double[bins];
        for (int k = 0; k < bins; k++) {
            f[k] = k * fs / n;
            boolean unpaired = k == 0 || (n % 2 == 0 && k == n / 2);
            m[k] = Math.hypot(a[2 * k], a[2 * k + 1]) * (unpaired ? 1 : 2) / sumW;
        }
        return new MagnitudeSpectrum(f, m);
    }

    private static double[] weights(int n, Window window) {
        double[] w = new double[n];
        if (window == Window.NONE || n == 1) {
            Arrays.fill(w, 1);
        } else {
            for (int i = 0; i < n; i++) w[i] = 0.5 - 0.5 * Math.cos(2 * Math.PI * i / n);
        }
        return w;
    }
}
