package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Forms the median beats from the typed beats ({@link BeatTyper}): the dominant beats and the paced beats of the
 * dominant morphology (in a paced rhythm they are the dominant beats), each already aligned on the QRS template;
 * the median is taken sample by sample from 0.45 s before to 0.7 s after the fiducial point.
 */
public final class MedianBeatBuilder {

    static final double PRE_SECONDS = 0.45;
    static final double POST_SECONDS = 0.7;
    /** Fewest beats a median is formed from. */
    static final int MIN_BEATS = 3;

    private MedianBeatBuilder() {
    }

    /** Beats typed and the median beats, or no medians when fewer than {@value #MIN_BEATS} dominant beats fit. */
    public record Result(List<Beat> beats, Optional<MedianBeats> medians) {
    }

    /**
     * @param filtered   the leads after {@link MeasurementFilter}
     * @param detections QRS positions from {@link QrsDetector}
     */
    public static Result build(LeadMatrix filtered, int[] detections) {
        return build(filtered, detections, new int[0]);
    }

    /**
     * @param filtered   the leads after {@link MeasurementFilter}
     * @param detections QRS positions from {@link QrsDetector}
     * @param spikes     pacing spike positions ({@link SpikeSuppressor#detect} on the unfiltered leads)
     */
    public static Result build(LeadMatrix filtered, int[] detections, int[] spikes) {
        double fs = filtered.fs();
        int n = filtered.length();
        int pre = (int) Math.round(PRE_SECONDS * fs);
        int post = (int) Math.round(POST_SECONDS * fs);
        double[][] x = filtered.samples();
        List<Beat> beats = BeatTyper.type(filtered, detections, spikes);
        List<Integer> dominant = new ArrayList<>();
        for (Beat b : beats) {
            if (formsMedian(b) && b.sample() - pre >= 0 && b.sample() + post < n) dominant.add(b.sample());
        }
        if (dominant.size() < MIN_BEATS) return new Result(beats, Optional.empty());
        double[][] medians = new double[x.length][];
        double[][] stack = new double[dominant.size()][pre + post + 1];
        for (int lead = 0; lead < x.length; lead++) {
            for (int k = 0; k < dominant.size(); k++) {
                System.arraycopy(x[lead], dominant.get(k) - pre, stack[k], 0, pre + post + 1);
            }
            medians[lead] = sampleMedian(stack);
        }
        return new Result(beats, Optional.of(new MedianBeats(filtered.names(), medians, pre, fs, dominant.size())));
    }

    /** Dominant beats, and paced beats of the dominant morphology (a paced rhythm's own beats). */
    private static boolean formsMedian(Beat b) {
        return b.type() == BeatType.DOMINANT
                || b.type() == BeatType.PACED && b.correlation() >= BeatTyper.MIN_CORRELATION;
    }

    static double medianRr(int[] detections) {
        if (detections.length < 2) return 0;
        double[] rr = new double[detections.length - 1];
        for (int i = 1; i < detections.length; i++) rr[i - 1] = detections[i] - detections[i - 1];
        Arrays.sort(rr);
        return rr[rr.length / 2];
    }

    static double[] sampleMedian(double[][] rows) {
        int len = rows[0].length;
        double[] out = new double[len];
        double[] column = new double[rows.length];
        for (int i = 0; i < len; i++) {
            for (int k = 0; k < rows.length; k++) column[k] = rows[k][i];
            Arrays.sort(column);
            int m = column.length;
            out[i] = m % 2 == 1 ? column[m / 2] : (column[m / 2 - 1] + column[m / 2]) / 2;
        }
        return out;
    }

    static double correlation(double[] a, double[] b) {
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < a.length; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= a.length;
        mb /= b.length;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }
}
