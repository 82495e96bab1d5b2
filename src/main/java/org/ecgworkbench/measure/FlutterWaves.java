package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.OptionalDouble;

/**
 * Looks for flutter waves: regular atrial activity at {@value #MIN_RATE}-{@value #MAX_RATE}/min in the
 * inferior leads and V1 (II, III, aVF, V1; all leads when none of those is there). Between consecutive
 * delineated beats, from the previous T end to the QRS onset, each window of at least {@value #MIN_WINDOW_SECONDS} s
 * is detrended per lead and its normalised autocorrelation computed over the flutter cycle lengths
 * (176-250 ms, with a margin either side). Sinus rhythm leaves one P wave on a flat line there, which does not
 * repeat at those lags; flutter waves do, every window at the same lag. Flutter is reported when the
 * autocorrelation averaged over the windows and leads peaks inside the range at {@value #MIN_CORRELATION} or
 * more, over at least {@value #MIN_WINDOWS} windows whose own peaks agree within {@value #MAX_LAG_SPREAD}
 * (median absolute deviation over median), and the waves reach {@value #MIN_PEAK_TO_PEAK_MV} mV. The window
 * needs a ventricular rate slow enough to leave room after the T wave: 2:1 flutter at 150/min usually has none,
 * and then flutter is not measurable.
 */
final class FlutterWaves {

    static final double MIN_RATE = 240;
    static final double MAX_RATE = 340;
    static final double MIN_WINDOW_SECONDS = 0.27;
    static final double MIN_CORRELATION = 0.6;
    static final int MIN_WINDOWS = 3;
    static final double MAX_LAG_SPREAD = 0.06;
    static final double MIN_PEAK_TO_PEAK_MV = 0.05;
    private static final List<String> ATRIAL_LEADS = List.of("II", "III", "AVF", "V1");

    private FlutterWaves() {
    }

    /**
     * @param measurable whether there was room to look (enough windows)
     * @param flutter    flutter waves found
     * @param rateBpm    their rate
     * @param reason     why not measurable (empty otherwise)
     */
    record Result(boolean measurable, boolean flutter, OptionalDouble rateBpm, String reason) {
    }

    static Result find(LeadMatrix filtered, List<Beat> beats) {
        double fs = filtered.fs();
        int[] leads = atrialLeads(filtered);
        int minLag = (int) Math.floor(60 / MAX_RATE * fs * 0.9);
        int maxLag = (int) Math.ceil(60 / MIN_RATE * fs * 1.1);
        int inLo = (int) Math.round(60 / MAX_RATE * fs);
        int inHi = (int) Math.round(60 / MIN_RATE * fs);
        // Sums over every step-th sample only: the leads are band-limited to 40 Hz, so about 250 Hz suffices.
        int step = Math.max(1, (int) Math.floor(fs / 250));
        int minWindow = Math.max(maxLag + 3, (int) Math.round(MIN_WINDOW_SECONDS * fs));
        double[] sum = new double[maxLag + 1];
        List<Integer> peaks = new ArrayList<>();
        List<Double> peakToPeak = new ArrayList<>();
        int windows = 0;
        Delineation previous = null;
        for (Beat b : beats) {
            if (b.type() == BeatType.ARTEFACT) continue;
            Delineation d = b.fiducials().orElse(null);
            if (d != null && previous != null && previous.hasTEnd()) {
                int from = previous.tEnd();
                int to = d.qrsOnset() - 1;
                if (to - from + 1 >= minWindow) {
                    double[] r = new double[maxLag + 1];
                    double pp = 0;
                    for (int lead : leads) {
                        double[] w = detrended(filtered.samples()[lead], from, to);
                        double[] a = autocorrelation(w, minLag, maxLag, step);
                        for (int lag = minLag; lag <= maxLag; lag++) r[lag] += a[lag] / leads.length;
                        pp = Math.max(pp, DetectionFunction.peakToPeak(w));
                    }
                    for (int lag = minLag; lag <= maxLag; lag++) sum[lag] += r[lag];
                    peaks.add(argMax(r, minLag, maxLag));
                    peakToPeak.add(pp);
                    windows++;
                }
            }
            previous = d;
        }
        if (windows < MIN_WINDOWS) {
            return new Result(false, false, OptionalDouble.empty(), String.format(Locale.ROOT,
                    "%d window(s) of %.0f ms or more between T end and the next QRS", windows, MIN_WINDOW_SECONDS * 1000));
        }
        int peak = argMax(sum, minLag, maxLag);
        double mean = sum[peak] / windows;
        double[] lags = peaks.stream().mapToDouble(Integer::doubleValue).toArray();
        double medianLag = BeatTyper.median(lags);
        double[] deviation = Arrays.stream(lags).map(l -> Math.abs(l - medianLag)).toArray();
        double spread = BeatTyper.median(deviation) / medianLag;
        double pp = BeatTyper.median(peakToPeak.stream().mapToDouble(Double::doubleValue).toArray());
        boolean flutter = peak >= inLo && peak <= inHi && peak > minLag && peak < maxLag && mean >= MIN_CORRELATION
                && spread <= MAX_LAG_SPREAD && pp >= MIN_PEAK_TO_PEAK_MV;
        if (flutter) flutter = repeatsBeforeP(filtered, leads, beats, peak);
        if (!flutter) return new Result(true, false, OptionalDouble.empty(), "");
        // Parabolic interpolation of the peak lag, for rates at low sampling frequencies.
        double a = sum[peak - 1];
        double c = sum[peak + 1];
        double denominator = a - 2 * sum[peak] + c;
        double refined = peak + (denominator < 0 ? 0.5 * (a - c) / denominator : 0);
        return new Result(true, true, OptionalDouble.of(60 * fs / refined), "");
    }

    /**
     * Where beats have a P wave, it must be a flutter wave: the same wave one atrial cycle earlier (best within
     * ±10 %). A sinus P wave has the T wave's tail or the isoelectric line there.
     */
    private static boolean repeatsBeforeP(LeadMatrix filtered, int[] leads, List<Beat> beats, int cycle) {
        List<Double> repeats = new ArrayList<>();
        int tolerance = Math.max(1, cycle / 10);
        for (Beat b : beats) {
            Delineation d = b.fiducials().orElse(null);
            if (d == null || !d.hasP() || d.pOnset() - cycle - tolerance < 0) continue;
            double best = -1;
            for (int lag = cycle - tolerance; lag <= cycle + tolerance; lag++) {
                best = Math.max(best, correlation(filtered.samples(), leads, d.pOnset(), d.pOnset() - lag, d.pOffset() - d.pOnset() + 1));
            }
            repeats.add(best);
        }
        return repeats.size() < MIN_WINDOWS
                || BeatTyper.median(repeats.stream().mapToDouble(Double::doubleValue).toArray()) >= MIN_CORRELATION;
    }

    /** Correlation of two segments over the given leads, each lead's mean removed in each segment. */
    private static double correlation(double[][] x, int[] leads, int a, int b, int length) {
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int lead : leads) {
            double ma = 0;
            double mb = 0;
            for (int i = 0; i < length; i++) {
                ma += x[lead][a + i];
                mb += x[lead][b + i];
            }
            ma /= length;
            mb /= length;
            for (int i = 0; i < length; i++) {
                double u = x[lead][a + i] - ma;
                double v = x[lead][b + i] - mb;
                sab += u * v;
                saa += u * u;
                sbb += v * v;
            }
        }
        return saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
    }

    private static int[] atrialLeads(LeadMatrix m) {
        List<Integer> chosen = new ArrayList<>();
        for (int i = 0; i < m.leadCount(); i++) {
            if (ATRIAL_LEADS.contains(m.names().get(i).toUpperCase(Locale.ROOT))) chosen.add(i);
        }
        if (chosen.isEmpty()) {
            for (int i = 0; i < m.leadCount(); i++) chosen.add(i);
        }
        return chosen.stream().mapToInt(Integer::intValue).toArray();
    }

    private static double[] detrended(double[] x, int from, int to) {
        int len = to - from + 1;
        double mt = (len - 1) / 2.0;
        double mx = 0;
        for (int i = 0; i < len; i++) mx += x[from + i];
        mx /= len;
        double sxt = 0;
        double stt = 0;
        for (int i = 0; i < len; i++) {
            sxt += (i - mt) * (x[from + i] - mx);
            stt += (i - mt) * (i - mt);
        }
        double slope = stt > 0 ? sxt / stt : 0;
        double[] out = new double[len];
        for (int i = 0; i < len; i++) out[i] = x[from + i] - mx - slope * (i - mt);
        return out;
    }

    /** Pearson correlation between the window and itself shifted by each lag, over their overlap. */
    private static double[] autocorrelation(double[] w, int minLag, int maxLag, int step) {
        double[] r = new double[maxLag + 1];
        for (int lag = minLag; lag <= maxLag && lag < w.length - 2; lag++) {
            double sab = 0;
            double saa = 0;
            double sbb = 0;
            for (int i = 0; i + lag < w.length; i += step) {
                sab += w[i] * w[i + lag];
                saa += w[i] * w[i];
                sbb += w[i + lag] * w[i + lag];
            }
            r[lag] = saa > 0 && sbb > 0 ? sab / Math.sqrt(saa * sbb) : 0;
        }
        return r;
    }

    private static int argMax(double[] x, int from, int to) {
        int best = from;
        for (int i = from; i <= to; i++) {
            if (x[i] > x[best]) best = i;
        }
        return best;
    }
}
