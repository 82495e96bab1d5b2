package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.Random;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.nn.layers.normalization.BatchNormalization;
import org.deeplearning4j.util.ModelSerializer;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class ResNet1dTest {

    static final NetworkSpec TINY = new NetworkSpec(Architecture.RESNET18, 0.125, 12, 256, 24, false, 0.2);

    static INDArray randomEcg(int batch, int length, long seed) {
        Random r = new Random(seed);
        float[] data = new float[batch * 12 * length];
        for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
        return Nd4j.create(data, new long[] {batch, 12, length}, 'c');
    }

    @Test
    void forwardGivesOneProbabilityPerClass() {
        ComputationGraph net = ResNet1d.build(TINY, new Adam(1e-3), 1e-5, null, 1);
        INDArray out = net.outputSingle(false, randomEcg(3, 256, 2));
        assertThat(out.shape()).containsExactly(3, 24);
        assertThat(out.dataType()).isEqualTo(DataType.FLOAT);
        assertThat(out.minNumber().doubleValue()).isGreaterThan(0);
        assertThat(out.maxNumber().doubleValue()).isLessThan(1);
        assertThat(net.getConfiguration().getNetworkInputs()).containsExactly("ecg");
        assertThat(net.getConfiguration().getNetworkOutputs()).containsExactly("out");
    }

    @Test
    void demographicsAreASecondInput() {
        NetworkSpec spec = new NetworkSpec(Architecture.RESNET18, 0.125, 12, 256, 24, true, 0.2);
        ComputationGraph net = ResNet1d.build(spec, new Adam(1e-3), 0, null, 1);
        INDArray demo = Nd4j.create(new float[] {0.5f, 1f, 0.7f, 0f}, new long[] {2, 2});
        INDArray[] out = net.output(false, randomEcg(2, 256, 3), demo);
        assertThat(out[0].shape()).containsExactly(2, 24);
        assertThat(net.getConfiguration().getNetworkInputs()).containsExactly("ecg", "demographics");
        assertThat(net.numParams()).isEqualTo(ResNet1d.parameterCount(spec) + 2 * ResNet1d.batchNormChannels(spec));
    }

    @SlowTest
    @Test
    void lossDecreasesOnATinyBatch() {
        float[] pos = new float[24];
        Arrays.fill(pos, 2f);
        ComputationGraph net = ResNet1d.build(TINY, new Adam(3e-3), 0, pos, 7);
        INDArray x = randomEcg(4, 256, 5);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 24);
        for (int i = 0; i < 4; i++) y.putScalar(i, i * 5, 1f);
        MultiDataSet ds = new MultiDataSet(new INDArray[] {x}, new INDArray[] {y});
        double first = net.score(ds, true);
        for (int i = 0; i < 30; i++) net.fit(ds);
        double last = net.score(ds, true);
        assertThat(last).isLessThan(first * 0.5);
    }

    @SlowTest
    @Test
    void oneDnnBatchNormHelperTrainsLikeTheBuiltInLayer() {
        ComputationGraph fast = ResNet1d.build(TINY, new Adam(1e-3), 0, null, 21);
        ComputationGraph plain = new ComputationGraph(ResNet1d.configuration(TINY, new Adam(1e-3), 0, null, 21));
        plain.init();
        assertThat(fast.getLayers()).filteredOn(OneDnnHelpers::hasHelper).hasSize((int) Arrays.stream(fast.getLayers())
                .filter(l -> l instanceof BatchNormalization).count()).isNotEmpty();
        assertThat(plain.getLayers()).noneMatch(OneDnnHelpers::hasHelper);
        assertThat(fast.params().data().asFloat()).containsExactly(plain.params().data().asFloat());
        INDArray x = randomEcg(4, 256, 8);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 4, 24).putScalar(1, 2, 1f);
        // Same weights, no dropout (the two graphs would draw different masks): same loss and gradients.
        NetworkSpec noDrop = new NetworkSpec(Architecture.RESNET18, 0.125, 12, 256, 24, false, 0);
        ComputationGraph fastNoDrop = ResNet1d.build(noDrop, new Adam(1e-3), 0, null, 21);
        ComputationGraph plainNoDrop = new ComputationGraph(ResNet1d.configuration(noDrop, new Adam(1e-3), 0, null, 21));
        plainNoDrop.init();
        float[] ga = gradient(fastNoDrop, x, y);
        float[] gb = gradient(plainNoDrop, x, y);
        double maxDiff = 0;
        double maxGrad = 0;
        for (int i = 0; i < ga.length; i++) {
            maxDiff = Math.max(maxDiff, Math.abs(ga[i] - gb[i]));
            maxGrad = Math.max(maxGrad, Math.abs(gb[i]));
        }
        assertThat(maxDiff / maxGrad).isLessThan(1e-4);
        assertThat(fastNoDrop.score()).isCloseTo(plainNoDrop.score(), within(1e-5));
    }

    private static float[] gradient(ComputationGraph net, INDArray x, INDArray y) {
        net.setInputs(x);
        net.setLabels(y);
        net.computeGradientAndScore();
        return net.gradient().gradient().dup().data().asFloat();
    }

    @Test
    void saveAndLoadGiveIdenticalOutputs() throws Exception {
        ComputationGraph net = ResNet1d.build(TINY, new Adam(1e-3), 0, null, 3);
        INDArray x = randomEcg(2, 256, 9);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 2, 24).putScalar(0, 3, 1f);
        net.fit(new MultiDataSet(new INDArray[] {x}, new INDArray[] {y})); // moves BN statistics off their initial values
        INDArray before = net.outputSingle(false, x);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ModelSerializer.writeModel(net, bytes, false);
        ComputationGraph loaded = ModelSerializer.restoreComputationGraph(new ByteArrayInputStream(bytes.toByteArray()), false);
        OneDnnHelpers.install(loaded); // as build() did; ModelBundleIO.read does it too
        assertThat(loaded.outputSingle(false, x).data().asFloat()).containsExactly(before.data().asFloat());
        assertThat(loaded.getConfiguration()).isEqualTo(net.getConfiguration());
    }

    @Test
    void parameterCountsMatchTheNetworks() {
        // PyTorch's count for the same ResNet34 with 27 outputs (STACK.md): 16,614,811 trainable.
        assertThat(ResNet1d.parameterCount(new NetworkSpec(Architecture.RESNET34, 1, 12, 5000, 27, false, 0.2))).isEqualTo(16_614_811L);
        assertThat(ResNet1d.parameterCount(NetworkSpec.of(Architecture.RESNET34, 1, 5000, false))).isEqualTo(16_613_272L);
        for (Architecture a : Architecture.values()) {
            for (double w : new double[] {1, 0.25}) {
                NetworkSpec spec = NetworkSpec.of(a, w, 512, false);
                ComputationGraph net = new ComputationGraph(ResNet1d.configuration(spec, new Adam(1e-3), 0, null, 1));
                net.init();
                assertThat(net.numParams()).as("%s width %s", a, w)
                        .isEqualTo(ResNet1d.parameterCount(spec) + 2 * ResNet1d.batchNormChannels(spec));
            }
        }
        assertThat(NetworkSpec.of(Architecture.RESNET18, 0.25, 5000, false).stageChannels()).containsExactly(16, 32, 64, 128);
        assertThat(ResNet1d.parameterCount(NetworkSpec.of(Architecture.RESNET34, 1, 5000, false)) / 1e6).isCloseTo(16.6, within(0.05));
    }
}
