package org.ecgworkbench.dataset;

import java.util.Arrays;
import java.util.Random;
import java.util.SplittableRandom;

/**
 * Applies an {@link Augmentation} in place to one sample ({@code channels × length} floats,
 * channel-major), in this order:
 * <ol>
 *   <li><b>amplitude</b>: every value times one factor drawn from [1 − s, 1 + s] (the same for all leads,
 *       so the leads keep their ratios, which carry the electrical axis);</li>
 *   <li><b>time shift</b>: the whole sample moved by d samples, d uniform in [−maxShift, maxShift];
 *       the samples shifted out are dropped and the vacated ones are zero. Zero fill, not circular:
 *       a circular shift would move the end padding of a short record into its middle and join two
 *       unrelated beats at the wrap, neither of which the model meets at inference;</li>
 *   <li><b>baseline wander</b>: a sinusoid of one frequency drawn from 0.05–0.5 Hz (breathing and body
 *       movement) and one random phase, with an amplitude drawn per lead from [−A, A] mV;</li>
 *   <li><b>noise</b>: white Gaussian noise of the given standard deviation, in mV.</li>
 * </ol>
 * <b>Padding</b>: the leading and trailing samples where every lead is exactly zero are taken for the
 * zero padding of the length step and stay exactly zero: wander and noise are only added between the
 * first and the last real sample, so the model sees padding as it will at inference. (A real
 * recording that is exactly zero on all twelve leads at its ends is treated the same; it is then flat
 * anyway.) Deterministic for a given {@link Random}; nothing is drawn for a component that is off.
 */
public final class SignalAugmenter {

    static final double MIN_WANDER_HZ = 0.05;
    static final double MAX_WANDER_HZ = 0.5;

    private SignalAugmenter() {
    }

    /** For samples at 500 Hz, the default model input rate. */
    public static void apply(float[] signal, int channels, int length, Augmentation augmentation, Random random) {
        apply(signal, 0, channels, length, 500, augmentation, random);
    }

    /**
     * @param offset where the sample starts in {@code signal}
     * @param fs     the samples' rate, for the wander frequency
     */
    public static void apply(float[] signal, int offset, int channels, int length, double fs, Augmentation augmentation,
                             Random random) {
        if (!augmentation.enabled()) return;
        if ((long) offset + (long) channels * length > signal.length) {
            throw new IllegalArgumentException("sample of " + channels + " × " + length + " at " + offset + " exceeds " + signal.length + " values");
        }
        int[] span = realSpan(signal, offset, channels, length);
        if (span == null) return; // all padding
        int first = span[0];
        int last = span[1];
        if (augmentation.amplitudeScale() > 0) {
            float factor = (float) (1 + augmentation.amplitudeScale() * (2 * random.nextDouble() - 1));
            for (int k = offset; k < offset + channels * length; k++) signal[k] *= factor;
        }
        if (augmentation.maxShift() > 0) {
            int d = random.nextInt(2 * augmentation.maxShift() + 1) - augmentation.maxShift();
            shift(signal, offset, channels, length, d);
            first = Math.max(0, first + d);
            last = Math.min(length - 1, last + d);
            if (first > last) return; // shifted out entirely
        }
        if (augmentation.baselineWander() > 0) {
            double f = MIN_WANDER_HZ + (MAX_WANDER_HZ - MIN_WANDER_HZ) * random.nextDouble();
            double phase = 2 * Math.PI * random.nextDouble();
            double w = 2 * Math.PI * f / fs;
            // One wave shared by the leads (one breathing pattern), each lead with its own amplitude.
            float[] wave = new float[last - first + 1];
            for (int k = first; k <= last; k++) wave[k - first] = (float) Math.sin(w * k + phase);
            for (int c = 0; c < channels; c++) {
                float amp = (float) (augmentation.baselineWander() * (2 * random.nextDouble() - 1));
                int base = offset + c * length;
                for (int k = first; k <= last; k++) signal[base + k] += amp * wave[k - first];
            }
        }
        if (augmentation.noiseStd() > 0) {
            // java.util.Random's nextGaussian is the slow polar method behind a lock; 60,000 draws a sample
            // come from a SplittableRandom seeded by it instead (a fast ziggurat; still deterministic).
            SplittableRandom noise = new SplittableRandom(random.nextLong());
            double sd = augmentation.noiseStd();
            for (int c = 0; c < channels; c++) {
                int base = offset + c * length;
                for (int k = first; k <= last; k++) signal[base + k] += (float) (sd * noise.nextGaussian());
            }
        }
    }

    /** First and last index where some lead is not exactly zero; null when none is. */
    static int[] realSpan(float[] signal, int offset, int channels, int length) {
        int first = -1;
        for (int k = 0; k < length && first < 0; k++) {
            for (int c = 0; c < channels; c++) {
                if (signal[offset + c * length + k] != 0f) {
                    first = k;
                    break;
                }
            }
        }
        if (first < 0) return null;
        int last = first;
        for (int k = length - 1; k > first; k--) {
            boolean real = false;
            for (int c = 0; c < channels && !real; c++) real = signal[offset + c * length + k] != 0f;
            if (real) {
                last = k;
                break;
            }
        }
        return new int[] {first, last};
    }

    /** Moves every lead by {@code d} samples (positive: later), zero-filling what is vacated. */
    static void shift(float[] signal, int offset, int channels, int length, int d) {
        if (d == 0) return;
        int n = length - Math.abs(d);
        for (int c = 0; c < channels; c++) {
            int base = offset + c * length;
            if (n <= 0) {
                Arrays.fill(signal, base, base + length, 0f);
            } else if (d > 0) {
                System.arraycopy(signal, base, signal, base + d, n);
                Arrays.fill(signal, base, base + d, 0f);
            } else {
                System.arraycopy(signal, base - d, signal, base, n);
                Arrays.fill(signal, base + n, base + length, 0f);
            }
        }
    }
}
