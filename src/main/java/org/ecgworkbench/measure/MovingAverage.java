package org.ecgworkbench.measure;

/** A centred moving average (no delay); the window shrinks at the ends. */
final class MovingAverage {

    private MovingAverage() {
    }

    static double[] centred(double[] x, int width) {
        double[] out = new double[x.length];
        int half = Math.max(0, width / 2);
        double[] prefix = new double[x.length + 1];
        for (int i = 0; i < x.length; i++) prefix[i + 1] = prefix[i] + x[i];
        for (int i = 0; i < x.length; i++) {
            int lo = Math.max(0, i - half);
            int hi = Math.min(x.length, i + half + 1);
            out[i] = (prefix[hi] - prefix[lo]) / (hi - lo);
        }
        return out;
    }
}
