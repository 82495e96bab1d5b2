package org.ecgworkbench.eval;

import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.label.ScoredClass;

/**
 * Scores a classifier's outputs against labels: the per-class and averaged metrics of
 * scikit-learn 1.2 and the official CinC 2020 quantities, in one {@link EvaluationReport}.
 * See {@link ClassMetrics} and {@link EvaluationReport} for which definition each number follows.
 *
 * <p>Arrays are one row per record and one column per class in
 * {@code DiagnosisCatalogue.standard().scoredClasses()} order (24 columns). Probabilities must not
 * be NaN (a model that produced NaN is broken, and no ranking metric is defined on NaN); the
 * {@code score} command replaces NaN in output files by 0 before this point, as the official
 * scorer does.
 */
public final class Evaluator {

    private Evaluator() {
    }

    /**
     * Evaluates probabilities with per-class thresholds: a class is output when its probability is
     * at least its threshold. The challenge metric uses the standard weights.
     */
    public static EvaluationReport evaluate(boolean[][] labels, float[][] probabilities, double[] thresholds) {
        int classes = ChallengeMetric.standard().classes().size();
        checkThresholds(thresholds, classes, false);
        double[][] p = toDouble(probabilities, classes);
        boolean[][] outputs = new boolean[p.length][classes];
        for (int i = 0; i < p.length; i++) {
            for (int k = 0; k < classes; k++) outputs[i][k] = p[i][k] >= thresholds[k];
        }
        return evaluate(labels, outputs, p, thresholds, ChallengeMetric.standard());
    }

    /**
     * Evaluates given binary outputs and probabilities; {@code thresholds} are only recorded in
     * the report (NaN where unknown).
     */
    public static EvaluationReport evaluate(boolean[][] labels, boolean[][] outputs, float[][] probabilities,
                                            double[] thresholds, ChallengeMetric metric) {
        return evaluate(labels, outputs, toDouble(probabilities, metric.classes().size()), thresholds, metric);
    }

    /**
     * As {@link #evaluate(boolean[][], boolean[][], float[][], double[], ChallengeMetric)} with
     * probabilities kept in double precision, as they are read from challenge output files: rounding
     * them to float could tie two distinct values and change the ranking metrics.
     */
    public static EvaluationReport evaluate(boolean[][] labels, boolean[][] outputs, double[][] probabilities,
                                            double[] thresholds, ChallengeMetric metric) {
        List<ScoredClass> classList = metric.classes();
        int classes = classList.size();
        checkShape("labels", labels, classes);
        checkShape("outputs", outputs, classes);
        checkProbabilities(probabilities, classes);
        checkThresholds(thresholds, classes, true);
        int n = labels.length;
        if (n == 0) throw new IllegalArgumentException("nothing to evaluate: no records");
        if (outputs.length != n || probabilities.length != n) {
            throw new IllegalArgumentException("record counts differ: " + n + " label rows, " + outputs.length
                    + " output rows, " + probabilities.length + " probability rows");
        }

        int[] tp = new int[classes], fp = new int[classes], fn = new int[classes], support = new int[classes];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < classes; k++) {
                if (labels[i][k]) support[k]++;
                if (labels[i][k] && outputs[i][k]) tp[k]++;
                else if (outputs[i][k]) fp[k]++;
                else if (labels[i][k]) fn[k]++;
            }
        }
        List<ClassMetrics> perClass = new ArrayList<>(classes);
        double[] f1 = new double[classes];
        double[] weightedF1 = new double[classes];
        long totalSupport = 0;
        for (int k = 0; k < classes; k++) {
            double precision = ratio(tp[k], tp[k] + fp[k]);
            double recall = ratio(tp[k], tp[k] + fn[k]);
            f1[k] = fScore(precision, recall);
            weightedF1[k] = f1[k] * support[k];
            totalSupport += support[k];
            boolean[] y = column(labels, k);
            double[] s = column(probabilities, k);
            ScoredClass c = classList.get(k);
            // No positive record and no prediction: precision, recall and F1 are 0/0. sklearn reports its
            // zero_division 0 (kept in the averages above, which must match sklearn); the class's own row says
            // "undefined" (NaN, null in JSON), since a 0 there reads as "the model failed this class".
            boolean undefined = support[k] == 0 && tp[k] + fp[k] == 0;
            perClass.add(new ClassMetrics(c.canonicalCode(), c.label(), undefined ? Double.NaN : precision,
                    undefined ? Double.NaN : recall, undefined ? Double.NaN : f1[k], support[k],
                    RankingMetrics.rocAuc(y, s), RankingMetrics.averagePrecision(y, s), thresholds[k]));
        }

        long tpSum = 0, predSum = 0, trueSum = 0;
        for (int k = 0; k < classes; k++) {
            tpSum += tp[k];
            predSum += tp[k] + fp[k];
            trueSum += tp[k] + fn[k];
        }
        double f1Micro = fScore(ratio(tpSum, predSum), ratio(tpSum, trueSum));
        double f1Macro = PairwiseSum.mean(f1);
        // sklearn: with no positive label anywhere the weighted average is zero_division, i.e. 0.
        double f1Weighted = totalSupport == 0 ? 0.0 : PairwiseSum.sum(weightedF1) / (double) totalSupport;
        double[] sampleF1 = new double[n];
        for (int i = 0; i < n; i++) {
            int t = 0, pred = 0, truth = 0;
            for (int k = 0; k < classes; k++) {
                if (labels[i][k]) truth++;
                if (outputs[i][k]) pred++;
                if (labels[i][k] && outputs[i][k]) t++;
            }
            sampleF1[i] = fScore(ratio(t, pred), ratio(t, truth));
        }
        double f1Samples = PairwiseSum.mean(sampleF1);

        ChallengeMeasures.Curves curves = ChallengeMeasures.curves(labels, probabilities, classes);
        double[] beta = ChallengeMeasures.betaMeasures(labels, outputs, classes);
        return new EvaluationReport(n, metric.score(labels, outputs),
                PairwiseSum.nanMean(curves.auroc()), PairwiseSum.nanMean(curves.auprc()),
                PairwiseSum.nanMean(ChallengeMeasures.fMeasure(labels, outputs, classes)), beta[0], beta[1],
                ChallengeMeasures.exactMatch(labels, outputs), f1Micro, f1Macro, f1Weighted, f1Samples, perClass);
    }

    /** sklearn's {@code _prf_divide} with {@code zero_division="warn"}: an undefined ratio is 0. */
    private static double ratio(long numerator, long denominator) {
        return denominator == 0 ? 0.0 : (double) numerator / (double) denominator;
    }

    /** sklearn's F1 from precision and recall, 0 when both are 0. */
    private static double fScore(double precision, double recall) {
        double denominator = precision + recall;
        if (denominator == 0.0) denominator = 1.0;
        return 2.0 * precision * recall / denominator;
    }

    private static boolean[] column(boolean[][] rows, int k) {
        boolean[] c = new boolean[rows.length];
        for (int i = 0; i < rows.length; i++) c[i] = rows[i][k];
        return c;
    }

    private static double[] column(double[][] rows, int k) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) c[i] = rows[i][k];
        return c;
    }

    static void checkShape(String what, boolean[][] rows, int classes) {
        if (rows == null) throw new IllegalArgumentException(what + " is null");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != classes) {
                throw new IllegalArgumentException(what + " row " + i + " has " + (rows[i] == null ? "no" : rows[i].length)
                        + " columns; expected one per class (" + classes + ")");
            }
        }
    }

    private static void checkProbabilities(double[][] rows, int classes) {
        if (rows == null) throw new IllegalArgumentException("probabilities is null");
        for (int i = 0; i < rows.length; i++) {
            if (rows[i] == null || rows[i].length != classes) {
                throw new IllegalArgumentException("probabilities row " + i + " has " + (rows[i] == null ? "no" : rows[i].length)
                        + " columns; expected one per class (" + classes + ")");
            }
            for (int k = 0; k < classes; k++) {
                if (Double.isNaN(rows[i][k])) throw new IllegalArgumentException("probability of record " + i + ", class " + k + " is NaN");
            }
        }
    }

    private static void checkThresholds(double[] thresholds, int classes, boolean nanAllowed) {
        if (thresholds == null || thresholds.length != classes) {
            throw new IllegalArgumentException("expected " + classes + " thresholds, one per class, got "
                    + (thresholds == null ? "none" : thresholds.length));
        }
        if (!nanAllowed) {
            for (int k = 0; k < classes; k++) {
                if (Double.isNaN(thresholds[k])) throw new IllegalArgumentException("threshold of class " + k + " is NaN");
            }
        }
    }

    static double[][] toDouble(float[][] probabilities, int classes) {
        if (probabilities == null) throw new IllegalArgumentException("probabilities is null");
        double[][] p = new double[probabilities.length][];
        for (int i = 0; i < probabilities.length; i++) {
            if (probabilities[i] == null || probabilities[i].length != classes) {
                throw new IllegalArgumentException("probabilities row " + i + " has "
                        + (probabilities[i] == null ? "no" : probabilities[i].length) + " columns; expected " + classes);
            }
            p[i] = new double[classes];
            for (int k = 0; k < classes; k++) p[i][k] = probabilities[i][k];
        }
        return p;
    }
}
