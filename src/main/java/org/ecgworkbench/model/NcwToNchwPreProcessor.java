package org.ecgworkbench.model;

import org.deeplearning4j.nn.api.MaskState;
import org.deeplearning4j.nn.conf.CNN2DFormat;
import org.deeplearning4j.nn.conf.InputPreProcessor;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.workspace.ArrayType;
import org.deeplearning4j.nn.workspace.LayerWorkspaceMgr;
import org.nd4j.common.primitives.Pair;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.api.shape.Shape;

/**
 * Reshapes a 1-D convolution's output {@code [b, C, W]} to {@code [b, C, 1, W]} before a
 * BatchNormalization. DL4J M2.1's BatchNormalization after a {@code Convolution1DLayer} reshapes
 * rank-3 input to {@code [1, b, C, W]} and fails; as a height-1 image it works, and this keeps the
 * fast Conv1D path (oneDNN) instead of 2-D convolutions (Java-side im2col, ~4× slower; STACK.md).
 * A view, no copy, when the input is C-contiguous. Stateless: serialised by class name.
 */
public final class NcwToNchwPreProcessor implements InputPreProcessor {
    private static final long serialVersionUID = 1L;

    @Override
    public INDArray preProcess(INDArray input, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        if (input.rank() != 3) throw new IllegalStateException("expected [b, C, W], got " + input.shapeInfoToString());
        INDArray in = contiguous(input, ArrayType.ACTIVATIONS, workspaceMgr);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATIONS, in.reshape('c', in.size(0), in.size(1), 1, in.size(2)));
    }

    @Override
    public INDArray backprop(INDArray output, int miniBatchSize, LayerWorkspaceMgr workspaceMgr) {
        if (output.rank() != 4) throw new IllegalStateException("expected [b, C, 1, W], got " + output.shapeInfoToString());
        INDArray eps = contiguous(output, ArrayType.ACTIVATION_GRAD, workspaceMgr);
        return workspaceMgr.leverageTo(ArrayType.ACTIVATION_GRAD, eps.reshape('c', eps.size(0), eps.size(1), eps.size(3)));
    }

    static INDArray contiguous(INDArray a, ArrayType type, LayerWorkspaceMgr mgr) {
        if (a.ordering() == 'c' && Shape.hasDefaultStridesForShape(a)) return a;
        return mgr.dup(type, a, 'c');
    }

    @Override
    public InputPreProcessor clone() {
        return new NcwToNchwPreProcessor();
    }

    @Override
    public InputType getOutputType(InputType inputType) {
        if (!(inputType instanceof InputType.InputTypeRecurrent r)) {
            throw new IllegalStateException("NcwToNchwPreProcessor expects recurrent (NCW) input, got " + inputType);
        }
        return InputType.convolutional(1, r.getTimeSeriesLength(), r.getSize(), CNN2DFormat.NCHW);
    }

    @Override
    public Pair<INDArray, MaskState> feedForwardMaskArray(INDArray maskArray, MaskState currentMaskState, int minibatchSize) {
        return new Pair<>(maskArray, currentMaskState);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof NcwToNchwPreProcessor;
    }

    @Override
    public int hashCode() {
        return NcwToNchwPreProcessor.class.hashCode();
    }
}
