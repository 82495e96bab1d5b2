package org.ecgworkbench.eval;

/**
 * Sums the way NumPy's {@code np.sum} does for a contiguous float64 array: pairwise, eight
 * accumulators per block of up to 128 values. The reference implementations (scikit-learn and the
 * challenge's scorer) sum with NumPy; summing in the same order makes our averages equal to theirs
 * bit for bit instead of "to 1e-15", so golden tests can be tight and a mismatch always means a
 * difference in definition, never in rounding.
 */
final class PairwiseSum {
    private static final int BLOCK = 128;

    private PairwiseSum() {
    }

    /** {@code np.sum(values)}. */
    static double sum(double[] values) {
        return 0.0 + sum(values, 0, values.length);
    }

    /** {@code np.nanmean(values)}: NaNs count as absent; NaN when every value is NaN (or none given). */
    static double nanMean(double[] values) {
        double[] zeroed = new double[values.length];
        int count = 0;
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                zeroed[i] = values[i];
                count++;
            }
        }
        return count == 0 ? Double.NaN : sum(zeroed) / count;
    }

    /** {@code np.mean(values)}. */
    static double mean(double[] values) {
        return sum(values) / values.length;
    }

    private static double sum(double[] a, int from, int n) {
        if (n < 8) {
            double res = 0.0;
            for (int i = 0; i < n; i++) res += a[from + i];
            return res;
        }
        if (n <= BLOCK) {
            double[] r = new double[8];
            System.arraycopy(a, from, r, 0, 8);
            int i = 8;
            for (; i < n - (n % 8); i += 8) {
                for (int j = 0; j < 8; j++) r[j] += a[from + i + j];
            }
            double res = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
            for (; i < n; i++) res += a[from + i];
            return res;
        }
        int half = n / 2;
        half -= half % 8;
        return sum(a, from, half) + sum(a, from + half, n - half);
    }
}
