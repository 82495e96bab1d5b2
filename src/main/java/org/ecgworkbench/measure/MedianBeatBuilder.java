package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Types the detected beats and forms the median beats from the dominant ones. A first template is the
 * sample-wise median of all beats' QRS regions (±60 ms, all leads); beats whose QRS correlates with it
 * at 0.9 or more are of the dominant morphology, and of those the ones not premature (RR at least 80 %
 * of the median RR) are dominant. Each dominant beat is then aligned on the template by the shift
 * (within ±10 ms) of highest correlation, and the median over them taken from 0.45 s before to 0.7 s
 * after the fiducial point.
 */
public final class MedianBeatBuilder {

    static final double PRE_SECONDS = 0.45;
    static final double POST_SECONDS = 0.7;
    static final double QRS_HALF_SECONDS = 0.06;
    static final double ALIGN_SECONDS = 0.01;
    static final double MIN_CORRELATION = 0.9;
    static final double PREMATURE_RATIO = 0.8;
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
        double fs = filtered.fs();
        int n = filtered.length();
        int half = Math.max(1, (int) Math.round(QRS_HALF_SECONDS * fs));
        int shiftMax = Math.max(1, (int) Math.round(ALIGN_SECONDS * fs));
        int pre = (int) Math.round(PRE_SECONDS * fs);
        int post = (int) Math.round(POST_SECONDS * fs);
        double[][] x = filtered.samples();

        List<Integer> typable = new ArrayList<>();
        for (int d : detections) {
            if (d - half - shiftMax >= 0 && d + half + shiftMax < n) typable.add(d);
        }
        List<Beat> beats = new ArrayList<>();
        if (typable.size() < MIN_BEATS || filtered.leadCount() == 0) {
            for (int d : detections) beats.add(new Beat(d, BeatType.UNTYPED, Double.NaN));
            return new Result(beats, Optional.empty());
        }
        double[][] qrs = new double[typable.size()][];
        for (int k = 0; k < qrs.length; k++) qrs[k] = segment(x, typable.get(k) - half, 2 * half + 1);
        double[] template = sampleMedian(qrs);
        double medianRr = medianRr(detections);

        List<Integer> dominant = new ArrayList<>();
        for (int d : detections) {
            int k = typable.indexOf(d);
            if (k < 0) {
                beats.add(new Beat(d, BeatType.UNTYPED, Double.NaN));
                continue;
            }
            // Align on the template, then judge morphology and prematurity.
            int bestShift = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int s = -shiftMax; s <= shiftMax; s++) {
                double c = correlation(segment(x, d + s - half, 2 * half + 1), template);
                if (c > best) {
                    best = c;
                    bestShift = s;
                }
            }
            int idx = indexOf(detections, d);
            boolean premature = idx > 0 && medianRr > 0 && detections[idx] - detections[idx - 1] < PREMATURE_RATIO * medianRr;
            BeatType type = best < MIN_CORRELATION ? BeatType.VENTRICULAR_OR_WIDE
                    : premature ? BeatType.PREMATURE_SUPRAVENTRICULAR : BeatType.DOMINANT;
            int aligned = d + bestShift;
            beats.add(new Beat(aligned, type, best));
            if (type == BeatType.DOMINANT && aligned - pre >= 0 && aligned + post < n) dominant.add(aligned);
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

    private static int indexOf(int[] a, int v) {
        for (int i = 0; i < a.length; i++) {
            if (a[i] == v) return i;
        }
        return -1;
    }

    static double medianRr(int[] detections) {
        if (detections.length < 2) return 0;
        double[] rr = new double[detections.length - 1];
        for (int i = 1; i < detections.length; i++) rr[i - 1] = detections[i] - detections[i - 1];
        Arrays.sort(rr);
        return rr[rr.length / 2];
    }

    /** All leads' samples from {@code start}, {@code length} each, concatenated. */
    private static double[] segment(double[][] x, int start, int length) {
        double[] out = new double[x.length * length];
        for (int lead = 0; lead < x.length; lead++) System.arraycopy(x[lead], start, out, lead * length, length);
        return out;
    }

    private static double[] sampleMedian(double[][] rows) {
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
