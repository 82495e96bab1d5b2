package org.ecgworkbench.synth;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.LeadName;

/**
 * Simple ECG measurements written for the tests, blind to how the generator works: R peaks on
 * lead II from a smoothed derivative energy, an averaged 12-lead beat template, QRS onset and
 * end from the multi-lead (spatial) velocity envelope, P onset and T end from a slower velocity
 * envelope, then PR, QRS, QT(c), frontal axis and amplitudes from the template.
 */
public final class EcgMeasurements {
    private EcgMeasurements() {
    }

    /**
     * Sample indices of the QRS complexes found on lead II: a 5-30 Hz band-pass (an 8 ms
     * smoothing minus a 40 ms one), its squared derivative integrated over 80 ms, local maxima at
     * least 0.22 s apart above 30 % of the typical beat's energy, T waves rejected by slope.
     */
    static int[] rPeaks(EcgRecord record) {
        return rPeaks(record, LeadName.II);
    }

    /** The same on another lead (low-voltage records keep their QRS in the chest leads, not in II). */
    static int[] rPeaks(EcgRecord record, LeadName lead) {
        float[] ii = record.lead(lead).orElseThrow().millivolts();
        double fs = record.fs();
        double[] x = toDouble(ii);
        double[] fast = smooth(x, width(fs, 0.006));
        double[] slow = smooth(x, width(fs, 0.040));
        int n = x.length;
        double[] raw = new double[n];
        for (int i = 1; i + 1 < n; i++) {
            double d = ((fast[i + 1] - slow[i + 1]) - (fast[i - 1] - slow[i - 1])) * fs / 2;
            raw[i] = d * d;
        }
        double[] energy = smooth(raw, width(fs, 0.08));
        int half = (int) Math.round(0.22 * fs);
        List<Integer> maxima = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            boolean isMax = energy[i] > 0;
            for (int j = Math.max(0, i - half); j <= Math.min(n - 1, i + half) && isMax; j++) {
                if (energy[j] > energy[i] || (energy[j] == energy[i] && j < i)) isMax = false;
            }
            if (isMax) maxima.add(i);
        }
        double[] values = maxima.stream().mapToDouble(i -> energy[i]).sorted().toArray();
        // The typical beat: the 70th percentile of the maxima (about half are QRS complexes, the rest
        // T or P waves), so a few large premature beats do not set the level.
        double reference = values.length == 0 ? 0 : values[(int) (0.7 * (values.length - 1))];
        int edge = (int) Math.round(0.05 * fs);
        List<Integer> peaks = new ArrayList<>();
        for (int i : maxima) {
            if (energy[i] < 0.3 * reference || i < edge || i >= n - edge) continue;
            // Pan and Tompkins' T-wave rule (widened to 420 ms): near a QRS, a peak with under half its slope is a T wave.
            if (!peaks.isEmpty()) {
                int previous = peaks.get(peaks.size() - 1);
                if (i - previous < 0.42 * fs && energy[i] < 0.5 * energy[previous]) continue;
            }
            peaks.add(i);
        }
        return peaks.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * R peaks on the lead where the QRS stands out most: the largest peak-to-peak of the band-passed
     * signal (for low-voltage records, whose limb leads hold almost no QRS).
     */
    public static int[] rPeaksOnClearestLead(EcgRecord record) {
        LeadName best = LeadName.II;
        double bestSize = -1;
        for (LeadName lead : LeadName.values()) {
            double[] x = toDouble(record.lead(lead).orElseThrow().millivolts());
            double[] fast = smooth(x, width(record.fs(), 0.006));
            double[] slow = smooth(x, width(record.fs(), 0.040));
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int i = 0; i < x.length; i++) {
                lo = Math.min(lo, fast[i] - slow[i]);
                hi = Math.max(hi, fast[i] - slow[i]);
            }
            if (hi - lo > bestSize) {
                bestSize = hi - lo;
                best = lead;
            }
        }
        return rPeaks(record, best);
    }

    static double[] rrIntervals(int[] peaks, double fs) {
        double[] rr = new double[Math.max(0, peaks.length - 1)];
        for (int i = 1; i < peaks.length; i++) rr[i - 1] = (peaks[i] - peaks[i - 1]) / fs;
        return rr;
    }

    static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    public static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

    static double cv(double[] v) {
        double m = mean(v);
        double ss = 0;
        for (double x : v) ss += (x - m) * (x - m);
        return Math.sqrt(ss / (v.length - 1)) / m;
    }

    /** Beat-to-beat measurements of one record. */
    public record Measured(double heartRate, double medianHeartRate, double rrCv, double qrsMs, double prMs, double qtMs,
                    double qtcMs, double axisDegrees, double maxLimbQrsPeakToPeak, double tPeakII, double tPeakV5,
                    double[][] template, int centre, int qrsOn, int qrsEnd, int pOn, int tEnd) {
    }

    public static Measured measure(EcgRecord record) {
        return measure(record, LeadName.II);
    }

    static Measured measure(EcgRecord record, LeadName detectionLead) {
        return measure(record, rPeaks(record, detectionLead));
    }

    public static Measured measure(EcgRecord record, int[] peaks) {
        double fs = record.fs();
        double[] rr = rrIntervals(peaks, fs);
        double rrMedian = median(rr);
        double hr = 60 / mean(rr);
        // Template from beats with no short interval on either side (premature beats and the beats
        // just before them are left out; AF's long intervals are fine).
        int before = (int) Math.round(Math.min(0.6, 0.65 * rrMedian) * fs);
        int after = (int) Math.round(Math.min(0.7, 0.9 * rrMedian) * fs);
        int n = record.samples();
        List<Integer> used = new ArrayList<>();
        for (int k = 1; k + 1 < peaks.length; k++) {
            double a = (peaks[k] - peaks[k - 1]) / fs;
            double b = (peaks[k + 1] - peaks[k]) / fs;
            if (a > 0.8 * rrMedian && b > 0.8 * rrMedian && peaks[k] - before >= 0 && peaks[k] + after < n) {
                used.add(peaks[k]);
            }
        }
        if (used.isEmpty()) throw new IllegalStateException("no beat to average in " + record.id());
        int length = before + after + 1;
        double[][] template = new double[12][length];
        for (int l = 0; l < 12; l++) {
            float[] mv = record.leads().get(l).millivolts();
            for (int p : used) {
                for (int j = 0; j < length; j++) template[l][j] += mv[p - before + j];
            }
            for (int j = 0; j < length; j++) template[l][j] /= used.size();
        }
        int centre = before;

        double[] fast = spatialVelocity(template, fs, 0.008, 0.002);
        int searchQrs = (int) Math.round(0.10 * fs);
        int vMaxAt = argMax(fast, centre - searchQrs, centre + searchQrs);
        // 5 % of the steepest QRS slope, raised (up to 8 %) above the floor of what is not QRS (f-waves, noise).
        double[] sortedFast = fast.clone();
        Arrays.sort(sortedFast);
        double qrsThreshold = Math.max(0.05 * fast[vMaxAt], Math.min(0.08 * fast[vMaxAt], 3 * sortedFast[sortedFast.length / 5]));
        int qrsGap = (int) Math.round(0.012 * fs);
        int qrsOn = walk(fast, vMaxAt, -1, qrsThreshold, qrsGap);
        int qrsEnd = walk(fast, vMaxAt, +1, qrsThreshold, qrsGap);

        // P and T from a slow envelope of the template with the QRS blanked (bridged by a straight line per lead).
        double[][] blanked = new double[12][];
        for (int l = 0; l < 12; l++) {
            blanked[l] = template[l].clone();
            int a = Math.max(0, qrsOn - (int) Math.round(0.01 * fs));
            int b = Math.min(length - 1, qrsEnd + (int) Math.round(0.01 * fs));
            for (int j = a; j <= b; j++) blanked[l][j] = template[l][a] + (template[l][b] - template[l][a]) * (j - a) / (double) (b - a);
        }
        double[] slow = spatialVelocity(blanked, fs, 0.016, 0.006);
        // The isoelectric noise level: a low percentile, since at fast rates waves fill most of the template.
        double[] sorted = slow.clone();
        Arrays.sort(sorted);
        double floor = sorted[sorted.length / 5];
        double active = Math.max(5 * floor, 0.3);
        int gap = (int) Math.round(0.015 * fs);

        int pOn = -1;
        // Start 25 ms before the QRS onset, beyond the smoothing's reach of the QRS.
        int p = Math.max(0, qrsOn - (int) Math.round(0.025 * fs));
        while (p > 0 && slow[p] < active && qrsOn - p < 0.25 * fs) p--;
        if (slow[p] >= active) {
            int pStart = walk(slow, p, -1, active, gap);
            int peakAt = argMax(slow, pStart, p);
            pOn = walk(slow, peakAt, -1, 0.2 * slow[peakAt], gap);
        }

        int tFirst = qrsEnd + (int) Math.round(0.025 * fs);
        while (tFirst < length - 1 && slow[tFirst] < active && tFirst - qrsEnd < 0.3 * fs) tFirst++;
        int tLast = walk(slow, tFirst, +1, active, gap);
        int tEnd = tangentEnd(blanked, qrsOn, tFirst, tLast, fs);
        double qrsMs = (qrsEnd - qrsOn) / fs * 1000;
        double prMs = pOn < 0 ? Double.NaN : (qrsOn - pOn) / fs * 1000;
        double qtMs = (tEnd - qrsOn) / fs * 1000;
        double qtcMs = qtMs / Math.sqrt(rrMedian);

        double[] net = new double[12];
        double[] p2p = new double[12];
        for (int l = 0; l < 12; l++) {
            double base = template[l][qrsOn];
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (int j = qrsOn; j <= qrsEnd; j++) {
                net[l] += template[l][j] - base;
                lo = Math.min(lo, template[l][j]);
                hi = Math.max(hi, template[l][j]);
            }
            p2p[l] = hi - lo;
        }
        double axis = Math.toDegrees(Math.atan2(net[5], net[0]));
        double limb = 0;
        for (int l = 0; l < 6; l++) limb = Math.max(limb, p2p[l]);
        return new Measured(hr, 60 / rrMedian, cv(rr), qrsMs, prMs, qtMs, qtcMs, axis, limb,
                tPeak(template[1], qrsOn, qrsEnd, rrMedian, fs), tPeak(template[10], qrsOn, qrsEnd, rrMedian, fs),
                template, centre, qrsOn, qrsEnd, pOn, tEnd);
    }

    /**
     * T end by the tangent method on the lead with the largest T wave: the tangent at the
     * steepest return towards baseline after the T peak, extended to the level at the QRS onset.
     */
    private static int tangentEnd(double[][] leads, int qrsOn, int from, int to, double fs) {
        int reachEnd = Math.min(leads[0].length - 1, to + (int) Math.round(0.06 * fs));
        int bestLead = 0;
        int peak = from;
        double bestSize = -1;
        for (int l = 0; l < leads.length; l++) {
            double base = isoelectric(leads[l], qrsOn, fs);
            for (int j = from; j <= reachEnd; j++) {
                double size = Math.abs(leads[l][j] - base);
                if (size > bestSize) {
                    bestSize = size;
                    bestLead = l;
                    peak = j;
                }
            }
        }
        double[] x = smooth(leads[bestLead], width(fs, 0.016));
        double base = isoelectric(x, qrsOn, fs);
        double sign = Math.signum(x[peak] - base);
        int steepest = peak;
        double steepestSlope = 0;
        int k = Math.max(1, (int) Math.round(0.004 * fs));
        // Along the descent back towards the baseline, until the trace reaches it.
        for (int j = Math.max(k, peak); j + k < x.length && (x[j] - base) * sign > 0; j++) {
            double slope = (x[j + k] - x[j - k]) / (2 * k) * sign;
            if (slope < steepestSlope) {
                steepestSlope = slope;
                steepest = j;
            }
        }
        if (steepestSlope == 0) return to;
        long end = Math.round(steepest + (x[steepest] - base) * sign / -steepestSlope);
        return (int) Math.max(peak, Math.min(x.length - 1, end));
    }

    /** The level just before the QRS (the end of the PR segment): mean over the 10 ms before its onset. */
    static double isoelectric(double[] lead, int qrsOn, double fs) {
        int w = Math.max(1, (int) Math.round(0.010 * fs));
        double sum = 0;
        for (int j = qrsOn - 2 - w; j < qrsOn - 2; j++) sum += lead[Math.max(0, j)];
        return sum / w;
    }

    /**
     * QRS duration of one beat (no averaging) around sample {@code at}: the multi-lead velocity
     * envelope above 5 % of its maximum within ±120 ms, ms.
     */
    static double singleBeatQrsMs(EcgRecord record, int at) {
        double fs = record.fs();
        int half = (int) Math.round(0.25 * fs);
        double[][] window = new double[12][2 * half + 1];
        for (int l = 0; l < 12; l++) {
            float[] mv = record.leads().get(l).millivolts();
            for (int j = -half; j <= half; j++) window[l][j + half] = mv[Math.max(0, Math.min(mv.length - 1, at + j))];
        }
        // A 5-point median first: pacing spikes (1-3 samples) must not set the QRS's velocity scale.
        for (int l = 0; l < 12; l++) window[l] = median5(window[l]);
        double[] v = spatialVelocity(window, fs, 0.008, 0.002);
        int search = (int) Math.round(0.12 * fs);
        int peak = argMax(v, half - search, half + search);
        int gap = (int) Math.round(0.012 * fs);
        int on = walk(v, peak, -1, 0.05 * v[peak], gap);
        int end = walk(v, peak, +1, 0.05 * v[peak], gap);
        return (end - on) / fs * 1000;
    }

    private static double[] median5(double[] x) {
        double[] out = x.clone();
        double[] w = new double[5];
        for (int i = 2; i + 2 < x.length; i++) {
            System.arraycopy(x, i - 2, w, 0, 5);
            Arrays.sort(w);
            out[i] = w[2];
        }
        return out;
    }

    /**
     * Pacemaker spikes: samples where some limb or chest lead jumps more than 0.4 mV away from
     * the mean of its neighbours two samples away, merged within 10 ms.
     */
    static int[] pacingSpikes(EcgRecord record) {
        int n = record.samples();
        List<Integer> spikes = new ArrayList<>();
        for (int i = 2; i + 2 < n; i++) {
            double best = 0;
            for (int l = 0; l < 12; l++) {
                float[] x = record.leads().get(l).millivolts();
                best = Math.max(best, Math.abs(x[i] - (x[i - 2] + x[i + 2]) / 2));
            }
            if (best > 0.4 && (spikes.isEmpty() || i - spikes.get(spikes.size() - 1) > 0.01 * record.fs())) spikes.add(i);
        }
        return spikes.stream().mapToInt(Integer::intValue).toArray();
    }

    /**
     * Signed T peak relative to the level before the QRS, in a window fixed by the rate rather
     * than by the T end (a flat T has none): from 60 ms after the QRS to a QT of 0.42 sqrt(RR).
     */
    private static double tPeak(double[] lead, int qrsOn, int qrsEnd, double rr, double fs) {
        double base = isoelectric(lead, qrsOn, fs);
        double best = 0;
        int to = Math.min(lead.length - 1, qrsOn + (int) Math.round(0.42 * Math.sqrt(rr) * fs));
        for (int j = qrsEnd + (int) Math.round(0.06 * fs); j <= to; j++) {
            if (Math.abs(lead[j] - base) > Math.abs(best)) best = lead[j] - base;
        }
        return best;
    }

    /** From {@code start}, moves in {@code direction} while the envelope stays at or above the threshold (gaps up to {@code gap} bridged); the last index at or above it. */
    private static int walk(double[] v, int start, int direction, double threshold, int gap) {
        int last = start;
        int below = 0;
        for (int j = start; j >= 0 && j < v.length; j += direction) {
            if (v[j] >= threshold) {
                last = j;
                below = 0;
            } else if (++below > gap) {
                break;
            }
        }
        return last;
    }

    private static int argMax(double[] v, int from, int to) {
        int best = Math.max(0, from);
        for (int j = Math.max(0, from); j <= Math.min(v.length - 1, to); j++) if (v[j] > v[best]) best = j;
        return best;
    }

    private static double max(double[] v, int from, int to) {
        return v[argMax(v, from, to)];
    }

    /** sqrt(sum over leads of the squared derivative) after smoothing, mV/s. */
    static double[] spatialVelocity(double[][] leads, double fs, double smoothSeconds, double spanSeconds) {
        int n = leads[0].length;
        int k = Math.max(1, (int) Math.round(spanSeconds * fs));
        double[] out = new double[n];
        for (double[] lead : leads) {
            double[] x = smooth(lead, width(fs, smoothSeconds));
            for (int i = k; i + k < n; i++) {
                double d = (x[i + k] - x[i - k]) * fs / (2 * k);
                out[i] += d * d;
            }
        }
        for (int i = 0; i < n; i++) out[i] = Math.sqrt(out[i]);
        return out;
    }

    private static int width(double fs, double seconds) {
        return Math.max(1, (int) Math.round(seconds * fs));
    }

    /** Two passes of a centred moving average. */
    static double[] smooth(double[] x, int w) {
        return movingAverage(movingAverage(x, w), w);
    }

    private static double[] movingAverage(double[] x, int w) {
        if (w <= 1) return x.clone();
        int n = x.length;
        double[] out = new double[n];
        double[] prefix = new double[n + 1];
        for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + x[i];
        int h = w / 2;
        for (int i = 0; i < n; i++) {
            int a = Math.max(0, i - h);
            int b = Math.min(n, i - h + w);
            out[i] = (prefix[b] - prefix[a]) / (b - a);
        }
        return out;
    }

    private static double[] toDouble(float[] f) {
        double[] d = new double[f.length];
        for (int i = 0; i < f.length; i++) d[i] = f[i];
        return d;
    }
}
