package org.ecgworkbench.measure;

import java.util.Arrays;

/**
 * Removes pacing spikes and other few-millisecond artefacts with a running median about 8 ms wide:
 * a spike narrower than half the window disappears, while a QRS complex (tens of ms) keeps its shape.
 * At rates where the window is under three samples the signal is returned unchanged (a spike there is
 * one sample and the band-pass that follows removes most of it).
 */
final class SpikeSuppressor {

    static final double WINDOW_SECONDS = 0.008;

    private SpikeSuppressor() {
    }

    static double[] apply(double[] x, double fs) {
        int half = (int) Math.floor(WINDOW_SECONDS * fs / 2);
        if (half < 1) return x.clone();
        int w = 2 * half + 1;
        double[] out = new double[x.length];
        double[] window = new double[w];
        for (int i = 0; i < x.length; i++) {
            int lo = Math.max(0, i - half);
            int hi = Math.min(x.length - 1, i + half);
            int n = hi - lo + 1;
            System.arraycopy(x, lo, window, 0, n);
            Arrays.sort(window, 0, n);
            out[i] = window[n / 2];
        }
        return out;
    }
}
