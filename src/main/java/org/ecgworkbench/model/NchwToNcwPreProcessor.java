package org.ecgworkbench.model;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * The way back from {@link NcwToNchwPreProcessor}: {@code [b, C, 1, W]} to {@code [b, C, W]} before
 * the next {@code Convolution1DLayer} or 1-D pooling. Stateless: serialised by class name.
 */
public final class NchwToNcwPreProcessor implements InputPreProcessor {
    private static final long serialVersionUID = 1L;

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        if (input.rank() != 4 || input.size(2) != 1) {
            throw new IllegalStateException("expected [b, C, 1, W], got " + input.shapeInfoToString());
        }
        INDArray in = NcwToNchwPreProcessor.contiguous(input, ArrayType.ACTIVATIONS, workspaceMgr);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, in.reshape('c', in.size(0), in.size(1), in.size(3)));
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        if (output.rank() != 3) throw new IllegalStateException("expected [b, C, W], got " + output.shapeInfoToString());
        INDArray eps = NcwToNchwPreProcessor.contiguous(output, ArrayType.ACTIVATION_GRAD, workspaceMgr);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, eps.reshape('c', eps.size(0), eps.size(1), 1, eps.size(2)));
    }

    @Override
    public InputPreProcessor clone() {
        return new NchwToNcwPreProcessor();
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeConvolutional c) || c.getHeight() != 1) {
            throw new IllegalStateException("NchwToNcwPreProcessor expects height-1 convolutional input, got " + inputType);
        }
        return InputType.recurrent(c.getChannels(), c.getWidth(), RNNFormat.NCW);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NchwToNcwPreProcessor;
    }

    @Override
    public int hashCode() {
        return NchwToNcwPreProcessor.class.hashCode();
    }
}
