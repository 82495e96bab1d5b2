package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.dataset.CachePrecision;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.signal.PipelineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingConfigJsonTest {
    /** config.json files as runs made before the config was typed saved them (version 1). */
    private static final Path GOLDEN = Path.of("src/test/resources/golden/training-config");

    @TempDir
    Path tmp;

    @Test
    void everySettingRoundTrips() throws Exception {
        TrainingConfig config = TrainingConfig.builder(List.of(tmp.resolve("a"), tmp.resolve("b")))
                .architecture(Architecture.RESNET18).width(0.5).demographics(true).optimizer(OptimizerKind.SGD)
                .schedule(LearningRateSchedule.parse("step:4:0.5")).metric(ValidationMetric.AUROC_MACRO)
                .augmentation(new Augmentation(0.1, 0.02, 100, 0.05)).kfold(5, 2).oversample(true)
                .classWeighting(ClassWeighting.POSITIVE).device(Device.GPU).build();
        Path file = tmp.resolve("config.json");
        TrainingConfigJson.write(config, file);

        assertThat(Files.readString(file)).contains("\"format\" : \"" + TrainingConfigJson.FORMAT + "\"", "\"learning_rate\"",
                "\"split_method\" : \"kfold\"", "\"device\" : \"gpu\"", "\"positive_weights\" : true");
        assertThat(TrainingConfigJson.read(file)).isEqualTo(config).usingRecursiveComparison().isEqualTo(config);
    }

    @Test
    void configFilesOfExistingRunsStillLoadAndAreWrittenBackByteForByte() throws Exception {
        TrainingConfig holdout = TrainingConfigJson.read(GOLDEN.resolve("v1-holdout.json"));
        assertThat(holdout.data()).containsExactly(Path.of("/tmp/junit9419725592540253837"));
        assertThat(holdout.splitMethod()).isEqualTo(SplitMethod.HOLDOUT);
        assertThat(holdout.fractions()).containsExactly(0.6, 0.2, 0.2);
        assertThat(holdout.pipeline()).isEqualTo(PipelineJson.read(
                "{\"format\":\"ecg-workbench-pipeline\",\"version\":1,\"steps\":[{\"step\":\"resample\",\"method\":\"fft\",\"target_hz\":250.0},"
                        + "{\"step\":\"length\",\"samples\":2500,\"policy\":\"end\"}]}"));
        assertThat(holdout.architecture()).isEqualTo(Architecture.RESNET18);
        assertThat(holdout.width()).isEqualTo(0.25);
        assertThat(holdout.epochs()).isEqualTo(2);
        assertThat(holdout.batch()).isEqualTo(4);
        assertThat(holdout.learningRate()).isEqualTo(3e-3);
        assertThat(holdout.classWeighting()).isEqualTo(ClassWeighting.NONE);
        assertThat(holdout.device()).isEqualTo(Device.CPU);
        assertThat(holdout.cacheDir()).isEqualTo(Path.of("/root/.cache/ecg-workbench/tensors"));

        TrainingConfig kfold = TrainingConfigJson.read(GOLDEN.resolve("v1-kfold.json"));
        assertThat(kfold.splitMethod()).isEqualTo(SplitMethod.KFOLD);
        assertThat(kfold.folds()).isEqualTo(10);
        assertThat(kfold.fold()).isEqualTo(3);
        assertThat(kfold.classWeighting()).isEqualTo(ClassWeighting.POSITIVE);
        assertThat(kfold.device()).isEqualTo(Device.GPU);
        assertThat(kfold.precision()).isEqualTo(CachePrecision.FLOAT16);
        assertThat(kfold.metric()).isEqualTo(ValidationMetric.VAL_LOSS);
        assertThat(kfold.schedule()).isEqualTo(new LearningRateSchedule(ScheduleKind.STEP, 4, 0.5));
        assertThat(kfold.augmentation()).isEqualTo(TrainingConfig.STANDARD_AUGMENTATION);

        // The format is unchanged: what a run (and a model bundle's provenance) saves stays the same text.
        for (String name : List.of("v1-holdout.json", "v1-kfold.json")) {
            assertThat(TrainingConfigJson.write(TrainingConfigJson.read(GOLDEN.resolve(name))))
                    .as(name).isEqualTo(Files.readString(GOLDEN.resolve(name)));
        }
    }

    @Test
    void foreignOrDamagedFilesAreRefusedNamingTheFileAndField() throws Exception {
        Path file = tmp.resolve("config.json");
        TrainingConfigJson.write(TrainingConfig.builder(List.of(tmp)).build(), file);
        String good = Files.readString(file);

        Files.writeString(file, good.replace("\"version\" : 1", "\"version\" : 9"));
        assertThatThrownBy(() -> TrainingConfigJson.read(file)).hasMessageContaining(file.toString()).hasMessageContaining("'version'");
        Files.writeString(file, good.replace("\"epochs\" : 30", "\"epochs\" : 0"));
        assertThatThrownBy(() -> TrainingConfigJson.read(file)).hasMessageContaining(file.toString())
                .hasMessageContaining("epochs: must be in 1..10000, got 0");
        Files.writeString(file, good.replace("\"epochs\" : 30", "\"epocs\" : 30"));
        assertThatThrownBy(() -> TrainingConfigJson.read(file)).hasMessageContaining(file.toString()).hasMessageContaining("'epochs'");
        Files.writeString(file, good.replace("\"device\" : \"cpu\"", "\"device\" : \"tpu\""));
        assertThatThrownBy(() -> TrainingConfigJson.read(file)).hasMessageContaining("device: expected cpu or gpu, got tpu");
        Files.writeString(file, "{\"format\":\"something-else\"}");
        assertThatThrownBy(() -> TrainingConfigJson.read(file)).hasMessageContaining("'format'");
    }

    @Test
    void invalidValuesAreRefusedNamingTheField() {
        assertThatThrownBy(() -> TrainingConfig.builder(List.of(tmp)).holdout(new double[]{0.5, 0.5, 0.1}).build())
                .isInstanceOfSatisfying(InvalidTrainingConfigException.class, e -> assertThat(e.field()).isEqualTo("fractions"))
                .hasMessage("fractions: shares must add up to 100, got 110.00000000000001");
        assertThatThrownBy(() -> TrainingConfig.builder(List.of(tmp)).kfold(5, 5).build()).hasMessage("fold: must be in 0..4, got 5");
        assertThatThrownBy(() -> TrainingConfig.builder(List.of(tmp)).epochs(10_001).build())
                .hasMessage("epochs: must be in 1..10000, got 10001");
        assertThatThrownBy(() -> TrainingConfig.builder(List.of()).build()).hasMessage("data: at least one dataset folder is needed");
        assertThatThrownBy(() -> TrainingConfig.builder(List.of(tmp)).device(null).build()).hasMessage("device: missing");
    }

    @Test
    void aCopyThroughItsBuilderIsEqualAndIndependent() {
        TrainingConfig a = TrainingConfig.builder(List.of(tmp)).epochs(7).build();
        assertThat(a.toBuilder().build()).isEqualTo(a).hasSameHashCodeAs(a);
        assertThat(a.toBuilder().epochs(8).build()).isNotEqualTo(a);
        a.fractions()[0] = 0.9;
        assertThat(a.fractions()[0]).isEqualTo(0.6);
        assertThat(TrainingConfig.builder(List.of(Path.of("relative"))).build().data().get(0)).isAbsolute();
    }
}
