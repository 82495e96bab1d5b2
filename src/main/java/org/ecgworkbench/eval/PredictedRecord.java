package org.ecgworkbench.eval;

import java.util.Objects;

/**
 * One evaluated record: its id, the file it was read from, and per scored class the model's
 * probability and the true label (columns in {@code DiagnosisCatalogue.standard().scoredClasses()} order).
 *
 * @param path the record file as the run or evaluation saw it (a header or a {@code .mat}); may be relative
 */
public record PredictedRecord(String id, String path, float[] probabilities, boolean[] labels) {

    public PredictedRecord {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(path, "path");
        if (id.isBlank()) throw new IllegalArgumentException("blank record id");
        if (probabilities.length != labels.length) {
            throw new IllegalArgumentException(id + ": " + probabilities.length + " probabilities but " + labels.length + " labels");
        }
        probabilities = probabilities.clone();
        labels = labels.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean[] labels() {
        return labels.clone();
    }

    public float probability(int c) {
        return probabilities[c];
    }

    public boolean label(int c) {
        return labels[c];
    }

    /** Whether class {@code c} is output: probability at least its threshold, as {@link Evaluator} decides. */
    public boolean predicted(int c, double threshold) {
        return probabilities[c] >= threshold;
    }
}
