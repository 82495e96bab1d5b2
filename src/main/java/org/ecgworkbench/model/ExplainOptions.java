package org.ecgworkbench.model;

import java.util.Objects;

/**
 * Settings of {@link Explainer}.
 *
 * @param occlusionSeconds occlusion window length in seconds (at least one sample; at most the input)
 * @param strideFraction   occlusion stride as a fraction of the window, in (0, 1]: 0.5 = half a window
 * @param scope            occlude all leads at once (default) or one lead at a time
 * @param fill             what replaces the occluded samples
 * @param gradientTarget   the output whose gradient {@link ExplainMethod#GRADIENT_X_INPUT} takes
 * @param batchSize        copies per network pass: bounds native memory (activations scale with it)
 */
public record ExplainOptions(double occlusionSeconds, double strideFraction, OcclusionScope scope, Fill fill,
                             GradientTarget gradientTarget, int batchSize) {

    /** Occlusion over all leads at once or one lead at a time. */
    public enum OcclusionScope {
        /**
         * One window across all twelve leads: relevance in time only (every lead shows the same band).
         * The default: leads are strongly redundant (a rhythm is visible in every lead), so hiding a single
         * lead often changes little and the per-lead map comes out flat and noisy; it also costs 12× less.
         */
        ALL_LEADS,
        /** One lead at a time: which lead and when, at 12× the passes. */
        PER_LEAD
    }

    /** What an occluded sample becomes. */
    public enum Fill {
        /** 0 — what the network sees in zero padding. */
        ZERO,
        /**
         * The mean of that lead over the whole input window (the default): no artificial step where the
         * signal has an offset; after zero-mean normalisation this is about 0 anyway.
         */
        LEAD_MEAN
    }

    /** The output differentiated by gradient × input. */
    public enum GradientTarget {
        /** The class's logit (the sigmoid's input): does not saturate (the default). */
        LOGIT,
        /** The class's probability: the logit's gradient times {@code p(1 − p)}. */
        PROBABILITY
    }

    public static final double DEFAULT_OCCLUSION_SECONDS = 0.2;
    public static final int DEFAULT_BATCH = 16;

    public ExplainOptions {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(fill, "fill");
        Objects.requireNonNull(gradientTarget, "gradientTarget");
        if (!(occlusionSeconds > 0) || !Double.isFinite(occlusionSeconds)) {
            throw new IllegalArgumentException("occlusion window must be > 0 s, not " + occlusionSeconds);
        }
        if (!(strideFraction > 0 && strideFraction <= 1)) {
            throw new IllegalArgumentException("occlusion stride must be in (0, 1] of the window, not " + strideFraction);
        }
        if (batchSize < 1) throw new IllegalArgumentException("batch size must be at least 1, not " + batchSize);
    }

    /** 0.2 s window, half-window stride, all leads, lead-mean fill, logit gradient, batches of 16. */
    public static ExplainOptions defaults() {
        return new ExplainOptions(DEFAULT_OCCLUSION_SECONDS, 0.5, OcclusionScope.ALL_LEADS, Fill.LEAD_MEAN, GradientTarget.LOGIT, DEFAULT_BATCH);
    }

    public ExplainOptions withScope(OcclusionScope newScope) {
        return new ExplainOptions(occlusionSeconds, strideFraction, newScope, fill, gradientTarget, batchSize);
    }

    public ExplainOptions withFill(Fill newFill) {
        return new ExplainOptions(occlusionSeconds, strideFraction, scope, newFill, gradientTarget, batchSize);
    }

    public ExplainOptions withOcclusion(double seconds, double stride) {
        return new ExplainOptions(seconds, stride, scope, fill, gradientTarget, batchSize);
    }

    public ExplainOptions withGradientTarget(GradientTarget target) {
        return new ExplainOptions(occlusionSeconds, strideFraction, scope, fill, target, batchSize);
    }

    public ExplainOptions withBatchSize(int newBatchSize) {
        return new ExplainOptions(occlusionSeconds, strideFraction, scope, fill, gradientTarget, newBatchSize);
    }

    /** The occlusion window in samples at {@code fs}: at least 1, at most {@code length}. */
    int windowSamples(double fs, int length) {
        return (int) Math.max(1, Math.min(length, Math.round(occlusionSeconds * fs)));
    }

    /** The stride in samples for a window of {@code window} samples: at least 1. */
    int strideSamples(int window) {
        return (int) Math.max(1, Math.round(window * strideFraction));
    }
}
