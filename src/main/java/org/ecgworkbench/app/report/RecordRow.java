package org.ecgworkbench.app.report;

import java.util.List;

/**
 * One evaluated record in the records list.
 *
 * @param truth     abbreviations of its true classes, catalogue order
 * @param predicted abbreviations of the classes the model output
 * @param missed    true classes not predicted
 * @param extra     classes predicted that are not true
 */
public record RecordRow(String id, String path, List<String> truth, List<String> predicted, List<String> missed,
                        List<String> extra) {
    public RecordRow {
        truth = List.copyOf(truth);
        predicted = List.copyOf(predicted);
        missed = List.copyOf(missed);
        extra = List.copyOf(extra);
    }

    public boolean agrees() {
        return missed.isEmpty() && extra.isEmpty();
    }

    /** Missed plus extra classes: 0 for a record the model got exactly right. */
    public int disagreements() {
        return missed.size() + extra.size();
    }

    public String truthText() {
        return truth.isEmpty() ? "—" : String.join(", ", truth);
    }

    public String predictedText() {
        return predicted.isEmpty() ? "—" : String.join(", ", predicted);
    }
}
