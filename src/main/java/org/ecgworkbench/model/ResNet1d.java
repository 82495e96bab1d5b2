package org.ecgworkbench.model;

import java.util.List;
import java.util.Map;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.ConvolutionMode;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.conf.graph.ElementWiseVertex;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.ActivationLayer;
import org.deeplearning4j.nn.conf.layers.BatchNormalization;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DropoutLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.weights.WeightInit;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * Builds the 1-D residual networks (ResNet18/34) as DL4J computation graphs.
 *
 * <pre>
 * ecg [b,12,L] → conv k15/2 → BN → ReLU → max-pool 3/2
 *   → stages of residual blocks (64/128/256/512 × width; strides 1/2/2/2):
 *       conv k7/s → BN → ReLU → dropout → conv k7 → BN  (+ identity, or conv 1×1/s → BN) → add → ReLU
 *   → global average pooling [b,C] (→ merge with demographics [b,2]) → dense → sigmoid, out [b,24]
 * </pre>
 *
 * <p>Layer choices, by measurement on DL4J M2.1 (STACK.md): {@code Convolution1DLayer} (NCW, no bias,
 * explicit padding) is what reaches oneDNN; BatchNormalization cannot follow it directly, so each BN
 * gets a {@link NcwToNchwPreProcessor} ({@code [b,C,W] → [b,C,1,W]}) and the next convolution a
 * {@link NchwToNcwPreProcessor}; ReLU, dropout, the residual add and the pooling layers run on the
 * height-1 image. Both preprocessors are reshapes (views). Every layer's activation is set to
 * identity explicitly (DL4J's global default is sigmoid), dropout is given as PyTorch's drop
 * probability and converted to DL4J's keep probability. {@link #build} also installs DL4J's oneDNN
 * BatchNormalization helper ({@link OneDnnHelpers}); workspaces are ENABLED for training and inference
 * (NONE measured slower), cache mode NONE (HOST measured no faster).
 */
public final class ResNet1d {
    public static final String INPUT = "ecg";
    public static final String DEMOGRAPHICS = "demographics";
    public static final String OUTPUT = "out";
    static final int STEM_KERNEL = 15;
    static final int BLOCK_KERNEL = 7;
    static final int[] STAGE_STRIDES = {1, 2, 2, 2};

    private ResNet1d() {
    }

    /**
     * Builds and initialises the network.
     *
     * @param updater         optimiser (Adam, SGD with momentum …)
     * @param l2              L2 penalty on weights (0 = none); equals PyTorch Adam's {@code weight_decay}
     * @param positiveWeights per-class weights of the positive term of the loss, or null for none
     * @param seed            weight initialisation seed
     */
    public static ComputationGraph build(NetworkSpec spec, IUpdater updater, double l2, float[] positiveWeights, long seed) {
        if (positiveWeights != null && positiveWeights.length != spec.outputs()) {
            throw new IllegalArgumentException(positiveWeights.length + " positive weights for " + spec.outputs() + " outputs");
        }
        if (!(l2 >= 0)) throw new IllegalArgumentException("l2 must be >= 0, not " + l2);
        NativeBackend.prepare();
        ComputationGraph graph = new ComputationGraph(configuration(spec, updater, l2, positiveWeights, seed));
        graph.init();
        OneDnnHelpers.install(graph);
        return graph;
    }

    /** The graph configuration of {@link #build}, without weights. */
    public static ComputationGraphConfiguration configuration(NetworkSpec spec, IUpdater updater, double l2, float[] positiveWeights, long seed) {
        NeuralNetConfiguration.Builder base = new NeuralNetConfiguration.Builder()
                .seed(seed)
                .dataType(DataType.FLOAT)
                .updater(updater)
                .weightInit(WeightInit.RELU)
                .activation(Activation.IDENTITY)
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .cacheMode(CacheMode.NONE);
        if (l2 > 0) base.l2(l2);
        ComputationGraphConfiguration.GraphBuilder g = base.graphBuilder();
        if (spec.demographics()) g.addInputs(INPUT, DEMOGRAPHICS);
        else g.addInputs(INPUT);

        List<Integer> widths = spec.stageChannels();
        int c0 = widths.get(0);
        g.addLayer("stem_conv", conv(spec.channels(), c0, STEM_KERNEL, 2), INPUT);
        g.addLayer("stem_bn", bn(c0), new NcwToNchwPreProcessor(), "stem_conv");
        g.addLayer("stem_relu", relu(), "stem_bn");
        g.addLayer("stem_pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(1, 3).stride(1, 2).padding(0, 1).build(), "stem_relu");

        String last = "stem_pool";
        int in = c0;
        for (int s = 0; s < 4; s++) {
            int out = widths.get(s);
            for (int b = 0; b < spec.architecture().blocks().get(s); b++) {
                int stride = b == 0 ? STAGE_STRIDES[s] : 1;
                last = block(g, "s" + (s + 1) + "b" + (b + 1), last, in, out, stride, spec.dropout());
                in = out;
            }
        }
        g.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
        String features = "gap";
        int nFeatures = in;
        if (spec.demographics()) {
            g.addVertex("merge", new MergeVertex(), "gap", DEMOGRAPHICS);
            features = "merge";
            nFeatures += 2;
        }
        g.addLayer(OUTPUT, new OutputLayer.Builder(new WeightedBinaryCrossEntropy(toDoubles(positiveWeights)))
                .nIn(nFeatures).nOut(spec.outputs())
                .activation(Activation.SIGMOID).weightInit(WeightInit.XAVIER).build(), features);
        g.setOutputs(OUTPUT);
        if (spec.demographics()) {
            g.setInputTypes(InputType.recurrent(spec.channels(), spec.length(), RNNFormat.NCW), InputType.feedForward(2));
        } else {
            g.setInputTypes(InputType.recurrent(spec.channels(), spec.length(), RNNFormat.NCW));
        }
        return g.build();
    }

    /** One residual block; returns the name of its output vertex. */
    private static String block(ComputationGraphConfiguration.GraphBuilder g, String p, String input, int in, int out, int stride, double dropout) {
        g.addLayer(p + "_conv1", conv(in, out, BLOCK_KERNEL, stride), new NchwToNcwPreProcessor(), input);
        g.addLayer(p + "_bn1", bn(out), new NcwToNchwPreProcessor(), p + "_conv1");
        g.addLayer(p + "_relu1", relu(), p + "_bn1");
        String beforeConv2 = p + "_relu1";
        if (dropout > 0) {
            g.addLayer(p + "_drop", new DropoutLayer.Builder(1.0 - dropout).build(), p + "_relu1");
            beforeConv2 = p + "_drop";
        }
        g.addLayer(p + "_conv2", conv(out, out, BLOCK_KERNEL, 1), new NchwToNcwPreProcessor(), beforeConv2);
        g.addLayer(p + "_bn2", bn(out), new NcwToNchwPreProcessor(), p + "_conv2");
        String shortcut = input;
        if (stride != 1 || in != out) {
            g.addLayer(p + "_sc_conv", conv(in, out, 1, stride), new NchwToNcwPreProcessor(), input);
            g.addLayer(p + "_sc_bn", bn(out), new NcwToNchwPreProcessor(), p + "_sc_conv");
            shortcut = p + "_sc_bn";
        }
        g.addVertex(p + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), p + "_bn2", shortcut);
        g.addLayer(p + "_relu", relu(), p + "_add");
        return p + "_relu";
    }

    static Convolution1DLayer conv(int in, int out, int kernel, int stride) {
        return new Convolution1DLayer.Builder()
                .nIn(in).nOut(out).kernelSize(kernel).stride(stride).padding(kernel / 2)
                .convolutionMode(ConvolutionMode.Truncate).rnnDataFormat(RNNFormat.NCW)
                .hasBias(false).activation(Activation.IDENTITY).build();
    }

    private static BatchNormalization bn(int channels) {
        return new BatchNormalization.Builder().nOut(channels).eps(1e-5).decay(0.9).activation(Activation.IDENTITY).build();
    }

    private static ActivationLayer relu() {
        return new ActivationLayer.Builder().activation(Activation.RELU).build();
    }

    private static double[] toDoubles(float[] a) {
        if (a == null) return null;
        double[] d = new double[a.length];
        for (int i = 0; i < a.length; i++) d[i] = a[i];
        return d;
    }

    /**
     * Values every layer outputs for one example, counted from the output shapes of the graph
     * {@link #configuration} builds (the graph's inputs not counted): what a training step keeps for
     * the backward pass, for memory estimates. Builds a configuration (no weights), so it loads DL4J.
     */
    public static long activationsPerExample(NetworkSpec spec) {
        ComputationGraphConfiguration conf = configuration(spec, new Adam(1e-3), 0, null, 1);
        InputType ecg = InputType.recurrent(spec.channels(), spec.length(), RNNFormat.NCW);
        InputType[] inputs = spec.demographics() ? new InputType[] {ecg, InputType.feedForward(2)} : new InputType[] {ecg};
        long n = 0;
        for (Map.Entry<String, InputType> e : conf.getLayerActivationTypes(inputs).entrySet()) {
            if (conf.getNetworkInputs().contains(e.getKey())) continue;
            n += e.getValue().arrayElementsPerExample();
        }
        return n;
    }

    /**
     * Trainable parameters, counted as PyTorch counts them (convolution and dense weights, dense bias,
     * BN scale and shift): ResNet34 at width 1 has 16,614,811. DL4J's {@code numParams()} is larger by
     * two per BN channel, since it stores the running mean and variance as parameters too.
     */
    public static long parameterCount(NetworkSpec spec) {
        List<Integer> widths = spec.stageChannels();
        long c0 = widths.get(0);
        long n = spec.channels() * c0 * STEM_KERNEL + 2 * c0;
        long in = c0;
        for (int s = 0; s < 4; s++) {
            long out = widths.get(s);
            for (int b = 0; b < spec.architecture().blocks().get(s); b++) {
                int stride = b == 0 ? STAGE_STRIDES[s] : 1;
                n += in * out * BLOCK_KERNEL + 2 * out + out * out * BLOCK_KERNEL + 2 * out;
                if (stride != 1 || in != out) n += in * out + 2 * out;
                in = out;
            }
        }
        long features = in + (spec.demographics() ? 2 : 0);
        return n + features * spec.outputs() + spec.outputs();
    }

    /** BatchNormalization channels of the network: DL4J keeps two more parameters (mean, variance) for each. */
    static long batchNormChannels(NetworkSpec spec) {
        List<Integer> widths = spec.stageChannels();
        long n = widths.get(0);
        long in = widths.get(0);
        for (int s = 0; s < 4; s++) {
            long out = widths.get(s);
            for (int b = 0; b < spec.architecture().blocks().get(s); b++) {
                int stride = b == 0 ? STAGE_STRIDES[s] : 1;
                n += 2 * out + ((stride != 1 || in != out) ? out : 0);
                in = out;
            }
        }
        return n;
    }
}
