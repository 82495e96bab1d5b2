package org.ecgworkbench.model;

/**
 * How {@link Explainer} attributes a class's output to the input samples.
 *
 * <ul>
 *   <li>{@link #OCCLUSION}: occlusion sensitivity. A window of {@link ExplainOptions#occlusionSeconds()}
 *       (0.2 s) slides with a stride of half a window; each position is replaced by a fill value (the
 *       lead's mean by default) and the occluded copies go through the inference graph in batches. The
 *       relevance of sample {@code (lead, t)} for class {@code c} is the mean, over the occlusions that
 *       cover it, of the probability drop {@code p_c(x) − p_c(x occluded)}: positive where hiding the
 *       signal lowers the class's probability. By default the window covers all twelve leads at once
 *       (every lead gets the same band); {@link ExplainOptions.OcclusionScope#PER_LEAD} occludes one lead at a
 *       time (12× the passes).</li>
 *   <li>{@link #GRADIENT_X_INPUT}: {@code ∂z_c/∂x ⊙ x}, the gradient of class {@code c}'s logit
 *       {@code z_c} (the sigmoid's input) with respect to every input sample, times the sample; one
 *       backward pass per class (classes batched). With {@link ExplainOptions.GradientTarget#PROBABILITY}
 *       the gradient is of {@code p_c = σ(z_c)}, which is the logit's times {@code p_c(1 − p_c)}: the same
 *       picture after per-class normalisation, but it vanishes for confident predictions.</li>
 * </ul>
 */
public enum ExplainMethod {
    OCCLUSION("occlusion"),
    GRADIENT_X_INPUT("gradient-x-input");

    private final String id;

    ExplainMethod(String id) {
        this.id = id;
    }

    /** The name stored in {@link Explanation#method()}: {@code occlusion} or {@code gradient-x-input}. */
    public String id() {
        return id;
    }

    /** Accepts the id or the constant's name, any case. */
    public static ExplainMethod parse(String text) {
        String t = text == null ? "" : text.trim();
        for (ExplainMethod m : values()) {
            if (m.id.equalsIgnoreCase(t) || m.name().equalsIgnoreCase(t)) return m;
        }
        throw new IllegalArgumentException("unknown explanation method '" + text + "' (occlusion, gradient-x-input)");
    }
}
