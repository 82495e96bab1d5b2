package org.ecgworkbench.signal.dsp;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.IntFunction;
import org.jtransforms.fft.DoubleFFT_1D;
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * JTransforms plans, and twiddle tables, by transform length; least recently used first out. A plan holds
 * its own tables (6 doubles per point for mixed radix, about 16 for Bluestein), so records of many
 * different lengths must not pile them up: each cache keeps at most {@value #MAX_ENTRIES} entries and about
 * {@value #MAX_POINTS} points of transform length in all. Plans are immutable once built and JTransforms
 * writes only into the array it transforms, so one plan serves any number of threads (checked on the 3.1
 * byte code: no field is written outside the constructor). Building happens outside the lock; two threads
 * asking for the same new length at once may both build it, and one copy wins.
 *
 * <p>Loading this class sets JTransforms' thread count, a JVM-wide setting, to 1 (see
 * {@link #THREADS_PROPERTY}).
 */
final class FftPlanCache {

    /**
     * System property: the number of threads JTransforms may split one transform over. Default 1: the
     * resamplers run leads in parallel instead, and on the 2-core build machines JTransforms' own threads
     * (used for power-of-two lengths above 8192 points and for Bluestein lengths, e.g. the 2570 points of
     * 10 s at 257 Hz) made a 12-lead record 1.7 to 2 times slower, alone or with parallel leads.
     * Mixed-radix lengths (15000, 7500...) are single-threaded in JTransforms anyway.
     */
    static final String THREADS_PROPERTY = "ecgworkbench.fft.threads";

    static {
        ConcurrencyUtils.setNumberOfThreads(Math.max(1, Integer.getInteger(THREADS_PROPERTY, 1)));
    }

    static final int MAX_ENTRIES = 24;
    static final long MAX_POINTS = 2_000_000;

    private static final Lru<DoubleFFT_1D> PLANS = new Lru<>(DoubleFFT_1D::new);
    private static final Lru<double[]> TWIDDLES = new Lru<>(FftPlanCache::makeTwiddles);

    private FftPlanCache() {
    }

    /** The plan for a transform of {@code n >= 1} points. */
    static DoubleFFT_1D plan(int n) {
        return PLANS.get(n);
    }

    /**
     * {@code cos(2 pi j / n), sin(2 pi j / n)} at {@code [2j], [2j + 1]} for {@code j = 0 .. n/2}: the
     * factors {@code exp(-+2 pi i j / n)} that shift the spectrum of a decimated component or of an
     * interpolated phase by a fraction of a sample.
     */
    static double[] twiddles(int n) {
        return TWIDDLES.get(n);
    }

    private static double[] makeTwiddles(int n) {
        int half = n / 2;
        double[] t = new double[2 * half + 2];
        for (int j = 0; j <= half; j++) {
            double angle = 2 * Math.PI * j / n;
            t[2 * j] = Math.cos(angle);
            t[2 * j + 1] = Math.sin(angle);
        }
        return t;
    }

    /** Number of plans held (tests). */
    static int plans() {
        return PLANS.size();
    }

    /** Sum of the lengths of the plans held (tests). */
    static long planPoints() {
        return PLANS.points();
    }

    /** A small LRU keyed by transform length, weighted by that length. */
    private static final class Lru<V> {
        private final Map<Integer, V> map = new LinkedHashMap<>(32, 0.75f, true);
        private final IntFunction<V> build;
        private long points;

        Lru(IntFunction<V> build) {
            this.build = build;
        }

        V get(int n) {
            synchronized (map) {
                V cached = map.get(n);
                if (cached != null) {
                    return cached;
                }
            }
            V built = build.apply(n);
            synchronized (map) {
                V raced = map.get(n);
                if (raced != null) {
                    return raced;
                }
                if (n <= MAX_POINTS) {
                    map.put(n, built);
                    points += n;
                    var eldest = map.keySet().iterator();
                    while ((map.size() > MAX_ENTRIES || points > MAX_POINTS) && eldest.hasNext()) {
                        int key = eldest.next();
                        if (key != n) {
                            points -= key;
                            eldest.remove();
                        }
                    }
                }
                return built;
            }
        }

        int size() {
            synchronized (map) {
                return map.size();
            }
        }

        long points() {
            synchronized (map) {
                return points;
            }
        }
    }
}
