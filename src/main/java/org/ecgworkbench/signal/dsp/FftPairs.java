package org.ecgworkbench.signal.dsp;

import org.jtransforms.fft.DoubleFFT_1D;

/**
 * {@code scipy.signal.resample} of two real leads of equal length at once, through complex transforms of
 * {@code c = a + i b}.
 *
 * <p>Resampling is linear, and what it does to a spectrum treats bin k and bin -k as mirror images
 * (conjugate weights), so it maps real signals to real signals; applied to {@code a + i b} it therefore
 * gives {@code resample(a) + i resample(b)}, and the real and imaginary parts of one complex inverse
 * transform are the two results. No separation of the two spectra is needed, except where scipy's real
 * transform ignores an imaginary part: the folded Nyquist bin when downsampling, which for the pair is
 * simply {@code C[m/2] + C[n - m/2]} (scipy's complex-input rule). A complex transform of n points costs
 * about as much as 1.6 real ones here, so a pair costs about 20 % less than two leads alone.
 */
final class FftPairs {

    private FftPairs() {
    }

    /** Resamples a and b (same length n >= 1, num != n, num >= 1) into outA and outB (length num). */
    static void resample(double[] a, double[] b, int num, double[] outA, double[] outB) {
        int n = a.length;
        if (n % num == 0 && n / num <= FftResampler.MAX_RATIO) {
            decimate(a, b, num, n / num, outA, outB);
            return;
        }
        if (num % n == 0 && num / n <= FftResampler.MAX_RATIO) {
            interpolate(a, b, num / n, outA, outB);
            return;
        }
        double[] c = interleave(a, b, 0, 1, n);
        FftPlanCache.plan(n).complexForward(c);
        double[] w = new double[2 * num];
        double scale = (double) num / n; // complexInverse(.., true) carries the 1/num
        int m = Math.min(n, num);
        int paired = (m - 1) / 2; // bins 1 .. paired are kept on both sides
        w[0] = c[0] * scale;
        w[1] = c[1] * scale;
        for (int k = 1; k <= paired; k++) {
            w[2 * k] = c[2 * k] * scale;
            w[2 * k + 1] = c[2 * k + 1] * scale;
            int dst = 2 * (num - k);
            int src = 2 * (n - k);
            w[dst] = c[src] * scale;
            w[dst + 1] = c[src + 1] * scale;
        }
        if (m % 2 == 0) {
            int h = m / 2;
            if (num < n) { // fold the pair h, n - h into the new Nyquist bin
                w[2 * h] = (c[2 * h] + c[2 * (n - h)]) * scale;
                w[2 * h + 1] = (c[2 * h + 1] + c[2 * (n - h) + 1]) * scale;
            } else { // split the old Nyquist bin into the pair h, num - h
                double re = c[2 * h] * 0.5 * scale;
                double im = c[2 * h + 1] * 0.5 * scale;
                w[2 * h] = re;
                w[2 * h + 1] = im;
                w[2 * (num - h)] = re;
                w[2 * (num - h) + 1] = im;
            }
        }
        FftPlanCache.plan(num).complexInverse(w, true);
        for (int j = 0; j < num; j++) {
            outA[j] = w[2 * j];
            outB[j] = w[2 * j + 1];
        }
    }

    /**
     * The pair version of {@code FftResampler.decimate} ({@code n = d num}): the r-th components of a and b
     * go through one complex transform of num points; bin k of it is weighted by {@code w^(r k)} for
     * {@code k < num/2}, by the mirror weight {@code conj(w^(r (num - k)))} for {@code k > num/2}, and by
     * {@code 2 cos(pi r / d)} at the Nyquist bin of an even num.
     */
    private static void decimate(double[] a, double[] b, int num, int d, double[] outA, double[] outB) {
        int n = a.length;
        DoubleFFT_1D plan = FftPlanCache.plan(num);
        double[] tw = FftPlanCache.twiddles(n);
        boolean even = num % 2 == 0;
        int half = num / 2;
        double[] c = new double[2 * num];
        double[] z = d == 2 ? c : new double[2 * num]; // for d = 2 the one product is formed in place
        int top = even ? half : half + 1; // bins 1 .. top - 1 have a mirror bin num - k
        for (int r = 1; r < d; r++) {
            for (int m = 0, i = r; m < num; m++, i += d) {
                c[2 * m] = a[i];
                c[2 * m + 1] = b[i];
            }
            plan.complexForward(c);
            boolean first = r == 1; // assign on the first component, add on the others
            if (first) {
                z[0] = c[0];
                z[1] = c[1];
            } else {
                z[0] += c[0];
                z[1] += c[1];
            }
            for (int k = 1, j = 2 * r; k < top; k++, j += 2 * r) {
                double cos = tw[j];
                double sin = tw[j + 1];
                int p = 2 * k;
                int q = 2 * (num - k);
                double re = c[p];
                double im = c[p + 1];
                double reMirror = c[q];
                double imMirror = c[q + 1];
                double zRe = re * cos + im * sin; // times (cos - i sin)
                double zIm = im * cos - re * sin;
                double zReMirror = reMirror * cos - imMirror * sin; // times (cos + i sin)
                double zImMirror = imMirror * cos + reMirror * sin;
                if (first) {
                    z[p] = zRe;
                    z[p + 1] = zIm;
                    z[q] = zReMirror;
                    z[q + 1] = zImMirror;
                } else {
                    z[p] += zRe;
                    z[p + 1] += zIm;
                    z[q] += zReMirror;
                    z[q + 1] += zImMirror;
                }
            }
            if (even && num > 1) {
                double weight = 2 * tw[2 * r * half];
                if (first) {
                    z[2 * half] = weight * c[2 * half];
                    z[2 * half + 1] = weight * c[2 * half + 1];
                } else {
                    z[2 * half] += weight * c[2 * half];
                    z[2 * half + 1] += weight * c[2 * half + 1];
                }
            }
        }
        plan.complexInverse(z, true);
        double scale = 1.0 / d;
        for (int m = 0, i = 0; m < num; m++, i += d) {
            outA[m] = (a[i] + z[2 * m]) * scale;
            outB[m] = (b[i] + z[2 * m + 1]) * scale;
        }
        if (even) {
            double altA = 0;
            double altB = 0;
            for (int i = 0; i < n; i += 2 * d) {
                altA += a[i] - a[i + d];
                altB += b[i] - b[i + d];
            }
            double corrA = altA / n;
            double corrB = altB / n;
            for (int m = 0; m < num; m += 2) {
                outA[m] += corrA;
                outA[m + 1] -= corrA;
                outB[m] += corrB;
                outB[m + 1] -= corrB;
            }
        }
    }

    /**
     * The pair version of {@code FftResampler.interpolate} ({@code num = u n}): output phase r is the
     * inverse transform of {@code C[k] exp(2 pi i r k / num)} for {@code 0 < k < n/2}, of the mirror weight
     * {@code exp(-2 pi i r k / num)} at bin {@code n - k}, and {@code cos(pi r / u)} at the Nyquist bin of an
     * even n.
     */
    private static void interpolate(double[] a, double[] b, int u, double[] outA, double[] outB) {
        int n = a.length;
        int num = u * n;
        DoubleFFT_1D plan = FftPlanCache.plan(n);
        double[] tw = FftPlanCache.twiddles(num);
        double[] c = interleave(a, b, 0, 1, n);
        plan.complexForward(c);
        boolean even = n % 2 == 0;
        int half = n / 2;
        int top = even ? half : half + 1; // bins 1 .. top - 1 have a mirror bin n - k
        for (int m = 0, j = 0; m < n; m++, j += u) {
            outA[j] = a[m];
            outB[j] = b[m];
        }
        double[] w = new double[2 * n];
        for (int r = 1; r < u; r++) {
            w[0] = c[0];
            w[1] = c[1];
            for (int k = 1, j = 2 * r; k < top; k++, j += 2 * r) {
                double cos = tw[j];
                double sin = tw[j + 1];
                double re = c[2 * k];
                double im = c[2 * k + 1];
                w[2 * k] = re * cos - im * sin; // times (cos + i sin)
                w[2 * k + 1] = im * cos + re * sin;
                int q = 2 * (n - k);
                re = c[q];
                im = c[q + 1];
                w[q] = re * cos + im * sin; // times (cos - i sin)
                w[q + 1] = im * cos - re * sin;
            }
            if (even && n > 1) {
                double weight = tw[2 * r * half];
                w[2 * half] = c[2 * half] * weight;
                w[2 * half + 1] = c[2 * half + 1] * weight;
            }
            plan.complexInverse(w, true);
            for (int m = 0, j = r; m < n; m++, j += u) {
                outA[j] = w[2 * m];
                outB[j] = w[2 * m + 1];
            }
        }
    }

    /** {@code [a[from], b[from], a[from + step], b[from + step], ...]}, count pairs. */
    private static double[] interleave(double[] a, double[] b, int from, int step, int count) {
        double[] c = new double[2 * count];
        for (int m = 0, i = from; m < count; m++, i += step) {
            c[2 * m] = a[i];
            c[2 * m + 1] = b[i];
        }
        return c;
    }
}
