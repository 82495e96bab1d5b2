package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demonstration model the workbench opens with ({@code resources/models/}, built by
 * {@code resources/models/build-demo-model.sh}): small enough to ship, self-describing, and able to
 * predict every shipped sample record. Never skipped: both the bundle and the samples are committed.
 */
class DemoModelTest {

    /** Relative to the project root, Surefire's working directory. */
    static final Path BUNDLE = Path.of("resources", "models", "demo-resnet18-w025.ecgmodel");
    static final Path SAMPLES = Path.of("resources", "samples");
    static final long MAX_BYTES = 8L * 1024 * 1024;
    static final int CLASSES = 24;

    static ModelBundle bundle;

    @BeforeAll
    static void load() throws ModelBundleException {
        assertThat(BUNDLE).as("demo bundle, relative to %s", Path.of("").toAbsolutePath()).isRegularFile();
        bundle = ModelBundleIO.read(BUNDLE);
    }

    @Test
    void bundleIsAtMostEightMebibytes() throws IOException {
        assertThat(Files.size(BUNDLE)).isPositive().isLessThanOrEqualTo(MAX_BYTES);
    }

    @Test
    void metadataNamesTheDefaultPipelineAndTwentyFourTunedThresholds() {
        BundleMetadata meta = bundle.metadata();
        assertThat(meta.network().outputs()).isEqualTo(CLASSES);
        assertThat(meta.codes()).hasSize(CLASSES);
        assertThat(meta.abbreviations()).hasSize(CLASSES);
        // The default pipeline (FFT resampling to 500 Hz, 5000 samples): works on any record.
        assertThat(meta.pipelineJson()).contains(PipelineJson.FORMAT);
        assertThat(PipelineJson.read(meta.pipelineJson())).isEqualTo(Pipeline.defaultRecipe());
        double[] thresholds = meta.thresholds();
        assertThat(thresholds).hasSize(CLASSES);
        for (double t : thresholds) assertThat(t).isBetween(0.0, 1.0);
        // Tuned on the validation part: not the untuned 0.5 everywhere.
        assertThat(Arrays.stream(thresholds).filter(t -> t != 0.5).count()).as("tuned thresholds").isPositive();
        // Provenance: the training configuration travels with the network.
        assertThat(meta.trainingConfig()).as("training configuration").isNotNull();
        // What it does on real records (resources/models/README.md, "Evaluation"), for the viewer's notice.
        RealRecordEvaluation real = meta.realRecordEvaluation();
        assertThat(real).as("real_record_evaluation").isNotNull();
        assertThat(real.trainedOn()).isEqualTo("synthetic records only");
        assertThat(real.records()).isEqualTo(180);
        assertThat(real.challengeScore()).isEqualTo(0.1824);
        assertThat(real.aurocMacro()).isEqualTo(0.7603);
        assertThat(real.precisionMicro()).isEqualTo(0.1896);
    }

    @Test
    void predictsTwentyFourProbabilitiesForEverySampleRecord() throws Exception {
        List<Path> headers;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            headers = files.filter(p -> p.getFileName().toString().endsWith(".hea")).sorted().toList();
        }
        assertThat(headers).hasSize(6);
        Predictor predictor = new Predictor(bundle);
        for (Path hea : headers) {
            EcgRecord record = EcgRecordReader.read(hea);
            RecordPrediction prediction = predictor.predict(record);
            assertThat(prediction.probabilities()).as("%s", hea).hasSize(CLASSES);
            for (float p : prediction.probabilities()) assertThat(p).as("%s", hea).isBetween(0f, 1f);
            assertThat(prediction.predictions()).as("%s", hea).hasSize(CLASSES);
        }
    }
}
