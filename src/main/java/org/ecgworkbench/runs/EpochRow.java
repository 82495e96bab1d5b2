package org.ecgworkbench.runs;

import java.util.Map;
import org.ecgworkbench.train.TrainingEvent;

/**
 * One finished epoch as the dashboard's table shows it; NaN where a value is undefined.
 *
 * @param challengeScore validation challenge score
 * @param f1Macro        validation macro F1
 * @param aurocMacro     validation macro AUROC
 */
public record EpochRow(int epoch, double trainLoss, double validationLoss, double challengeScore, double f1Macro,
                       double aurocMacro, double seconds, boolean best) {

    /** The row of an epoch event: its losses and the validation metrics the dashboard shows. */
    public static EpochRow of(TrainingEvent.Epoch e) {
        Map<String, Double> v = e.validation();
        return new EpochRow(e.epoch(), e.trainLoss(), e.validationLoss(), v.getOrDefault("challenge_score", Double.NaN),
                v.getOrDefault("f1_macro", Double.NaN), v.getOrDefault("auroc_macro", Double.NaN), e.seconds(), e.best());
    }
}
