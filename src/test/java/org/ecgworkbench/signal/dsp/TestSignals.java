package org.ecgworkbench.signal.dsp;

import java.util.Random;

/** Inputs for the signal tests. */
final class TestSignals {
    private TestSignals() {
    }

    /** Seeded standard-normal noise. */
    static double[] noise(int n, long seed) {
        Random random = new Random(seed);
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = random.nextGaussian();
        }
        return x;
    }
}
