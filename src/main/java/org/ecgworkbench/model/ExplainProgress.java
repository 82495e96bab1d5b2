package org.ecgworkbench.model;

/**
 * Progress of an explanation: network passes (one per occluded copy, per class for the gradient,
 * plus one per window for the unoccluded probabilities) done so far, out of the total.
 */
public record ExplainProgress(int done, int total) {
    /** {@code done / total}, 1 when there is nothing to do. */
    public double fraction() {
        return total == 0 ? 1 : (double) done / total;
    }
}
