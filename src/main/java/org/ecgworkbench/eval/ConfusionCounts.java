package org.ecgworkbench.eval;

/**
 * The 2×2 confusion matrix of one class: records by true label and decision. The same counts as
 * scikit-learn's {@code confusion_matrix(y, decision, labels=[0, 1])}, flattened tn, fp, fn, tp.
 */
public record ConfusionCounts(int truePositives, int falsePositives, int falseNegatives, int trueNegatives) {

    public ConfusionCounts {
        if (truePositives < 0 || falsePositives < 0 || falseNegatives < 0 || trueNegatives < 0) {
            throw new IllegalArgumentException("negative count");
        }
    }

    public static ConfusionCounts of(boolean[] truth, boolean[] decision) {
        if (truth.length != decision.length) {
            throw new IllegalArgumentException(truth.length + " labels but " + decision.length + " decisions");
        }
        int tp = 0, fp = 0, fn = 0, tn = 0;
        for (int i = 0; i < truth.length; i++) {
            if (truth[i] && decision[i]) tp++;
            else if (decision[i]) fp++;
            else if (truth[i]) fn++;
            else tn++;
        }
        return new ConfusionCounts(tp, fp, fn, tn);
    }

    /** Decisions by threshold: a probability at least {@code threshold} is positive, as the evaluator decides. */
    public static ConfusionCounts of(boolean[] truth, float[] probability, double threshold) {
        boolean[] decision = new boolean[probability.length];
        for (int i = 0; i < probability.length; i++) decision[i] = probability[i] >= threshold;
        return of(truth, decision);
    }

    public int total() {
        return truePositives + falsePositives + falseNegatives + trueNegatives;
    }
}
