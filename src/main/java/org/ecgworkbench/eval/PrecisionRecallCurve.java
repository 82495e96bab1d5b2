package org.ecgworkbench.eval;

/**
 * The precision-recall curve of one class, as scikit-learn 1.2's {@code precision_recall_curve}
 * computes it (that version has no {@code drop_intermediate}): one point per distinct score,
 * lowest score (highest recall) first, then the end point (recall 0, precision 1), which has no
 * threshold. Precision is 0 where nothing is predicted positive; with no positive record recall is
 * 1 everywhere, as in sklearn.
 *
 * @param precision  one more value than {@code thresholds}
 * @param recall     falling to 0; one more value than {@code thresholds}
 * @param thresholds rising: point i counts records with score ≥ thresholds[i] as positive
 */
public record PrecisionRecallCurve(double[] precision, double[] recall, double[] thresholds) {

    public PrecisionRecallCurve {
        precision = precision.clone();
        recall = recall.clone();
        thresholds = thresholds.clone();
        if (precision.length != recall.length || thresholds.length + 1 != recall.length) {
            throw new IllegalArgumentException("precision-recall arrays differ in length");
        }
    }

    public static PrecisionRecallCurve of(boolean[] positive, float[] score) {
        return of(positive, BinaryCurve.toDouble(score));
    }

    public static PrecisionRecallCurve of(boolean[] positive, double[] score) {
        BinaryCurve c = BinaryCurve.of(positive, score);
        int m = c.size();
        double lastTp = c.tps()[m - 1];
        double[] precision = new double[m + 1];
        double[] recall = new double[m + 1];
        double[] t = new double[m];
        for (int i = 0; i < m; i++) {
            int src = m - 1 - i;
            double predicted = c.tps()[src] + c.fps()[src];
            precision[i] = predicted != 0 ? c.tps()[src] / predicted : 0.0;
            recall[i] = lastTp == 0 ? 1.0 : c.tps()[src] / lastTp;
            t[i] = c.thresholds()[src];
        }
        precision[m] = 1.0;
        recall[m] = 0.0;
        return new PrecisionRecallCurve(precision, recall, t);
    }

    public int size() {
        return recall.length;
    }

    @Override
    public double[] precision() {
        return precision.clone();
    }

    @Override
    public double[] recall() {
        return recall.clone();
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }
}
