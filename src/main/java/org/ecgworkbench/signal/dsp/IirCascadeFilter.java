package org.ecgworkbench.signal.dsp;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * The zero-phase application shared by the transfer-function and the second-order-section forms,
 * both run as a cascade of second-order sections:
 *
 * <ol>
 *   <li>odd extension by {@code padLength} samples at each end ({@code 2 x[0] - x[k]},
 *       {@code 2 x[n-1] - x[n-1-k]});</li>
 *   <li>forward pass, every section starting from its steady-state state times the first
 *       extended sample;</li>
 *   <li>backward pass over the result, states times its last sample;</li>
 *   <li>the extension cut off again.</li>
 * </ol>
 *
 * This is {@code scipy.signal.filtfilt(b, a, x)} (method {@code 'pad'}, {@code padtype='odd'})
 * for one section in {@code lfilter}'s rounding order, and {@code scipy.signal.sosfiltfilt(sos, x)}
 * for sections in {@code sosfilt}'s; the results are scipy's to the last bit or two.
 *
 * <p>Speed: the passes run in place, section by section ({@link IirKernels}), in the result
 * array itself (the extensions sit in small arrays of their own), so the only large allocation
 * is the result. Leads of equal length share loops, up to six at a time. A batch of at least
 * {@link #PARALLEL_MIN_WORK} section-samples is cut into chunks of {@link #CHUNK} leads run on
 * the common fork-join pool and the calling thread (12 x 5000 samples: two chunks of six); a
 * chunk that no pool thread has taken by the time the caller is done with its own runs on the
 * caller, so a busy pool costs little.
 */
abstract sealed class IirCascadeFilter implements ZeroPhaseFilter permits IirBaFiltFilt, SosFiltFilt {

    /** Below this many section-samples (sections x padded samples x leads) a batch stays on the calling thread. */
    static final long PARALLEL_MIN_WORK = 40_000;

    /** Leads per parallel task. */
    static final int CHUNK = IirKernels.MAX_LANES;

    private final double[] coefficients;
    private final double[] initialState;
    private final int sections;
    private final boolean lfilterOrder;
    private final int padLength;
    private final String description;

    /**
     * @param rows         per section {@code b0 b1 b2 a1 a2} ({@code a0 == 1})
     * @param zi           per section the steady-state initial state {@code {zi0, zi1}}
     * @param lfilterOrder {@code lfilter}'s rounding order rather than {@code sosfilt}'s
     */
    IirCascadeFilter(double[][] rows, double[][] zi, boolean lfilterOrder, int padLength, String description) {
        this.sections = rows.length;
        this.coefficients = new double[5 * sections];
        this.initialState = new double[2 * sections];
        for (int s = 0; s < sections; s++) {
            System.arraycopy(rows[s], 0, coefficients, 5 * s, 5);
            initialState[2 * s] = zi[s][0];
            initialState[2 * s + 1] = zi[s][1];
        }
        this.lfilterOrder = lfilterOrder;
        this.padLength = padLength;
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public final int padLength() {
        return padLength;
    }

    @Override
    public final String describe() {
        return description;
    }

    @Override
    public String toString() {
        return description;
    }

    @Override
    public final double[] apply(double[] x) {
        checkLength(x, -1);
        double[][] out = new double[1][];
        filterLanes(new double[][] {x}, out, 0, 1);
        return out[0];
    }

    @Override
    public final double[][] apply(double[][] leads) {
        Objects.requireNonNull(leads, "leads");
        for (int i = 0; i < leads.length; i++) {
            checkLength(leads[i], i);
        }
        // leads of equal length next to each other, so that they share loops
        Integer[] order = new Integer[leads.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, Comparator.comparingInt(i -> leads[i].length));
        double[][] sorted = new double[leads.length][];
        for (int i = 0; i < order.length; i++) {
            sorted[i] = leads[order[i]];
        }
        double[][] filtered = new double[leads.length][];
        long work = 0;
        for (double[] lead : leads) {
            work += (long) sections * (lead.length + 2L * padLength);
        }
        int threads = Math.min(Runtime.getRuntime().availableProcessors(), ForkJoinPool.getCommonPoolParallelism() + 1);
        if (threads < 2 || leads.length < 2 || work < PARALLEL_MIN_WORK) {
            filterRange(sorted, filtered, 0, leads.length);
        } else {
            // chunks of about CHUNK leads; the caller runs the first and then, while joining,
            // any that no pool thread has taken yet
            int chunks = Math.max(Math.min(threads, leads.length), (leads.length + CHUNK - 1) / CHUNK);
            List<ForkJoinTask<?>> forked = new ArrayList<>();
            for (int t = chunks - 1; t >= 1; t--) {
                int from = (int) ((long) leads.length * t / chunks);
                int to = (int) ((long) leads.length * (t + 1) / chunks);
                forked.add(ForkJoinTask.adapt(() -> filterRange(sorted, filtered, from, to)).fork());
            }
            filterRange(sorted, filtered, 0, (int) ((long) leads.length / chunks));
            for (int k = forked.size() - 1; k >= 0; k--) {
                forked.get(k).join();
            }
        }
        double[][] out = new double[leads.length][];
        for (int i = 0; i < order.length; i++) {
            out[order[i]] = filtered[i];
        }
        return out;
    }

    /** Filters {@code x[from..to)} (sorted by length) into {@code out}, equal lengths sharing loops. */
    private void filterRange(double[][] x, double[][] out, int from, int to) {
        int i = from;
        while (i < to) {
            int j = i + 1;
            while (j < to && x[j].length == x[i].length) {
                j++;
            }
            while (i < j) {
                int lanes = IirKernels.lanesFor(j - i);
                filterLanes(x, out, i, lanes);
                i += lanes;
            }
        }
    }

    /**
     * scipy's filtfilt/sosfiltfilt on {@code x[k..k+lanes)}, all of the same length, into new
     * arrays {@code out[k..k+lanes)}. The extended signal lives in three pieces per lead: the
     * left and right extensions in small arrays, the middle in the result array itself, so
     * nothing longer than the result is ever allocated or copied.
     */
    private void filterLanes(double[][] x, double[][] out, int k, int lanes) {
        int n = x[k].length;
        int e = padLength;
        double[][] in = new double[lanes][];
        double[][] y = new double[lanes][];
        double[][] left = new double[lanes][];
        double[][] right = new double[lanes][];
        double[] first = new double[lanes];
        double[] last = new double[lanes];
        for (int l = 0; l < lanes; l++) {
            double[] xl = x[k + l];
            in[l] = xl;
            y[l] = new double[n];
            left[l] = new double[e];
            right[l] = new double[e];
            // scipy's odd_ext: 2 x[0] - x[e..1] before, 2 x[n-1] - x[n-2..n-1-e] after
            double x0 = 2 * xl[0];
            for (int i = 0; i < e; i++) {
                left[l][i] = x0 - xl[e - i];
            }
            double xn = 2 * xl[n - 1];
            for (int j = 0; j < e; j++) {
                right[l][j] = xn - xl[n - 2 - j];
            }
            first[l] = e > 0 ? left[l][0] : xl[0];
        }
        double[] state = new double[2 * lanes];
        for (int s = 0; s < sections; s++) {
            int ci = 5 * s;
            startState(s, first, state);
            IirKernels.pass(left, left, 0, lanes, 0, 0, e, false, lfilterOrder, coefficients, ci, state);
            IirKernels.pass(s == 0 ? in : y, y, 0, lanes, 0, 0, n, false, lfilterOrder, coefficients, ci, state);
            IirKernels.pass(right, right, 0, lanes, 0, 0, e, false, lfilterOrder, coefficients, ci, state);
        }
        for (int l = 0; l < lanes; l++) {
            last[l] = e > 0 ? right[l][e - 1] : y[l][n - 1];
        }
        for (int s = 0; s < sections; s++) {
            int ci = 5 * s;
            startState(s, last, state);
            IirKernels.pass(right, right, 0, lanes, 0, 0, e, true, lfilterOrder, coefficients, ci, state);
            IirKernels.pass(y, y, 0, lanes, 0, 0, n, true, lfilterOrder, coefficients, ci, state);
            if (s < sections - 1) {
                // the last section's output on the left extension is cut off anyway
                IirKernels.pass(left, left, 0, lanes, 0, 0, e, true, lfilterOrder, coefficients, ci, state);
            }
        }
        for (int l = 0; l < lanes; l++) {
            out[k + l] = y[l];
        }
    }

    /** Section {@code s}'s steady state scaled by each lane's first sample of the pass, as scipy's {@code zi * x0}. */
    private void startState(int s, double[] scale, double[] state) {
        double zi0 = initialState[2 * s];
        double zi1 = initialState[2 * s + 1];
        for (int l = 0; l < scale.length; l++) {
            state[2 * l] = zi0 * scale[l];
            state[2 * l + 1] = zi1 * scale[l];
        }
    }

    private void checkLength(double[] x, int lead) {
        String which = lead < 0 ? "x" : "leads[" + lead + "]";
        Objects.requireNonNull(x, which);
        if (x.length <= padLength) {
            throw new IllegalArgumentException(description + " needs more than " + padLength + " samples, "
                    + which + " has " + x.length);
        }
    }

    /** The steady-state initial states {@code zi0 zi1} per section. */
    final double[][] initialStates() {
        double[][] zi = new double[sections][];
        for (int s = 0; s < sections; s++) {
            zi[s] = new double[] {initialState[2 * s], initialState[2 * s + 1]};
        }
        return zi;
    }
}
