package org.ecgworkbench.signal.dsp;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The anti-aliasing filter of {@code scipy.signal.resample_poly(x, up, down)} with its default window, split
 * into polyphase components, and the filtering itself. Immutable, so one instance serves any number of
 * threads; designs are cached by (up, down) in a small LRU ({@link #forFactors}).
 *
 * <p><b>The arithmetic scipy performs.</b> With {@code M = max(up, down)}, {@code L = 10 M} and
 * {@code h = firwin(2L + 1, 1/M, window=('kaiser', 5.0)) * up}, scipy pads h in front with
 * {@code down - L % down} zeros, runs {@code upfirdn} (insert {@code up - 1} zeros after each sample,
 * convolve, keep every {@code down}-th sample) and drops {@code (L + pad) / down} leading outputs, then keeps
 * {@code ceil(n up / down)}. The padding is chosen so that {@code L + pad} is a multiple of {@code down};
 * worked through, output k is the filter centred on input time {@code k down / up}:
 * <pre>  y[k] = sum_i x[i] h[k down + L - i up]      (terms with the index of h outside 0..2L are absent,
 *                                                x outside 0..n-1 is the constant 0)</pre>
 *
 * <p><b>Polyphase evaluation.</b> Write {@code t = k down + L = q up + p} with {@code 0 <= p < up}. Then only
 * the taps {@code g_p[j] = h[p + j up]} meet real samples, {@code y[k] = sum_j g_p[j] x[q - j]}: no products
 * with inserted zeros. Outputs {@code k = c, c + up, c + 2 up, ...} share the phase of {@code c}, and their
 * {@code q} advances by {@code down}; splitting x into its {@code down} decimated components makes each
 * tap's contribution to a block of that run one unit-stride multiply-add. HotSpot 17 vectorises such a loop
 * only when every array in it is indexed alike, so the samples a tap meets are first copied into a scratch
 * row (an intrinsic copy), four taps are added per pass, and the block's sums stay in L1
 * ({@link #applyByClass}). Short signals with many phases (10 s at 257 to 500 Hz: 500 phases of ten
 * outputs) would leave those loops too short, so they take one dot product per output instead
 * ({@link #applyDirect}). Outputs near the signal's ends simply have fewer terms, as with scipy's zero
 * padding. Either way each output is the same sum, added in a different order than scipy's: the results
 * agree to rounding.
 *
 * <p>Taps where {@code i - L} is a non-zero multiple of M are zeros of the ideal sinc; scipy's values there
 * are rounding residue of {@code sin(pi k)} (about 1e-17 of the peak tap), so they are skipped, which halves
 * the work of 2:1 decimation and makes one phase of every integer interpolation a plain copy. The effect on
 * the output is below 1e-15 of the signal's range.
 */
final class PolyphaseFilter {

    /** scipy's default window for resample_poly: ('kaiser', 5.0). */
    static final double KAISER_BETA = 5.0;
    /** Largest reduced up or down factor accepted: a filter of 20 max + 1 taps (about 1 M here). */
    static final int MAX_FACTOR = 50_000;
    /** Outputs per block: the block's accumulators stay in L1 while all taps pass over them. */
    private static final int BLOCK = 1024;
    /** Below this many outputs per phase, outputs are computed one dot product at a time. */
    static final int DIRECT_BELOW = 24;
    /** Taps multiplied and added per pass over a block. */
    private static final int GROUP = 4;

    static final int MAX_CACHED = 16;
    /** Taps kept in the cache in all; a design holds about three doubles per tap (full, phases, reversed). */
    static final long MAX_CACHED_TAPS = 2_000_000;
    private static final Map<Long, PolyphaseFilter> CACHE = new LinkedHashMap<>(32, 0.75f, true);
    private static long cachedTaps;

    final int up;
    final int down;
    final int halfLen;
    /** The full filter, firwin(...) * up, 2 halfLen + 1 taps, as scipy uses it. */
    private final double[] taps;
    /** For phase p: the tap numbers j (ascending) that are kept, and g_p[j]. */
    private final int[][] phaseIndex;
    private final double[][] phaseTaps;
    /** For phase p: all of g_p, reversed, so that a dot product with x runs forwards. */
    private final double[][] phaseReversed;

    private PolyphaseFilter(int up, int down) {
        this.up = up;
        this.down = down;
        int maxRate = Math.max(up, down);
        this.halfLen = 10 * maxRate;
        double[] h = Firwin.kaiserLowpass(2 * halfLen + 1, 1.0 / maxRate, KAISER_BETA);
        for (int i = 0; i < h.length; i++) {
            h[i] *= up;
        }
        this.taps = h;
        this.phaseIndex = new int[up][];
        this.phaseTaps = new double[up][];
        this.phaseReversed = new double[up][];
        for (int p = 0; p < up; p++) {
            int count = 0;
            int[] index = new int[(2 * halfLen - p) / up + 1];
            double[] g = new double[index.length];
            for (int j = 0; j < index.length; j++) {
                int i = p + j * up;
                int m = i - halfLen;
                if (m != 0 && m % maxRate == 0) {
                    continue;
                }
                index[count] = j;
                g[count] = h[i];
                count++;
            }
            phaseIndex[p] = Arrays.copyOf(index, count);
            phaseTaps[p] = Arrays.copyOf(g, count);
            double[] reversed = new double[index.length];
            for (int j = 0; j < reversed.length; j++) {
                reversed[reversed.length - 1 - j] = h[p + j * up];
            }
            phaseReversed[p] = reversed;
        }
    }

    /**
     * The design for reduced factors {@code up}, {@code down} (coprime, each in 1..{@value #MAX_FACTOR},
     * not both 1), from the cache or built and cached. At most {@value #MAX_CACHED} designs and about
     * {@value #MAX_CACHED_TAPS} taps are kept, least recently used out; a design is built outside the lock.
     */
    static PolyphaseFilter forFactors(int up, int down) {
        Long key = ((long) up << 32) | down;
        synchronized (CACHE) {
            PolyphaseFilter cached = CACHE.get(key);
            if (cached != null) {
                return cached;
            }
        }
        PolyphaseFilter built = new PolyphaseFilter(up, down);
        synchronized (CACHE) {
            PolyphaseFilter raced = CACHE.get(key);
            if (raced != null) {
                return raced;
            }
            long size = built.taps.length;
            if (size <= MAX_CACHED_TAPS) {
                CACHE.put(key, built);
                cachedTaps += size;
                var it = CACHE.entrySet().iterator();
                while ((CACHE.size() > MAX_CACHED || cachedTaps > MAX_CACHED_TAPS) && it.hasNext()) {
                    var e = it.next();
                    if (e.getKey().equals(key)) {
                        continue;
                    }
                    cachedTaps -= e.getValue().taps.length;
                    it.remove();
                }
            }
            return built;
        }
    }

    /** Number of designs cached (tests). */
    static int cachedDesigns() {
        synchronized (CACHE) {
            return CACHE.size();
        }
    }

    /** A copy of the full filter, {@code firwin(2 halfLen + 1, 1/max(up, down)) * up}. */
    double[] taps() {
        return taps.clone();
    }

    /** Filters and resamples {@code x} (non-empty) into {@code nOut = ceil(n up / down)} samples. */
    double[] apply(double[] x, int nOut) {
        return nOut < (long) DIRECT_BELOW * up ? applyDirect(x, nOut) : applyByClass(x, nOut);
    }

    /**
     * One dot product per output, {@code y[k] = sum_j g_p[j] x[q - j]}: for short signals with many phases
     * (257 to 500 Hz: 500 phases, about ten outputs each in a 10 s record), where the per-class loops would
     * be too short to pay for themselves.
     */
    double[] applyDirect(double[] x, int nOut) {
        int n = x.length;
        double[] out = new double[nOut];
        int stepQ = down / up;
        int stepP = down % up;
        int p = halfLen % up;
        int q = halfLen / up;
        for (int k = 0; k < nOut; k++) {
            double[] g = phaseReversed[p];
            int start = q - g.length + 1; // x index met by g[0]
            int lo = Math.max(0, -start);
            int hi = Math.min(g.length, n - start);
            out[k] = dot(g, x, start, lo, hi);
            q += stepQ;
            p += stepP;
            if (p >= up) {
                p -= up;
                q++;
            }
        }
        return out;
    }

    /** sum of g[i] x[start + i] for i in [lo, hi), in four interleaved partial sums. */
    private static double dot(double[] g, double[] x, int start, int lo, int hi) {
        double s0 = 0;
        double s1 = 0;
        double s2 = 0;
        double s3 = 0;
        int i = lo;
        for (; i + 3 < hi; i += 4) {
            s0 += g[i] * x[start + i];
            s1 += g[i + 1] * x[start + i + 1];
            s2 += g[i + 2] * x[start + i + 2];
            s3 += g[i + 3] * x[start + i + 3];
        }
        for (; i < hi; i++) {
            s0 += g[i] * x[start + i];
        }
        return (s0 + s1) + (s2 + s3);
    }

    /**
     * Outputs grouped by class {@code k mod up} (one phase each), taps applied to blocks of a class with
     * vectorisable multiply-adds: for long signals.
     */
    double[] applyByClass(double[] x, int nOut) {
        double[][] comps = split(x);
        double[] out = new double[nOut];
        int window = Math.min(BLOCK, (nOut + up - 1) / up);
        double[] acc = new double[window];
        double[][] win = new double[GROUP][window];
        int classes = Math.min(up, nOut);
        for (int c = 0; c < classes; c++) {
            int count = (nOut - c + up - 1) / up;
            long t = (long) c * down + halfLen;
            int p = (int) (t % up);
            int q = (int) (t / up);
            int[] index = phaseIndex[p];
            double[] g = phaseTaps[p];
            for (int b0 = 0; b0 < count; b0 += BLOCK) {
                int len = Math.min(count - b0, BLOCK);
                Arrays.fill(acc, 0, len, 0.0);
                int tap = 0;
                for (; tap + GROUP <= index.length; tap += GROUP) {
                    for (int w = 0; w < GROUP; w++) {
                        fetch(comps, q - index[tap + w], b0, len, win[w]);
                    }
                    mac4(acc, len, g[tap], win[0], g[tap + 1], win[1], g[tap + 2], win[2], g[tap + 3], win[3]);
                }
                for (; tap < index.length; tap++) {
                    fetch(comps, q - index[tap], b0, len, win[0]);
                    mac1(acc, len, g[tap], win[0]);
                }
                if (up == 1) {
                    System.arraycopy(acc, 0, out, b0, len);
                } else {
                    for (int s = 0, k = c + b0 * up; s < len; s++, k += up) {
                        out[k] = acc[s];
                    }
                }
            }
        }
        return out;
    }

    /**
     * {@code dst[s] = x[(q - j) + (b0 + s) down]} for s in [0, len), zero where that index leaves the signal:
     * the samples one tap meets for outputs b0 .. b0 + len - 1 of a class, copied so that the multiply-add
     * loops index every array alike (HotSpot 17 vectorises only then), {@code a = q - j}.
     */
    private void fetch(double[][] comps, int a, int b0, int len, double[] dst) {
        double[] comp = comps[Math.floorMod(a, down)];
        int from = b0 + Math.floorDiv(a, down);
        int lo = Math.max(0, -from);
        int hi = Math.min(len, comp.length - from);
        if (lo >= hi) {
            Arrays.fill(dst, 0, len, 0.0);
            return;
        }
        if (lo > 0) {
            Arrays.fill(dst, 0, lo, 0.0);
        }
        System.arraycopy(comp, from + lo, dst, lo, hi - lo);
        if (hi < len) {
            Arrays.fill(dst, hi, len, 0.0);
        }
    }

    /** acc[s] += g0 w0[s] + ... + g3 w3[s], added in that order, for s in [0, len). */
    private static void mac4(double[] acc, int len, double g0, double[] w0, double g1, double[] w1,
            double g2, double[] w2, double g3, double[] w3) {
        for (int s = 0; s < len; s++) {
            acc[s] = acc[s] + g0 * w0[s] + g1 * w1[s] + g2 * w2[s] + g3 * w3[s];
        }
    }

    /** acc[s] += g w[s] for s in [0, len). */
    private static void mac1(double[] acc, int len, double g, double[] w) {
        for (int s = 0; s < len; s++) {
            acc[s] += g * w[s];
        }
    }

    /** The {@code down} decimated components of x: component r holds x[r], x[r + down], ... */
    private double[][] split(double[] x) {
        if (down == 1) {
            return new double[][] {x};
        }
        int n = x.length;
        double[][] comps = new double[down][];
        for (int r = 0; r < down; r++) {
            comps[r] = new double[r < n ? (n - r + down - 1) / down : 0];
        }
        for (int i = 0, m = 0; i < n; m++) {
            for (int r = 0; r < down && i < n; r++, i++) {
                comps[r][m] = x[i];
            }
        }
        return comps;
    }
}
