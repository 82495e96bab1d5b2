package org.ecgworkbench.signal.dsp;

import java.util.ArrayList;
import java.util.List;

/**
 * Digital Butterworth filters designed as {@code scipy.signal.butter(N, Wn, btype, fs=fs)} does:
 * the analog prototype ({@code buttap}: {@code N} poles on the unit circle, no zeros), the
 * critical frequencies pre-warped ({@code 4 tan(pi Wn / 2)} with {@code Wn} relative to Nyquist),
 * the prototype moved to the band ({@code lp2lp_zpk}, {@code lp2hp_zpk}, {@code lp2bp_zpk}) and
 * mapped to the z-plane ({@code bilinear_zpk} with {@code fs = 2}), all in zero-pole-gain form,
 * then converted to a transfer function or to second-order sections. The arithmetic follows
 * scipy's, operation by operation, so coefficients agree to within a few units in the last place.
 */
public final class ButterworthDesign {

    /** The band types supported. */
    public enum Type {
        LOW_PASS("low-pass"), HIGH_PASS("high-pass"), BAND_PASS("band-pass");

        private final String label;

        Type(String label) {
            this.label = label;
        }

        /** {@code "low-pass"}, {@code "high-pass"} or {@code "band-pass"}. */
        public String label() {
            return label;
        }
    }

    private ButterworthDesign() {
    }

    /**
     * {@code scipy.signal.butter(order, cutoffs, btype, fs=fs, output='ba')}.
     *
     * @param cutoffsHz one cutoff for low- and high-pass, {@code low, high} for band-pass
     * @return {@code {b, a}}, {@code a[0] == 1}
     */
    public static double[][] transferFunction(int order, Type type, double fs, double... cutoffsHz) {
        return zpk(order, type, fs, cutoffsHz).toTransferFunction();
    }

    /**
     * {@code scipy.signal.butter(order, cutoffs, btype, fs=fs, output='sos')}.
     *
     * @param cutoffsHz one cutoff for low- and high-pass, {@code low, high} for band-pass
     * @return rows {@code b0 b1 b2 1 a1 a2}
     */
    public static double[][] secondOrderSections(int order, Type type, double fs, double... cutoffsHz) {
        return zpk(order, type, fs, cutoffsHz).toSos();
    }

    /** Number of poles of the design: the order, twice that for a band-pass. */
    public static int poleCount(int order, Type type) {
        return type == Type.BAND_PASS ? 2 * order : order;
    }

    /** Checks the arguments (messages name the parameter) and designs the zeros, poles and gain. */
    static Zpk zpk(int order, Type type, double fs, double... cutoffsHz) {
        checkArguments(order, type, fs, cutoffsHz);
        Zpk prototype = prototype(order);
        Zpk analog;
        if (type == Type.BAND_PASS) {
            double low = prewarp(cutoffsHz[0], fs);
            double high = prewarp(cutoffsHz[1], fs);
            analog = lowPassToBandPass(prototype, Math.sqrt(low * high), high - low);
        } else {
            double warped = prewarp(cutoffsHz[0], fs);
            analog = type == Type.LOW_PASS ? lowPassToLowPass(prototype, warped) : lowPassToHighPass(prototype, warped);
        }
        return bilinear(analog, 2.0);
    }

    static void checkArguments(int order, Type type, double fs, double... cutoffsHz) {
        FilterArguments.checkSamplingRate(fs);
        FilterArguments.checkOrder(order);
        if (type == Type.BAND_PASS) {
            if (cutoffsHz.length != 2) {
                throw new IllegalArgumentException("a band-pass needs two cutoffs (lowHz, highHz), got " + cutoffsHz.length);
            }
            FilterArguments.checkFrequency("lowHz", "band-pass low cutoff", cutoffsHz[0], fs);
            FilterArguments.checkFrequency("highHz", "band-pass high cutoff", cutoffsHz[1], fs);
            FilterArguments.checkBand(cutoffsHz[0], cutoffsHz[1]);
        } else {
            if (cutoffsHz.length != 1) {
                throw new IllegalArgumentException("a " + type.label() + " needs one cutoff, got " + cutoffsHz.length);
            }
            FilterArguments.checkFrequency("cutoffHz", type.label() + " cutoff", cutoffsHz[0], fs);
        }
    }

    /** {@code 2 fs' tan(pi Wn / fs')} with {@code fs' = 2} and {@code Wn = hz / (fs / 2)}. */
    private static double prewarp(double hz, double fs) {
        double wn = hz / (fs / 2);
        return 2 * 2.0 * Math.tan(Math.PI * wn / 2.0);
    }

    /** {@code buttap(N)}: poles {@code -exp(i pi m / 2N)} for {@code m = -N+1, -N+3, ..., N-1}, no zeros, gain 1. */
    static Zpk prototype(int order) {
        List<IirComplex> poles = new ArrayList<>(order);
        double scale = 1.0 / (2 * order);
        for (int m = -order + 1; m < order; m += 2) {
            // numpy computes (1j * pi * m) / (2N) as a complex division, i.e. times 1 / (2N)
            poles.add(IirComplex.expI((Math.PI * m) * scale).negate());
        }
        return new Zpk(List.of(), poles, 1.0);
    }

    /** {@code lp2lp_zpk}: scale every root by {@code wo}. */
    static Zpk lowPassToLowPass(Zpk zpk, double wo) {
        int degree = relativeDegree(zpk);
        List<IirComplex> z = new ArrayList<>();
        for (IirComplex c : zpk.zeros()) {
            z.add(c.times(wo));
        }
        List<IirComplex> p = new ArrayList<>();
        for (IirComplex c : zpk.poles()) {
            p.add(c.times(wo));
        }
        return new Zpk(z, p, zpk.gain() * Math.pow(wo, degree));
    }

    /** {@code lp2hp_zpk}: invert every root about {@code wo}; zeros at infinity come to the origin. */
    static Zpk lowPassToHighPass(Zpk zpk, double wo) {
        int degree = relativeDegree(zpk);
        IirComplex w = IirComplex.real(wo);
        List<IirComplex> z = new ArrayList<>();
        IirComplex prodMinusZ = IirComplex.ONE;
        for (int i = 0; i < zpk.zeros().size(); i++) {
            IirComplex c = zpk.zeros().get(i);
            z.add(w.div(c));
            prodMinusZ = i == 0 ? c.negate() : prodMinusZ.times(c.negate());
        }
        for (int i = 0; i < degree; i++) {
            z.add(IirComplex.ZERO);
        }
        List<IirComplex> p = new ArrayList<>();
        IirComplex prodMinusP = IirComplex.ONE;
        for (int i = 0; i < zpk.poles().size(); i++) {
            IirComplex c = zpk.poles().get(i);
            p.add(w.div(c));
            prodMinusP = i == 0 ? c.negate() : prodMinusP.times(c.negate());
        }
        return new Zpk(z, p, zpk.gain() * prodMinusZ.div(prodMinusP).re());
    }

    /** {@code lp2bp_zpk}: every root becomes two, {@code r bw/2 +- sqrt((r bw/2)^2 - wo^2)}; zeros at infinity go half to the origin. */
    static Zpk lowPassToBandPass(Zpk zpk, double wo, double bw) {
        int degree = relativeDegree(zpk);
        double wo2 = wo * wo;
        List<IirComplex> z = split(zpk.zeros(), bw, wo2);
        for (int i = 0; i < degree; i++) {
            z.add(IirComplex.ZERO);
        }
        List<IirComplex> p = split(zpk.poles(), bw, wo2);
        return new Zpk(z, p, zpk.gain() * Math.pow(bw, degree));
    }

    private static List<IirComplex> split(List<IirComplex> roots, double bw, double wo2) {
        List<IirComplex> scaled = new ArrayList<>();
        List<IirComplex> shift = new ArrayList<>();
        for (IirComplex c : roots) {
            IirComplex s = c.times(bw).div(2.0);
            scaled.add(s);
            shift.add(s.square().minus(IirComplex.real(wo2)).sqrt());
        }
        List<IirComplex> out = new ArrayList<>();
        for (int i = 0; i < scaled.size(); i++) {
            out.add(scaled.get(i).plus(shift.get(i)));
        }
        for (int i = 0; i < scaled.size(); i++) {
            out.add(scaled.get(i).minus(shift.get(i)));
        }
        return out;
    }

    /** {@code bilinear_zpk}: {@code (2fs + s) / (2fs - s)}; zeros at infinity go to Nyquist ({@code z = -1}). */
    static Zpk bilinear(Zpk zpk, double fs) {
        int degree = relativeDegree(zpk);
        IirComplex fs2 = IirComplex.real(2.0 * fs);
        List<IirComplex> z = new ArrayList<>();
        IirComplex prodZ = IirComplex.ONE;
        for (int i = 0; i < zpk.zeros().size(); i++) {
            IirComplex c = zpk.zeros().get(i);
            z.add(fs2.plus(c).div(fs2.minus(c)));
            prodZ = i == 0 ? fs2.minus(c) : prodZ.times(fs2.minus(c));
        }
        for (int i = 0; i < degree; i++) {
            z.add(IirComplex.real(-1.0));
        }
        List<IirComplex> p = new ArrayList<>();
        IirComplex prodP = IirComplex.ONE;
        for (int i = 0; i < zpk.poles().size(); i++) {
            IirComplex c = zpk.poles().get(i);
            p.add(fs2.plus(c).div(fs2.minus(c)));
            prodP = i == 0 ? fs2.minus(c) : prodP.times(fs2.minus(c));
        }
        return new Zpk(z, p, zpk.gain() * prodZ.div(prodP).re());
    }

    private static int relativeDegree(Zpk zpk) {
        int degree = zpk.poles().size() - zpk.zeros().size();
        if (degree < 0) {
            throw new IllegalArgumentException("Improper transfer function: more zeros than poles");
        }
        return degree;
    }
}
