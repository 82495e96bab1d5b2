package org.ecgworkbench.signal.dsp;

import org.ecgworkbench.signal.dsp.ButterworthDesign.Type;

/**
 * Zero-phase IIR filters for ECG preprocessing, designed and applied exactly as scipy does.
 *
 * <p><b>Form.</b> A design with at most two poles (high- and low-pass of order 1 or 2, band-pass
 * of order 1, the notch) is kept as a transfer function {@code (b, a)} and applied like
 * {@code scipy.signal.filtfilt(b, a, x)} (method {@code 'pad'}, odd extension of
 * {@code 3 max(len(a), len(b))} samples, {@code lfilter_zi} initial states scaled by the first
 * and last sample). A design with more poles is converted to second-order sections
 * ({@code zpk2sos}) and applied like {@code scipy.signal.sosfiltfilt(sos, x)} (padding
 * {@code 3 (2 n_sections + 1 - min(#b2==0, #a2==0))}, {@code sosfilt_zi}). The cut-over follows
 * what a scipy user writes: {@code butter(N, Wn, btype, fs=fs)} + {@code filtfilt} is accurate for
 * two poles, while higher orders in transfer-function form lose precision, so scipy's own advice
 * is second-order sections there.
 *
 * <p><b>Arguments.</b> Orders 1 to 8; frequencies finite, above 0 and below the Nyquist frequency
 * {@code fs / 2}; band-pass {@code lowHz < highHz}; {@code q > 0}; {@code fs > 0}. Violations
 * throw {@link IllegalArgumentException} naming the parameter.
 */
public final class IirFilters {

    /** Highest Butterworth order accepted. */
    public static final int MAX_ORDER = FilterArguments.MAX_ORDER;

    /** Designs with at most this many poles stay in transfer-function form (filtfilt); more use sections (sosfiltfilt). */
    public static final int MAX_TRANSFER_FUNCTION_POLES = 2;

    private IirFilters() {
    }

    /** {@code butter(order, cutoffHz, 'highpass', fs=fs)}, zero phase. */
    public static ZeroPhaseFilter butterworthHighPass(int order, double cutoffHz, double fs) {
        return butterworth(order, Type.HIGH_PASS, fs, cutoffHz);
    }

    /** {@code butter(order, cutoffHz, 'lowpass', fs=fs)}, zero phase. */
    public static ZeroPhaseFilter butterworthLowPass(int order, double cutoffHz, double fs) {
        return butterworth(order, Type.LOW_PASS, fs, cutoffHz);
    }

    /** {@code butter(order, [lowHz, highHz], 'bandpass', fs=fs)} ({@code 2 order} poles), zero phase. */
    public static ZeroPhaseFilter butterworthBandPass(int order, double lowHz, double highHz, double fs) {
        return butterworth(order, Type.BAND_PASS, fs, lowHz, highHz);
    }

    /** {@code scipy.signal.iirnotch(f0Hz, q, fs)}, zero phase. */
    public static ZeroPhaseFilter notch(double f0Hz, double q, double fs) {
        double[][] ba = NotchDesign.transferFunction(f0Hz, q, fs);
        String description = "Notch " + FilterArguments.hz(f0Hz) + " Hz, Q " + FilterArguments.hz(q) + " (zero-phase)";
        return IirBaFiltFilt.of(ba[0], ba[1], description);
    }

    /**
     * A Butterworth filter of any supported type, zero phase.
     *
     * @param cutoffsHz one cutoff for low- and high-pass, {@code lowHz, highHz} for band-pass
     */
    public static ZeroPhaseFilter butterworth(int order, Type type, double fs, double... cutoffsHz) {
        Zpk zpk = ButterworthDesign.zpk(order, type, fs, cutoffsHz);
        StringBuilder d = new StringBuilder("Butterworth ").append(type.label()).append(' ')
                .append(FilterArguments.hz(cutoffsHz[0]));
        if (type == Type.BAND_PASS) {
            d.append('-').append(FilterArguments.hz(cutoffsHz[1]));
        }
        d.append(" Hz, order ").append(order).append(" (zero-phase)");
        if (ButterworthDesign.poleCount(order, type) <= MAX_TRANSFER_FUNCTION_POLES) {
            double[][] ba = zpk.toTransferFunction();
            return IirBaFiltFilt.of(ba[0], ba[1], d.toString());
        }
        return SosFiltFilt.of(zpk.toSos(), d.toString());
    }
}
