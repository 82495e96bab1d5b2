package org.ecgworkbench.eval;

import java.util.Arrays;

/**
 * scikit-learn's {@code _binary_clf_curve}: cumulative true and false positives at each distinct
 * score, highest score first, and those scores. The basis of {@link RocCurve} and
 * {@link PrecisionRecallCurve}.
 */
record BinaryCurve(double[] tps, double[] fps, double[] thresholds) {

    static BinaryCurve of(boolean[] positive, double[] score) {
        if (positive.length != score.length) {
            throw new IllegalArgumentException(positive.length + " labels but " + score.length + " scores");
        }
        if (score.length == 0) throw new IllegalArgumentException("no records: a curve needs at least one score");
        for (double s : score) if (Double.isNaN(s)) throw new IllegalArgumentException("a score is NaN");
        return counted(positive, score);
    }

    /** The curve without checking the input (the metrics' own callers have checked it, or accept what NaN gives). */
    static BinaryCurve counted(boolean[] positive, double[] score) {
        int n = score.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> Double.compare(score[b], score[a]));
        double[] tps = new double[n];
        double[] fps = new double[n];
        double[] thresholds = new double[n];
        int m = 0;
        double tp = 0;
        for (int i = 0; i < n; i++) {
            if (positive[order[i]]) tp++;
            boolean lastOfThreshold = i == n - 1 || score[order[i + 1]] != score[order[i]];
            if (lastOfThreshold) {
                tps[m] = tp;
                fps[m] = (i + 1) - tp;
                thresholds[m] = score[order[i]];
                m++;
            }
        }
        return new BinaryCurve(Arrays.copyOf(tps, m), Arrays.copyOf(fps, m), Arrays.copyOf(thresholds, m));
    }

    int size() {
        return tps.length;
    }

    static double[] toDouble(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < values.length; i++) d[i] = values[i];
        return d;
    }
}
