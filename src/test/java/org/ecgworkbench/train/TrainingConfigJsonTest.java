package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingConfigJsonTest {
    @TempDir
    Path tmp;

    @Test
    void everySettingRoundTrips() throws Exception {
        TrainingConfig.Builder b = TrainingConfig.builder(List.of(tmp.resolve("a"), tmp.resolve("b")));
        b.architecture = Architecture.RESNET18;
        b.width = 0.5;
        b.demographics = true;
        b.optimizer = OptimizerKind.SGD;
        b.schedule = LearningRateSchedule.parse("step:4:0.5");
        b.metric = ValidationMetric.AUROC_MACRO;
        b.augmentation = new Augmentation(0.1, 0.02, 100, 0.05);
        b.splitMethod = "kfold";
        b.folds = 5;
        b.fold = 2;
        b.oversample = true;
        TrainingConfig config = b.build();
        Path file = tmp.resolve("config.json");
        TrainingConfigJson.write(config, file);

        assertThat(Files.readString(file)).contains("\"format\" : \"" + TrainingConfigJson.FORMAT + "\"", "\"learning_rate\"");
        assertThat(TrainingConfigJson.read(file)).usingRecursiveComparison().isEqualTo(config);
    }

    @Test
    void foreignOrDamagedFilesAreRefusedNamingTheFileAndField() throws Exception {
        Path file = tmp.resolve("config.json");
        TrainingConfigJson.write(TrainingConfig.builder(List.of(tmp)).build(), file);
        String good = Files.readString(file);

        Files.writeString(file, good.replace("\"version\" : 1", "\"version\" : 9"));
        assertThatThrownBy(() -> TrainingConfigJson.read(file)).hasMessageContaining(file.toString()).hasMessageContaining("'version'");
        Files.writeString(file, good.replace("\"epochs\" : 30", "\"epochs\" : 0"));
        assertThatThrownBy(() -> TrainingConfigJson.read(file)).hasMessageContaining("--epochs");
        Files.writeString(file, good.replace("\"epochs\" : 30", "\"epocs\" : 30"));
        assertThatThrownBy(() -> TrainingConfigJson.read(file)).hasMessageContaining(file.toString()).hasMessageContaining("'epochs'");
        Files.writeString(file, "{\"format\":\"something-else\"}");
        assertThatThrownBy(() -> TrainingConfigJson.read(file)).hasMessageContaining("'format'");
    }

    @Test
    void invalidValuesAreRefusedWithTheOptionName() {
        TrainingConfig.Builder b = TrainingConfig.builder(List.of(tmp));
        b.fractions = new double[]{0.5, 0.5, 0.1};
        assertThatThrownBy(b::build).hasMessageContaining("--split");
        b = TrainingConfig.builder(List.of(tmp));
        b.device = "tpu";
        assertThatThrownBy(b::build).hasMessageContaining("--device");
        b = TrainingConfig.builder(List.of(tmp));
        b.splitMethod = "kfold";
        b.folds = 5;
        b.fold = 5;
        assertThatThrownBy(b::build).hasMessageContaining("--fold");
    }
}
