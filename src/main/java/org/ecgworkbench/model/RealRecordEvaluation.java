package org.ecgworkbench.model;

import java.util.Objects;

/**
 * What a model measurably does on real recordings it was not trained on, as measured by
 * {@code evaluate} and carried by the bundle ({@code real_record_evaluation} in {@code metadata.json}),
 * so that the viewer can say it without hard-coding figures. A model trained on synthetic records
 * can score well on its own (synthetic) validation part and still be wrong on real ECGs: this is the
 * number a user should see.
 *
 * @param data           which real records, in words (e.g. "CinC 2020 fixtures, CinC 2021 sample, CPSC 2018 early")
 * @param records        how many records were scored
 * @param trainedOn      what the model was trained on, in words (e.g. "synthetic records only")
 * @param challengeScore the CinC 2020 challenge score (0 = always "sinus rhythm", 1 = perfect)
 * @param aurocMacro     macro AUROC over the classes present
 * @param f1Macro        macro F1
 * @param precisionMicro the fraction of all suggestions (predicted classes, pooled) that the headers confirm
 * @param measured       when it was measured (ISO date)
 */
public record RealRecordEvaluation(String data, int records, String trainedOn, double challengeScore, double aurocMacro,
                                   double f1Macro, double precisionMicro, String measured) {

    public RealRecordEvaluation {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(trainedOn, "trainedOn");
        Objects.requireNonNull(measured, "measured");
        if (records < 1) throw new IllegalArgumentException("records must be at least 1, not " + records);
        unit("challenge_score", challengeScore, -Double.MAX_VALUE);
        unit("auroc_macro", aurocMacro, 0);
        unit("f1_macro", f1Macro, 0);
        unit("precision_micro", precisionMicro, 0);
    }

    /** In [min, 1] (the challenge score can be negative: worse than "always sinus rhythm"). */
    private static void unit(String name, double v, double min) {
        if (!(v >= min && v <= 1)) throw new IllegalArgumentException(name + " must be at most 1" + (min == 0 ? " and at least 0" : "") + ", not " + v);
    }

    /** The share of suggestions the headers do not confirm. */
    public double wrongSuggestionShare() {
        return 1 - precisionMicro;
    }
}
