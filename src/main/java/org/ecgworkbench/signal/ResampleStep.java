package org.ecgworkbench.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.record.PlainNumber;
import org.ecgworkbench.signal.dsp.FftResampler;
import org.ecgworkbench.signal.dsp.PolyphaseResampler;

/**
 * Resamples to a target rate, exactly as scipy does.
 *
 * @param method   FFT ({@code scipy.signal.resample}, periodic assumption, rings at the edges) or
 *                 polyphase ({@code scipy.signal.resample_poly}, Kaiser-windowed FIR)
 * @param targetFs target rate in Hz; a block already at this rate is passed through unchanged
 */
public record ResampleStep(Method method, double targetFs) implements PipelineStep {

    /** Resampling methods. */
    public enum Method { FFT, POLY }

    public ResampleStep {
        if (method == null) throw new IllegalArgumentException("resample: method is required (fft, poly)");
        if (!Double.isFinite(targetFs) || targetFs <= 0 || targetFs > 100_000) {
            throw new IllegalArgumentException("resample: target rate " + PlainNumber.format(targetFs) + " Hz must be in (0, 100000]");
        }
    }

    @Override
    public String type() {
        return "resample";
    }

    @Override
    public List<SignalBlock> apply(SignalBlock block) {
        if (block.fs() == targetFs) return List.of(block);
        double[][] out = switch (method) {
            case FFT -> FftResampler.resample(block.samples(), block.fs(), targetFs);
            case POLY -> PolyphaseResampler.forRates(block.fs(), targetFs).apply(block.samples());
        };
        int n = out[0].length;
        double ratio = targetFs / block.fs();
        return List.of(new SignalBlock(targetFs, out, resampleMask(block.mask(), n),
                (int) Math.round(block.startSample() * ratio), block.missingLeads()));
    }

    /**
     * {@link #apply} to {@link SignalBlock#of(EcgRecord)}, without that whole-record {@code double} copy: the
     * leads are converted and resampled two at a time, the same pairs the block path puts through the FFT
     * together, so every value is the same (issue 14: a record at the 100 M-sample limit would need another
     * 800 MB for the copy alone).
     */
    public SignalBlock applyTo(EcgRecord record) {
        if (record.fs() == targetFs) return SignalBlock.of(record);
        int n = record.samples();
        double[][] out = new double[SignalBlock.LEADS][];
        List<String> missing = new ArrayList<>();
        for (int first = 0; first < SignalBlock.LEADS; first += 2) {
            double[][] pair = new double[2][];
            for (int k = 0; k < 2; k++) {
                LeadName name = LeadName.values()[first + k];
                pair[k] = new double[n];
                var lead = record.lead(name);
                if (lead.isEmpty()) {
                    missing.add(name.label());
                    continue;
                }
                float[] mv = lead.map(Lead::millivolts).orElseThrow();
                for (int i = 0; i < n; i++) pair[k][i] = mv[i];
            }
            double[][] resampled = switch (method) {
                case FFT -> FftResampler.resample(pair, record.fs(), targetFs);
                case POLY -> PolyphaseResampler.forRates(record.fs(), targetFs).apply(pair);
            };
            out[first] = resampled[0];
            out[first + 1] = resampled[1];
        }
        boolean[] mask = new boolean[out[0].length];
        Arrays.fill(mask, true);
        return new SignalBlock(targetFs, out, mask, 0, missing);
    }

    /** Each output sample takes the mask of the input sample it falls on. */
    private static boolean[] resampleMask(boolean[] mask, int n) {
        boolean[] out = new boolean[n];
        boolean allReal = true;
        for (boolean m : mask) allReal &= m;
        if (allReal) {
            Arrays.fill(out, true);
            return out;
        }
        for (int i = 0; i < n; i++) out[i] = mask[(int) Math.min(mask.length - 1, (long) i * mask.length / n)];
        return out;
    }

    @Override
    public String describe() {
        return "Resample to " + PlainNumber.format(targetFs) + " Hz ("
                + (method == Method.FFT ? "FFT, as scipy.signal.resample" : "polyphase FIR, as scipy.signal.resample_poly") + ")";
    }

    @Override
    public void writeJson(ObjectNode node) {
        node.put("method", method.name().toLowerCase(Locale.ROOT));
        node.put("target_hz", targetFs);
    }
}
