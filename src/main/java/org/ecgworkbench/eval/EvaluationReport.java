package org.ecgworkbench.eval;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * Everything an evaluation says, each average under its right name.
 *
 * <p>The challenge quantities are those of the official CinC 2020 scorer
 * ({@code evaluate_12ECG_score.py}, evaluation-2020): {@code challengeScore} (the weighted,
 * normalised challenge metric), {@code aurocMacro} and {@code auprcMacro} (its own curves,
 * averaged over the classes where they are defined), {@code fMeasureMacro} (macro F1 over the
 * classes where it is defined), {@code fBeta} and {@code gBeta} (β = 2, from the unofficial
 * phase), {@code accuracy} (fraction of records whose 24 outputs are all right, which is also
 * scikit-learn's subset accuracy).
 *
 * <p>The scikit-learn quantities: {@code f1Micro} (pooled counts), {@code f1Macro} (mean of the
 * per-class F1, undefined ones counting 0 — so it differs from {@code fMeasureMacro} exactly when a
 * class is neither present nor predicted), {@code f1Weighted} (per-class F1 weighted by support),
 * {@code f1Samples} (F1 per record, averaged; the number the dissertation called "weighted").
 *
 * <p>{@link Metric} lists these averages with their keys, names and explanations.
 *
 * @param records  number of records evaluated
 * @param perClass one entry per class, in {@code DiagnosisCatalogue.scoredClasses()} order
 */
public record EvaluationReport(int records, double challengeScore, double aurocMacro, double auprcMacro,
                               double fMeasureMacro, double fBeta, double gBeta, double accuracy, double f1Micro,
                               double f1Macro, double f1Weighted, double f1Samples, List<ClassMetrics> perClass) {
    public EvaluationReport {
        if (records < 0) throw new IllegalArgumentException("negative record count " + records);
        perClass = List.copyOf(perClass);
    }

    /** A report whose averages are looked up metric by metric (e.g. read from a file by their {@link Metric#key() keys}). */
    public static EvaluationReport of(int records, ToDoubleFunction<Metric> average, List<ClassMetrics> perClass) {
        return new EvaluationReport(records, average.applyAsDouble(Metric.CHALLENGE_SCORE), average.applyAsDouble(Metric.AUROC_MACRO),
                average.applyAsDouble(Metric.AUPRC_MACRO), average.applyAsDouble(Metric.F_MEASURE_MACRO),
                average.applyAsDouble(Metric.F_BETA), average.applyAsDouble(Metric.G_BETA), average.applyAsDouble(Metric.ACCURACY),
                average.applyAsDouble(Metric.F1_MICRO), average.applyAsDouble(Metric.F1_MACRO),
                average.applyAsDouble(Metric.F1_WEIGHTED), average.applyAsDouble(Metric.F1_SAMPLES), perClass);
    }
}
