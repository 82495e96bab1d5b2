package org.ecgworkbench.eval;

/**
 * The ROC curve of one class, as scikit-learn 1.2's {@code roc_curve(y, score,
 * drop_intermediate=False)} computes it: the point (0, 0) at a threshold of max(score) + 1 (sklearn
 * 1.2's choice; later versions write +∞), then one point per distinct score, highest first, so
 * every threshold a user could pick from the data is on the curve. We keep every point rather than
 * sklearn's default {@code drop_intermediate=True}: a few hundred test records make a curve small
 * enough to draw whole, and the thresholds stay one per distinct score. A class with no positive
 * has a NaN true-positive rate everywhere (no negative: NaN false-positive rate), as in sklearn.
 *
 * @param falsePositiveRate rising, from 0
 * @param truePositiveRate  rising, from 0
 * @param thresholds        falling: point i counts records with score ≥ thresholds[i] as positive
 */
public record RocCurve(double[] falsePositiveRate, double[] truePositiveRate, double[] thresholds) {

    public RocCurve {
        falsePositiveRate = falsePositiveRate.clone();
        truePositiveRate = truePositiveRate.clone();
        thresholds = thresholds.clone();
        if (falsePositiveRate.length != truePositiveRate.length || thresholds.length != truePositiveRate.length) {
            throw new IllegalArgumentException("ROC arrays differ in length");
        }
    }

    public static RocCurve of(boolean[] positive, float[] score) {
        return of(positive, BinaryCurve.toDouble(score));
    }

    public static RocCurve of(boolean[] positive, double[] score) {
        BinaryCurve c = BinaryCurve.of(positive, score);
        int m = c.size();
        double[] fpr = new double[m + 1];
        double[] tpr = new double[m + 1];
        double[] t = new double[m + 1];
        double lastFp = c.fps()[m - 1];
        double lastTp = c.tps()[m - 1];
        t[0] = c.thresholds()[0] + 1;
        // 0/0 is NaN in Java as in NumPy, so a class without positives (negatives) gets NaN rates.
        fpr[0] = 0 / lastFp;
        tpr[0] = 0 / lastTp;
        for (int i = 0; i < m; i++) {
            fpr[i + 1] = c.fps()[i] / lastFp;
            tpr[i + 1] = c.tps()[i] / lastTp;
            t[i + 1] = c.thresholds()[i];
        }
        return new RocCurve(fpr, tpr, t);
    }

    public int size() {
        return thresholds.length;
    }

    @Override
    public double[] falsePositiveRate() {
        return falsePositiveRate.clone();
    }

    @Override
    public double[] truePositiveRate() {
        return truePositiveRate.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
