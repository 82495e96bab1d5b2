package org.ecgworkbench.app.wizard;

import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.ResNet1d;
import org.ecgworkbench.train.OptimizerKind;

/**
 * How big a network is: trainable parameters ({@link ResNet1d#parameterCount}, the closed form that
 * {@code ResNet1dTest} checks against the built graphs), and an estimate of the memory a training step
 * needs (float32): weights, their gradients and the optimiser's state (Adam two values per weight, SGD
 * with momentum one), plus every layer's output kept for the backward pass and its gradient, counted
 * from the output shapes of the graph {@link ResNet1d#configuration} builds. DL4J's own memory report
 * cannot be used: it fails on the graph's NCW↔NCHW preprocessors. The configuration needs no weights
 * but loads DL4J classes, so callers keep it off the FX thread.
 */
public final class NetworkSize {

    private static final int FLOAT_BYTES = 4;

    private NetworkSize() {
    }

    public static long trainableParameters(NetworkSpec spec) {
        return ResNet1d.parameterCount(spec);
    }

    /** Values every layer outputs for one example (the graph's inputs not counted). */
    public static long activationsPerExample(NetworkSpec spec) {
        return ResNet1d.activationsPerExample(spec);
    }

    /** The estimate of the bytes one training step of this network needs at this batch size. */
    public static long trainingBytes(NetworkSpec spec, OptimizerKind optimizer, int batch) {
        int states = optimizer == OptimizerKind.SGD ? 1 : 2;
        long weights = trainableParameters(spec) * FLOAT_BYTES * (2L + states);
        long activations = activationsPerExample(spec) * batch * FLOAT_BYTES * 2L;
        return weights + activations;
    }
}
