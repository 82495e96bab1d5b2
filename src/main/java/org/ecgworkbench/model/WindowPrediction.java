package org.ecgworkbench.model;

/**
 * One window's probabilities, and where the window lies in the record: a long recording is cut
 * into windows for inference, and the per-window timeline shows when a class was seen.
 *
 * @param startSeconds  where the window starts in the record
 * @param seconds       the window's length (padding included)
 * @param probabilities per class, in the bundle's class order
 */
public record WindowPrediction(double startSeconds, double seconds, float[] probabilities) {
    public WindowPrediction {
        probabilities = probabilities.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    /** One class's probability without copying the array. */
    public float probability(int classIndex) {
        return probabilities[classIndex];
    }
}
