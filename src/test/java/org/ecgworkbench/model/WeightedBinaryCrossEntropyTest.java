package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.graph.LayerVertex;
import org.deeplearning4j.nn.conf.layers.OutputLayer;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationSigmoid;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class WeightedBinaryCrossEntropyTest {

    static final double[][] Z = {{-2.0, 0.5, 3.0}, {1.0, -0.25, 0.0}};
    static final double[][] Y = {{1, 0, 1}, {0, 1, 0}};
    static final double[] P = {3.0, 0.5, 1.0};

    static double sigmoid(double z) {
        return 1 / (1 + Math.exp(-z));
    }

    /** PyTorch BCEWithLogitsLoss(pos_weight=P, reduction='sum') / batch, by hand. */
    static double byHand(double[] p) {
        double sum = 0;
        for (int i = 0; i < Z.length; i++) {
            for (int j = 0; j < 3; j++) {
                double s = sigmoid(Z[i][j]);
                double w = p == null ? 1 : p[j];
                sum += -(w * Y[i][j] * Math.log(s) + (1 - Y[i][j]) * Math.log(1 - s));
            }
        }
        return sum / Z.length;
    }

    static INDArray arr(double[][] a) {
        return Nd4j.create(a).castTo(DataType.DOUBLE);
    }

    @Test
    void positiveWeightedLossEqualsAHandComputation() {
        var loss = new WeightedBinaryCrossEntropy(P);
        double score = loss.computeScore(arr(Y), arr(Z), new ActivationSigmoid(), null, true);
        assertThat(score).isCloseTo(byHand(P), within(1e-12));
        assertThat(new WeightedBinaryCrossEntropy().computeScore(arr(Y), arr(Z), new ActivationSigmoid(), null, true))
                .isCloseTo(byHand(null), within(1e-12));
    }

    @Test
    void gradientMatchesFiniteDifferences() {
        var loss = new WeightedBinaryCrossEntropy(P);
        INDArray z = arr(Z);
        INDArray grad = loss.computeGradient(arr(Y), z, new ActivationSigmoid(), null);
        double h = 1e-6;
        for (int i = 0; i < 2; i++) {
            for (int j = 0; j < 3; j++) {
                INDArray plus = z.dup();
                plus.putScalar(i, j, Z[i][j] + h);
                INDArray minus = z.dup();
                minus.putScalar(i, j, Z[i][j] - h);
                double numeric = (loss.computeScore(arr(Y), plus, new ActivationSigmoid(), null, false)
                        - loss.computeScore(arr(Y), minus, new ActivationSigmoid(), null, false)) / (2 * h);
                assertThat(grad.getDouble(i, j)).as("(%d,%d)", i, j).isCloseTo(numeric, within(1e-7));
            }
        }
    }

    @Test
    void largeLogitsStayFinite() {
        var loss = new WeightedBinaryCrossEntropy(new double[] {2, 2});
        INDArray z = Nd4j.create(new float[] {-200f, 200f}, new long[] {1, 2});
        INDArray y = Nd4j.create(new float[] {1f, 0f}, new long[] {1, 2});
        double score = loss.computeScore(y, z, new ActivationSigmoid(), null, true);
        assertThat(score).isCloseTo(2 * 200 + 200, within(1e-3));
        assertThat(loss.computeGradient(y, z, new ActivationSigmoid(), null).data().asFloat()).containsExactly(-2f, 1f);
    }

    @Test
    void perExampleMaskDropsExamples() {
        var loss = new WeightedBinaryCrossEntropy(P);
        INDArray mask = Nd4j.create(new double[][] {{1}, {0}}).castTo(DataType.DOUBLE);
        INDArray perExample = loss.computeScoreArray(arr(Y), arr(Z), new ActivationSigmoid(), mask);
        assertThat(perExample.getDouble(1, 0)).isZero();
        assertThat(perExample.getDouble(0, 0)).isPositive();
    }

    @Test
    void weightsTravelWithTheJsonConfiguration() {
        float[] w = new float[24];
        Arrays.fill(w, 1.5f);
        w[3] = 7f;
        ComputationGraphConfiguration conf = ResNet1d.configuration(ResNet1dTest.TINY, new Adam(1e-3), 0, w, 1);
        ComputationGraphConfiguration back = ComputationGraphConfiguration.fromJson(conf.toJson());
        var layer = (OutputLayer) ((LayerVertex) back.getVertices().get("out")).getLayerConf().getLayer();
        assertThat(layer.getLossFn()).isInstanceOf(WeightedBinaryCrossEntropy.class);
        assertThat(((WeightedBinaryCrossEntropy) layer.getLossFn()).positiveWeights()[3]).isEqualTo(7.0);
        assertThat(back).isEqualTo(conf);
    }
}
