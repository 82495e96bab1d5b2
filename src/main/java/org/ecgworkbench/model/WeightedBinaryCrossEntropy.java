package org.ecgworkbench.model;

import java.util.Arrays;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.memory.MemoryWorkspace;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.lossfunctions.ILossFunction;
import org.nd4j.linalg.ops.transforms.Transforms;
import org.nd4j.shade.jackson.annotation.JsonCreator;
import org.nd4j.shade.jackson.annotation.JsonIgnore;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * Binary cross-entropy with optional per-class positive weights, as PyTorch's
 * {@code BCEWithLogitsLoss(pos_weight=p)}: only the positive term is weighted,
 * {@code ℓ = −[p·y·log σ(z) + (1−y)·log(1−σ(z))]}, summed over classes, averaged over the batch
 * (DL4J's convention for {@code LossBinaryXENT}, so scores compare with it).
 *
 * <p>With a sigmoid output it works on the pre-activation {@code z} directly:
 * {@code ℓ = (1 + (p−1)y)·softplus(z) − p·y·z} and {@code ∂ℓ/∂z = (1 + (p−1)y)·σ(z) − p·y},
 * with {@code softplus(z) = max(z,0) + log(1 + e^−|z|)}: finite for any {@code z}, no clipping.
 * Any other activation takes the general path with outputs clipped to [1e-7, 1 − 1e-7].
 *
 * <p>Serialised with the network's JSON configuration (field {@code positiveWeights}), so a saved
 * model loads with the same loss; the class must stay on the class path under this name.
 */
public final class WeightedBinaryCrossEntropy implements ILossFunction {
    private static final long serialVersionUID = 1L;
    private static final double CLIP = 1e-7;

    @JsonProperty("positiveWeights")
    private final double[] positiveWeights;

    @JsonIgnore
    private transient INDArray weightRow;

    /** Unweighted binary cross-entropy. */
    public WeightedBinaryCrossEntropy() {
        this(null);
    }

    /** @param positiveWeights one weight per class for the positive term, or null for none */
    @JsonCreator
    public WeightedBinaryCrossEntropy(@JsonProperty("positiveWeights") double[] positiveWeights) {
        if (positiveWeights != null) {
            for (int i = 0; i < positiveWeights.length; i++) {
                double w = positiveWeights[i];
                if (!(w > 0) || !Double.isFinite(w)) {
                    throw new IllegalArgumentException("positive weight " + i + " must be finite and > 0, not " + w);
                }
            }
        }
        this.positiveWeights = positiveWeights == null ? null : positiveWeights.clone();
    }

    public double[] positiveWeights() {
        return positiveWeights == null ? null : positiveWeights.clone();
    }

    private INDArray weights(INDArray labels) {
        if (positiveWeights == null) return null;
        if (labels.size(1) != positiveWeights.length) {
            throw new IllegalStateException(positiveWeights.length + " positive weights for " + labels.size(1) + " outputs");
        }
        INDArray w = weightRow;
        if (w == null || w.dataType() != labels.dataType()) {
            // Outside any workspace: the row outlives the layer workspace it is first needed in.
            try (MemoryWorkspace ignored = Nd4j.getWorkspaceManager().scopeOutOfWorkspaces()) {
                w = Nd4j.create(positiveWeights, new long[] {1, positiveWeights.length}, labels.dataType());
            }
            weightRow = w;
        }
        return w;
    }

    /** {@code p·y} (or {@code y}), a new array. */
    private INDArray weightedLabels(INDArray labels) {
        INDArray w = weights(labels);
        return w == null ? labels.dup() : labels.mulRowVector(w);
    }

    /** Per element: loss and gradient with respect to the pre-activation. */
    private Pair<INDArray, INDArray> lossAndGradient(INDArray labels, INDArray preOutput, IActivation activation, boolean wantLoss, boolean wantGrad) {
        if (preOutput.dataType() != labels.dataType()) labels = labels.castTo(preOutput.dataType());
        INDArray py = weightedLabels(labels);                // p·y
        INDArray coef = py.sub(labels).addi(1.0);           // 1 + (p−1)·y
        if (activation instanceof ActivationSigmoid) {
            INDArray z = preOutput;
            INDArray loss = null;
            if (wantLoss) {
                INDArray softplus = Transforms.relu(z, true).addi(Transforms.log(Transforms.exp(Transforms.abs(z, true).negi(), false).addi(1.0), false));
                loss = softplus.muli(coef).subi(py.mul(z));
            }
            INDArray grad = wantGrad ? Transforms.sigmoid(z, true).muli(coef).subi(py) : null;
            return new Pair<>(loss, grad);
        }
        INDArray out = activation.getActivation(preOutput.dup(), true);
        out = Transforms.min(Transforms.max(out, CLIP, false), 1 - CLIP, false);
        INDArray loss = null;
        if (wantLoss) {
            INDArray negLabels = labels.rsub(1.0);
            loss = py.mul(Transforms.log(out, true)).addi(negLabels.mul(Transforms.log(out.rsub(1.0), false))).negi();
        }
        INDArray grad = null;
        if (wantGrad) {
            // dℓ/dout = −p·y/out + (1−y)/(1−out)
            INDArray dOut = py.div(out).negi().addi(labels.rsub(1.0).divi(out.rsub(1.0)));
            grad = activation.backprop(preOutput.dup(), dOut).getFirst();
        }
        return new Pair<>(loss, grad);
    }

    private static INDArray applyMask(INDArray a, INDArray mask) {
        if (mask == null) return a;
        if (mask.dataType() != a.dataType()) mask = mask.castTo(a.dataType());
        if (mask.rank() == 2 && mask.size(1) == 1 && a.size(1) != 1) return a.muliColumnVector(mask);
        return a.muli(mask);
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        INDArray loss = applyMask(lossAndGradient(labels, preOutput, activationFn, true, false).getFirst(), mask);
        return loss.sum(true, 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return applyMask(lossAndGradient(labels, preOutput, activationFn, false, true).getSecond(), mask);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        Pair<INDArray, INDArray> both = lossAndGradient(labels, preOutput, activationFn, true, true);
        double sum = applyMask(both.getFirst(), mask).sumNumber().doubleValue();
        return new Pair<>(average ? sum / preOutput.size(0) : sum, applyMask(both.getSecond(), mask));
    }

    @Override
    public String name() {
        return toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof WeightedBinaryCrossEntropy other && Arrays.equals(positiveWeights, other.positiveWeights);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(positiveWeights);
    }

    @Override
    public String toString() {
        return positiveWeights == null ? "WeightedBinaryCrossEntropy()" : "WeightedBinaryCrossEntropy(pos_weight=" + Arrays.toString(positiveWeights) + ")";
    }
}
