package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Types the detected beats (on the leads after {@link MeasurementFilter}), in this order:
 * <ol>
 * <li><b>untyped</b>: too near the record's edges for the QRS window (±{@value #QRS_HALF_SECONDS} s);</li>
 * <li><b>artefact</b>: inside a noise burst (the beat's high-frequency content, ±{@value #NOISE_HALF_SECONDS} s,
 * over {@value #NOISE_RATIO}× the lead's usual in at least a third of the leads), or a QRS seen in few leads
 * only (the median over the leads of its peak-to-peak over the dominant beats' is below {@value #FEW_LEADS_RATIO});</li>
 * <li><b>paced</b>: a pacing spike ({@link SpikeSuppressor#detect}) within {@value #SPIKE_BEFORE_SECONDS} s before
 * the QRS fiducial point, at a delay that another beat's spike shares within {@value #SPIKE_DELAY_TOLERANCE_SECONDS} s
 * (a pacemaker fires at a fixed delay before the QRS it causes; stray artefact spikes land anywhere);</li>
 * <li><b>ventricular or wide</b>: QRS correlation (all leads, ±{@value #QRS_HALF_SECONDS} s, best alignment
 * within ±{@value #ALIGN_SECONDS} s) with the dominant template below {@value #MIN_CORRELATION}, or a QRS
 * wider than the dominant beats' by {@value #WIDER_SECONDS} s or more;</li>
 * <li><b>premature supraventricular</b>: dominant morphology, RR (from the previous beat that is not an
 * artefact) below {@value #PREMATURE_RATIO} of the median RR;</li>
 * <li><b>dominant</b>: the rest.</li>
 * </ol>
 * The dominant template is the sample-wise median of all beats' QRS windows, then again of those that
 * correlate with it at {@value #MIN_CORRELATION} or more, so that a minority of ectopic beats does not shape it.
 * QRS width here is the span where the spatial velocity stays above {@value #WIDTH_FRACTION} of its peak: a
 * comparison between beats, not the delineated QRS duration.
 */
final class BeatTyper {

    static final double QRS_HALF_SECONDS = 0.06;
    static final double ALIGN_SECONDS = 0.01;
    static final double MIN_CORRELATION = 0.9;
    static final double PREMATURE_RATIO = 0.8;
    static final double WIDER_SECONDS = 0.03;
    static final double WIDTH_FRACTION = 0.2;
    static final double WIDTH_SEARCH_SECONDS = 0.12;
    static final double SPIKE_BEFORE_SECONDS = 0.25;
    static final double SPIKE_DELAY_TOLERANCE_SECONDS = 0.01;
    static final double NOISE_HALF_SECONDS = 0.2;
    static final double NOISE_RATIO = 3;
    static final double FEW_LEADS_RATIO = 0.3;
    /** Fewest typable beats a template is formed from. */
    static final int MIN_BEATS = 3;

    private BeatTyper() {
    }

    /** One beat per detection, in order; typed beats are moved to their best alignment on the template. */
    static List<Beat> type(LeadMatrix filtered, int[] detections, int[] spikes) {
        double fs = filtered.fs();
        int n = filtered.length();
        int half = Math.max(1, (int) Math.round(QRS_HALF_SECONDS * fs));
        int shiftMax = Math.max(1, (int) Math.round(ALIGN_SECONDS * fs));
        double[][] x = filtered.samples();

        List<Beat> beats = new ArrayList<>();
        int[] typable = Arrays.stream(detections).filter(d -> d - half - shiftMax >= 0 && d + half + shiftMax < n).toArray();
        if (typable.length < MIN_BEATS || filtered.leadCount() == 0) {
            for (int d : detections) beats.add(new Beat(d, BeatType.UNTYPED, Double.NaN));
            return beats;
        }
        int len = 2 * half + 1;
        double[][] qrs = new double[typable.length][];
        for (int k = 0; k < typable.length; k++) qrs[k] = segment(x, typable[k] - half, len);
        double[] template = MedianBeatBuilder.sampleMedian(qrs);
        Alignment[] aligned = align(x, typable, template, half, shiftMax);
        List<double[]> alike = new ArrayList<>();
        for (int k = 0; k < typable.length; k++) {
            if (aligned[k].correlation >= MIN_CORRELATION) alike.add(segment(x, aligned[k].sample - half, len));
        }
        if (alike.size() >= MIN_BEATS) {
            template = MedianBeatBuilder.sampleMedian(alike.toArray(new double[0][]));
            aligned = align(x, typable, template, half, shiftMax);
        }

        // Per-beat features and the dominant beats' (or, failing those, all beats') usual values.
        int leads = x.length;
        int noiseHalf = (int) Math.round(NOISE_HALF_SECONDS * fs);
        double[] width = new double[typable.length];
        double[][] amplitude = new double[typable.length][];
        double[][] roughness = new double[typable.length][];
        List<Double> alikeWidths = new ArrayList<>();
        List<double[]> alikeAmplitudes = new ArrayList<>();
        for (int k = 0; k < typable.length; k++) {
            int s = aligned[k].sample;
            width[k] = qrsWidth(x, s, fs);
            amplitude[k] = peakToPeak(x, s - half, s + half);
            roughness[k] = roughness(x, Math.max(1, s - noiseHalf), Math.min(n - 2, s + noiseHalf));
            if (aligned[k].correlation >= MIN_CORRELATION) {
                alikeWidths.add(width[k]);
                alikeAmplitudes.add(amplitude[k]);
            }
        }
        double dominantWidth = alikeWidths.isEmpty() ? Double.NaN : median(alikeWidths.stream().mapToDouble(Double::doubleValue).toArray());
        double[] usualAmplitude = MedianBeatBuilder.sampleMedian(alikeAmplitudes.isEmpty() ? amplitude : alikeAmplitudes.toArray(new double[0][]));
        double[] usualRoughness = MedianBeatBuilder.sampleMedian(roughness);

        boolean[] artefact = new boolean[typable.length];
        for (int k = 0; k < typable.length; k++) {
            artefact[k] = inNoiseBurst(roughness[k], usualRoughness) || (leads >= 3 && fewLeads(amplitude[k], usualAmplitude));
        }
        double medianRr = medianRr(typable, artefact);
        boolean[] paced = paced(aligned, spikes, (int) Math.round(SPIKE_BEFORE_SECONDS * fs),
                Math.max(1, (int) Math.round(SPIKE_DELAY_TOLERANCE_SECONDS * fs)));
        int wider = (int) Math.round(WIDER_SECONDS * fs);
        int previous = -1;
        int k = 0;
        for (int d : detections) {
            if (k >= typable.length || typable[k] != d) {
                beats.add(new Beat(d, BeatType.UNTYPED, Double.NaN));
                continue;
            }
            int s = aligned[k].sample;
            BeatType type;
            if (artefact[k]) {
                type = BeatType.ARTEFACT;
            } else if (paced[k]) {
                type = BeatType.PACED;
            } else if (aligned[k].correlation < MIN_CORRELATION || width[k] >= dominantWidth + wider) {
                type = BeatType.VENTRICULAR_OR_WIDE;
            } else if (previous >= 0 && medianRr > 0 && s - previous < PREMATURE_RATIO * medianRr) {
                type = BeatType.PREMATURE_SUPRAVENTRICULAR;
            } else {
                type = BeatType.DOMINANT;
            }
            if (!artefact[k]) previous = s;
            beats.add(new Beat(s, type, aligned[k].correlation));
            k++;
        }
        return beats;
    }

    private record Alignment(int sample, double correlation) {
    }

    private static Alignment[] align(double[][] x, int[] beats, double[] template, int half, int shiftMax) {
        Alignment[] out = new Alignment[beats.length];
        double[] segment = new double[template.length];
        int len = 2 * half + 1;
        for (int k = 0; k < beats.length; k++) {
            int bestShift = 0;
            double best = Double.NEGATIVE_INFINITY;
            for (int s = -shiftMax; s <= shiftMax; s++) {
                for (int lead = 0; lead < x.length; lead++) System.arraycopy(x[lead], beats[k] + s - half, segment, lead * len, len);
                double c = MedianBeatBuilder.correlation(segment, template);
                if (c > best) {
                    best = c;
                    bestShift = s;
                }
            }
            out[k] = new Alignment(beats[k] + bestShift, best);
        }
        return out;
    }

    /** Median RR (samples) between consecutive beats that are not artefacts; 0 with fewer than two. */
    private static double medianRr(int[] beats, boolean[] artefact) {
        double[] rr = new double[beats.length];
        int count = 0;
        int previous = -1;
        for (int k = 0; k < beats.length; k++) {
            if (artefact[k]) continue;
            if (previous >= 0) rr[count++] = beats[k] - previous;
            previous = beats[k];
        }
        return count == 0 ? 0 : median(Arrays.copyOf(rr, count));
    }

    /**
     * Beats with a spike within {@code window} before them at a delay another beat shares (within
     * {@code tolerance}): a pacemaker fires at a fixed delay before the QRS it causes, while a stray artefact
     * spike lands anywhere.
     */
    private static boolean[] paced(Alignment[] beats, int[] spikes, int window, int tolerance) {
        int[] delay = new int[beats.length];
        for (int k = 0; k < beats.length; k++) {
            delay[k] = -1;
            int s = beats[k].sample;
            for (int p : spikes) {
                if (p >= s - window && p <= s) delay[k] = s - p;
            }
        }
        boolean[] out = new boolean[beats.length];
        for (int k = 0; k < beats.length; k++) {
            if (delay[k] < 0) continue;
            for (int j = 0; j < beats.length && !out[k]; j++) {
                out[k] = j != k && delay[j] >= 0 && Math.abs(delay[j] - delay[k]) <= tolerance;
            }
        }
        return out;
    }

    private static boolean inNoiseBurst(double[] roughness, double[] usual) {
        int leads = 0;
        int noisy = 0;
        for (int l = 0; l < usual.length; l++) {
            if (!(usual[l] > 0)) continue;
            leads++;
            if (roughness[l] > NOISE_RATIO * usual[l]) noisy++;
        }
        return leads > 0 && 3 * noisy >= leads;
    }

    private static boolean fewLeads(double[] amplitude, double[] usual) {
        double[] ratio = new double[usual.length];
        int count = 0;
        for (int l = 0; l < usual.length; l++) {
            if (usual[l] > 0) ratio[count++] = amplitude[l] / usual[l];
        }
        return count >= 3 && median(Arrays.copyOf(ratio, count)) < FEW_LEADS_RATIO;
    }

    /** Span (samples) around the spatial-velocity peak near {@code s} where the velocity stays above a share of it. */
    static double qrsWidth(double[][] x, int s, double fs) {
        int n = x[0].length;
        int search = (int) Math.round(WIDTH_SEARCH_SECONDS * fs);
        int from = Math.max(1, s - search);
        int to = Math.min(n - 2, s + search);
        if (to <= from) return 0;
        double[] v = new double[to - from + 1];
        int peak = 0;
        double floor = Double.POSITIVE_INFINITY;
        for (int i = from; i <= to; i++) {
            double sum = 0;
            for (double[] lead : x) {
                double d = lead[i + 1] - lead[i - 1];
                sum += d * d;
            }
            v[i - from] = Math.sqrt(sum);
            if (v[i - from] > v[peak]) peak = i - from;
            floor = Math.min(floor, v[i - from]);
        }
        double threshold = floor + WIDTH_FRACTION * (v[peak] - floor);
        int quiet = Math.max(2, (int) Math.round(0.016 * fs));
        int first = peak;
        int below = 0;
        for (int i = peak; i >= 0 && below < quiet; i--) {
            if (v[i] >= threshold) {
                first = i;
                below = 0;
            } else {
                below++;
            }
        }
        int last = peak;
        below = 0;
        for (int i = peak; i < v.length && below < quiet; i++) {
            if (v[i] >= threshold) {
                last = i;
                below = 0;
            } else {
                below++;
            }
        }
        return last - first;
    }

    private static double[] peakToPeak(double[][] x, int from, int to) {
        double[] out = new double[x.length];
        for (int l = 0; l < x.length; l++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = from; i <= to; i++) {
                lo = Math.min(lo, x[l][i]);
                hi = Math.max(hi, x[l][i]);
            }
            out[l] = hi - lo;
        }
        return out;
    }

    /** Mean absolute second difference per lead: high-frequency content, which muscle noise raises. */
    private static double[] roughness(double[][] x, int from, int to) {
        double[] out = new double[x.length];
        for (int l = 0; l < x.length; l++) {
            double s = 0;
            for (int i = from; i <= to; i++) s += Math.abs(x[l][i + 1] - 2 * x[l][i] + x[l][i - 1]);
            out[l] = s / Math.max(1, to - from + 1);
        }
        return out;
    }

    private static double[] segment(double[][] x, int start, int length) {
        double[] out = new double[x.length * length];
        for (int lead = 0; lead < x.length; lead++) System.arraycopy(x[lead], start, out, lead * length, length);
        return out;
    }

    static double median(double[] values) {
        double[] s = values.clone();
        Arrays.sort(s);
        int m = s.length;
        return m % 2 == 1 ? s[m / 2] : (s[m / 2 - 1] + s[m / 2]) / 2;
    }
}
