package org.ecgworkbench.app.runs;

/**
 * One finished epoch as the dashboard's table shows it; NaN where a value is undefined.
 *
 * @param challengeScore validation challenge score
 * @param f1Macro        validation macro F1
 * @param aurocMacro     validation macro AUROC
 */
public record EpochRow(int epoch, double trainLoss, double validationLoss, double challengeScore, double f1Macro,
                       double aurocMacro, double seconds, boolean best) {
}
