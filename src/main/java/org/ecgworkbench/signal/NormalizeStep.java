package org.ecgworkbench.signal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Locale;

/**
 * Per-lead amplitude normalisation over the real samples (padding stays zero).
 *
 * @param kind   what to do
 * @param factor the multiplier for {@link Kind#SCALE} (ignored otherwise)
 */
public record NormalizeStep(Kind kind, double factor) implements PipelineStep {

    /** Normalisations. */
    public enum Kind {
        /** Physical millivolts as read. */
        NONE,
        /** (x − mean) / standard deviation (population, as numpy's default); a flat lead becomes 0. */
        ZSCORE,
        /** (x − min) / (max − min) into [0, 1], the dissertation's eq. 1; a flat lead becomes 0. */
        MINMAX,
        /** x · factor. */
        SCALE
    }

    public NormalizeStep {
        if (kind == null) throw new IllegalArgumentException("normalize: kind is required (none, zscore, minmax, scale)");
        if (kind == Kind.SCALE && (!Double.isFinite(factor) || factor == 0)) {
            throw new IllegalArgumentException("normalize: scale factor " + factor + " must be finite and non-zero");
        }
    }

    public static NormalizeStep of(Kind kind) {
        return new NormalizeStep(kind, 1.0);
    }

    @Override
    public String type() {
        return "normalize";
    }

    @Override
    public List<SignalBlock> apply(SignalBlock block) {
        if (kind == Kind.NONE) return List.of(block);
        int[] span = block.realSpan();
        double[][] out = new double[SignalBlock.LEADS][];
        for (int l = 0; l < SignalBlock.LEADS; l++) {
            out[l] = normalise(block.samples()[l], block.mask(), span);
        }
        return List.of(block.withSamples(out));
    }

    private double[] normalise(double[] x, boolean[] mask, int[] span) {
        double[] y = new double[x.length];
        if (span == null) return y;
        double a;
        double b;
        switch (kind) {
            case SCALE -> { a = factor; b = 0; }
            case ZSCORE -> {
                double sum = 0;
                int n = 0;
                for (int i = 0; i < x.length; i++) if (mask[i]) { sum += x[i]; n++; }
                double mean = sum / n;
                double ss = 0;
                for (int i = 0; i < x.length; i++) if (mask[i]) { double d = x[i] - mean; ss += d * d; }
                double sd = Math.sqrt(ss / n);
                a = sd > 0 ? 1 / sd : 0;
                b = -mean * a;
            }
            case MINMAX -> {
                double lo = Double.POSITIVE_INFINITY;
                double hi = Double.NEGATIVE_INFINITY;
                for (int i = 0; i < x.length; i++) if (mask[i]) { lo = Math.min(lo, x[i]); hi = Math.max(hi, x[i]); }
                a = hi > lo ? 1 / (hi - lo) : 0;
                b = -lo * a;
            }
            default -> throw new AssertionError(kind);
        }
        for (int i = 0; i < x.length; i++) y[i] = mask[i] ? x[i] * a + b : 0;
        return y;
    }

    @Override
    public String describe() {
        return switch (kind) {
            case NONE -> "No normalisation (physical millivolts)";
            case ZSCORE -> "Z-score each lead: subtract its mean, divide by its standard deviation";
            case MINMAX -> "Min–max each lead into [0, 1]";
            case SCALE -> "Multiply every sample by " + factor;
        };
    }

    @Override
    public void writeJson(ObjectNode node) {
        node.put("kind", kind.name().toLowerCase(Locale.ROOT));
        if (kind == Kind.SCALE) node.put("factor", factor);
    }
}
