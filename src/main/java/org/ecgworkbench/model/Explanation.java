package org.ecgworkbench.model;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where the model looked for one class in one input window: a relevance per lead and sample.
 *
 * @param code      the class's canonical SNOMED CT code
 * @param method    {@link ExplainMethod#id()}: {@code occlusion} or {@code gradient-x-input}
 * @param length    samples per lead (the network's input length)
 * @param fs        the window's sampling rate in Hz (the pipeline's output rate, not the record's)
 * @param relevance {@code [leads][length]}, in the standard lead order; positive = evidence for the class
 *                  (occlusion: probability drop when hidden; gradient × input: raises the logit). Units
 *                  differ between methods: compare maps of one method only, or use {@link #normalised()}.
 */
public record Explanation(String code, String method, int length, double fs, float[][] relevance) {

    /** What {@link #normalised(Polarity, int)} keeps. */
    public enum Polarity {
        /** Evidence for the class only: negative relevance becomes 0. */
        POSITIVE,
        /** Evidence either way: the absolute value. */
        MAGNITUDE
    }

    public Explanation {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(relevance, "relevance");
        if (length < 1) throw new IllegalArgumentException("length must be at least 1, not " + length);
        if (!(fs > 0)) throw new IllegalArgumentException("fs must be > 0, not " + fs);
        for (float[] row : relevance) {
            if (row == null || row.length != length) throw new IllegalArgumentException("every lead's relevance must have " + length + " samples");
        }
    }

    public int leads() {
        return relevance.length;
    }

    /** The largest relevance, over all leads and samples. */
    public float max() {
        float m = Float.NEGATIVE_INFINITY;
        for (float[] row : relevance) for (float v : row) m = Math.max(m, v);
        return m;
    }

    /** The position {@code [lead, sample]} of the largest relevance (the first, on ties). */
    public int[] argMax() {
        int[] best = {0, 0};
        float m = Float.NEGATIVE_INFINITY;
        for (int l = 0; l < relevance.length; l++) {
            for (int i = 0; i < length; i++) {
                if (relevance[l][i] > m) {
                    m = relevance[l][i];
                    best = new int[] {l, i};
                }
            }
        }
        return best;
    }

    /** {@link #normalised(Polarity, int)} with positive evidence only and no smoothing: the heat band. */
    public float[][] normalised() {
        return normalised(Polarity.POSITIVE, 1);
    }

    /**
     * The relevance mapped to [0, 1] for drawing (a heat band under each lead): the chosen polarity,
     * optionally smoothed by a centred moving average of {@code smoothingSamples} (1 = none; useful for
     * gradient × input, which varies sample by sample), then divided by its maximum over all leads — one
     * scale per class, so leads compare. All zeros when nothing is positive.
     */
    public float[][] normalised(Polarity polarity, int smoothingSamples) {
        Objects.requireNonNull(polarity, "polarity");
        if (smoothingSamples < 1) throw new IllegalArgumentException("smoothing must be at least 1 sample, not " + smoothingSamples);
        float[][] out = new float[relevance.length][];
        float max = 0;
        for (int l = 0; l < relevance.length; l++) {
            float[] row = new float[length];
            for (int i = 0; i < length; i++) {
                float v = relevance[l][i];
                row[i] = polarity == Polarity.POSITIVE ? Math.max(0f, v) : Math.abs(v);
            }
            if (smoothingSamples > 1) row = movingAverage(row, smoothingSamples);
            for (float v : row) if (v > max) max = v;
            out[l] = row;
        }
        if (max > 0 && Float.isFinite(max)) {
            for (float[] row : out) for (int i = 0; i < row.length; i++) row[i] = Math.min(1f, row[i] / max);
        } else {
            for (float[] row : out) Arrays.fill(row, 0f);
        }
        return out;
    }

    /** Centred moving average; near the ends, the mean of the part of the window inside the row. */
    static float[] movingAverage(float[] x, int width) {
        int n = x.length;
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + x[i];
        int before = (width - 1) / 2;
        int after = width - 1 - before;
        float[] out = new float[n];
        for (int i = 0; i < n; i++) {
            int from = Math.max(0, i - before);
            int to = Math.min(n, i + after + 1);
            out[i] = (float) ((prefix[to] - prefix[from]) / (to - from));
        }
        return out;
    }
}
