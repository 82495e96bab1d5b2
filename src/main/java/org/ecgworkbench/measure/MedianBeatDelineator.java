package org.ecgworkbench.measure;

/**
 * Delineates the median beats on all leads together (the CSE convention: global onset = earliest over the
 * leads, offset = latest), using the spatial velocity {@code v(t) = sqrt(sum over leads of x'(t)^2)},
 * which rises as soon as any lead leaves the isoelectric line and falls only when all have settled.
 * <ul>
 * <li>QRS: around the velocity peak near the fiducial, onset is the first and offset the last sample
 * above {@value #QRS_FRACTION} of the peak (over the isoelectric floor) before it stays below for 16 ms.</li>
 * <li>T: the T peak is the largest spatial deviation from the QRS-onset level between QRS offset + 80 ms
 * and the window's end; T end is where the velocity of the 40-ms smoothed beat, past its steepest
 * post-peak point, falls below {@value #T_FRACTION} of that steepest value.</li>
 * <li>P: the largest spatial deviation from the PR level in the 350 ms before QRS onset (but after the
 * previous beat's T end, one RR before this beat's); present when it
 * exceeds {@value #P_MIN_MV} mV; onset and offset where the deviation falls to {@value #P_FRACTION} of
 * its height over the lowest level on that side.</li>
 * </ul>
 */
public final class MedianBeatDelineator {

    static final double QRS_FRACTION = 0.08;
    static final double QRS_SEARCH_SECONDS = 0.12;
    static final double QRS_QUIET_SECONDS = 0.016;
    static final double T_FRACTION = 0.25;
    static final double T_START_AFTER_QRS = 0.08;
    static final double P_MIN_MV = 0.06;
    static final double P_FRACTION = 0.2;
    static final double P_SEARCH_SECONDS = 0.35;
    static final double P_GAP_SECONDS = 0.02;

    /*
     * Threshold crossings sit inside the waves, while cardiologists mark where the first lead leaves and the last
     * returns to the baseline: these constant extensions (chosen on LUDB records 1-50 only, as the mean
     * difference there) move the crossings to where cardiologists put them.
     */
    static final double QRS_ONSET_EXTENSION = 0.018;
    static final double QRS_OFFSET_EXTENSION = 0.019;
    static final double P_EXTENSION = 0.016;
    static final double T_END_EXTENSION = 0.023;

    private MedianBeatDelineator() {
    }

    /**
     * @param m        the median beats
     * @param rrMs     the median RR, which bounds the T search (a QT is below 90 % of RR here)
     */
    public static Delineation delineate(MedianBeats m, double rrMs) {
        double fs = m.fs();
        int len = m.length();
        int fid = m.fiducial();
        double[] v = MovingAverage.centred(spatialVelocity(m.samples(), fs), samples(0.008, fs));

        // QRS
        int search = samples(QRS_SEARCH_SECONDS, fs);
        int peak = fid;
        for (int i = Math.max(0, fid - search / 2); i <= Math.min(len - 1, fid + search / 2); i++) {
            if (v[i] > v[peak]) peak = i;
        }
        double floor = Double.POSITIVE_INFINITY;
        for (int i = Math.max(0, peak - 2 * search); i < Math.max(1, peak - search / 2); i++) floor = Math.min(floor, v[i]);
        if (!Double.isFinite(floor)) floor = 0;
        double threshold = floor + QRS_FRACTION * (v[peak] - floor);
        int quiet = Math.max(2, samples(QRS_QUIET_SECONDS, fs));
        int onset = peak;
        int below = 0;
        for (int i = peak; i >= Math.max(0, peak - search); i--) {
            if (v[i] >= threshold) {
                onset = i;
                below = 0;
            } else if (++below >= quiet) {
                break;
            }
        }
        int offset = peak;
        below = 0;
        for (int i = peak; i <= Math.min(len - 1, peak + search); i++) {
            if (v[i] >= threshold) {
                offset = i;
                below = 0;
            } else if (++below >= quiet) {
                break;
            }
        }

        // T
        double[][] smooth = new double[m.samples().length][];
        for (int l = 0; l < smooth.length; l++) smooth[l] = MovingAverage.centred(m.samples()[l], samples(0.04, fs));
        int tFrom = offset + samples(T_START_AFTER_QRS, fs);
        int tTo = Math.min(len - 1, onset + samples(Math.max(0.3, 0.9 * rrMs / 1000.0), fs));
        int tPeak = -1;
        int tEnd = -1;
        if (tTo > tFrom + 2) {
            double[] dev = deviation(smooth, onset);
            tPeak = argMax(dev, tFrom, tTo);
            double[] vt = spatialVelocity(smooth, fs);
            int steepest = argMax(vt, tPeak, tTo);
            for (int i = steepest; i <= tTo; i++) {
                if (vt[i] < T_FRACTION * vt[steepest]) {
                    tEnd = i;
                    break;
                }
            }
        }

        // P
        int pOnset = -1;
        int pOffset = -1;
        int pTo = onset - samples(P_GAP_SECONDS, fs);
        int pFrom = Math.max(0, onset - samples(P_SEARCH_SECONDS, fs));
        if (tEnd >= 0 && rrMs > 0) {
            // At fast rates the window would reach back into the previous beat's T wave: start after its end.
            pFrom = Math.max(pFrom, tEnd - samples(rrMs / 1000.0, fs));
        }
        if (pTo > pFrom + 2) {
            double[] pdev = deviation(smooth, pTo);
            int pPeak = argMax(pdev, pFrom, pTo);
            if (pdev[pPeak] >= P_MIN_MV && pPeak > pFrom && pPeak < pTo) {
                double lowBefore = pdev[argMin(pdev, pFrom, pPeak)];
                double lowAfter = pdev[argMin(pdev, pPeak, onset)];
                double onLevel = lowBefore + P_FRACTION * (pdev[pPeak] - lowBefore);
                double offLevel = lowAfter + P_FRACTION * (pdev[pPeak] - lowAfter);
                pOnset = pPeak;
                while (pOnset > pFrom && pdev[pOnset] > onLevel) pOnset--;
                pOffset = pPeak;
                while (pOffset < onset && pdev[pOffset] > offLevel) pOffset++;
            }
        }
        int last = len - 1;
        if (pOnset >= 0) {
            pOnset = Math.max(0, pOnset - samples(P_EXTENSION, fs));
            pOffset = Math.min(last, pOffset + samples(P_EXTENSION, fs));
        }
        if (tEnd >= 0) tEnd = Math.min(last, tEnd + samples(T_END_EXTENSION, fs));
        return new Delineation(pOnset, pOffset, Math.max(0, onset - samples(QRS_ONSET_EXTENSION, fs)),
                Math.min(last, offset + samples(QRS_OFFSET_EXTENSION, fs)), tPeak, tEnd);
    }

    private static int samples(double seconds, double fs) {
        return Math.max(1, (int) Math.round(seconds * fs));
    }

    /** sqrt of the summed squared central differences, in mV/s. */
    static double[] spatialVelocity(double[][] x, double fs) {
        int len = x.length == 0 ? 0 : x[0].length;
        int k = Math.max(1, (int) Math.round(0.004 * fs));
        double[] v = new double[len];
        for (int i = 0; i < len; i++) {
            int a = Math.max(0, i - k);
            int b = Math.min(len - 1, i + k);
            if (b == a) continue;
            double s = 0;
            for (double[] lead : x) {
                double d = (lead[b] - lead[a]) * fs / (b - a);
                s += d * d;
            }
            v[i] = Math.sqrt(s);
        }
        return v;
    }

    /** Spatial distance of each sample from the leads' levels at {@code reference}, in mV. */
    private static double[] deviation(double[][] x, int reference) {
        int len = x[0].length;
        double[] d = new double[len];
        for (int i = 0; i < len; i++) {
            double s = 0;
            for (double[] lead : x) {
                double e = lead[i] - lead[reference];
                s += e * e;
            }
            d[i] = Math.sqrt(s);
        }
        return d;
    }

    private static int argMax(double[] x, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            if (x[i] > x[best]) best = i;
        }
        return best;
    }

    private static int argMin(double[] x, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            if (x[i] < x[best]) best = i;
        }
        return best;
    }
}
