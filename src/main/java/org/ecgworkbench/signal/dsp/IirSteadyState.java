package org.ecgworkbench.signal.dsp;

import java.util.Arrays;

/**
 * Initial filter states for the step response's steady state: {@code scipy.signal.lfilter_zi}
 * and {@code scipy.signal.sosfilt_zi}. filtfilt scales them by the first sample of each pass so
 * that the padded edges start without a transient.
 */
final class IirSteadyState {

    private IirSteadyState() {
    }

    /**
     * {@code lfilter_zi(b, a)}: the state {@code zi} of the transposed direct form II with
     * {@code zi = A zi + B} for a unit step, solved as scipy does
     * ({@code (I - companion(a).T) zi = b[1:] - a[1:] b[0]}, LU with partial pivoting).
     *
     * @return {@code max(len(a), len(b)) - 1} values
     */
    static double[] lfilterZi(double[] b, double[] a) {
        int lead = 0;
        while (a.length - lead > 1 && a[lead] == 0.0) {
            lead++;
        }
        a = Arrays.copyOfRange(a, lead, a.length);
        b = b.clone();
        if (a.length < 1 || a[0] == 0.0) {
            throw new IllegalArgumentException("There must be at least one nonzero `a` coefficient.");
        }
        if (a[0] != 1.0) {
            double a0 = a[0];
            for (int i = 0; i < b.length; i++) {
                b[i] = b[i] / a0;
            }
            for (int i = 0; i < a.length; i++) {
                a[i] = a[i] / a0;
            }
        }
        int n = Math.max(a.length, b.length);
        a = Arrays.copyOf(a, n);
        b = Arrays.copyOf(b, n);
        int m = n - 1;
        double[][] lhs = new double[m][m];
        double[] rhs = new double[m];
        for (int i = 0; i < m; i++) {
            // I - companion(a).T: the companion's first row is -a[1:]/a[0], its subdiagonal ones
            lhs[i][0] = (i == 0 ? 1.0 : 0.0) - (-a[i + 1] / a[0]);
            if (i > 0) {
                lhs[i][i] = 1.0;
            }
            if (i + 1 < m) {
                lhs[i][i + 1] = -1.0;
            }
            rhs[i] = b[i + 1] - a[i + 1] * b[0];
        }
        return solve(lhs, rhs);
    }

    /**
     * {@code sosfilt_zi(sos)}: each section's {@code lfilter_zi}, scaled by the DC gain of the
     * sections before it.
     *
     * @param sos rows {@code b0 b1 b2 a0 a1 a2}
     * @return one {@code {zi0, zi1}} per section
     */
    static double[][] sosfiltZi(double[][] sos) {
        double[][] zi = new double[sos.length][];
        double scale = 1.0;
        for (int s = 0; s < sos.length; s++) {
            double[] b = Arrays.copyOfRange(sos[s], 0, 3);
            double[] a = Arrays.copyOfRange(sos[s], 3, 6);
            double[] z = lfilterZi(b, a);
            zi[s] = new double[] {scale * z[0], scale * z[1]};
            scale *= (b[0] + b[1] + b[2]) / (a[0] + a[1] + a[2]);
        }
        return zi;
    }

    /** Solves a small dense system by LU with partial pivoting (LAPACK's getrf/getrs order of operations). */
    static double[] solve(double[][] matrix, double[] rhs) {
        int n = rhs.length;
        double[][] lu = new double[n][];
        for (int i = 0; i < n; i++) {
            lu[i] = matrix[i].clone();
        }
        double[] x = rhs.clone();
        int[] pivot = new int[n];
        for (int k = 0; k < n; k++) {
            int p = k;
            for (int i = k + 1; i < n; i++) {
                if (Math.abs(lu[i][k]) > Math.abs(lu[p][k])) {
                    p = i;
                }
            }
            pivot[k] = p;
            if (lu[p][k] == 0.0) {
                throw new IllegalArgumentException("singular system: the filter has a pole at z = 1");
            }
            if (p != k) {
                double[] t = lu[p];
                lu[p] = lu[k];
                lu[k] = t;
            }
            double reciprocal = 1.0 / lu[k][k];
            for (int i = k + 1; i < n; i++) {
                lu[i][k] *= reciprocal;
            }
            for (int i = k + 1; i < n; i++) {
                for (int j = k + 1; j < n; j++) {
                    lu[i][j] -= lu[i][k] * lu[k][j];
                }
            }
        }
        for (int k = 0; k < n; k++) {
            int p = pivot[k];
            if (p != k) {
                double t = x[p];
                x[p] = x[k];
                x[k] = t;
            }
        }
        for (int k = 0; k < n; k++) {
            for (int i = k + 1; i < n; i++) {
                x[i] -= x[k] * lu[i][k];
            }
        }
        for (int k = n - 1; k >= 0; k--) {
            x[k] /= lu[k][k];
            for (int i = 0; i < k; i++) {
                x[i] -= x[k] * lu[i][k];
            }
        }
        return x;
    }
}
