package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Removes pacing spikes and other few-millisecond artefacts with a running median about 8 ms wide:
 * a spike narrower than half the window disappears, while a QRS complex (tens of ms) keeps its shape.
 * At rates where the window is under three samples the signal is returned unchanged (a spike there is
 * one sample and the band-pass that follows removes most of it).
 * <p>
 * {@link #detect} finds the spikes themselves (for typing paced beats): where what the running median removes
 * is at least {@value #SPIKE_MIN_MV} mV, many times the record's typical residual, and most of the signal's
 * local excursion, so that the tip of a sharp R wave, which the median only blunts, does not count.
 */
final class SpikeSuppressor {

    static final double WINDOW_SECONDS = 0.008;
    /** Smallest spike taken for a pacing spike, mV. */
    static final double SPIKE_MIN_MV = 0.2;
    /** A spike stands this many times above the record's median residual. */
    static final double SPIKE_NOISE_RATIO = 10;
    /** ... and makes up at least this share of the signal's range within ±{@value #LOCAL_SECONDS} s. */
    static final double SPIKE_SHARE = 0.6;
    static final double LOCAL_SECONDS = 0.01;
    /** Spike samples closer than this are one spike. */
    static final double MERGE_SECONDS = 0.01;

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

    /**
     * Sample positions of the spikes found on any lead (ascending; the largest sample of each spike). Empty at
     * rates where the running median cannot isolate a spike (below 250 Hz) and on non-finite leads.
     */
    static int[] detect(LeadMatrix leads) {
        double fs = leads.fs();
        int n = leads.length();
        int half = (int) Math.floor(WINDOW_SECONDS * fs / 2);
        if (half < 1 || n <= 2 * half) return new int[0];
        int local = Math.max(1, (int) Math.round(LOCAL_SECONDS * fs));
        double[] strength = new double[n];
        double[] window = new double[2 * half + 1];
        for (double[] x : leads.samples()) {
            if (!allFinite(x)) continue;
            // Cheap screen: how far a sample stands out from its neighbours half a window away (a spike: fully).
            double[] sticks = new double[(n - 2 * half + 3) / 4];
            int count = 0;
            for (int i = half; i < n - half; i += 4) sticks[count++] = standOut(x, i, half);
            double threshold = Math.max(SPIKE_MIN_MV, SPIKE_NOISE_RATIO * median(sticks, count));
            for (int i = half; i < n - half; i++) {
                if (standOut(x, i, half) < threshold) continue;
                double residual = Math.abs(x[i] - windowMedian(x, i, half, window));
                if (residual < threshold) continue;
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int j = Math.max(half, i - local); j <= Math.min(n - 1 - half, i + local); j++) {
                    double m = windowMedian(x, j, half, window);
                    lo = Math.min(lo, m);
                    hi = Math.max(hi, m);
                }
                // A spike dominates its surroundings; an R-wave tip is a small part of the R wave's excursion.
                if (residual >= SPIKE_SHARE * (residual + hi - lo)) strength[i] = Math.max(strength[i], residual);
            }
        }
        int merge = Math.max(1, (int) Math.round(MERGE_SECONDS * fs));
        List<Integer> spikes = new ArrayList<>();
        int i = 0;
        while (i < n) {
            if (strength[i] == 0) {
                i++;
                continue;
            }
            int best = i;
            int last = i;
            int j = i;
            while (j < n && j - last <= merge) {
                if (strength[j] > 0) {
                    last = j;
                    if (strength[j] > strength[best]) best = j;
                }
                j++;
            }
            spikes.add(best);
            i = last + 1;
        }
        return spikes.stream().mapToInt(Integer::intValue).toArray();
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) return false;
        }
        return true;
    }

    private static double standOut(double[] x, int i, int half) {
        return Math.abs(x[i] - 0.5 * (x[i - half] + x[i + half]));
    }

    private static double windowMedian(double[] x, int i, int half, double[] window) {
        System.arraycopy(x, i - half, window, 0, window.length);
        Arrays.sort(window);
        return window[half];
    }

    private static double median(double[] x, int count) {
        if (count == 0) return 0;
        double[] s = Arrays.copyOf(x, count);
        Arrays.sort(s);
        return s[count / 2];
    }
}
