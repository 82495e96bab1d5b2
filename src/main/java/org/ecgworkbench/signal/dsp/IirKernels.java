package org.ecgworkbench.signal.dsp;

/**
 * The recursion: one second-order section run over a stretch of one, two, four or six equally
 * long buffers at once, forward or backward. Running a cascade section by section over the whole
 * buffer computes exactly what scipy's sample-by-sample cascade computes (a section only sees its
 * own input and state); several independent buffers in one loop keep the floating-point units
 * busy while each buffer's recursion waits on its previous sample. Measured here (one section,
 * both passes over 12 x 5018 samples): one buffer per loop ~2.5 ns per sample, four ~0.75 ns,
 * six ~0.65 ns (eight or twelve no better: registers run out).
 *
 * <p>Every lane does exactly scipy's operations in scipy's order, so results are bit for bit
 * those of a one-buffer loop. Two orders exist: {@code sosfilt}'s
 * {@code z0 = (b1 x - a1 y) + z1} and {@code lfilter}'s {@code z0 = (z1 + x b1) - y a1}
 * (both: {@code y = b0 x + z0}, {@code z1 = b2 x - a2 y}). Each direction has its own plain
 * counted loop, which the JIT compiles best.
 *
 * <p>Arguments: {@code c} holds the section's {@code b0 b1 b2 a1 a2} from index {@code ci};
 * samples {@code i} in {@code [from, to)} are read from {@code src[k + l][i]} and their outputs
 * written to {@code dst[k + l][i - shift]} (source and destination may be the same array);
 * {@code state} holds each lane's {@code z0, z1} (lane {@code l} at {@code 2 l}), read at the
 * start and written back at the end, so a pass can be split.
 */
final class IirKernels {

    /** Most buffers one loop takes. */
    static final int MAX_LANES = 6;

    private IirKernels() {
    }

    /** Lanes for the next loop when {@code remaining} equally long buffers are left: 6, 4, 2 or 1. */
    static int lanesFor(int remaining) {
        return remaining >= 6 ? 6 : remaining >= 4 ? 4 : remaining >= 2 ? 2 : 1;
    }

    /** One section over lanes {@code k .. k + lanes - 1}; {@code lanes} is 1, 2, 4 or 6 ({@link #lanesFor}). */
    static void pass(double[][] src, double[][] dst, int k, int lanes, int shift, int from, int to, boolean backward,
                     boolean lfilterOrder, double[] c, int ci, double[] state) {
        if (lfilterOrder) {
            switch (lanes) {
                case 1 -> lfilter1(src[k], dst[k], shift, from, to, backward, c, ci, state);
                case 2 -> lfilter2(src[k], dst[k], src[k + 1], dst[k + 1], shift, from, to, backward, c, ci, state);
                case 4 -> lfilter4(src[k], dst[k], src[k + 1], dst[k + 1], src[k + 2], dst[k + 2], src[k + 3],
                        dst[k + 3], shift, from, to, backward, c, ci, state);
                case 6 -> lfilter6(src[k], dst[k], src[k + 1], dst[k + 1], src[k + 2], dst[k + 2], src[k + 3],
                        dst[k + 3], src[k + 4], dst[k + 4], src[k + 5], dst[k + 5], shift, from, to, backward, c,
                        ci, state);
                default -> throw new IllegalArgumentException("lanes must be 1, 2, 4 or 6, got " + lanes);
            }
        } else {
            switch (lanes) {
                case 1 -> sosfilt1(src[k], dst[k], shift, from, to, backward, c, ci, state);
                case 2 -> sosfilt2(src[k], dst[k], src[k + 1], dst[k + 1], shift, from, to, backward, c, ci, state);
                case 4 -> sosfilt4(src[k], dst[k], src[k + 1], dst[k + 1], src[k + 2], dst[k + 2], src[k + 3],
                        dst[k + 3], shift, from, to, backward, c, ci, state);
                case 6 -> sosfilt6(src[k], dst[k], src[k + 1], dst[k + 1], src[k + 2], dst[k + 2], src[k + 3],
                        dst[k + 3], src[k + 4], dst[k + 4], src[k + 5], dst[k + 5], shift, from, to, backward, c,
                        ci, state);
                default -> throw new IllegalArgumentException("lanes must be 1, 2, 4 or 6, got " + lanes);
            }
        }
    }

    private static void sosfilt1(double[] sA, double[] dA, int shift, int from, int to, boolean backward,
            double[] c, int ci, double[] state) {
        double b0 = c[ci];
        double b1 = c[ci + 1];
        double b2 = c[ci + 2];
        double a1 = c[ci + 3];
        double a2 = c[ci + 4];
        double zA0 = state[0];
        double zA1 = state[1];
        if (backward) {
            for (int i = to - 1; i >= from; i--) {
                double xA = sA[i];
                double yA = b0 * xA + zA0;
                zA0 = (b1 * xA - a1 * yA) + zA1;
                zA1 = b2 * xA - a2 * yA;
                dA[i - shift] = yA;
            }
        } else {
            for (int i = from; i < to; i++) {
                double xA = sA[i];
                double yA = b0 * xA + zA0;
                zA0 = (b1 * xA - a1 * yA) + zA1;
                zA1 = b2 * xA - a2 * yA;
                dA[i - shift] = yA;
            }
        }
        state[0] = zA0;
        state[1] = zA1;
    }

    private static void sosfilt2(double[] sA, double[] dA, double[] sB, double[] dB, int shift, int from, int to,
            boolean backward,
            double[] c, int ci, double[] state) {
        double b0 = c[ci];
        double b1 = c[ci + 1];
        double b2 = c[ci + 2];
        double a1 = c[ci + 3];
        double a2 = c[ci + 4];
        double zA0 = state[0];
        double zA1 = state[1];
        double zB0 = state[2];
        double zB1 = state[3];
        if (backward) {
            for (int i = to - 1; i >= from; i--) {
                double xA = sA[i];
                double xB = sB[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                zA0 = (b1 * xA - a1 * yA) + zA1;
                zB0 = (b1 * xB - a1 * yB) + zB1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
            }
        } else {
            for (int i = from; i < to; i++) {
                double xA = sA[i];
                double xB = sB[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                zA0 = (b1 * xA - a1 * yA) + zA1;
                zB0 = (b1 * xB - a1 * yB) + zB1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
            }
        }
        state[0] = zA0;
        state[1] = zA1;
        state[2] = zB0;
        state[3] = zB1;
    }

    private static void sosfilt4(double[] sA, double[] dA, double[] sB, double[] dB, double[] sC, double[] dC,
            double[] sD, double[] dD, int shift, int from, int to, boolean backward,
            double[] c, int ci, double[] state) {
        double b0 = c[ci];
        double b1 = c[ci + 1];
        double b2 = c[ci + 2];
        double a1 = c[ci + 3];
        double a2 = c[ci + 4];
        double zA0 = state[0];
        double zA1 = state[1];
        double zB0 = state[2];
        double zB1 = state[3];
        double zC0 = state[4];
        double zC1 = state[5];
        double zD0 = state[6];
        double zD1 = state[7];
        if (backward) {
            for (int i = to - 1; i >= from; i--) {
                double xA = sA[i];
                double xB = sB[i];
                double xC = sC[i];
                double xD = sD[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                double yC = b0 * xC + zC0;
                double yD = b0 * xD + zD0;
                zA0 = (b1 * xA - a1 * yA) + zA1;
                zB0 = (b1 * xB - a1 * yB) + zB1;
                zC0 = (b1 * xC - a1 * yC) + zC1;
                zD0 = (b1 * xD - a1 * yD) + zD1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                zC1 = b2 * xC - a2 * yC;
                zD1 = b2 * xD - a2 * yD;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
                dC[i - shift] = yC;
                dD[i - shift] = yD;
            }
        } else {
            for (int i = from; i < to; i++) {
                double xA = sA[i];
                double xB = sB[i];
                double xC = sC[i];
                double xD = sD[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                double yC = b0 * xC + zC0;
                double yD = b0 * xD + zD0;
                zA0 = (b1 * xA - a1 * yA) + zA1;
                zB0 = (b1 * xB - a1 * yB) + zB1;
                zC0 = (b1 * xC - a1 * yC) + zC1;
                zD0 = (b1 * xD - a1 * yD) + zD1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                zC1 = b2 * xC - a2 * yC;
                zD1 = b2 * xD - a2 * yD;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
                dC[i - shift] = yC;
                dD[i - shift] = yD;
            }
        }
        state[0] = zA0;
        state[1] = zA1;
        state[2] = zB0;
        state[3] = zB1;
        state[4] = zC0;
        state[5] = zC1;
        state[6] = zD0;
        state[7] = zD1;
    }

    private static void sosfilt6(double[] sA, double[] dA, double[] sB, double[] dB, double[] sC, double[] dC,
            double[] sD, double[] dD, double[] sE, double[] dE, double[] sF, double[] dF, int shift, int from,
            int to, boolean backward,
            double[] c, int ci, double[] state) {
        double b0 = c[ci];
        double b1 = c[ci + 1];
        double b2 = c[ci + 2];
        double a1 = c[ci + 3];
        double a2 = c[ci + 4];
        double zA0 = state[0];
        double zA1 = state[1];
        double zB0 = state[2];
        double zB1 = state[3];
        double zC0 = state[4];
        double zC1 = state[5];
        double zD0 = state[6];
        double zD1 = state[7];
        double zE0 = state[8];
        double zE1 = state[9];
        double zF0 = state[10];
        double zF1 = state[11];
        if (backward) {
            for (int i = to - 1; i >= from; i--) {
                double xA = sA[i];
                double xB = sB[i];
                double xC = sC[i];
                double xD = sD[i];
                double xE = sE[i];
                double xF = sF[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                double yC = b0 * xC + zC0;
                double yD = b0 * xD + zD0;
                double yE = b0 * xE + zE0;
                double yF = b0 * xF + zF0;
                zA0 = (b1 * xA - a1 * yA) + zA1;
                zB0 = (b1 * xB - a1 * yB) + zB1;
                zC0 = (b1 * xC - a1 * yC) + zC1;
                zD0 = (b1 * xD - a1 * yD) + zD1;
                zE0 = (b1 * xE - a1 * yE) + zE1;
                zF0 = (b1 * xF - a1 * yF) + zF1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                zC1 = b2 * xC - a2 * yC;
                zD1 = b2 * xD - a2 * yD;
                zE1 = b2 * xE - a2 * yE;
                zF1 = b2 * xF - a2 * yF;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
                dC[i - shift] = yC;
                dD[i - shift] = yD;
                dE[i - shift] = yE;
                dF[i - shift] = yF;
            }
        } else {
            for (int i = from; i < to; i++) {
                double xA = sA[i];
                double xB = sB[i];
                double xC = sC[i];
                double xD = sD[i];
                double xE = sE[i];
                double xF = sF[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                double yC = b0 * xC + zC0;
                double yD = b0 * xD + zD0;
                double yE = b0 * xE + zE0;
                double yF = b0 * xF + zF0;
                zA0 = (b1 * xA - a1 * yA) + zA1;
                zB0 = (b1 * xB - a1 * yB) + zB1;
                zC0 = (b1 * xC - a1 * yC) + zC1;
                zD0 = (b1 * xD - a1 * yD) + zD1;
                zE0 = (b1 * xE - a1 * yE) + zE1;
                zF0 = (b1 * xF - a1 * yF) + zF1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                zC1 = b2 * xC - a2 * yC;
                zD1 = b2 * xD - a2 * yD;
                zE1 = b2 * xE - a2 * yE;
                zF1 = b2 * xF - a2 * yF;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
                dC[i - shift] = yC;
                dD[i - shift] = yD;
                dE[i - shift] = yE;
                dF[i - shift] = yF;
            }
        }
        state[0] = zA0;
        state[1] = zA1;
        state[2] = zB0;
        state[3] = zB1;
        state[4] = zC0;
        state[5] = zC1;
        state[6] = zD0;
        state[7] = zD1;
        state[8] = zE0;
        state[9] = zE1;
        state[10] = zF0;
        state[11] = zF1;
    }

    private static void lfilter1(double[] sA, double[] dA, int shift, int from, int to, boolean backward,
            double[] c, int ci, double[] state) {
        double b0 = c[ci];
        double b1 = c[ci + 1];
        double b2 = c[ci + 2];
        double a1 = c[ci + 3];
        double a2 = c[ci + 4];
        double zA0 = state[0];
        double zA1 = state[1];
        if (backward) {
            for (int i = to - 1; i >= from; i--) {
                double xA = sA[i];
                double yA = b0 * xA + zA0;
                zA0 = (zA1 + xA * b1) - yA * a1;
                zA1 = b2 * xA - a2 * yA;
                dA[i - shift] = yA;
            }
        } else {
            for (int i = from; i < to; i++) {
                double xA = sA[i];
                double yA = b0 * xA + zA0;
                zA0 = (zA1 + xA * b1) - yA * a1;
                zA1 = b2 * xA - a2 * yA;
                dA[i - shift] = yA;
            }
        }
        state[0] = zA0;
        state[1] = zA1;
    }

    private static void lfilter2(double[] sA, double[] dA, double[] sB, double[] dB, int shift, int from, int to,
            boolean backward,
            double[] c, int ci, double[] state) {
        double b0 = c[ci];
        double b1 = c[ci + 1];
        double b2 = c[ci + 2];
        double a1 = c[ci + 3];
        double a2 = c[ci + 4];
        double zA0 = state[0];
        double zA1 = state[1];
        double zB0 = state[2];
        double zB1 = state[3];
        if (backward) {
            for (int i = to - 1; i >= from; i--) {
                double xA = sA[i];
                double xB = sB[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                zA0 = (zA1 + xA * b1) - yA * a1;
                zB0 = (zB1 + xB * b1) - yB * a1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
            }
        } else {
            for (int i = from; i < to; i++) {
                double xA = sA[i];
                double xB = sB[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                zA0 = (zA1 + xA * b1) - yA * a1;
                zB0 = (zB1 + xB * b1) - yB * a1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
            }
        }
        state[0] = zA0;
        state[1] = zA1;
        state[2] = zB0;
        state[3] = zB1;
    }

    private static void lfilter4(double[] sA, double[] dA, double[] sB, double[] dB, double[] sC, double[] dC,
            double[] sD, double[] dD, int shift, int from, int to, boolean backward,
            double[] c, int ci, double[] state) {
        double b0 = c[ci];
        double b1 = c[ci + 1];
        double b2 = c[ci + 2];
        double a1 = c[ci + 3];
        double a2 = c[ci + 4];
        double zA0 = state[0];
        double zA1 = state[1];
        double zB0 = state[2];
        double zB1 = state[3];
        double zC0 = state[4];
        double zC1 = state[5];
        double zD0 = state[6];
        double zD1 = state[7];
        if (backward) {
            for (int i = to - 1; i >= from; i--) {
                double xA = sA[i];
                double xB = sB[i];
                double xC = sC[i];
                double xD = sD[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                double yC = b0 * xC + zC0;
                double yD = b0 * xD + zD0;
                zA0 = (zA1 + xA * b1) - yA * a1;
                zB0 = (zB1 + xB * b1) - yB * a1;
                zC0 = (zC1 + xC * b1) - yC * a1;
                zD0 = (zD1 + xD * b1) - yD * a1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                zC1 = b2 * xC - a2 * yC;
                zD1 = b2 * xD - a2 * yD;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
                dC[i - shift] = yC;
                dD[i - shift] = yD;
            }
        } else {
            for (int i = from; i < to; i++) {
                double xA = sA[i];
                double xB = sB[i];
                double xC = sC[i];
                double xD = sD[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                double yC = b0 * xC + zC0;
                double yD = b0 * xD + zD0;
                zA0 = (zA1 + xA * b1) - yA * a1;
                zB0 = (zB1 + xB * b1) - yB * a1;
                zC0 = (zC1 + xC * b1) - yC * a1;
                zD0 = (zD1 + xD * b1) - yD * a1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                zC1 = b2 * xC - a2 * yC;
                zD1 = b2 * xD - a2 * yD;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
                dC[i - shift] = yC;
                dD[i - shift] = yD;
            }
        }
        state[0] = zA0;
        state[1] = zA1;
        state[2] = zB0;
        state[3] = zB1;
        state[4] = zC0;
        state[5] = zC1;
        state[6] = zD0;
        state[7] = zD1;
    }

    private static void lfilter6(double[] sA, double[] dA, double[] sB, double[] dB, double[] sC, double[] dC,
            double[] sD, double[] dD, double[] sE, double[] dE, double[] sF, double[] dF, int shift, int from,
            int to, boolean backward,
            double[] c, int ci, double[] state) {
        double b0 = c[ci];
        double b1 = c[ci + 1];
        double b2 = c[ci + 2];
        double a1 = c[ci + 3];
        double a2 = c[ci + 4];
        double zA0 = state[0];
        double zA1 = state[1];
        double zB0 = state[2];
        double zB1 = state[3];
        double zC0 = state[4];
        double zC1 = state[5];
        double zD0 = state[6];
        double zD1 = state[7];
        double zE0 = state[8];
        double zE1 = state[9];
        double zF0 = state[10];
        double zF1 = state[11];
        if (backward) {
            for (int i = to - 1; i >= from; i--) {
                double xA = sA[i];
                double xB = sB[i];
                double xC = sC[i];
                double xD = sD[i];
                double xE = sE[i];
                double xF = sF[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                double yC = b0 * xC + zC0;
                double yD = b0 * xD + zD0;
                double yE = b0 * xE + zE0;
                double yF = b0 * xF + zF0;
                zA0 = (zA1 + xA * b1) - yA * a1;
                zB0 = (zB1 + xB * b1) - yB * a1;
                zC0 = (zC1 + xC * b1) - yC * a1;
                zD0 = (zD1 + xD * b1) - yD * a1;
                zE0 = (zE1 + xE * b1) - yE * a1;
                zF0 = (zF1 + xF * b1) - yF * a1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                zC1 = b2 * xC - a2 * yC;
                zD1 = b2 * xD - a2 * yD;
                zE1 = b2 * xE - a2 * yE;
                zF1 = b2 * xF - a2 * yF;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
                dC[i - shift] = yC;
                dD[i - shift] = yD;
                dE[i - shift] = yE;
                dF[i - shift] = yF;
            }
        } else {
            for (int i = from; i < to; i++) {
                double xA = sA[i];
                double xB = sB[i];
                double xC = sC[i];
                double xD = sD[i];
                double xE = sE[i];
                double xF = sF[i];
                double yA = b0 * xA + zA0;
                double yB = b0 * xB + zB0;
                double yC = b0 * xC + zC0;
                double yD = b0 * xD + zD0;
                double yE = b0 * xE + zE0;
                double yF = b0 * xF + zF0;
                zA0 = (zA1 + xA * b1) - yA * a1;
                zB0 = (zB1 + xB * b1) - yB * a1;
                zC0 = (zC1 + xC * b1) - yC * a1;
                zD0 = (zD1 + xD * b1) - yD * a1;
                zE0 = (zE1 + xE * b1) - yE * a1;
                zF0 = (zF1 + xF * b1) - yF * a1;
                zA1 = b2 * xA - a2 * yA;
                zB1 = b2 * xB - a2 * yB;
                zC1 = b2 * xC - a2 * yC;
                zD1 = b2 * xD - a2 * yD;
                zE1 = b2 * xE - a2 * yE;
                zF1 = b2 * xF - a2 * yF;
                dA[i - shift] = yA;
                dB[i - shift] = yB;
                dC[i - shift] = yC;
                dD[i - shift] = yD;
                dE[i - shift] = yE;
                dF[i - shift] = yF;
            }
        }
        state[0] = zA0;
        state[1] = zA1;
        state[2] = zB0;
        state[3] = zB1;
        state[4] = zC0;
        state[5] = zC1;
        state[6] = zD0;
        state[7] = zD1;
        state[8] = zE0;
        state[9] = zE1;
        state[10] = zF0;
        state[11] = zF1;
    }
}
