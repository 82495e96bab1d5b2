package org.ecgworkbench.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.ecgworkbench.record.PlainNumber;
import org.ecgworkbench.signal.dsp.IirFilters;
import org.ecgworkbench.signal.dsp.ZeroPhaseFilter;

/**
 * A zero-phase IIR filter designed for each block's rate: Butterworth high-, low- or band-pass
 * ({@code scipy.signal.butter}), or a notch ({@code scipy.signal.iirnotch}). Only the real
 * samples are filtered; padding stays zero.
 *
 * @param kind   which filter
 * @param lowHz  cutoff of a high-pass, lower edge of a band-pass, notch frequency (NaN when unused)
 * @param highHz cutoff of a low-pass, upper edge of a band-pass (NaN when unused)
 * @param order  Butterworth order (ignored for the notch)
 * @param q      notch quality factor (ignored otherwise)
 */
public record FilterStep(Kind kind, double lowHz, double highHz, int order, double q) implements PipelineStep {

    /** Filters. */
    public enum Kind { HIGHPASS, LOWPASS, BANDPASS, NOTCH }

    public static final int DEFAULT_ORDER = 2;
    public static final double DEFAULT_NOTCH_Q = 30;
    /** Designs per (step, rate): a dataset has few rates, and a design is reused for every record. */
    private static final Map<FilterStep, Map<Double, ZeroPhaseFilter>> DESIGNS = new ConcurrentHashMap<>();

    public FilterStep {
        if (kind == null) throw new IllegalArgumentException("filter: kind is required");
        String name = kind.name().toLowerCase(Locale.ROOT);
        if (kind != Kind.LOWPASS) requirePositive(name, kind == Kind.NOTCH ? "frequency" : kind == Kind.BANDPASS ? "low cutoff" : "cutoff", lowHz);
        if (kind == Kind.LOWPASS || kind == Kind.BANDPASS) requirePositive(name, kind == Kind.BANDPASS ? "high cutoff" : "cutoff", highHz);
        if (kind == Kind.BANDPASS && lowHz >= highHz) {
            throw new IllegalArgumentException("bandpass: low cutoff " + PlainNumber.format(lowHz) + " Hz must be below the high cutoff "
                    + PlainNumber.format(highHz) + " Hz");
        }
        if (kind == Kind.NOTCH) {
            if (!(q > 0) || !Double.isFinite(q)) throw new IllegalArgumentException("notch: quality factor Q " + q + " must be positive");
        } else if (order < 1 || order > 8) {
            throw new IllegalArgumentException(name + ": order " + order + " must be between 1 and 8");
        }
    }

    public static FilterStep highPass(double cutoffHz, int order) {
        return new FilterStep(Kind.HIGHPASS, cutoffHz, Double.NaN, order, Double.NaN);
    }

    public static FilterStep lowPass(double cutoffHz, int order) {
        return new FilterStep(Kind.LOWPASS, Double.NaN, cutoffHz, order, Double.NaN);
    }

    public static FilterStep bandPass(double lowHz, double highHz, int order) {
        return new FilterStep(Kind.BANDPASS, lowHz, highHz, order, Double.NaN);
    }

    public static FilterStep notch(double freqHz, double q) {
        return new FilterStep(Kind.NOTCH, freqHz, Double.NaN, 0, q);
    }

    private static void requirePositive(String step, String what, double hz) {
        if (!Double.isFinite(hz) || hz <= 0) {
            throw new IllegalArgumentException(step + ": " + what + " " + PlainNumber.format(hz) + " Hz must be a positive frequency");
        }
    }

    @Override
    public String type() {
        return kind.name().toLowerCase(Locale.ROOT);
    }

    /** The filter for a rate; IllegalArgumentException (naming the parameter) when a cutoff is not below Nyquist. */
    public ZeroPhaseFilter design(double fs) {
        return DESIGNS.computeIfAbsent(this, k -> new ConcurrentHashMap<>()).computeIfAbsent(fs, rate -> switch (kind) {
            case HIGHPASS -> IirFilters.butterworthHighPass(order, lowHz, rate);
            case LOWPASS -> IirFilters.butterworthLowPass(order, highHz, rate);
            case BANDPASS -> IirFilters.butterworthBandPass(order, lowHz, highHz, rate);
            case NOTCH -> IirFilters.notch(lowHz, q, rate);
        });
    }

    @Override
    public List<SignalBlock> apply(SignalBlock block) {
        ZeroPhaseFilter filter = design(block.fs());
        int[] span = block.realSpan();
        if (span == null) return List.of(block);
        int n = span[1] - span[0] + 1;
        if (n <= filter.padLength()) {
            throw new IllegalArgumentException(type() + ": the recording has " + n + " samples; " + filter.describe()
                    + " needs more than " + filter.padLength());
        }
        if (n == block.length()) return List.of(block.withSamples(filter.apply(block.samples())));
        double[][] real = new double[SignalBlock.LEADS][];
        for (int l = 0; l < SignalBlock.LEADS; l++) {
            real[l] = Arrays.copyOfRange(block.samples()[l], span[0], span[1] + 1);
        }
        double[][] filtered = filter.apply(real);
        double[][] out = new double[SignalBlock.LEADS][block.length()];
        for (int l = 0; l < SignalBlock.LEADS; l++) System.arraycopy(filtered[l], 0, out[l], span[0], n);
        return List.of(block.withSamples(out));
    }

    @Override
    public String describe() {
        return switch (kind) {
            case HIGHPASS -> "Butterworth high-pass at " + PlainNumber.format(lowHz) + " Hz, order " + order + ", zero-phase (removes baseline wander)";
            case LOWPASS -> "Butterworth low-pass at " + PlainNumber.format(highHz) + " Hz, order " + order + ", zero-phase";
            case BANDPASS -> "Butterworth band-pass " + PlainNumber.format(lowHz) + "–" + PlainNumber.format(highHz) + " Hz, order " + order + ", zero-phase";
            case NOTCH -> "Notch at " + PlainNumber.format(lowHz) + " Hz (Q " + PlainNumber.format(q) + "), zero-phase (removes mains hum)";
        };
    }

    @Override
    public void writeJson(ObjectNode node) {
        switch (kind) {
            case HIGHPASS -> node.put("cutoff_hz", lowHz);
            case LOWPASS -> node.put("cutoff_hz", highHz);
            case BANDPASS -> node.put("low_hz", lowHz).put("high_hz", highHz);
            case NOTCH -> node.put("frequency_hz", lowHz).put("q", q);
        }
        if (kind != Kind.NOTCH) node.put("order", order);
    }
}
