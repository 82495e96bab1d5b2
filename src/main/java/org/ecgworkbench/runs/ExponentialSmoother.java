package org.ecgworkbench.runs;

/**
 * An exponential moving average with bias correction (as TensorBoard's smoothing): the first values
 * are not pulled towards zero. Non-finite values are ignored.
 */
public final class ExponentialSmoother {
    private final double weight;
    private double average;
    private int count;

    /** @param weight how much of the previous average each step keeps, in [0, 1); 0 is no smoothing */
    public ExponentialSmoother(double weight) {
        if (!(weight >= 0 && weight < 1)) throw new IllegalArgumentException("smoothing weight must be in [0, 1), got " + weight);
        this.weight = weight;
    }

    /** Adds a value and returns the smoothed value (NaN until a finite value arrived). */
    public double add(double value) {
        if (Double.isFinite(value)) {
            average = weight * average + (1 - weight) * value;
            count++;
        }
        return current();
    }

    public double current() {
        return count == 0 ? Double.NaN : average / (1 - Math.pow(weight, count));
    }

    public void reset() {
        average = 0;
        count = 0;
    }
}
