package org.ecgworkbench.model;

import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.activations.IActivation;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.lossfunctions.ILossFunction;

/**
 * Not a loss: a selector that lets DL4J's ordinary backward pass compute {@code ∂z_c/∂x}. The "labels"
 * carry per-row weights {@code w} (one-hot on the explained class) and the "loss" is {@code Σ w·z} over
 * the output layer's pre-activations {@code z} (the logits), whose gradient is {@code w} itself: the
 * epsilon that reaches the input is then the gradient of the selected logit, row by row. Used only inside
 * {@link Explainer}'s private gradient graph; never trained with, never saved.
 */
final class ExplainSelectionLoss implements ILossFunction {
    private static final long serialVersionUID = 1L;

    private static INDArray weights(INDArray labels, INDArray preOutput, INDArray mask) {
        INDArray w = labels.dataType() == preOutput.dataType() ? labels.dup() : labels.castTo(preOutput.dataType());
        if (mask != null) {
            INDArray m = mask.castTo(w.dataType());
            if (m.rank() == 2 && m.size(1) == 1 && w.size(1) != 1) w.muliColumnVector(m);
            else w.muli(m);
        }
        return w;
    }

    @Override
    public INDArray computeScoreArray(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return weights(labels, preOutput, mask).muli(preOutput).sum(true, 1);
    }

    @Override
    public double computeScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        double sum = computeScoreArray(labels, preOutput, activationFn, mask).sumNumber().doubleValue();
        return average ? sum / preOutput.size(0) : sum;
    }

    @Override
    public INDArray computeGradient(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask) {
        return weights(labels, preOutput, mask);
    }

    @Override
    public Pair<Double, INDArray> computeGradientAndScore(INDArray labels, INDArray preOutput, IActivation activationFn, INDArray mask, boolean average) {
        return new Pair<>(computeScore(labels, preOutput, activationFn, mask, average), computeGradient(labels, preOutput, activationFn, mask));
    }

    @Override
    public String name() {
        return "ExplainSelectionLoss";
    }

    @Override
    public String toString() {
        return name();
    }
}
