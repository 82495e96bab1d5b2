package org.ecgworkbench.measure;

import java.util.ArrayList;
import java.util.List;

/**
 * The waves of one lead inside a window: runs of samples on one side of the isoelectric level. A run counts as a
 * wave only when it is at least {@value #MIN_WAVE_MV} mV from the level for at least {@value #MIN_WAVE_MS} ms
 * (the smallest wave IEC 60601-2-51, Annex GG, asks an analysing electrocardiograph to recognise); smaller runs
 * are ripples and are ignored, and waves of one sign that only such ripples separate are one wave (a notch that
 * does not cross the baseline, or barely does, makes no new wave).
 */
final class Deflections {

    static final double MIN_WAVE_MV = 0.03;
    static final double MIN_WAVE_MS = 6;
    /** Closer to the level than this, a sample is on it (a wave's ends are where it leaves the level). */
    static final double ON_LEVEL_MV = 0.005;

    /**
     * One wave.
     *
     * @param amplitudeMv signed extreme from the isoelectric level
     * @param start       where it leaves the level, in fractional samples (the window's start if it begins there)
     * @param end         where it returns to the level, in fractional samples (the window's end at most)
     */
    record Wave(double amplitudeMv, double start, double end) {

        boolean positive() {
            return amplitudeMv > 0;
        }

        double ms(double fs) {
            return (end - start) * 1000.0 / fs;
        }
    }

    private Deflections() {
    }

    /**
     * @param row   a lead's median beat
     * @param level its isoelectric level
     * @param from  first sample of the window (inclusive)
     * @param to    last sample of the window (inclusive)
     */
    static List<Wave> find(double[] row, double level, int from, int to, double fs) {
        List<Wave> waves = new ArrayList<>();
        from = Math.max(0, from);
        to = Math.min(row.length - 1, to);
        if (to < from) return waves;
        double minSamples = MIN_WAVE_MS * fs / 1000.0;
        int i = from;
        while (i <= to) {
            boolean positive = row[i] - level >= 0;
            int j = i;
            double extreme = 0;
            int beyond = 0;
            while (j <= to && (row[j] - level >= 0) == positive) {
                double y = row[j] - level;
                if (Math.abs(y) > Math.abs(extreme)) extreme = y;
                if (Math.abs(y) >= MIN_WAVE_MV) beyond++;
                j++;
            }
            // The run is [i, j-1]; its ends are the interpolated level crossings, or the window's edges.
            double start = i == from ? from : crossing(row, level, i - 1);
            double end = j > to ? to : crossing(row, level, j - 1);
            // Samples lying on the level belong to no wave: a wave that touches it without crossing starts where it leaves.
            int first = i;
            while (first < j - 1 && Math.abs(row[first] - level) <= ON_LEVEL_MV) first++;
            int last = j - 1;
            while (last > first && Math.abs(row[last] - level) <= ON_LEVEL_MV) last--;
            start = Math.max(start, first - 1);
            end = Math.min(end, last + 1);
            if (Math.abs(extreme) >= MIN_WAVE_MV && beyond >= Math.max(1.0, minSamples)) {
                Wave previous = waves.isEmpty() ? null : waves.get(waves.size() - 1);
                if (previous != null && previous.positive() == positive) {
                    double merged = Math.abs(extreme) > Math.abs(previous.amplitudeMv()) ? extreme : previous.amplitudeMv();
                    waves.set(waves.size() - 1, new Wave(merged, previous.start(), end));
                } else {
                    waves.add(new Wave(extreme, start, end));
                }
            }
            i = j;
        }
        return waves;
    }

    /** Fractional position where the signal crosses {@code level} between samples k and k+1. */
    private static double crossing(double[] row, double level, int k) {
        double a = row[k] - level;
        double b = row[k + 1] - level;
        return a == b ? k + 0.5 : k + a / (a - b);
    }
}
