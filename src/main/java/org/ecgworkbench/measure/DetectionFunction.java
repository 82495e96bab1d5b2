package org.ecgworkbench.measure;

import java.util.Arrays;
import org.ecgworkbench.signal.dsp.IirFilters;
import org.ecgworkbench.signal.dsp.ZeroPhaseFilter;

/**
 * The multi-lead QRS detection function: per lead, spikes suppressed, band-passed 5–20 Hz (where QRS
 * energy lies and P, T and baseline wander mostly do not), differentiated and squared; each lead then
 * divided by its typical QRS energy (the median of its 2-s maxima) and clipped, so a large-amplitude
 * lead does not drown the others and one artefact cannot dominate; summed over the leads that are not
 * flat and smoothed by a 100-ms moving average centred on each sample (no delay).
 */
final class DetectionFunction {

    static final double LOW_HZ = 5;
    static final double HIGH_HZ = 20;
    static final double INTEGRATION_SECONDS = 0.1;
    /** A lead whose band-passed peak-to-peak stays below this is treated as flat (mV). */
    static final double FLAT_MV = 0.02;
    /** Normalised energy is clipped here (times the lead's typical QRS energy). */
    static final double CLIP = 4;
    static final double SCALE_WINDOW_SECONDS = 2;
    /** Below this rate the QRS band cannot be isolated; no lead is used. */
    static final double MIN_FS = 40;

    private DetectionFunction() {
    }

    /**
     * The summed function, how many leads contributed and, when none did, why (for the "not measurable" warning).
     */
    record Result(double[] values, int leadsUsed, String whyNone) {
    }

    static Result compute(LeadMatrix leads) {
        int n = leads.length();
        double fs = leads.fs();
        double[] sum = new double[n];
        int used = 0;
        if (leads.leadCount() == 0) return new Result(sum, 0, "no standard lead");
        if (fs < MIN_FS) {
            return new Result(sum, 0, "sampling rate " + fs + " Hz is below the " + (int) MIN_FS + " Hz the QRS band needs");
        }
        ZeroPhaseFilter bandPass = IirFilters.butterworthBandPass(2, LOW_HZ, Math.min(HIGH_HZ, 0.4 * fs), fs);
        if (n <= bandPass.padLength()) {
            return new Result(sum, 0, "record too short (" + n + " samples; more than " + bandPass.padLength() + " needed)");
        }
        int nonFinite = 0;
        int flat = 0;
        for (double[] raw : leads.samples()) {
            if (!allFinite(raw)) {
                nonFinite++;
                continue;
            }
            double[] x = bandPass.apply(SpikeSuppressor.apply(raw, fs));
            // A huge amplitude can overflow the squared slope; such a lead is as unusable as a flat one.
            if (!(peakToPeak(x) >= FLAT_MV) || !Double.isFinite(peakToPeak(x))) {
                flat++;
                continue;
            }
            double[] e = new double[n];
            for (int i = 1; i < n - 1; i++) {
                double d = (x[i + 1] - x[i - 1]) * fs / 2;
                e[i] = d * d;
            }
            double scale = typicalMaximum(e, (int) Math.round(SCALE_WINDOW_SECONDS * fs));
            if (!(scale > 0) || !Double.isFinite(scale)) {
                flat++;
                continue;
            }
            for (int i = 0; i < n; i++) sum[i] += Math.min(CLIP, e[i] / scale);
            used++;
        }
        String whyNone = used > 0 ? "" : "every lead is flat or not finite (" + flat + " flat, " + nonFinite
                + " with missing or non-finite samples)";
        return new Result(MovingAverage.centred(sum, Math.max(1, (int) Math.round(INTEGRATION_SECONDS * fs))), used, whyNone);
    }

    private static boolean allFinite(double[] x) {
        for (double v : x) {
            if (!Double.isFinite(v)) return false;
        }
        return true;
    }

    /** Largest minus smallest sample. */
    static double peakToPeak(double[] x) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        return hi - lo;
    }

    /** Median of the maxima of consecutive windows: the typical QRS energy when every window holds a beat. */
    static double typicalMaximum(double[] e, int window) {
        int w = Math.max(1, window);
        int count = (e.length + w - 1) / w;
        double[] maxima = new double[count];
        for (int k = 0; k < count; k++) {
            double m = 0;
            for (int i = k * w; i < Math.min(e.length, (k + 1) * w); i++) m = Math.max(m, e[i]);
            maxima[k] = m;
        }
        Arrays.sort(maxima);
        return maxima[count / 2];
    }
}
