package org.ecgworkbench.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What {@link ResNet1d} builds: enough to rebuild the same graph from a bundle's metadata.
 *
 * @param architecture  ResNet18 or ResNet34
 * @param width         channel multiplier of the stages 64/128/256/512 (1 = the dissertation's network)
 * @param channels      input leads (12)
 * @param length        input samples per lead (5000 = 10 s at 500 Hz)
 * @param outputs       classes (24)
 * @param demographics  whether age and sex enter as a second input {@code [b, 2]} joined before the dense layer
 * @param dropout       drop probability inside each residual block (PyTorch semantics: 0.2 drops 20 %)
 */
public record NetworkSpec(Architecture architecture, double width, int channels, int length, int outputs,
                          boolean demographics, double dropout) {

    public static final int LEADS = 12;
    public static final int CLASSES = 24;
    public static final double DEFAULT_DROPOUT = 0.2;
    /** Channels of the four stages at width 1. */
    static final int[] STAGE_BASE = {64, 128, 256, 512};

    public NetworkSpec {
        Objects.requireNonNull(architecture, "architecture");
        if (!(width > 0) || width > 8) throw new IllegalArgumentException("width must be in (0, 8], not " + width);
        if (channels < 1) throw new IllegalArgumentException("channels must be at least 1, not " + channels);
        if (length < 32) throw new IllegalArgumentException("length must be at least 32 samples, not " + length);
        if (outputs < 1) throw new IllegalArgumentException("outputs must be at least 1, not " + outputs);
        if (!(dropout >= 0 && dropout < 1)) throw new IllegalArgumentException("dropout must be in [0, 1), not " + dropout);
    }

    /** 12 leads, 24 classes, dropout 0.2. */
    public static NetworkSpec of(Architecture architecture, double width, int length, boolean demographics) {
        return new NetworkSpec(architecture, width, LEADS, length, CLASSES, demographics, DEFAULT_DROPOUT);
    }

    /**
     * Channels of the four stages: {@code round(base × width)}, at least 4 so a tiny network still has
     * a few filters per stage (width 0.25 gives 16/32/64/128).
     */
    public List<Integer> stageChannels() {
        List<Integer> out = new ArrayList<>();
        for (int base : STAGE_BASE) out.add(Math.max(4, (int) Math.round(base * width)));
        return List.copyOf(out);
    }
}
