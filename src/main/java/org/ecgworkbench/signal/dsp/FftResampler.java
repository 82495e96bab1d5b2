package org.ecgworkbench.signal.dsp;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;
import org.jtransforms.fft.DoubleFFT_1D;

/**
 * Fourier-method resampling, equal to {@code scipy.signal.resample(x, num)} for real 1-D input (to rounding,
 * about 1e-15 of the signal's range).
 *
 * <p>What scipy does, and so what this does: take the real FFT of the {@code n} input samples, keep the
 * first {@code m/2 + 1} bins, {@code m = min(n, num)}, and take the inverse real FFT of length {@code num},
 * scaled by {@code num / n}. When {@code m} is even and the length changes, bin {@code m/2} has no partner:
 * downsampling doubles it (it folds the two halves of the pair into the new Nyquist bin, of which the
 * inverse transform uses the real part only), upsampling halves it (it splits into a pair). The signal is
 * treated as periodic, so the ends ring when the first and last samples differ; that is scipy's behaviour.
 *
 * <p>How it is computed (all routes give scipy's numbers up to rounding, checked against scipy on 553
 * golden cases to better than 1e-13 of the signal's range):
 * <ul>
 * <li>{@code num == n}: a copy (scipy's round trip differs from it only by rounding);
 * <li>{@code n = d num}, d up to {@value #MAX_RATIO} (1000 to 500 Hz): transforms of num points only, on
 *     the d decimated components ({@code decimate});
 * <li>{@code num = u n}, u up to {@value #MAX_RATIO} (500 to 1000 Hz, 100 to 500 Hz): one forward
 *     transform of n points and u - 1 inverse ones ({@code interpolate});
 * <li>otherwise scipy's own route: real FFT of n points, bins copied, inverse real FFT of num points.
 * </ul>
 * Several leads ({@link #resample(double[][], int)}, {@link #resample(double[][], double, double)}) go two
 * at a time through complex transforms ({@link FftPairs}) and the pairs run in parallel.
 *
 * <p>Transforms are JTransforms {@link DoubleFFT_1D} plans, cached per length ({@link FftPlanCache}), which
 * also sets JTransforms to single-threaded transforms (JVM-wide; see
 * {@link FftPlanCache#THREADS_PROPERTY}): running leads in parallel was measured faster here.
 */
public final class FftResampler {

    /** Longest output either resampler will allocate. */
    public static final int MAX_OUTPUT_LENGTH = 100_000_000;

    /**
     * Largest whole-number length ratio (n/num or num/n) taken through transforms of the shorter length
     * (see decimate and interpolate); beyond it the plain route is about as cheap.
     */
    static final int MAX_RATIO = 8;

    /** Below this many input samples in all, leads are resampled on the calling thread only. */
    static final long PARALLEL_THRESHOLD = 20_000;

    private FftResampler() {
    }

    /**
     * {@code scipy.signal.resample(x, num)}: {@code x} (periodic, real) resampled to {@code num} samples by
     * the FFT. {@code num == x.length} returns a copy; an empty input gives an empty output whatever
     * {@code num} is.
     *
     * @throws IllegalArgumentException when {@code num < 1} for a non-empty input, or above
     *                                  {@value #MAX_OUTPUT_LENGTH}
     */
    public static double[] resample(double[] x, int num) {
        Objects.requireNonNull(x, "x");
        if (x.length == 0) {
            return new double[0];
        }
        checkNum(num, x.length);
        int n = x.length;
        if (num == n) {
            return x.clone();
        }
        if (n % num == 0 && n / num <= MAX_RATIO) {
            return decimate(x, num, n / num);
        }
        if (num % n == 0 && num / n <= MAX_RATIO) {
            return interpolate(x, num / n);
        }
        double[] spectrum = x.clone();
        FftPlanCache.plan(n).realForward(spectrum);
        double[] out = new double[num];
        // scipy: irfft(X / (n / num), num), irfft carrying 1/num. JTransforms' scaled inverse is exact for every
        // plan; its unscaled one is off by 2 for powers of two (split radix), so the scaled one is used.
        copyBins(spectrum, n, out, num, (double) num / n);
        FftPlanCache.plan(num).realInverse(out, true);
        return out;
    }

    /**
     * scipy's result for {@code n = d * num} (a whole-number ratio, d >= 2), from transforms of length num only.
     *
     * <p>Split x into its components {@code x_r[m] = x[m d + r]}. Every bin of the n-point DFT is
     * {@code X[k] = sum_r w^(r k) X_r[k]} with {@code w = exp(-2 pi i / n)} and {@code X_r} the num-point
     * DFT of {@code x_r}, and scipy keeps exactly bins 0 .. num/2 (the last doubled, real part only, when
     * num is even). The r = 0 term gives back {@code x_0} itself, except that the doubled Nyquist bin adds
     * {@code X_0[num/2] (-1)^m} once more; so
     * <pre>  y[m] = (x_0[m] + irfft(Z)[m]) / d  +  [num even] (-1)^m X_0[num/2] / n,</pre>
     * {@code Z[k] = sum_(r >= 1) w^(r k) X_r[k]} (Nyquist bin {@code 2 sum cos(pi r / d) X_r[num/2]}).
     * For d = 2 this is one forward and one inverse transform of num points instead of one of 2 num and
     * one of num: about a third less work. Equal to scipy's arithmetic up to rounding.
     */
    private static double[] decimate(double[] x, int num, int d) {
        int n = x.length;
        DoubleFFT_1D plan = FftPlanCache.plan(num);
        double[] tw = FftPlanCache.twiddles(n);
        boolean even = num % 2 == 0;
        int lastBin = num / 2; // bins 1 .. lastBin - 1 sit at [2k], [2k + 1] in JTransforms' packed layout
        double[] z = new double[num];
        double[] buf = new double[num];
        for (int r = 1; r < d; r++) {
            for (int m = 0, i = r; m < num; m++, i += d) {
                buf[m] = x[i];
            }
            plan.realForward(buf);
            z[0] += buf[0];
            for (int k = 1, j = 2 * r; k < lastBin; k++, j += 2 * r) {
                double c = tw[j];
                double s = tw[j + 1];
                double re = buf[2 * k];
                double im = buf[2 * k + 1];
                z[2 * k] += re * c + im * s;
                z[2 * k + 1] += im * c - re * s;
            }
            if (even) {
                if (num > 1) {
                    z[1] += 2 * tw[2 * r * lastBin] * buf[1];
                }
            } else if (lastBin >= 1) {
                int j = 2 * r * lastBin;
                double c = tw[j];
                double s = tw[j + 1];
                double re = buf[num - 1];
                double im = buf[1];
                z[num - 1] += re * c + im * s;
                z[1] += im * c - re * s;
            }
        }
        plan.realInverse(z, true);
        double[] out = new double[num];
        double scale = 1.0 / d;
        for (int m = 0, i = 0; m < num; m++, i += d) {
            out[m] = (x[i] + z[m]) * scale;
        }
        if (even) {
            double alternating = 0;
            for (int m = 0, i = 0; m < num; m += 2, i += 2 * d) {
                alternating += x[i] - x[i + d];
            }
            double corr = alternating / n;
            for (int m = 0; m < num; m += 2) {
                out[m] += corr;
                out[m + 1] -= corr;
            }
        }
        return out;
    }

    /**
     * scipy's result for {@code num = u * n} (a whole-number ratio, u >= 2), from transforms of length n only.
     *
     * <p>Output sample {@code u m + r} lies r/u of the way from input m to m + 1. Writing the length-num
     * inverse transform at those points, every kept bin k picks up {@code exp(2 pi i r k / num)} and the sum
     * folds into a length-n inverse transform: phase r of the output is
     * <pre>  y[u m + r] = irfft_n(X[k] exp(2 pi i r k / num))[m],</pre>
     * where for even n the halved bin n/2 and its mirror add up to {@code X[n/2] cos(pi r / u)}, the new
     * Nyquist value. Phase 0 is x itself. One forward transform of n points and u - 1 inverse ones, instead
     * of one of n and one of u n: for u = 2 about a third less work. Equal to scipy's up to rounding.
     */
    private static double[] interpolate(double[] x, int u) {
        int n = x.length;
        int num = u * n;
        DoubleFFT_1D plan = FftPlanCache.plan(n);
        double[] tw = FftPlanCache.twiddles(num);
        double[] spectrum = x.clone();
        plan.realForward(spectrum);
        boolean even = n % 2 == 0;
        int lastBin = n / 2; // bins 1 .. lastBin - 1 are regular in the packed layout
        double[] out = new double[num];
        for (int m = 0, j = 0; m < n; m++, j += u) {
            out[j] = x[m];
        }
        double[] buf = new double[n];
        for (int r = 1; r < u; r++) {
            buf[0] = spectrum[0];
            for (int k = 1, j = 2 * r; k < lastBin; k++, j += 2 * r) {
                double c = tw[j];
                double s = tw[j + 1];
                double re = spectrum[2 * k];
                double im = spectrum[2 * k + 1];
                buf[2 * k] = re * c - im * s; // times (cos + i sin)
                buf[2 * k + 1] = im * c + re * s;
            }
            if (even) {
                if (n > 1) {
                    buf[1] = spectrum[1] * tw[2 * r * lastBin];
                }
            } else if (lastBin >= 1) {
                int j = 2 * r * lastBin;
                double c = tw[j];
                double s = tw[j + 1];
                double re = spectrum[n - 1];
                double im = spectrum[1];
                buf[n - 1] = re * c - im * s;
                buf[1] = im * c + re * s;
            }
            plan.realInverse(buf, true);
            for (int m = 0, j = r; m < n; m++, j += u) {
                out[j] = buf[m];
            }
        }
        return out;
    }

    /**
     * Moves bins {@code 0 .. m/2} of a JTransforms packed real spectrum of length {@code n} into the packed
     * layout of length {@code num}, times {@code scale}, with scipy's treatment of the unpaired bin.
     *
     * <p>Packed layout of length L: {@code a[0]} = Re X0; for even L {@code a[1]} = Re X(L/2); for odd L
     * {@code a[L-1]}, {@code a[1]} = Re, Im X((L-1)/2); every other bin k ("regular") has Re, Im at
     * {@code a[2k], a[2k+1]}. Bins 1 .. m/2 - 1 are regular in both layouts, so they move as one block;
     * bin m/2 is looked up and stored through the layout rules.
     */
    private static void copyBins(double[] src, int n, double[] dst, int num, double scale) {
        int m = Math.min(n, num);
        int last = m / 2;
        dst[0] = src[0] * scale;
        for (int i = 2; i < 2 * last; i++) {
            dst[i] = src[i] * scale;
        }
        if (last == 0) {
            return;
        }
        double re;
        double im;
        if (n % 2 == 0 && last == n / 2) {
            re = src[1];
            im = 0;
        } else if (n % 2 == 1 && last == (n - 1) / 2) {
            re = src[n - 1];
            im = src[1];
        } else {
            re = src[2 * last];
            im = src[2 * last + 1];
        }
        double factor = scale;
        if (m % 2 == 0) {
            factor *= num < n ? 2.0 : 0.5;
        }
        re *= factor;
        im *= factor;
        if (num % 2 == 0 && last == num / 2) {
            dst[1] = re; // the inverse real FFT uses the real part of the Nyquist bin only
        } else if (num % 2 == 1 && last == (num - 1) / 2) {
            dst[num - 1] = re;
            dst[1] = im;
        } else {
            dst[2 * last] = re;
            dst[2 * last + 1] = im;
        }
    }

    /**
     * The output length for resampling {@code n} samples from {@code fs} to {@code targetFs}:
     * {@code round(n * targetFs / fs)} with ties to even, as Python's {@code round()}; {@code n} itself when
     * the rates are equal. May be 0 for very short inputs.
     *
     * @throws IllegalArgumentException for a negative {@code n}, rates that are not positive and finite, or
     *                                  a length above {@value #MAX_OUTPUT_LENGTH}
     */
    public static int outputLength(int n, double fs, double targetFs) {
        requireRate("source rate", fs);
        requireRate("target rate", targetFs);
        if (n < 0) {
            throw new IllegalArgumentException("input length " + n + " must not be negative");
        }
        if (fs == targetFs) {
            return n;
        }
        double num = Math.rint(n * targetFs / fs);
        if (num > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException(n + " samples from " + hz(fs) + " to " + hz(targetFs)
                    + " would give " + String.format(Locale.ROOT, "%.0f", num)
                    + " samples, more than the limit of "
                    + MAX_OUTPUT_LENGTH);
        }
        return (int) num;
    }

    /**
     * Resamples each row (a lead) of {@code leads} from {@code fs} to {@code targetFs} with
     * {@link #resample(double[], int)} and {@link #outputLength(int, double, double)}; rows may differ in
     * length. Equal rates give a deep copy. See {@link #resample(double[][], int)} for how the work is done.
     *
     * @throws IllegalArgumentException for invalid rates, or a non-empty lead so short that it would come out
     *                                  with no samples
     */
    public static double[][] resample(double[][] leads, double fs, double targetFs) {
        Objects.requireNonNull(leads, "leads");
        requireRate("source rate", fs);
        requireRate("target rate", targetFs);
        int[] nums = new int[leads.length];
        for (int i = 0; i < leads.length; i++) {
            int lead = i;
            Objects.requireNonNull(leads[i], () -> "lead " + lead + " is null");
            int n = leads[i].length;
            nums[i] = outputLength(n, fs, targetFs);
            if (n > 0 && nums[i] < 1) {
                throw new IllegalArgumentException("lead " + i + " has " + n + " sample(s): from " + hz(fs)
                        + " to " + hz(targetFs) + " that leaves none");
            }
        }
        return resampleRows(leads, nums);
    }

    /**
     * {@link #resample(double[], int)} for each row (lead) to {@code num} samples; empty rows stay empty.
     * Rows of equal length go through the transforms two at a time ({@link FftPairs}: about 20 % less work
     * than one by one, same results to rounding), and the pairs run in parallel on the common fork-join
     * pool when there is enough work.
     *
     * @throws IllegalArgumentException as {@link #resample(double[], int)}
     */
    public static double[][] resample(double[][] leads, int num) {
        Objects.requireNonNull(leads, "leads");
        int[] nums = new int[leads.length];
        for (int i = 0; i < leads.length; i++) {
            int lead = i;
            Objects.requireNonNull(leads[i], () -> "lead " + lead + " is null");
            if (leads[i].length > 0) {
                checkNum(num, leads[i].length);
            }
            nums[i] = num;
        }
        return resampleRows(leads, nums);
    }

    /** Resamples row i to nums[i] (checked), pairing rows of equal length and equal target. */
    private static double[][] resampleRows(double[][] leads, int[] nums) {
        int rows = leads.length;
        double[][] out = new double[rows][];
        int[] partner = new int[rows];
        Arrays.fill(partner, -2); // -2: not yet assigned, -1: alone, i: paired with i
        int[] tasks = new int[rows];
        int taskCount = 0;
        long total = 0;
        for (int i = 0; i < rows; i++) {
            total += leads[i].length;
            if (partner[i] != -2) {
                continue;
            }
            partner[i] = -1;
            int n = leads[i].length;
            if (n > 0 && nums[i] != n) {
                for (int j = i + 1; j < rows; j++) {
                    if (partner[j] == -2 && leads[j].length == n && nums[j] == nums[i]) {
                        partner[i] = j;
                        partner[j] = i;
                        break;
                    }
                }
            }
            tasks[taskCount++] = i;
        }
        int[] work = Arrays.copyOf(tasks, taskCount);
        forEachLead(taskCount, total, t -> {
            int i = work[t];
            int j = partner[i];
            if (j < 0) {
                out[i] = leads[i].length == 0 ? new double[0] : resample(leads[i], nums[i]);
            } else {
                double[] a = new double[nums[i]];
                double[] b = new double[nums[i]];
                FftPairs.resample(leads[i], leads[j], nums[i], a, b);
                out[i] = a;
                out[j] = b;
            }
        });
        return out;
    }

    private static void checkNum(int num, int n) {
        if (num < 1) {
            throw new IllegalArgumentException("output length num " + num + " must be at least 1 for an input of "
                    + n + " samples");
        }
        if (num > MAX_OUTPUT_LENGTH) {
            throw new IllegalArgumentException("output length num " + num + " exceeds the limit of "
                    + MAX_OUTPUT_LENGTH + " samples");
        }
    }

    /** Runs {@code body} for every lead index, in parallel when there are several leads and enough samples. */
    static void forEachLead(int count, long totalSamples, IntConsumer body) {
        IntStream indices = IntStream.range(0, count);
        if (count > 1 && totalSamples >= PARALLEL_THRESHOLD) {
            indices = indices.parallel();
        }
        indices.forEach(body);
    }

    /** Throws unless {@code hz} is positive and finite; the message names {@code what}. */
    static void requireRate(String what, double hz) {
        if (!Double.isFinite(hz)) {
            throw new IllegalArgumentException(what + " " + hz(hz) + " must be a finite number");
        }
        if (hz <= 0) {
            throw new IllegalArgumentException(what + " " + hz(hz) + " must be positive");
        }
    }

    /** A rate for messages: "500 Hz", "360.5 Hz", "NaN Hz". */
    static String hz(double hz) {
        if (hz == Math.rint(hz) && Math.abs(hz) < 1e15) {
            return (long) hz + " Hz";
        }
        return hz + " Hz";
    }
}
