package org.ecgworkbench.dataset;

/**
 * Two remedies for the challenge's class imbalance (sinus rhythm in thousands of records, some
 * classes in a few dozen): positive weights for the loss, and sample weights for oversampling.
 * Both count samples (windows of one record count once each).
 */
public final class ClassBalance {

    /** Default cap of the positive weights: beyond it a handful of positives dominate the loss. */
    public static final double DEFAULT_POSITIVE_CAP = 100;
    /** Default cap of the oversampling weights: a sample is drawn at most this many times as often as the commonest. */
    public static final double DEFAULT_OVERSAMPLING_CAP = 10;

    private ClassBalance() {
    }

    public static double[] positiveWeights(CachedTensors data) {
        return positiveWeights(data, DEFAULT_POSITIVE_CAP);
    }

    /**
     * Per class, negatives / positives (PyTorch's {@code pos_weight} recipe), at most {@code cap};
     * 1 for a class with no positive (nothing to weigh).
     */
    public static double[] positiveWeights(CachedTensors data, double cap) {
        if (!(cap >= 1)) throw new IllegalArgumentException("cap must be >= 1, got " + cap);
        int n = data.size();
        int[] positives = positives(data);
        double[] w = new double[positives.length];
        for (int c = 0; c < w.length; c++) {
            w[c] = positives[c] == 0 ? 1 : Math.min(cap, (double) (n - positives[c]) / positives[c]);
        }
        return w;
    }

    public static double[] oversamplingWeights(CachedTensors data) {
        return oversamplingWeights(data, DEFAULT_OVERSAMPLING_CAP);
    }

    /**
     * One weight per sample for {@link CacheBatchIterator}'s draws: the commonest class count divided by
     * the count of the sample's rarest class (all-negative samples count as one more class), at most
     * {@code cap}. A sample of the commonest class gets 1; one of a class ten times rarer, 10.
     */
    public static double[] oversamplingWeights(CachedTensors data, double cap) {
        if (!(cap >= 1)) throw new IllegalArgumentException("cap must be >= 1, got " + cap);
        int n = data.size();
        int classes = data.classes();
        int[] positives = positives(data);
        int negatives = 0;
        for (int i = 0; i < n; i++) if (allNegative(data, i)) negatives++;
        int commonest = negatives;
        for (int p : positives) commonest = Math.max(commonest, p);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            int rarest = Integer.MAX_VALUE;
            for (int c = 0; c < classes; c++) if (data.label(i, c) > 0.5f) rarest = Math.min(rarest, positives[c]);
            if (rarest == Integer.MAX_VALUE) rarest = negatives;
            w[i] = Math.min(cap, (double) commonest / rarest);
        }
        return w;
    }

    /** Samples with each class. */
    public static int[] positives(CachedTensors data) {
        int[] p = new int[data.classes()];
        for (int i = 0; i < data.size(); i++) {
            for (int c = 0; c < p.length; c++) if (data.label(i, c) > 0.5f) p[c]++;
        }
        return p;
    }

    private static boolean allNegative(CachedTensors data, int i) {
        for (int c = 0; c < data.classes(); c++) if (data.label(i, c) > 0.5f) return false;
        return true;
    }

    /** The weights as float32, the form a loss function takes. */
    public static float[] toFloats(double[] w) {
        float[] f = new float[w.length];
        for (int i = 0; i < w.length; i++) f[i] = (float) w[i];
        return f;
    }
}
