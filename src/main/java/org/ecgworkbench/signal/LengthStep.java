package org.ecgworkbench.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Brings every recording to a fixed number of samples.
 *
 * @param samples target length; 0 keeps the length as it is
 * @param policy  how to cut or pad
 * @param hop     window start spacing for {@link Policy#WINDOWS} (ignored otherwise)
 */
public record LengthStep(int samples, Policy policy, int hop) implements PipelineStep {

    /** Length policies. */
    public enum Policy {
        /** Keep the first samples, or zero-pad at the end (the dissertation). */
        END,
        /** Keep the middle, or pad equally on both sides (the extra sample goes after). */
        CENTER,
        /**
         * Cut a long recording into windows of the target length every {@code hop} samples, plus one
         * window ending at the last sample when the hops do not reach it; a short one is padded at the end.
         */
        WINDOWS
    }

    /** Longest target: 10 minutes at 1 kHz, far beyond any model input. */
    static final int MAX_SAMPLES = 600_000;

    public LengthStep {
        if (samples < 0 || samples > MAX_SAMPLES) {
            throw new IllegalArgumentException("length: " + samples + " samples must be between 0 (keep) and " + MAX_SAMPLES);
        }
        if (policy == null) throw new IllegalArgumentException("length: policy is required (end, center, windows)");
        if (policy == Policy.WINDOWS && (hop < 1 || hop > MAX_SAMPLES)) {
            throw new IllegalArgumentException("length: window hop " + hop + " must be between 1 and " + MAX_SAMPLES);
        }
        if (policy == Policy.WINDOWS && samples == 0) {
            throw new IllegalArgumentException("length: windows need a window length above 0");
        }
    }

    public static LengthStep end(int samples) {
        return new LengthStep(samples, Policy.END, 0);
    }

    @Override
    public String type() {
        return "length";
    }

    @Override
    public List<SignalBlock> apply(SignalBlock block) {
        int n = block.length();
        if (samples == 0) return List.of(block);
        return switch (policy) {
            case END -> List.of(cut(block, 0, 0));
            case CENTER -> List.of(n >= samples ? cut(block, (n - samples) / 2, 0) : cut(block, 0, (samples - n) / 2));
            case WINDOWS -> windows(block);
        };
    }

    private List<SignalBlock> windows(SignalBlock block) {
        int count = windowCount(block.length());
        List<SignalBlock> out = new ArrayList<>(count);
        for (int i = 0; i < count; i++) out.add(window(block, i));
        return out;
    }

    /** How many windows the {@link Policy#WINDOWS} policy cuts from {@code n} samples (1 when they fit in one). */
    int windowCount(int n) {
        if (n <= samples) return 1;
        int hops = (n - samples) / hop + 1;
        boolean lastReachesEnd = (long) (hops - 1) * hop + samples >= n;
        return lastReachesEnd ? hops : hops + 1;
    }

    /** Where window {@code index} starts among {@code n} samples: every hop, the extra last one ending at the last sample. */
    int windowStart(int n, int index) {
        if (n <= samples) return 0;
        long start = (long) index * hop;
        return start + samples <= n ? (int) start : n - samples;
    }

    /** Window {@code index} of the {@link Policy#WINDOWS} policy alone, so a long recording's windows can be made one at a time. */
    SignalBlock window(SignalBlock block, int index) {
        return cut(block, windowStart(block.length(), index), 0);
    }

    /**
     * The {@code samples}-long block that takes input samples from {@code from} on and places them
     * after {@code padBefore} zeros; whatever does not fit is dropped, the rest is zero padding.
     */
    private SignalBlock cut(SignalBlock block, int from, int padBefore) {
        int n = block.length();
        int count = Math.max(0, Math.min(n - from, samples - padBefore));
        double[][] out = new double[SignalBlock.LEADS][samples];
        boolean[] mask = new boolean[samples];
        for (int l = 0; l < SignalBlock.LEADS; l++) {
            System.arraycopy(block.samples()[l], from, out[l], padBefore, count);
        }
        System.arraycopy(block.mask(), from, mask, padBefore, count);
        return new SignalBlock(block.fs(), out, mask, block.startSample() + from - padBefore, block.missingLeads());
    }

    @Override
    public String describe() {
        if (samples == 0) return "Keep the recording's length";
        return switch (policy) {
            case END -> "Truncate or zero-pad at the end to " + samples + " samples";
            case CENTER -> "Crop the middle or zero-pad both sides to " + samples + " samples";
            case WINDOWS -> "Cut into windows of " + samples + " samples every " + hop + " samples (a short recording is zero-padded)";
        };
    }

    @Override
    public void writeJson(ObjectNode node) {
        node.put("samples", samples);
        node.put("policy", policy.name().toLowerCase(Locale.ROOT));
        if (policy == Policy.WINDOWS) node.put("hop", hop);
    }
}
