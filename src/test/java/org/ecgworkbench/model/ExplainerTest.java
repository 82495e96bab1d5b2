package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicInteger;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Sex;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class ExplainerTest {
    /** Small enough for finite differences over every input sample: 12 × 64, four channels per stage. */
    static final NetworkSpec MINI = new NetworkSpec(Architecture.RESNET18, 0.0625, 12, 64, 24, false, 0.0);

    static ModelBundle bundle;
    static Explainer explainer;
    static List<String> codes;

    @BeforeAll
    static void setUp() {
        bundle = PredictorTest.trainedBundle(ResNet1dTest.TINY);
        explainer = new Explainer(bundle);
        codes = bundle.metadata().codes();
    }

    static float[] noise(int n, double amplitude, long seed) {
        Random r = new Random(seed);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) x[i] = (float) (r.nextGaussian() * amplitude);
        return x;
    }

    /** The double-precision logit of class c for a batch of inputs (channel-major rows). */
    static double[] logits(ComputationGraph graph, double[][] inputs, int channels, int length, int c) {
        double[] flat = new double[inputs.length * channels * length];
        for (int b = 0; b < inputs.length; b++) System.arraycopy(inputs[b], 0, flat, b * channels * length, channels * length);
        INDArray x = Nd4j.create(flat, new long[] {inputs.length, channels, length}, 'c');
        INDArray p = graph.output(false, x)[0];
        double[] out = new double[inputs.length];
        for (int b = 0; b < inputs.length; b++) {
            double q = p.getDouble(b, c);
            out[b] = Math.log(q / (1 - q));
        }
        return out;
    }

    @SlowTest
    @Test
    void logitGradientAgreesWithCentralFiniteDifferences() {
        ComputationGraph trained = ResNet1d.build(MINI, new Adam(1e-2), 0, null, 5);
        INDArray xt = ResNet1dTest.randomEcg(8, MINI.length(), 9);
        INDArray yt = Nd4j.zeros(DataType.FLOAT, 8, 24);
        for (int i = 0; i < 8; i++) yt.putScalar(i, i % 3, 1f);
        for (int i = 0; i < 3; i++) trained.fit(new MultiDataSet(new INDArray[] {xt}, new INDArray[] {yt}));
        BundleMetadata meta = BundleMetadata.standard(MINI, PipelineJson.write(PredictorTest.WINDOWS));
        ComputationGraph folded = BatchNormFolding.fold(trained, MINI).convertDataType(DataType.DOUBLE);
        Explainer inDouble = new Explainer(folded, meta);
        int per = 12 * MINI.length();
        float[] signal = noise(per, 1.0, 17);
        int c = 2;
        float[][] g = inDouble.logitGradient(signal, null, meta.codes().get(c));
        assertThat(g.length).isEqualTo(12);
        assertThat(g[0]).hasSize(MINI.length());

        double h = 1e-5;
        double[][] perturbed = new double[2 * per][];
        for (int k = 0; k < per; k++) {
            double[] plus = new double[per];
            double[] minus = new double[per];
            for (int i = 0; i < per; i++) plus[i] = minus[i] = signal[i];
            plus[k] += h;
            minus[k] -= h;
            perturbed[2 * k] = plus;
            perturbed[2 * k + 1] = minus;
        }
        double[] z = logits(folded, perturbed, 12, MINI.length(), c);
        double maxG = 0;
        double err2 = 0;
        double norm2 = 0;
        int close = 0;
        for (int k = 0; k < per; k++) {
            double fd = (z[2 * k] - z[2 * k + 1]) / (2 * h);
            double an = g[k / MINI.length()][k % MINI.length()];
            maxG = Math.max(maxG, Math.abs(fd));
            err2 += (fd - an) * (fd - an);
            norm2 += fd * fd;
        }
        for (int k = 0; k < per; k++) {
            double fd = (z[2 * k] - z[2 * k + 1]) / (2 * h);
            double an = g[k / MINI.length()][k % MINI.length()];
            if (Math.abs(fd - an) <= 1e-4 * maxG) close++;
        }
        assertThat(maxG).isGreaterThan(1e-4); // the gradient is not trivially zero
        assertThat(Math.sqrt(err2 / norm2)).isLessThan(1e-3);
        // A ReLU or max-pool kink inside ±h can spoil a coordinate or two; all but 1 % must agree closely.
        assertThat(close).isGreaterThanOrEqualTo((int) (0.99 * per));

        // The production path (float32, folded from the trained graph) gives the same gradient.
        Explainer inFloat = new Explainer(new ModelBundle(trained, meta));
        float[][] gf = inFloat.logitGradient(signal, null, meta.codes().get(c));
        double diff = 0;
        for (int l = 0; l < 12; l++) for (int i = 0; i < MINI.length(); i++) diff = Math.max(diff, Math.abs(gf[l][i] - g[l][i]));
        assertThat(diff).isLessThan(1e-3 * maxG + 1e-6);

        // gradient × input is that gradient times the input; the probability target scales it by p(1 − p).
        List<Explanation> gx = inDouble.explainWindow(signal, null, 500, List.of(meta.codes().get(c), meta.codes().get(5)),
                ExplainMethod.GRADIENT_X_INPUT, ExplainOptions.defaults().withBatchSize(1), null, null);
        assertThat(gx).hasSize(2);
        assertThat(gx.get(0).method()).isEqualTo("gradient-x-input");
        for (int l = 0; l < 12; l++) {
            for (int i = 0; i < MINI.length(); i++) {
                assertThat((double) gx.get(0).relevance()[l][i]).isCloseTo(g[l][i] * signal[l * MINI.length() + i], within(1e-6 * maxG + 1e-9));
            }
        }
        float p = inDouble.probabilities(signal, null)[c];
        Explanation gp = inDouble.explainWindow(signal, null, 500, List.of(meta.codes().get(c)), ExplainMethod.GRADIENT_X_INPUT,
                ExplainOptions.defaults().withGradientTarget(ExplainOptions.GradientTarget.PROBABILITY), null, null).get(0);
        assertThat((double) gp.relevance()[3][10]).isCloseTo(gx.get(0).relevance()[3][10] * p * (1 - p), within(1e-6 * maxG));
    }

    @Test
    void gradientsOfSeveralClassesInOneBatchEqualOneByOne() {
        float[] signal = noise(12 * 256, 1.0, 3);
        List<String> three = List.of(codes.get(0), codes.get(7), codes.get(23));
        List<Explanation> batched = explainer.explainWindow(signal, null, 500, three, ExplainMethod.GRADIENT_X_INPUT,
                ExplainOptions.defaults(), null, null);
        for (int k = 0; k < 3; k++) {
            Explanation single = explainer.explainWindow(signal, null, 500, List.of(three.get(k)), ExplainMethod.GRADIENT_X_INPUT,
                    ExplainOptions.defaults(), null, null).get(0);
            assertThat(batched.get(k).code()).isEqualTo(three.get(k));
            for (int l = 0; l < 12; l++) {
                for (int i = 0; i < 256; i += 7) {
                    assertThat(batched.get(k).relevance()[l][i]).isCloseTo(single.relevance()[l][i], within(1e-4f * (1 + Math.abs(single.relevance()[l][i]))));
                }
            }
        }
    }

    /**
     * A quiet background with a strong pulse at a known place: the class the pulse raises most must be
     * explained by relevance peaking on the pulse (occluding it is what lowers that class most).
     */
    @Test
    void occlusionPeaksWhereTheSignalThatMattersIs() {
        int length = 256;
        double fs = 100; // 0.2 s = 20 samples, stride 10
        float[] background = noise(12 * length, 0.02, 4);
        float[] pulse = background.clone();
        int from = 120;
        int to = 140;
        for (int l = 0; l < 12; l++) {
            for (int i = from; i < to; i++) pulse[l * length + i] += (float) (3.0 * Math.sin(Math.PI * (i - from) / (to - from)));
        }
        int c = classRaisedMost(background, pulse);
        Explanation e = explainer.explainWindow(pulse, null, fs, List.of(codes.get(c)), ExplainMethod.OCCLUSION,
                ExplainOptions.defaults(), null, null).get(0);
        assertThat(e.method()).isEqualTo("occlusion");
        assertThat(e.fs()).isEqualTo(fs);
        assertThat(e.leads()).isEqualTo(12);
        int peak = e.argMax()[1];
        assertThat(peak).isBetween(from - 10, to + 10);
        // All leads share the band when occluding all leads at once.
        for (int l = 1; l < 12; l++) assertThat(e.relevance()[l]).containsExactly(e.relevance()[0]);
        float max = e.max();
        assertThat(max).isPositive();
        for (int i = 0; i < length; i++) {
            if (i < from - 20 || i >= to + 20) assertThat(Math.abs(e.relevance()[0][i])).isLessThan(0.25f * max);
        }
        float[][] heat = e.normalised();
        assertThat(heat[0][peak]).isEqualTo(1f);
        for (float[] row : heat) for (float v : row) assertThat(v).isBetween(0f, 1f);
    }

    @Test
    void perLeadOcclusionFindsTheLeadAndTheTime() {
        int length = 256;
        double fs = 100;
        float[] background = noise(12 * length, 0.02, 6);
        float[] pulse = background.clone();
        int lead = 7;
        int from = 60;
        int to = 80;
        for (int i = from; i < to; i++) pulse[lead * length + i] += 4f;
        int c = classRaisedMost(background, pulse);
        AtomicInteger last = new AtomicInteger();
        ExplainOptions perLead = ExplainOptions.defaults().withScope(ExplainOptions.OcclusionScope.PER_LEAD).withFill(ExplainOptions.Fill.ZERO);
        Explanation e = explainer.explainWindow(pulse, null, fs, List.of(codes.get(c)), ExplainMethod.OCCLUSION, perLead,
                p -> last.set(p.done()), null).get(0);
        int[] at = e.argMax();
        assertThat(at[0]).isEqualTo(lead);
        assertThat(at[1]).isBetween(from - 10, to + 10);
        // 25 window positions (0, 10, …, 230, and 236 flush with the end) × 12 leads, plus the unoccluded pass.
        assertThat(explainer.passes(ExplainMethod.OCCLUSION, perLead, fs, 1)).isEqualTo(1 + 25 * 12);
        assertThat(last.get()).isEqualTo(1 + 25 * 12);
    }

    /** The class whose probability the pulse raises most over the background alone. */
    private static int classRaisedMost(float[] background, float[] pulse) {
        float[] p0 = explainer.probabilities(background, null);
        float[] p1 = explainer.probabilities(pulse, null);
        int best = 0;
        for (int c = 1; c < p0.length; c++) if (p1[c] - p0[c] > p1[best] - p0[best]) best = c;
        assertThat(p1[best] - p0[best]).as("the pulse moves some class").isGreaterThan(0.01f);
        return best;
    }

    @Test
    void occlusionStartsCoverEverySampleAndEndFlush() {
        assertThat(Explainer.occlusionStarts(256, 20, 10)).startsWith(0, 10, 20).endsWith(230, 236);
        assertThat(Explainer.occlusionStarts(100, 20, 10)).containsExactly(0, 10, 20, 30, 40, 50, 60, 70, 80);
        assertThat(Explainer.occlusionStarts(50, 50, 25)).containsExactly(0);
        assertThat(Explainer.occlusionStarts(5000, 100, 50)).hasSize(99);
        ExplainOptions o = ExplainOptions.defaults();
        assertThat(o.windowSamples(500, 5000)).isEqualTo(100);
        assertThat(o.strideSamples(100)).isEqualTo(50);
        assertThat(o.windowSamples(500, 64)).isEqualTo(64);
    }

    @Test
    void progressIsMonotoneAndReachesTheTotal() {
        float[] signal = noise(12 * 256, 1.0, 8);
        for (ExplainMethod m : ExplainMethod.values()) {
            List<ExplainProgress> seen = new ArrayList<>();
            ExplainOptions small = ExplainOptions.defaults().withBatchSize(2);
            explainer.explainWindow(signal, null, 500, List.of(codes.get(0), codes.get(1), codes.get(2)), m, small, seen::add, () -> false);
            int total = explainer.passes(m, small, 500, 3);
            assertThat(seen).isNotEmpty();
            assertThat(seen).allSatisfy(p -> assertThat(p.total()).isEqualTo(total));
            for (int i = 1; i < seen.size(); i++) assertThat(seen.get(i).done()).isGreaterThanOrEqualTo(seen.get(i - 1).done());
            assertThat(seen.get(seen.size() - 1).done()).isEqualTo(total);
            assertThat(seen.get(seen.size() - 1).fraction()).isEqualTo(1.0);
        }
        // occlusion at 500 Hz on 256 samples: window 100, stride 50 → starts 0, 50, 100, 150, 156.
        assertThat(explainer.passes(ExplainMethod.OCCLUSION, ExplainOptions.defaults(), 500, 3)).isEqualTo(6);
        assertThat(explainer.passes(ExplainMethod.GRADIENT_X_INPUT, ExplainOptions.defaults(), 500, 3)).isEqualTo(4);
    }

    @Test
    void cancellationStopsBetweenBatches() {
        float[] signal = noise(12 * 256, 1.0, 10);
        ExplainOptions perLead = ExplainOptions.defaults().withScope(ExplainOptions.OcclusionScope.PER_LEAD).withBatchSize(4);
        int total = explainer.passes(ExplainMethod.OCCLUSION, perLead, 500, 1);
        AtomicInteger polls = new AtomicInteger();
        AtomicInteger done = new AtomicInteger();
        assertThatThrownBy(() -> explainer.explainWindow(signal, null, 500, List.of(codes.get(0)), ExplainMethod.OCCLUSION, perLead,
                p -> done.set(p.done()), () -> polls.incrementAndGet() > 3))
                .isInstanceOf(CancellationException.class);
        assertThat(polls.get()).isEqualTo(4);
        assertThat(done.get()).isEqualTo(1 + 2 * 4).isLessThan(total);

        AtomicInteger gradPolls = new AtomicInteger();
        assertThatThrownBy(() -> explainer.explainWindow(signal, null, 500, codes, ExplainMethod.GRADIENT_X_INPUT,
                ExplainOptions.defaults().withBatchSize(2), null, () -> gradPolls.incrementAndGet() > 2))
                .isInstanceOf(CancellationException.class);
        assertThat(gradPolls.get()).isEqualTo(3);
        // Cancelled at once: nothing runs.
        assertThatThrownBy(() -> explainer.explainWindow(signal, null, 500, List.of(codes.get(0)), ExplainMethod.GRADIENT_X_INPUT,
                ExplainOptions.defaults(), null, () -> true)).isInstanceOf(CancellationException.class);
        // The explainer still works afterwards.
        assertThat(explainer.explainWindow(signal, null, 500, List.of(codes.get(0)), ExplainMethod.GRADIENT_X_INPUT,
                ExplainOptions.defaults(), null, () -> false)).hasSize(1);
    }

    @Test
    void recordIsExplainedPerWindowWithItsPlaceInTheRecord() {
        EcgRecord record = PredictorTest.record(600, 60.0, Sex.FEMALE);
        List<ExplainProgress> seen = new ArrayList<>();
        List<String> two = List.of(codes.get(4), codes.get(0));
        ExplainedRecord r = explainer.explain(record, two, ExplainMethod.OCCLUSION, ExplainOptions.defaults(), seen::add, null);
        assertThat(r.recordId()).isEqualTo("R1");
        assertThat(r.codes()).isEqualTo(two);
        assertThat(r.method()).isEqualTo(ExplainMethod.OCCLUSION);
        assertThat(r.windows()).hasSize(4); // as Predictor: starts 0, 128, 256 and one flush with the end
        assertThat(r.windows()).extracting(ExplainedWindow::startSample).containsExactly(0, 128, 256, 344);
        RecordPrediction prediction = new Predictor(bundle).predict(record);
        for (int w = 0; w < 4; w++) {
            ExplainedWindow win = r.windows().get(w);
            assertThat(win.index()).isEqualTo(w);
            assertThat(win.fs()).isEqualTo(500);
            assertThat(win.startSeconds()).isEqualTo(win.startSample() / 500.0);
            assertThat(win.secondsAt(10)).isEqualTo((win.startSample() + 10) / 500.0);
            assertThat(win.mask()).hasSize(256);
            assertThat(win.probabilities()).hasSize(24);
            for (int c = 0; c < 24; c++) assertThat(win.probabilities()[c]).isCloseTo(prediction.windows().get(w).probability(c), within(1e-5f));
            assertThat(prediction.windows().get(w).startSeconds()).isEqualTo(win.startSeconds());
            assertThat(win.explanations()).extracting(Explanation::code).containsExactlyElementsOf(two);
            for (Explanation e : win.explanations()) {
                assertThat(e.length()).isEqualTo(256);
                assertThat(e.fs()).isEqualTo(500);
                assertThat(e.relevance()).hasDimensions(12, 256);
            }
            assertThat(win.explanation(codes.get(0))).isPresent();
        }
        int total = 4 * explainer.passes(ExplainMethod.OCCLUSION, ExplainOptions.defaults(), 500, 2);
        assertThat(seen.get(seen.size() - 1)).isEqualTo(new ExplainProgress(total, total));

        ExplainedRecord g = Explainer.explain(bundle, record, List.of(codes.get(1)), ExplainMethod.GRADIENT_X_INPUT, null, null);
        assertThat(g.windows()).hasSize(4);
        assertThat(g.windows().get(3).explanations().get(0).relevance()).hasDimensions(12, 256);
    }

    @Test
    void networksWithDemographicsAreExplainedToo() {
        NetworkSpec spec = new NetworkSpec(Architecture.RESNET18, 0.125, 12, 256, 24, true, 0.2);
        Explainer withDemo = new Explainer(PredictorTest.trainedBundle(spec));
        EcgRecord record = PredictorTest.record(256, 70.0, Sex.MALE);
        for (ExplainMethod m : ExplainMethod.values()) {
            ExplainedRecord r = withDemo.explain(record, List.of(codes.get(2)), m, ExplainOptions.defaults(), null, null);
            assertThat(r.windows()).hasSize(1);
            assertThat(r.windows().get(0).explanations().get(0).relevance()).hasDimensions(12, 256);
        }
        assertThatThrownBy(() -> withDemo.explainWindow(new float[12 * 256], null, 500, List.of(codes.get(0)), ExplainMethod.OCCLUSION,
                ExplainOptions.defaults(), null, null)).hasMessageContaining("demographics");
    }

    @Test
    void badRequestsAreRefused() {
        assertThatThrownBy(() -> explainer.explainWindow(new float[10], null, 500, List.of(codes.get(0)), ExplainMethod.OCCLUSION,
                ExplainOptions.defaults(), null, null)).hasMessageContaining("expected 3072");
        assertThatThrownBy(() -> explainer.explainWindow(new float[12 * 256], null, 500, List.of("123"), ExplainMethod.OCCLUSION,
                ExplainOptions.defaults(), null, null)).hasMessageContaining("123");
        assertThatThrownBy(() -> explainer.explainWindow(new float[12 * 256], null, 500, List.of(), ExplainMethod.OCCLUSION,
                ExplainOptions.defaults(), null, null)).hasMessageContaining("no class");
        // The trained graph (BatchNormalization, dropout) is refused: backprop would run it in training mode.
        assertThatThrownBy(() -> new Explainer(bundle.network(), bundle.metadata())).hasMessageContaining("BatchNormFolding");
        assertThatThrownBy(() -> ExplainOptions.defaults().withOcclusion(0, 0.5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ExplainOptions.defaults().withOcclusion(0.2, 1.5)).isInstanceOf(IllegalArgumentException.class);
        assertThat(ExplainMethod.parse("Gradient-X-Input")).isEqualTo(ExplainMethod.GRADIENT_X_INPUT);
        assertThat(ExplainMethod.parse("occlusion")).isEqualTo(ExplainMethod.OCCLUSION);
    }
}
