package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.assertj.core.data.Offset;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.record.Sex;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.signal.SignalBlock;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;

class PredictorTest {

    static final Pipeline WINDOWS = new Pipeline(List.of(new LengthStep(256, LengthStep.Policy.WINDOWS, 128)));

    static EcgRecord record(int samples, Double age, Sex sex) {
        List<Lead> leads = new ArrayList<>();
        for (LeadName name : LeadName.values()) {
            float[] mv = new float[samples];
            for (int i = 0; i < samples; i++) mv[i] = (float) Math.sin(i * 0.05 * (name.ordinal() + 1)) * (1 + i % 37 / 37f);
            leads.add(new Lead(name.label(), name.label(), 1000, 0, "mV", mv, null, Optional.empty()));
        }
        return new EcgRecord("R1", Path.of("R1.hea"), 500, leads, age == null ? OptionalDouble.empty() : OptionalDouble.of(age),
                Optional.ofNullable(sex), List.of(), false, List.of(), Optional.empty());
    }

    /** A tiny network trained a few steps, so its BN running statistics are not the initial 0/1. */
    static ModelBundle trainedBundle(NetworkSpec spec) {
        ComputationGraph net = ResNet1d.build(spec, new Adam(1e-2), 0, null, 11);
        INDArray x = ResNet1dTest.randomEcg(8, spec.length(), 12).muli(2).addi(0.3);
        INDArray y = Nd4j.zeros(DataType.FLOAT, 8, 24);
        for (int i = 0; i < 8; i++) y.putScalar(i, (i * 3) % 24, 1f);
        INDArray[] features = spec.demographics() ? new INDArray[] {x, Nd4j.rand(DataType.FLOAT, 8, 2)} : new INDArray[] {x};
        for (int i = 0; i < 5; i++) net.fit(new MultiDataSet(features, new INDArray[] {y}));
        BundleMetadata meta = BundleMetadata.standard(spec, PipelineJson.write(WINDOWS));
        double[] th = meta.thresholds();
        th[0] = 0.0; // class 0 always predicted
        th[1] = 1.0;
        return new ModelBundle(net, meta.withThresholds(th));
    }

    @Test
    void windowsArePooledByMaximumAndSortedWithCatalogueNames() {
        ModelBundle bundle = trainedBundle(ResNet1dTest.TINY);
        Predictor predictor = new Predictor(bundle);
        RecordPrediction p = predictor.predict(record(600, 60.0, Sex.MALE));
        assertThat(p.recordId()).isEqualTo("R1");
        assertThat(p.windows()).hasSize(4); // starts 0, 128, 256, and one ending at the last sample
        for (int c = 0; c < 24; c++) {
            float max = 0;
            for (WindowPrediction w : p.windows()) max = Math.max(max, w.probability(c));
            assertThat(p.probabilities()[c]).isEqualTo(max);
        }
        assertThat(p.predictions()).hasSize(24);
        for (int i = 1; i < 24; i++) {
            assertThat(p.predictions().get(i - 1).probability()).isGreaterThanOrEqualTo(p.predictions().get(i).probability());
        }
        var first = DiagnosisCatalogue.standard().scoredClasses().get(0);
        ClassPrediction c0 = p.predictions().stream().filter(c -> c.code().equals(first.canonicalCode())).findFirst().orElseThrow();
        assertThat(c0.name()).isEqualTo(first.name());
        assertThat(c0.abbrev()).isEqualTo(first.label());
        assertThat(c0.predicted()).isTrue();
        assertThat(c0.threshold()).isZero();
        var second = DiagnosisCatalogue.standard().scoredClasses().get(1);
        assertThat(p.predictions().stream().filter(c -> c.code().equals(second.canonicalCode())).findFirst().orElseThrow().predicted()).isFalse();
        for (ClassPrediction c : p.predictions()) assertThat(c.predicted()).isEqualTo(c.probability() >= c.threshold());
    }

    @Test
    void aBundleTrainedOnTheFirstSamplesLooksAtAllOfALongRecordInWindows() {
        Pipeline end = new Pipeline(List.of(LengthStep.end(256)));
        ModelBundle windowsBundle = trainedBundle(ResNet1dTest.TINY);
        ModelBundle endBundle = new ModelBundle(windowsBundle.network(), windowsBundle.metadata().withPipeline(PipelineJson.write(end)));
        Predictor predictor = new Predictor(endBundle);

        assertThat(predictor.pipeline()).isEqualTo(new Pipeline(List.of(new LengthStep(256, LengthStep.Policy.WINDOWS, 256))));
        RecordPrediction longOne = predictor.predict(record(600, 60.0, Sex.MALE));
        assertThat(longOne.windows()).hasSize(3); // 0-255, 256-511, and one ending at the last sample
        // Where each window lies, for the timeline: starts 0, 256, 344 samples at 500 Hz, 256 samples long.
        assertThat(longOne.windows()).extracting(WindowPrediction::startSeconds).containsExactly(0.0, 0.512, 0.688);
        assertThat(longOne.windows()).extracting(WindowPrediction::seconds).containsOnly(0.512);
        RecordPrediction shortOne = predictor.predict(record(200, 60.0, Sex.MALE));
        assertThat(shortOne.windows()).hasSize(1);
        float[] alone = predictor.predictBatch(new float[][] {Predictor.flatten(end.apply(record(200, 60.0, Sex.MALE)).get(0))}, null)[0];
        assertThat(shortOne.probabilities()).containsExactly(alone, Offset.offset(1e-6f));
        Pipeline center = new Pipeline(List.of(new LengthStep(256, LengthStep.Policy.CENTER, 0)));
        assertThat(Predictor.inferencePipeline(center)).isSameAs(center);
    }

    @Test
    void windowsMadeABatchAtATimeGiveTheWholeRecordsPooledProbabilitiesExactly() {
        // Issue 14, point 3: 23 windows (three batches, the last one short), each made only when its batch runs,
        // against every window of the whole-record pipeline made first and run as one list.
        Predictor predictor = new Predictor(trainedBundle(ResNet1dTest.TINY));
        EcgRecord longOne = record(3_000, 60.0, Sex.MALE);
        List<SignalBlock> all = predictor.pipeline().apply(longOne);
        assertThat(all).hasSize(23).hasSizeGreaterThan(2 * Predictor.MAX_BATCH);
        float[][] signals = all.stream().map(Predictor::flatten).toArray(float[][]::new);
        float[][] perWindow = predictor.predictBatch(signals, null);
        float[] pooled = perWindow[0].clone();
        for (float[] w : perWindow) for (int c = 0; c < pooled.length; c++) pooled[c] = Math.max(pooled[c], w[c]);

        RecordPrediction lazy = predictor.predict(longOne);
        assertThat(lazy.probabilities()).containsExactly(pooled);
        assertThat(lazy.windows()).hasSize(23);
        for (int w = 0; w < all.size(); w++) {
            assertThat(lazy.windows().get(w).startSeconds()).isEqualTo(all.get(w).startSample() / 500.0);
            for (int c = 0; c < 24; c++) assertThat(lazy.windows().get(w).probability(c)).isEqualTo(perWindow[w][c]);
        }
    }

    @Test
    void foldedBatchNormAgreesWithTheTrainedGraph() {
        ModelBundle bundle = trainedBundle(ResNet1dTest.TINY);
        Predictor folded = new Predictor(bundle, true);
        Predictor plain = new Predictor(bundle, false);
        assertThat(folded.batchNormFolded()).isTrue();
        float[][] in = new float[3][];
        INDArray x = ResNet1dTest.randomEcg(3, 256, 99);
        for (int i = 0; i < 3; i++) in[i] = x.slice(i).dup('c').data().asFloat();
        float[][] a = folded.predictBatch(in, null);
        float[][] b = plain.predictBatch(in, null);
        float[] direct = bundle.network().outputSingle(false, x).dup('c').data().asFloat();
        for (int i = 0; i < 3; i++) {
            for (int c = 0; c < 24; c++) {
                assertThat(a[i][c]).isCloseTo(b[i][c], within(1e-5f));
                assertThat(b[i][c]).isEqualTo(direct[i * 24 + c]);
            }
        }
    }

    @Test
    void demographicsComeFromTheRecord() {
        NetworkSpec spec = new NetworkSpec(Architecture.RESNET18, 0.125, 12, 256, 24, true, 0.2);
        ModelBundle bundle = trainedBundle(spec);
        Predictor predictor = new Predictor(bundle);
        RecordPrediction p = predictor.predict(record(256, 70.0, Sex.FEMALE));
        float[][] signal = {ResNet1dTest.randomEcg(1, 256, 1).data().asFloat()};
        assertThat(p.windows()).hasSize(1);
        assertThat(Predictor.demographics(record(256, 70.0, Sex.FEMALE))).containsExactly(0.7f, 0f);
        assertThat(Predictor.demographics(record(256, null, null))).containsExactly(0.5f, 0.5f);
        assertThat(Predictor.encodeDemographics(Float.NaN, 1f)).containsExactly(0.5f, 1f);
        assertThatThrownBy(() -> predictor.predictBatch(signal, null)).hasMessageContaining("needs demographics");
        assertThat(predictor.predictBatch(signal, new float[][] {{0.7f, 0f}})[0]).hasSize(24);
        assertThat(new Predictor(bundle, true).predictBatch(signal, new float[][] {{0.7f, 0f}})[0][5])
                .isCloseTo(new Predictor(bundle, false).predictBatch(signal, new float[][] {{0.7f, 0f}})[0][5], within(1e-5f));
    }

    @Test
    void aPipelineThatDoesNotFitTheNetworkIsRefused() {
        ModelBundle b = trainedBundle(ResNet1dTest.TINY);
        BundleMetadata meta = b.metadata();
        BundleMetadata wrong = meta.withPipeline(PipelineJson.write(new Pipeline(List.of(LengthStep.end(300)))));
        Predictor p = new Predictor(new ModelBundle(b.network(), wrong));
        assertThatThrownBy(() -> p.predict(record(600, null, null))).hasMessageContaining("R1").hasMessageContaining("300 samples");
    }
}
