package org.ecgworkbench.app;

import java.util.Locale;

/**
 * Two traces of the preview set against each other: stage B with stage A drawn over it, and their
 * difference B − A on B's time base (A linearly interpolated at B's sample times, so two stages at one
 * rate and offset subtract sample by sample). Says where the difference is largest: near the input's
 * edges (within {@link #EDGE_SECONDS}) or in between, which is where FFT and polyphase
 * resampling part ways.
 *
 * @param label       the difference in words, e.g. "FFT − polyphase" or "2. highpass − 1. resample"
 * @param stage       the row of the preview's stages that B is (A is drawn over it)
 * @param overlay     trace A, drawn over row {@code stage}
 * @param overlayName A's name for the legend
 * @param difference  B − A, real where both are
 * @param edgeMax     largest |B − A| within the edge width of the input's start or end
 * @param middleMax   largest |B − A| in between
 * @param peakSeconds where the largest |B − A| is, on the input's axis
 */
public record PreviewComparison(String label, int stage, PreviewResult.StageTrace overlay, String overlayName,
        PreviewResult.StageTrace difference, double edgeMax, double middleMax, double peakSeconds) {

    /** Width of an edge, in seconds: where FFT and polyphase resampling differ most. */
    public static final double EDGE_SECONDS = 0.5;

    /**
     * Compares {@code b} with {@code a} over an input of {@code inputSeconds}.
     *
     * @param stage the row B is drawn in
     */
    public static PreviewComparison of(String label, int stage, PreviewResult.StageTrace a, String aName, PreviewResult.StageTrace b,
            double inputSeconds) {
        double[] diff = new double[b.samples().length];
        boolean[] real = new boolean[diff.length];
        double ratio = a.fs() / b.fs();
        double edgeMax = 0;
        double middleMax = 0;
        double peak = Double.NaN;
        double peakValue = -1;
        for (int i = 0; i < diff.length; i++) {
            if (!b.mask()[i]) continue;
            double p = (b.startSample() + i) * ratio - a.startSample();
            int lo = (int) Math.floor(p);
            if (lo < 0 || lo >= a.samples().length) continue;
            double frac = p - lo;
            double av;
            if (frac < 1e-9) {
                if (!a.mask()[lo]) continue;
                av = a.samples()[lo];
            } else {
                if (lo + 1 >= a.samples().length || !a.mask()[lo] || !a.mask()[lo + 1]) continue;
                av = a.samples()[lo] + frac * (a.samples()[lo + 1] - a.samples()[lo]);
            }
            diff[i] = b.samples()[i] - av;
            real[i] = true;
            double t = b.secondsOf(i);
            double m = Math.abs(diff[i]);
            if (t < EDGE_SECONDS || t > inputSeconds - EDGE_SECONDS) edgeMax = Math.max(edgeMax, m);
            else middleMax = Math.max(middleMax, m);
            if (m > peakValue) {
                peakValue = m;
                peak = t;
            }
        }
        PreviewResult.StageTrace d = new PreviewResult.StageTrace(b.index(), "difference", label, b.fs(), diff, real, b.startSample(), b.unit());
        return new PreviewComparison(label, stage, a, aName, d, edgeMax, middleMax, peak);
    }

    /** Where the difference lies, in a sentence pointing the student at it. */
    public String summary(double inputSeconds) {
        String unit = difference.unit();
        if (Double.isNaN(peakSeconds) || Math.max(edgeMax, middleMax) == 0) return label + ": no difference.";
        String where = peakSeconds < EDGE_SECONDS ? " (first edge)"
                : peakSeconds > inputSeconds - EDGE_SECONDS ? " (last edge)" : "";
        return String.format(Locale.ROOT, "%s: largest difference %s %s at %.2f s%s; within %s s of an edge up to %s %s, in between up to %s %s.",
                label, amount(Math.max(edgeMax, middleMax)), unit, peakSeconds, where, PreviewStagesView.plain(EDGE_SECONDS),
                amount(edgeMax), unit, amount(middleMax), unit);
    }

    static String amount(double v) {
        return v == 0 ? "0" : String.format(Locale.ROOT, v >= 0.01 ? "%.3f" : "%.1e", v);
    }
}
