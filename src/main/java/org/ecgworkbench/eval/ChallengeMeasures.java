package org.ecgworkbench.eval;

import java.util.Arrays;

/**
 * The per-class quantities of the official CinC 2020 scorer ({@code evaluate_12ECG_score.py} of
 * physionetchallenges/evaluation-2020), which differ from scikit-learn's at the edges: a ratio
 * whose denominator is 0 is NaN, not 0, and the macro averages skip NaN classes
 * ({@code np.nanmean}). Arithmetic is done in the scorer's order so the results agree bit for bit.
 */
final class ChallengeMeasures {
    static final double BETA = 2.0;

    private ChallengeMeasures() {
    }

    /** AUROC and AUPRC of every class, the challenge's way (NaN where undefined). */
    record Curves(double[] auroc, double[] auprc) {
    }

    /**
     * The challenge's curves: confusion counts at each distinct output value from the top,
     * starting above the highest (nothing predicted). AUROC is the trapezoid area of specificity
     * over sensitivity; AUPRC the step area of precision over recall, taking the precision at the
     * lower end of each step. A class with no positive has an undefined sensitivity, so both are
     * NaN; a class with no negative has an undefined specificity, so its AUROC is NaN.
     */
    static Curves curves(boolean[][] labels, double[][] scores, int classes) {
        double[] auroc = new double[classes];
        double[] auprc = new double[classes];
        int n = labels.length;
        for (int k = 0; k < classes; k++) {
            boolean[] y = new boolean[n];
            double[] s = new double[n];
            for (int i = 0; i < n; i++) {
                y[i] = labels[i][k];
                s[i] = scores[i][k];
            }
            double[] distinct = Arrays.stream(s).sorted().distinct().toArray();
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) order[i] = i;
            Arrays.sort(order, (a, b) -> Double.compare(s[b], s[a]));
            int steps = distinct.length + 1;
            double positives = 0;
            for (boolean v : y) if (v) positives++;
            double negatives = n - positives;
            double[] tpr = new double[steps];
            double[] tnr = new double[steps];
            double[] ppv = new double[steps];
            double tp = 0, fp = 0, fn = positives, tn = negatives;
            int i = 0;
            for (int j = 0; j < steps; j++) {
                if (j > 0) {
                    double threshold = distinct[distinct.length - j];
                    while (i < n && s[order[i]] >= threshold) {
                        if (y[order[i]]) {
                            tp++;
                            fn--;
                        } else {
                            fp++;
                            tn--;
                        }
                        i++;
                    }
                }
                tpr[j] = tp + fn != 0 ? tp / (tp + fn) : Double.NaN;
                tnr[j] = fp + tn != 0 ? tn / (fp + tn) : Double.NaN;
                ppv[j] = tp + fp != 0 ? tp / (tp + fp) : Double.NaN;
            }
            double roc = 0.0, pr = 0.0;
            for (int j = 0; j < steps - 1; j++) {
                roc += 0.5 * (tpr[j + 1] - tpr[j]) * (tnr[j + 1] + tnr[j]);
                pr += (tpr[j + 1] - tpr[j]) * ppv[j + 1];
            }
            auroc[k] = roc;
            auprc[k] = pr;
        }
        return new Curves(auroc, auprc);
    }

    /** F1 per class from plain counts: 2TP / (2TP + FP + FN), NaN when the class is neither present nor predicted. */
    static double[] fMeasure(boolean[][] labels, boolean[][] outputs, int classes) {
        double[] f = new double[classes];
        for (int k = 0; k < classes; k++) {
            double tp = 0, fp = 0, fn = 0;
            for (int i = 0; i < labels.length; i++) {
                if (labels[i][k] && outputs[i][k]) tp += 1;
                else if (!labels[i][k] && outputs[i][k]) fp += 1;
                else if (labels[i][k]) fn += 1;
            }
            double denominator = 2 * tp + fp + fn;
            f[k] = denominator != 0 ? 2 * tp / denominator : Double.NaN;
        }
        return f;
    }

    /**
     * Macro F-beta and G-beta (β = 2) of the unofficial phase: each record's contribution to the
     * per-class counts is divided by its number of positive labels (at least 1), so a record with
     * many diagnoses does not outweigh one with a single diagnosis.
     *
     * @return {f_beta, g_beta}
     */
    static double[] betaMeasures(boolean[][] labels, boolean[][] outputs, int classes) {
        double[] tp = new double[classes], fp = new double[classes], fn = new double[classes];
        for (int i = 0; i < labels.length; i++) {
            int positives = 0;
            for (int k = 0; k < classes; k++) if (labels[i][k]) positives++;
            double norm = Math.max(positives, 1);
            for (int k = 0; k < classes; k++) {
                if (labels[i][k] && outputs[i][k]) tp[k] += 1.0 / norm;
                else if (!labels[i][k] && outputs[i][k]) fp[k] += 1.0 / norm;
                else if (labels[i][k]) fn[k] += 1.0 / norm;
            }
        }
        double b2 = BETA * BETA;
        double[] f = new double[classes];
        double[] g = new double[classes];
        for (int k = 0; k < classes; k++) {
            double fDen = (1 + b2) * tp[k] + fp[k] + b2 * fn[k];
            f[k] = fDen != 0 ? (1 + b2) * tp[k] / fDen : Double.NaN;
            double gDen = tp[k] + fp[k] + BETA * fn[k];
            g[k] = gDen != 0 ? tp[k] / gDen : Double.NaN;
        }
        return new double[] {PairwiseSum.nanMean(f), PairwiseSum.nanMean(g)};
    }

    /** Fraction of records whose outputs equal their labels in every class. */
    static double exactMatch(boolean[][] labels, boolean[][] outputs) {
        int correct = 0;
        for (int i = 0; i < labels.length; i++) {
            if (Arrays.equals(labels[i], outputs[i])) correct++;
        }
        return (double) correct / labels.length;
    }
}
