package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.NeuralNetConfiguration;
import org.deeplearning4j.nn.conf.RNNFormat;
import org.deeplearning4j.nn.conf.graph.MergeVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.Convolution1DLayer;
import org.deeplearning4j.nn.conf.layers.DenseLayer;
import org.deeplearning4j.nn.conf.layers.GlobalPoolingLayer;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.activations.Activation;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.lossfunctions.LossFunctions;

/** The iterator drives a DL4J graph with an NCW 1-D convolution and a demographics input, as the model will use it. */
class CacheBatchIteratorFitTest {
    @TempDir
    Path dir;

    @Test
    void aComputationGraphTrainsOnItsBatches() throws IOException {
        try (CachedTensors data = TestCaches.simple(dir.resolve("fit.ecgcache"), 10, 12, 50)) {
            ComputationGraphConfiguration conf = new NeuralNetConfiguration.Builder().seed(1).updater(new Adam(1e-3))
                    .graphBuilder()
                    .addInputs("ecg", "demographics")
                    .setInputTypes(InputType.recurrent(12, 50, RNNFormat.NCW), InputType.feedForward(2))
                    .addLayer("conv", new Convolution1DLayer.Builder().kernelSize(5).nOut(4).rnnDataFormat(RNNFormat.NCW)
                            .activation(Activation.RELU).build(), "ecg")
                    .addLayer("pool", new GlobalPoolingLayer.Builder(PoolingType.AVG).build(), "conv")
                    .addVertex("join", new MergeVertex(), "pool", "demographics")
                    .addLayer("dense", new DenseLayer.Builder().nOut(8).activation(Activation.RELU).build(), "join")
                    .addLayer("out", new OutputLayer.Builder(LossFunctions.LossFunction.XENT).nOut(24)
                            .activation(Activation.SIGMOID).build(), "dense")
                    .setOutputs("out")
                    .build();
            ComputationGraph net = new ComputationGraph(conf);
            net.init();
            try (CacheBatchIterator it = new CacheBatchIterator(data, 4, true, 3, true, new Augmentation(0.1, 0.01, 2, 0.05), null)) {
                for (int epoch = 0; epoch < 3; epoch++) {
                    it.setEpoch(epoch);
                    net.fit(it);
                    assertThat(it.hasNext()).isFalse();
                }
                assertThat(net.getIterationCount()).isEqualTo(9);
                assertThat(net.score()).isFinite();
            }
        }
    }
}
