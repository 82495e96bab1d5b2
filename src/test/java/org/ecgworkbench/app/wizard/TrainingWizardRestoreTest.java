package org.ecgworkbench.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import javafx.beans.property.SimpleObjectProperty;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.runs.RunRequest;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs a researcher can repeat: a wizard filled from a run's configuration ("Run again") or from the last
 * configuration launched gives back the same {@code train} configuration; the Dataset room's folders
 * are offered; a CPU-only machine starts from ResNet18 ×0.25; the default run name; the epoch estimate;
 * the data page's failed records.
 */
class TrainingWizardRestoreTest {

    @TempDir
    static Path data;
    @TempDir
    Path work;

    @BeforeAll
    static void synth() {
        WizardDatasets.synth(data);
    }

    private TrainingWizardViewModel wizard(Pipeline fromPreview, ComputeDetection detection) {
        TrainingWizardViewModel vm = new TrainingWizardViewModel(BackgroundWork.direct(), Runnable::run, DiagnosisCatalogue.standard(),
                work.resolve("pipelines"), new SimpleObjectProperty<>(fromPreview), () -> detection);
        vm.setClock(() -> LocalTime.of(14, 5));
        vm.setStepTimer((spec, batch) -> 250.0);
        return vm;
    }

    /** Every page away from its default. */
    private TrainingWizardViewModel everythingChosen() {
        return WizardDatasets.chooseEverything(wizard(WizardDatasets.CHOSEN_PIPELINE, TrainingWizardViewModelTest.A_GPU), data);
    }

    @Test
    void runAgainFillsTheWizardWithTheSameConfiguration() throws Exception {
        TrainingWizardViewModel first = everythingChosen();
        first.compute().gpuProperty().set(false);
        TrainingConfig original = first.runRequests().get(0).config();

        // A fresh wizard on a CPU-only machine, filled from the run's configuration: the CPU default (×0.25) does not win.
        TrainingWizardViewModel again = wizard(null, TrainingWizardViewModelTest.NO_GPU);
        assertThat(again.applyConfig(original, "the run")).isEmpty();
        assertThat(again.originProperty().get()).isEqualTo("Filled from the run");
        assertThat(again.runRequests().get(0).config()).isEqualTo(original);
        assertThat(again.pipeline().pipelineProperty().get()).isEqualTo(first.pipeline().pipelineProperty().get());
    }

    @Test
    void settingsTheWizardHasNoPageForCarryOverAndAFolderGoneSinceIsNamed() {
        TrainingConfig run = TrainingConfig.builder(List.of(data, data.resolve("gone"))).learningRate(3e-3).syntheticTopUp(20)
                .checkpointMinutes(5).cacheDir(work.resolve("cache")).build();
        TrainingWizardViewModel vm = wizard(null, TrainingWizardViewModelTest.A_GPU);
        assertThat(vm.applyConfig(run, "a run")).containsExactly("data folder " + data.resolve("gone") + " (no such folder now)");
        assertThat(vm.originProperty().get()).contains("not carried over: data folder");
        assertThat(vm.optimisation().learningRate().value()).isEqualTo(3e-3);
        assertThat(vm.data().folders()).containsExactly(data.toAbsolutePath().normalize());
        assertThat(vm.firstInvalidPage()).isNull();
        TrainingConfig again = vm.runRequests().get(0).config();
        assertThat(again.syntheticTopUp()).isEqualTo(20);
        assertThat(again.checkpointMinutes()).isEqualTo(5);
        assertThat(again.cacheDir()).isEqualTo(work.resolve("cache").toAbsolutePath());
        assertThat(again).isEqualTo(run.toBuilder().data(List.of(data)).build());
    }

    @Test
    void theLastConfigurationLaunchedIsWhereTheNextWizardStarts() throws Exception {
        Path last = work.resolve("config/last-training.json");
        TrainingWizardViewModel first = everythingChosen();
        first.rememberLastAt(last);
        List<RunRequest> launched = first.launch(r -> { });
        assertThat(last).isRegularFile();

        TrainingWizardViewModel next = wizard(null, TrainingWizardViewModelTest.A_GPU);
        next.restoreLast(last);
        assertThat(next.originProperty().get()).isEqualTo("Filled from the last configuration used");
        assertThat(next.model().width().value()).isEqualTo(0.5);
        assertThat(next.runRequests().get(0).config()).isEqualTo(launched.get(0).config());

        // No file, a damaged one, or one of version 1 (train arguments): the defaults.
        for (String text : List.of("{ not json", "{\"format\":\"ecg-workbench-last-training\",\"version\":1,\"arguments\":[\"--lr\",\"1e-2\"]}")) {
            Files.writeString(last, text);
            TrainingWizardViewModel fresh = wizard(null, TrainingWizardViewModelTest.A_GPU);
            fresh.restoreLast(last);
            assertThat(fresh.originProperty().get()).isEmpty();
            assertThat(fresh.model().architectureProperty().get()).isEqualTo(Architecture.RESNET34);
        }
    }

    @Test
    void theDatasetRoomsFoldersAreOfferedAndFillAnEmptyDataPage() {
        TrainingWizardViewModel vm = wizard(null, TrainingWizardViewModelTest.A_GPU);
        vm.offerFolders(List.of(data));
        assertThat(vm.data().offeredFolders()).containsExactly(data);
        assertThat(vm.data().folders()).containsExactly(data.toAbsolutePath().normalize());
        assertThat(vm.data().summaryProperty().get().records()).isPositive();

        // A wizard already filled (Run again, last configuration) keeps its folders; the room's are only offered.
        Path other = work.resolve("other");
        TrainingWizardViewModel filled = wizard(null, TrainingWizardViewModelTest.A_GPU);
        filled.applyConfig(TrainingConfig.builder(List.of(data)).build(), "a run");
        filled.offerFolders(List.of(other));
        assertThat(filled.data().folders()).containsExactly(data.toAbsolutePath().normalize());
        assertThat(filled.data().offeredFolders()).containsExactly(other);
    }

    @Test
    void aCpuOnlyMachineStartsFromResNet18AtAQuarterWidthWithATimedEpochEstimate() throws Exception {
        TrainingWizardViewModel cpu = wizard(null, TrainingWizardViewModelTest.NO_GPU);
        assertThat(cpu.model().architectureProperty().get()).isEqualTo(Architecture.RESNET18);
        assertThat(cpu.model().width().value()).isEqualTo(0.25);
        TrainingWizardViewModel gpu = wizard(null, TrainingWizardViewModelTest.A_GPU);
        assertThat(gpu.model().architectureProperty().get()).isEqualTo(Architecture.RESNET34);
        assertThat(gpu.model().width().value()).isEqualTo(1.0);

        cpu.data().addFolder(data);
        assertThat(cpu.runRequests().get(0).label()).isEqualTo("14:05 ResNet18×0.25 Adam lr 1e-3");
        cpu.optimisation().batch().textProperty().set("2");
        cpu.refreshReview();
        int records = cpu.data().summaryProperty().get().records();
        int train = (int) Math.round(records * 0.6);
        int batches = (train + 1) / 2;
        // The timer (250 ms per step here) times the batches of an epoch.
        assertThat(cpu.epochEstimateProperty().get()).startsWith("Estimated time per epoch: ≈ " + EpochEstimate.duration(0.25 * batches))
                .contains("an estimate").contains("250 ms × " + batches + " batches of 2 from " + train + " training records");
    }

    @Test
    void theEstimateTimesTheRealNetworkInTheBackground() {
        // The real timer on the smallest network: a positive number of milliseconds.
        double ms = EpochEstimate.trainStepMillis(NetworkSpec.of(Architecture.RESNET18, 0.125, 500, false), 2);
        assertThat(ms).isPositive().isFinite();
    }

    @Test
    void theDataPageListsTheRecordsTheScanCouldNotRead() throws Exception {
        Path folder = Files.createDirectories(work.resolve("mixed"));
        try (var files = Files.list(data)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("SYN00001")).toList()) Files.copy(f, folder.resolve(f.getFileName()));
        }
        Files.writeString(folder.resolve("BROKEN.hea"), "this is not a header\n");
        TrainingWizardViewModel vm = wizard(null, TrainingWizardViewModelTest.A_GPU);
        vm.data().addFolder(folder);
        assertThat(vm.data().failures()).hasSize(1);
        assertThat(vm.data().failures().get(0)).contains("BROKEN.hea: ");
        vm.data().setFolders(List.of(data));
        assertThat(vm.data().failures()).isEmpty();
        assertThat(Optional.of(vm.data().summaryProperty().get().failed())).contains(0);
    }
}
