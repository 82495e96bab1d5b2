package org.ecgworkbench.model;

import java.util.List;

/**
 * A record's prediction.
 *
 * @param recordId      the record's id
 * @param predictions   every class, sorted by probability, highest first
 * @param windows       per-window probabilities in class order (one entry unless the pipeline cuts windows)
 * @param probabilities pooled probabilities in class order: the maximum over windows
 */
public record RecordPrediction(String recordId, List<ClassPrediction> predictions, List<float[]> windows, float[] probabilities) {
    public RecordPrediction {
        predictions = List.copyOf(predictions);
        windows = List.copyOf(windows);
    }

    /** The classes at or above their threshold, most probable first. */
    public List<ClassPrediction> positives() {
        return predictions.stream().filter(ClassPrediction::predicted).toList();
    }
}
