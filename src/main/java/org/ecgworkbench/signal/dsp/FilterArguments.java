package org.ecgworkbench.signal.dsp;

import java.math.BigDecimal;

/** Argument checks shared by the filter designs; every message names the parameter at fault. */
final class FilterArguments {

    static final int MAX_ORDER = 8;

    private FilterArguments() {
    }

    static void checkSamplingRate(double fs) {
        if (!Double.isFinite(fs) || fs <= 0) {
            throw new IllegalArgumentException("fs must be a finite sampling frequency > 0 Hz, got " + fs);
        }
    }

    static void checkOrder(int order) {
        if (order < 1 || order > MAX_ORDER) {
            throw new IllegalArgumentException(
                    "order must be between 1 and " + MAX_ORDER + ", got " + order);
        }
    }

    /**
     * A critical frequency must be finite, above 0 and below the Nyquist frequency.
     *
     * @param parameter the parameter's name ({@code cutoffHz}, {@code lowHz}, ...)
     * @param what      what it is, for the message ({@code "high-pass cutoff"}, {@code "notch"})
     */
    static void checkFrequency(String parameter, String what, double hz, double fs) {
        if (!Double.isFinite(hz)) {
            throw new IllegalArgumentException(parameter + " must be a finite frequency, got " + hz);
        }
        if (hz <= 0) {
            throw new IllegalArgumentException(parameter + " must be > 0 Hz, got " + hz);
        }
        double nyquist = fs / 2;
        if (hz >= nyquist) {
            throw new IllegalArgumentException(what + " " + hz(hz) + " Hz is " + (hz == nyquist ? "at" : "above")
                    + " the Nyquist frequency " + hz(nyquist) + " Hz of a " + hz(fs) + " Hz signal ("
                    + parameter + " must be below fs/2)");
        }
    }

    static void checkBand(double lowHz, double highHz) {
        if (!(lowHz < highHz)) {
            throw new IllegalArgumentException("band-pass lowHz " + hz(lowHz) + " Hz must be below highHz "
                    + hz(highHz) + " Hz");
        }
    }

    static void checkQuality(double q) {
        if (!Double.isFinite(q) || q <= 0) {
            throw new IllegalArgumentException("q must be a finite quality factor > 0, got " + q);
        }
    }

    /** A frequency as people write it: {@code 0.5}, {@code 40}, {@code 128.5}. */
    static String hz(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
