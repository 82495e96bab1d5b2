package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Delineates every typed beat (artefacts and untyped beats aside) in record sample indices, using the median
 * beat's delineation as a template:
 * <ul>
 * <li>beats of the dominant morphology (QRS correlation with the template at {@value BeatTyper#MIN_CORRELATION}
 * or more, not wide) take the median beat's QRS onset/offset, T peak and T end at the same distances from
 * their fiducial point (they were aligned on the template); a T end past the next beat's QRS onset is dropped;</li>
 * <li>other beats (ventricular, wide) get their own QRS onset and offset from their spatial velocity (as the
 * median beat's, with the same extensions) and no T;</li>
 * <li>P: the median beat's P wave (all leads, each lead's mean removed) is slid over the beat within
 * ±{@value #P_SHIFT_SECONDS} s of the median's PR, but after the previous beat's T end (the median's QT
 * from its QRS onset, also for beats of other form and where it overlaps this beat) and 20 ms before the QRS onset;
 * the beat has a P wave where the correlation reaches {@value #P_MIN_CORRELATION} and the amplitude is
 * between {@value #P_MIN_AMPLITUDE} and {@value #P_MAX_AMPLITUDE} times the median's. No P on the median beat,
 * no P on any beat.</li>
 * </ul>
 */
final class BeatDelineator {

    static final double P_SHIFT_SECONDS = 0.06;
    static final double P_MIN_CORRELATION = 0.6;
    static final double P_MIN_AMPLITUDE = 0.35;
    static final double P_MAX_AMPLITUDE = 3;

    private BeatDelineator() {
    }

    /** The beats with their fiducials (empty for artefacts, untyped beats and beats without room). */
    static List<Beat> delineate(LeadMatrix filtered, List<Beat> beats, MedianBeats m, Delineation d) {
        double fs = filtered.fs();
        int n = filtered.length();
        double[][] x = filtered.samples();
        int fid = m.fiducial();
        PTemplate p = d.hasP() ? PTemplate.of(m, d) : null;
        int shift = Math.max(1, (int) Math.round(P_SHIFT_SECONDS * fs));
        int prOffset = d.qrsOnset() - d.pOnset();
        int gap = (int) Math.round(MedianBeatDelineator.P_GAP_SECONDS * fs);

        List<Beat> out = new ArrayList<>(beats.size());
        int previousEnd = -1;
        for (int k = 0; k < beats.size(); k++) {
            Beat b = beats.get(k);
            if (b.type() == BeatType.ARTEFACT || b.type() == BeatType.UNTYPED) {
                out.add(b);
                continue;
            }
            int s = b.sample();
            int nextOnset = n;
            for (int j = k + 1; j < beats.size(); j++) {
                if (beats.get(j).type() != BeatType.ARTEFACT) {
                    nextOnset = beats.get(j).sample() - (fid - d.qrsOnset());
                    break;
                }
            }
            int qrsOn;
            int qrsOff;
            int tPeak = -1;
            int tEnd = -1;
            if (b.correlation() >= BeatTyper.MIN_CORRELATION && b.type() != BeatType.VENTRICULAR_OR_WIDE) {
                qrsOn = s + d.qrsOnset() - fid;
                qrsOff = s + d.qrsOffset() - fid;
                if (d.tPeak() >= 0) tPeak = s + d.tPeak() - fid;
                if (d.hasTEnd()) tEnd = s + d.tEnd() - fid;
                if (tEnd >= Math.min(n, nextOnset)) {
                    tEnd = -1;
                    tPeak = tPeak >= Math.min(n, nextOnset) ? -1 : tPeak;
                }
            } else {
                int[] qrs = ownQrs(x, s, fs);
                qrsOn = qrs[0];
                qrsOff = qrs[1];
            }
            if (qrsOn < 0 || qrsOff >= n) {
                out.add(b);
                previousEnd = -1;
                continue;
            }
            int pOn = -1;
            int pOff = -1;
            if (p != null) {
                int expected = qrsOn - prOffset;
                int from = Math.max(expected - shift, previousEnd < 0 ? 0 : previousEnd + 1);
                int to = Math.min(expected + shift, qrsOn - gap - p.length());
                int found = p.find(x, from, to);
                if (found >= 0) {
                    pOn = found;
                    pOff = found + p.length() - 1;
                }
            }
            out.add(new Beat(s, b.type(), b.correlation(), Optional.of(new Delineation(pOn, pOff, qrsOn, qrsOff, tPeak, tEnd))));
            // The next P wave is searched after this beat's T wave, even where its end was dropped for overlapping.
            previousEnd = d.hasTEnd() ? Math.max(qrsOff, qrsOn + d.tEnd() - d.qrsOnset()) : qrsOff;
        }
        return out;
    }

    /** QRS onset and offset of a beat unlike the template, by the median delineator's rule on the beat itself. */
    private static int[] ownQrs(double[][] x, int s, double fs) {
        int n = x[0].length;
        int search = (int) Math.round(MedianBeatDelineator.QRS_SEARCH_SECONDS * fs);
        int from = Math.max(1, s - 2 * search);
        int to = Math.min(n - 2, s + search);
        if (to - from < 4) return new int[] {-1, -1};
        double[] v = new double[to - from + 1];
        for (int i = from; i <= to; i++) {
            double sum = 0;
            for (double[] lead : x) {
                double dv = lead[i + 1] - lead[i - 1];
                sum += dv * dv;
            }
            v[i - from] = Math.sqrt(sum);
        }
        int centre = s - from;
        int peak = centre;
        for (int i = Math.max(0, centre - search / 2); i <= Math.min(v.length - 1, centre + search / 2); i++) {
            if (v[i] > v[peak]) peak = i;
        }
        double floor = Double.POSITIVE_INFINITY;
        for (int i = 0; i < Math.max(1, peak - search / 2); i++) floor = Math.min(floor, v[i]);
        if (!Double.isFinite(floor)) floor = 0;
        double threshold = floor + MedianBeatDelineator.QRS_FRACTION * (v[peak] - floor);
        int quiet = Math.max(2, (int) Math.round(MedianBeatDelineator.QRS_QUIET_SECONDS * fs));
        int onset = peak;
        int below = 0;
        for (int i = peak; i >= Math.max(0, peak - search) && below < quiet; i--) {
            if (v[i] >= threshold) {
                onset = i;
                below = 0;
            } else {
                below++;
            }
        }
        int offset = peak;
        below = 0;
        for (int i = peak; i <= Math.min(v.length - 1, peak + search) && below < quiet; i++) {
            if (v[i] >= threshold) {
                offset = i;
                below = 0;
            } else {
                below++;
            }
        }
        int on = from + onset - (int) Math.round(MedianBeatDelineator.QRS_ONSET_EXTENSION * fs);
        int off = from + offset + (int) Math.round(MedianBeatDelineator.QRS_OFFSET_EXTENSION * fs);
        return new int[] {Math.max(0, on), Math.min(n - 1, off)};
    }

    /** The median beat's P wave, each lead's mean removed, for sliding correlation. */
    private record PTemplate(double[][] wave, double energy) {

        static PTemplate of(MedianBeats m, Delineation d) {
            double[][] rows = m.samples();
            int len = d.pOffset() - d.pOnset() + 1;
            double[][] wave = new double[rows.length][len];
            double energy = 0;
            for (int l = 0; l < rows.length; l++) {
                double mean = 0;
                for (int i = 0; i < len; i++) mean += rows[l][d.pOnset() + i];
                mean /= len;
                for (int i = 0; i < len; i++) {
                    wave[l][i] = rows[l][d.pOnset() + i] - mean;
                    energy += wave[l][i] * wave[l][i];
                }
            }
            return new PTemplate(wave, energy);
        }

        int length() {
            return wave.length == 0 ? 0 : wave[0].length;
        }

        /** Start of the best-matching P wave within [from, to], or -1 when none matches. */
        int find(double[][] x, int from, int to) {
            int len = length();
            if (len < 2 || !(energy > 0) || to < from || from < 0 || to + len > x[0].length) return -1;
            int best = -1;
            double bestCorrelation = P_MIN_CORRELATION;
            for (int start = from; start <= to; start++) {
                // The template's leads have zero mean, so the window's own mean drops out of the cross term.
                double cross = 0;
                double own = 0;
                for (int l = 0; l < wave.length; l++) {
                    double[] row = x[l];
                    double[] w = wave[l];
                    double sum = 0;
                    double squares = 0;
                    double dot = 0;
                    for (int i = 0; i < len; i++) {
                        double v = row[start + i];
                        sum += v;
                        squares += v * v;
                        dot += v * w[i];
                    }
                    cross += dot;
                    own += squares - sum * sum / len;
                }
                if (!(own > 0)) continue;
                double c = cross / Math.sqrt(own * energy);
                double amplitude = Math.sqrt(own / energy);
                if (c >= bestCorrelation && amplitude >= P_MIN_AMPLITUDE && amplitude <= P_MAX_AMPLITUDE) {
                    bestCorrelation = c;
                    best = start;
                }
            }
            return best;
        }
    }
}
