package org.ecgworkbench.model;

import java.util.List;

/**
 * A record's prediction.
 *
 * @param recordId      the record's id
 * @param classCodes    the class order of {@code windows} and {@code probabilities}: the bundle's codes
 * @param predictions   every class, sorted by probability, highest first
 * @param windows       per-window probabilities in class order, with where each window lies (one entry unless the
 *                      pipeline cuts windows)
 * @param probabilities pooled probabilities in class order: the maximum over windows
 */
public record RecordPrediction(String recordId, List<String> classCodes, List<ClassPrediction> predictions, List<WindowPrediction> windows, float[] probabilities) {
    public RecordPrediction {
        classCodes = List.copyOf(classCodes);
        predictions = List.copyOf(predictions);
        windows = List.copyOf(windows);
    }

    /** The classes at or above their threshold, most probable first. */
    public List<ClassPrediction> positives() {
        return predictions.stream().filter(ClassPrediction::predicted).toList();
    }
}
