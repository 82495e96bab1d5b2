package org.ecgworkbench.eval;


/**
 * Ranking metrics of one class, computed as scikit-learn 1.2 computes them ({@code roc_auc_score}
 * and {@code average_precision_score} on a binary target), operation for operation, so the results
 * agree to the last bit: the curve is evaluated at each distinct score, ROC points on a straight
 * line are dropped before the trapezoid sum (sklearn's {@code drop_intermediate}), and sums are
 * NumPy's pairwise sums.
 */
final class RankingMetrics {

    private RankingMetrics() {
    }

    /** Cumulative true and false positives at each distinct score, highest score first. */
    /** {@code roc_auc_score}: NaN when the class has only positives or only negatives (sklearn raises). */
    static double rocAuc(boolean[] positive, double[] score) {
        int p = count(positive);
        if (p == 0 || p == positive.length) return Double.NaN;
        BinaryCurve c = BinaryCurve.counted(positive, score);
        double[] tps = c.tps();
        double[] fps = c.fps();
        int m = tps.length;
        // drop_intermediate: keep the ends and every point where the curve bends.
        int[] keep = new int[m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            boolean bends = i == 0 || i == m - 1 || m <= 2
                    || fps[i + 1] - 2 * fps[i] + fps[i - 1] != 0 || tps[i + 1] - 2 * tps[i] + tps[i - 1] != 0;
            if (bends) keep[k++] = i;
        }
        double[] fpr = new double[k + 1];
        double[] tpr = new double[k + 1];
        double lastFp = fps[m - 1];
        double lastTp = tps[m - 1];
        for (int j = 0; j < k; j++) {
            fpr[j + 1] = fps[keep[j]] / lastFp;
            tpr[j + 1] = tps[keep[j]] / lastTp;
        }
        double[] slices = new double[k];
        for (int j = 0; j < k; j++) {
            slices[j] = (fpr[j + 1] - fpr[j]) * (tpr[j + 1] + tpr[j]) / 2.0;
        }
        return PairwiseSum.sum(slices);
    }

    /**
     * {@code average_precision_score}: Σ (Rₙ − Rₙ₋₁) Pₙ over the distinct thresholds. With no
     * positive record sklearn 1.2 sets recall to 1 everywhere, which makes the sum 0.
     */
    static double averagePrecision(boolean[] positive, double[] score) {
        BinaryCurve c = BinaryCurve.counted(positive, score);
        double[] tps = c.tps();
        double[] fps = c.fps();
        int m = tps.length;
        double lastTp = tps[m - 1];
        // sklearn reverses the curve (recall decreasing) and appends (recall 0, precision 1).
        double[] recall = new double[m + 1];
        double[] precision = new double[m + 1];
        for (int i = 0; i < m; i++) {
            int src = m - 1 - i;
            double ps = tps[src] + fps[src];
            precision[i] = ps != 0 ? tps[src] / ps : 0.0;
            recall[i] = lastTp == 0 ? 1.0 : tps[src] / lastTp;
        }
        recall[m] = 0.0;
        precision[m] = 1.0;
        double[] terms = new double[m];
        for (int i = 0; i < m; i++) terms[i] = (recall[i + 1] - recall[i]) * precision[i];
        return -PairwiseSum.sum(terms);
    }

    private static int count(boolean[] values) {
        int n = 0;
        for (boolean v : values) if (v) n++;
        return n;
    }
}
