package org.ecgworkbench.eval;

import java.util.Arrays;

/**
 * Chooses one decision threshold per class: the one that maximises that class's F1 on the data
 * given (a validation set), the rule the dissertation's single global 0.5 lacked.
 *
 * <p>Candidates are the distinct probabilities themselves, not midpoints between them: with the
 * rule "positive when probability ≥ threshold", a candidate equal to an observed value reproduces
 * exactly the split that was measured, and no rounding of a midpoint can move a record across
 * it. Among thresholds with equal F1 the highest wins (the fewest positive outputs). A class with
 * no positive record has no F1 to maximise and gets {@value #FALLBACK}.
 */
public final class ThresholdTuner {
    public static final double FALLBACK = 0.5;

    private ThresholdTuner() {
    }

    /** One threshold per class (columns of {@code probabilities}), in class order. */
    public static double[] tune(boolean[][] labels, float[][] probabilities) {
        if (labels == null || probabilities == null || labels.length != probabilities.length) {
            throw new IllegalArgumentException("labels and probabilities must have one row per record each");
        }
        if (labels.length == 0) throw new IllegalArgumentException("nothing to tune on: no records");
        int classes = labels[0].length;
        Evaluator.checkShape("labels", labels, classes);
        double[][] p = Evaluator.toDouble(probabilities, classes);
        double[] thresholds = new double[classes];
        for (int k = 0; k < classes; k++) thresholds[k] = tuneClass(labels, p, k);
        return thresholds;
    }

    private static double tuneClass(boolean[][] labels, double[][] p, int k) {
        int n = labels.length;
        long positives = 0;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            if (Double.isNaN(p[i][k])) throw new IllegalArgumentException("probability of record " + i + ", class " + k + " is NaN");
            if (labels[i][k]) positives++;
            order[i] = i;
        }
        if (positives == 0) return FALLBACK;
        Arrays.sort(order, (a, b) -> Double.compare(p[b][k], p[a][k]));
        long tp = 0, fp = 0;
        // F1 = 2TP / (2TP + FP + FN) = 2TP / (TP + FP + P); compared as fractions, exactly.
        long bestNumerator = -1, bestDenominator = 1;
        double best = FALLBACK;
        for (int i = 0; i < n; i++) {
            if (labels[order[i]][k]) tp++;
            else fp++;
            boolean lastOfValue = i == n - 1 || p[order[i + 1]][k] != p[order[i]][k];
            if (!lastOfValue) continue;
            long numerator = 2 * tp;
            long denominator = tp + fp + positives;
            if (numerator * bestDenominator > bestNumerator * denominator) {
                bestNumerator = numerator;
                bestDenominator = denominator;
                best = p[order[i]][k];
            }
        }
        return best;
    }
}
