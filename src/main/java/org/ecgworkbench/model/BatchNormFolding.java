package org.ecgworkbench.model;

import java.util.List;
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
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.conf.layers.SubsamplingLayer;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.params.BatchNormalizationParamInitializer;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.NoOp;
import org.nd4j.linalg.lossfunctions.LossFunctions;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * An inference-only copy of a trained {@link ResNet1d} with every BatchNormalization folded into
 * the convolution before it: {@code W' = W·γ/σ}, {@code b' = β − μ·γ/σ} per output channel, with
 * {@code σ = sqrt(var + ε)} from the running statistics. Inference then has no BN layers, no
 * reshape preprocessors and no dropout layers, and the ReLU after a convolution becomes the
 * convolution's own activation; the whole graph stays rank 3 (NCW). Outputs agree with the trained
 * graph in inference mode to float rounding (tested to 1e-5).
 *
 * <p>The Conv1D weight trap (STACK.md) matters here: the view says {@code [nOut, nIn, k, 1]} but the
 * buffer is {@code [k, nIn, nOut]}, so the per-channel scale is applied along the buffer's last axis
 * (scaling along the view's first axis gave errors of 0.1 after one layer).
 */
public final class BatchNormFolding {

    private BatchNormFolding() {
    }

    /** A new graph for inference only (no training: no BN, no dropout, no updater). */
    public static ComputationGraph fold(ComputationGraph trained, NetworkSpec spec) {
        NativeBackend.prepare();
        ComputationGraph folded = new ComputationGraph(configuration(spec));
        folded.init();
        List<Integer> widths = spec.stageChannels();
        copyFolded(trained, folded, "stem_conv", "stem_bn");
        int in = widths.get(0);
        for (int s = 0; s < 4; s++) {
            int out = widths.get(s);
            for (int b = 0; b < spec.architecture().blocks().get(s); b++) {
                int stride = b == 0 ? ResNet1d.STAGE_STRIDES[s] : 1;
                String p = "s" + (s + 1) + "b" + (b + 1);
                copyFolded(trained, folded, p + "_conv1", p + "_bn1");
                copyFolded(trained, folded, p + "_conv2", p + "_bn2");
                if (stride != 1 || in != out) copyFolded(trained, folded, p + "_sc_conv", p + "_sc_bn");
                in = out;
            }
        }
        folded.getLayer(ResNet1d.OUTPUT).setParam("W", trained.getLayer(ResNet1d.OUTPUT).getParam("W").dup());
        folded.getLayer(ResNet1d.OUTPUT).setParam("b", trained.getLayer(ResNet1d.OUTPUT).getParam("b").dup());
        return folded;
    }

    private static void copyFolded(ComputationGraph trained, ComputationGraph folded, String conv, String bn) {
        var bnLayer = trained.getLayer(bn);
        BatchNormalization bnConf = (BatchNormalization) bnLayer.conf().getLayer();
        INDArray gamma = bnLayer.getParam(BatchNormalizationParamInitializer.GAMMA).castTo(DataType.DOUBLE).reshape(-1);
        INDArray beta = bnLayer.getParam(BatchNormalizationParamInitializer.BETA).castTo(DataType.DOUBLE).reshape(-1);
        INDArray mean = bnLayer.getParam(BatchNormalizationParamInitializer.GLOBAL_MEAN).castTo(DataType.DOUBLE).reshape(-1);
        INDArray sigma;
        if (bnConf.isUseLogStd()) {
            // DL4J stores log10(sqrt(var + eps)).
            sigma = Transforms.exp(bnLayer.getParam(BatchNormalizationParamInitializer.GLOBAL_LOG_STD).castTo(DataType.DOUBLE).reshape(-1).mul(Math.log(10)), false);
        } else {
            sigma = Transforms.sqrt(bnLayer.getParam(BatchNormalizationParamInitializer.GLOBAL_VAR).castTo(DataType.DOUBLE).reshape(-1).add(bnConf.getEps()), false);
        }
        INDArray scale = gamma.div(sigma);                    // [C]
        INDArray bias = beta.sub(mean.mul(scale));             // [C]
        INDArray w = trained.getLayer(conv).getParam("W").castTo(DataType.DOUBLE);
        long channels = scale.length();
        // The Conv1D weight view reports [nOut, nIn, k, 1], but the kernel reads its buffer as [k, nIn, nOut]
        // (STACK.md): the output channel is the fastest-varying index of the flat buffer, whatever the view says.
        if (w.length() % channels != 0) throw new IllegalStateException(conv + ": " + w.length() + " weights for " + channels + " BN channels");
        INDArray scaled = w.dup('c').reshape('c', w.length() / channels, channels).mulRowVector(scale).reshape('c', w.shape());
        folded.getLayer(conv).setParam("W", scaled.castTo(DataType.FLOAT));
        folded.getLayer(conv).setParam("b", bias.reshape(folded.getLayer(conv).getParam("b").shape()).castTo(DataType.FLOAT));
    }

    /** The folded architecture: same layer names for the convolutions and the output as {@link ResNet1d}. */
    static ComputationGraphConfiguration configuration(NetworkSpec spec) {
        ComputationGraphConfiguration.GraphBuilder g = new NeuralNetConfiguration.Builder()
                .dataType(DataType.FLOAT)
                .updater(new NoOp())
                .activation(Activation.IDENTITY)
                .convolutionMode(ConvolutionMode.Truncate)
                .trainingWorkspaceMode(WorkspaceMode.ENABLED)
                .inferenceWorkspaceMode(WorkspaceMode.ENABLED)
                .graphBuilder();
        if (spec.demographics()) g.addInputs(ResNet1d.INPUT, ResNet1d.DEMOGRAPHICS);
        else g.addInputs(ResNet1d.INPUT);
        List<Integer> widths = spec.stageChannels();
        int c0 = widths.get(0);
        g.addLayer("stem_conv", conv(spec.channels(), c0, ResNet1d.STEM_KERNEL, 2, Activation.RELU), ResNet1d.INPUT);
        // Subsampling1DLayer pads both axes of its internal image in M2.1 (wrong output shape with padding 1):
        // pool as the trained graph does, as a height-1 image, and reshape back.
        g.addLayer("stem_pool", new SubsamplingLayer.Builder(SubsamplingLayer.PoolingType.MAX)
                .kernelSize(1, 3).stride(1, 2).padding(0, 1).build(), new NcwToNchwPreProcessor(), "stem_conv");
        g.addLayer("stem_pool_ncw", new ActivationLayer.Builder().activation(Activation.IDENTITY).build(),
                new NchwToNcwPreProcessor(), "stem_pool");
        String last = "stem_pool_ncw";
        int in = c0;
        for (int s = 0; s < 4; s++) {
            int out = widths.get(s);
            for (int b = 0; b < spec.architecture().blocks().get(s); b++) {
                int stride = b == 0 ? ResNet1d.STAGE_STRIDES[s] : 1;
                String p = "s" + (s + 1) + "b" + (b + 1);
                g.addLayer(p + "_conv1", conv(in, out, ResNet1d.BLOCK_KERNEL, stride, Activation.RELU), last);
                g.addLayer(p + "_conv2", conv(out, out, ResNet1d.BLOCK_KERNEL, 1, Activation.IDENTITY), p + "_conv1");
                String shortcut = last;
                if (stride != 1 || in != out) {
                    g.addLayer(p + "_sc_conv", conv(in, out, 1, stride, Activation.IDENTITY), last);
                    shortcut = p + "_sc_conv";
                }
                g.addVertex(p + "_add", new ElementWiseVertex(ElementWiseVertex.Op.Add), p + "_conv2", shortcut);
                g.addLayer(p + "_relu", new ActivationLayer.Builder().activation(Activation.RELU).build(), p + "_add");
                last = p + "_relu";
                in = out;
            }
        }
        g.addLayer("gap", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), last);
        String features = "gap";
        int nFeatures = in;
        if (spec.demographics()) {
            g.addVertex("merge", new MergeVertex(), "gap", ResNet1d.DEMOGRAPHICS);
            features = "merge";
            nFeatures += 2;
        }
        g.addLayer(ResNet1d.OUTPUT, new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nIn(nFeatures).nOut(spec.outputs())
                .activation(Activation.SIGMOID).build(), features);
        g.setOutputs(ResNet1d.OUTPUT);
        if (spec.demographics()) {
            g.setInputTypes(InputType.recurrent(spec.channels(), spec.length(), RNNFormat.NCW), InputType.feedForward(2));
        } else {
            g.setInputTypes(InputType.recurrent(spec.channels(), spec.length(), RNNFormat.NCW));
        }
        return g.build();
    }

    private static Convolution1DLayer conv(int in, int out, int kernel, int stride, Activation activation) {
        return new Convolution1DLayer.Builder()
                .nIn(in).nOut(out).kernelSize(kernel).stride(stride).padding(kernel / 2)
                .convolutionMode(ConvolutionMode.Truncate).rnnDataFormat(RNNFormat.NCW)
                .hasBias(true).activation(activation).build();
    }
}
