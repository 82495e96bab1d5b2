package org.ecgworkbench.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import javafx.beans.property.SimpleObjectProperty;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.runs.RunRequest;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.ResNet1d;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.runs.RunWorkspace;
import org.ecgworkbench.app.runs.RunsViewModel;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.train.ClassWeighting;
import org.ecgworkbench.train.Device;
import org.ecgworkbench.train.LearningRateSchedule;
import org.ecgworkbench.support.SlowTest;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.SplitMethod;
import org.ecgworkbench.train.TrainingConfigJson;
import org.ecgworkbench.train.ScheduleKind;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.ValidationMetric;
import java.util.Map;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.junit.jupiter.api.BeforeAll;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The wizard's view model without the toolkit: arguments read back by the real {@code train}, sweeps, validation per page. */
class TrainingWizardViewModelTest {

    @TempDir
    static Path data;
    @TempDir
    Path work;

    static final ComputeDetection NO_GPU = new ComputeDetection("CPU: test", Optional.empty(), Optional.empty(),
            "--device gpu: this build has only the CPU backend (nd4j-native).");
    static final ComputeDetection A_GPU = new ComputeDetection("CPU: test", Optional.of("GPU: NVIDIA A100 (driver 535)"),
            Optional.of("40960 MiB"), "");

    @BeforeAll
    static void synth() {
        WizardDatasets.synth(data);
    }

    private TrainingWizardViewModel wizard(Pipeline fromPreview, ComputeDetection detection) {
        TrainingWizardViewModel vm = new TrainingWizardViewModel(BackgroundWork.direct(), Runnable::run, DiagnosisCatalogue.standard(),
                work.resolve("pipelines"), new SimpleObjectProperty<>(fromPreview), () -> detection);
        vm.setClock(() -> LocalTime.of(14, 5));
        vm.setStepTimer((spec, batch) -> 100.0);
        return vm;
    }

    @Test
    void scansTheFoldersAndSummarisesThem() {
        TrainingWizardViewModel vm = wizard(null, NO_GPU);
        assertThat(vm.problemProperty(WizardPage.DATA).get()).isEqualTo("Add at least one data folder.");
        vm.data().addFolder(data);
        assertThat(vm.problemProperty(WizardPage.DATA).get()).isEmpty();
        assertThat(vm.data().summaryProperty().get().records()).isEqualTo(12);
        assertThat(vm.data().summaryTextProperty().get()).startsWith("12 records (0 failed)").contains("250 Hz 12");
        assertThat(vm.data().classCounts()).hasSize(24);
        assertThat(vm.data().classCounts().stream().filter(c -> c.label().equals("AF")).findFirst().orElseThrow().count()).isEqualTo(4);
        // The pipeline page previews the first record through the pipeline.
        assertThat(vm.pipeline().previewProperty().get()).isNotNull();
        assertThat(vm.pipeline().previewProperty().get().output().samples()).hasSize(5000);
    }

    @Test
    void aFolderWithoutRecordsOrMissingIsFlaggedOnTheDataPage() throws Exception {
        TrainingWizardViewModel vm = wizard(null, NO_GPU);
        Path empty = Files.createDirectories(work.resolve("empty"));
        vm.data().addFolder(empty);
        assertThat(vm.problemProperty(WizardPage.DATA).get()).isEqualTo("No records found in the data folders.");
        vm.data().setFolders(List.of(work.resolve("missing")));
        assertThat(vm.problemProperty(WizardPage.DATA).get()).contains("does not exist");
        assertThat(vm.firstInvalidPage()).isEqualTo(WizardPage.DATA);
        assertThatThrownBy(() -> vm.launch(runs -> { })).isInstanceOf(IllegalStateException.class).hasMessageStartingWith("Data folders:");
    }

    @Test
    void aScanCancelledBeforeItRunsKeepsWhatItHasAndSaysSo() {
        // Work that waits until the test lets it run: cancel lands while the scan is queued.
        List<Runnable> queued = new ArrayList<>();
        BackgroundWork later = new BackgroundWork() {
            @Override
            public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess,
                                Consumer<Throwable> onFailure) {
                queued.add(() -> BackgroundWork.direct().run(title, work, onSuccess, onFailure));
            }
        };
        DataFoldersViewModel d = new DataFoldersViewModel(later, Runnable::run, DiagnosisCatalogue.standard());
        d.addFolder(data);
        assertThat(d.scanningProperty().get()).isTrue();
        assertThat(d.problemProperty().get()).isEqualTo("Scanning the folders …");
        d.cancel();
        queued.forEach(Runnable::run);
        assertThat(d.scanningProperty().get()).isFalse();
        assertThat(d.statusProperty().get()).isEqualTo("Scan cancelled: 0 records, 0 failed");
        assertThat(d.problemProperty().get()).isEqualTo("No records found in the data folders.");
        // Scanning again finds them.
        d.rescan();
        queued.get(queued.size() - 1).run();
        assertThat(d.summaryProperty().get().records()).isEqualTo(12);
    }

    @Test
    void aStaleEpochEstimateNeverOverwritesANewerOne() {
        // Work that waits until the test lets it run, so the answers can come back out of order.
        List<String> titles = new ArrayList<>();
        List<Runnable> queued = new ArrayList<>();
        BackgroundWork later = new BackgroundWork() {
            @Override
            public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess,
                                Consumer<Throwable> onFailure) {
                titles.add(title);
                queued.add(() -> BackgroundWork.direct().run(title, work, onSuccess, onFailure));
            }
        };
        TrainingWizardViewModel vm = new TrainingWizardViewModel(later, Runnable::run, DiagnosisCatalogue.standard(),
                work.resolve("pipelines"), new SimpleObjectProperty<>(null), () -> A_GPU);
        vm.setStepTimer((spec, batch) -> batch * 10.0);
        vm.data().addFolder(data);
        while (!queued.isEmpty()) {
            Runnable next = queued.remove(0);
            titles.remove(0);
            next.run();
        }
        vm.optimisation().batch().textProperty().set("8");
        vm.refreshEstimate();
        vm.optimisation().batch().textProperty().set("32");
        vm.refreshEstimate();
        List<Runnable> timings = new ArrayList<>();
        for (int i = 0; i < queued.size(); i++) {
            if (titles.get(i).equals("Timing a training step")) timings.add(queued.get(i));
        }
        assertThat(timings).hasSizeGreaterThanOrEqualTo(2);
        timings.get(timings.size() - 1).run();
        String newer = vm.epochEstimateProperty().get();
        assertThat(newer).doesNotContain("timing one training step").contains("at 320 ms", "of 32 from");
        timings.get(0).run(); // the batch-8 timing answers last
        assertThat(vm.epochEstimateProperty().get()).isEqualTo(newer);
    }

    @Test
    void aStalePipelinePreviewNeverOverwritesANewerOne() {
        List<Runnable> queued = new ArrayList<>();
        BackgroundWork later = new BackgroundWork() {
            @Override
            public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess,
                                Consumer<Throwable> onFailure) {
                queued.add(() -> BackgroundWork.direct().run(title, work, onSuccess, onFailure));
            }
        };
        PipelineChoiceViewModel p = new PipelineChoiceViewModel(later);
        p.previewRecord(data.resolve("SYN00001.hea"));
        p.previewRecord(data.resolve("SYN00002.hea"));
        assertThat(queued).hasSize(2);
        queued.get(1).run();
        assertThat(p.previewProperty().get().recordId()).isEqualTo("SYN00002");
        queued.get(0).run(); // the first record's preview answers last
        assertThat(p.previewProperty().get().recordId()).isEqualTo("SYN00002");
        assertThat(p.previewStatusProperty().get()).startsWith("SYN00002 · lead II");
    }

    @Test
    void aFolderWhoseNameHasACommaIsFlagged() throws Exception {
        Path odd = Files.createDirectories(work.resolve("with,comma"));
        try (var files = Files.list(data)) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("SYN00001")).toList()) {
                Files.copy(f, odd.resolve(f.getFileName()));
            }
        }
        TrainingWizardViewModel vm = wizard(null, NO_GPU);
        vm.data().addFolder(odd);
        assertThat(vm.data().summaryProperty().get().records()).isEqualTo(1);
        assertThat(vm.problemProperty(WizardPage.DATA).get()).startsWith("Folder names with a comma cannot be passed to train");
    }

    @Test
    void defaultsAreTrainsAndTheReviewLineAsksTrainForTheSameConfig() throws Exception {
        // With a GPU the wizard's defaults are train's (on a CPU-only machine it starts smaller: TrainingWizardRestoreTest).
        TrainingWizardViewModel vm = wizard(null, A_GPU);
        vm.data().addFolder(data);
        List<RunRequest> runs = vm.runRequests();
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).label()).isEqualTo("14:05 ResNet34 Adam lr 1e-3");
        TrainingConfig c = runs.get(0).config();
        assertThat(c).isEqualTo(TrainingConfig.builder(List.of(data)).build());
        assertThat(c.data()).containsExactly(data.toAbsolutePath().normalize());

        vm.refreshReview();
        String line = vm.commandLineProperty().get();
        assertThat(line).doesNotContain("--pipeline", "--device", "--momentum").endsWith("--out runs/run");
        assertThat(trainReads(line)).isEqualTo(c);
    }

    /** The configuration {@code train} makes of a review line (its words after {@code train}, as picocli parses them). */
    private TrainingConfig trainReads(String line) throws Exception {
        String[] words = line.split(" ");
        return WizardDatasets.trainingConfig(WizardDatasets.parseTrain(List.of(words).subList(4, words.length - 2), work.resolve("run")));
    }

    /**
     * Issue 15: the wizard → child seam carries config.json. The wizard walked with every choice made, its run
     * queued in a runs room: the run folder's config.json holds, field by field, what was chosen, and the
     * child is asked for {@code train --config RUN/config.json --out RUN}.
     */
    @Test
    void everyChoiceReachesTheRunsConfigJson() throws Exception {
        TrainingWizardViewModel vm = WizardDatasets.chooseEverything(wizard(WizardDatasets.CHOSEN_PIPELINE, A_GPU), data);
        assertThat(vm.firstInvalidPage()).isNull();
        List<List<String>> asked = new ArrayList<>();
        RunsViewModel runsRoom = new RunsViewModel(new RunWorkspace(work.resolve("workspace")), args -> {
            asked.add(args);
            return new ProcessBuilder("sh", "-c", "exit 0");
        }, BackgroundWork.direct(), System::nanoTime);

        List<RunRequest> launched = vm.launch(runsRoom::enqueue);
        assertThat(launched).hasSize(1);
        assertThat(launched.get(0).label()).isEqualTo("14:05 ResNet18×0.5 SGD lr 0.01");
        Path folder = runsRoom.runs().get(0).folder();
        Path configJson = folder.resolve("config.json");
        assertThat(asked).containsExactly(List.of("--config", configJson.toString(), "--out", folder.toString(), "--progress", "jsonl"));

        TrainingConfig c = TrainingConfigJson.read(configJson);
        TrainingConfig defaults = TrainingConfig.builder(List.of(data)).build();
        assertThat(c.data()).containsExactly(data.toAbsolutePath().normalize());
        assertThat(c.keepUnlabelled()).isFalse();
        assertThat(c.splitMethod()).isEqualTo(SplitMethod.KFOLD);
        assertThat(c.fractions()).containsExactly(defaults.fractions());
        assertThat(c.folds()).isEqualTo(10);
        assertThat(c.fold()).isEqualTo(3);
        assertThat(c.seed()).isEqualTo(42);
        assertThat(c.pipeline()).isEqualTo(WizardDatasets.CHOSEN_PIPELINE);
        assertThat(c.precision()).isEqualTo(defaults.precision());
        assertThat(c.architecture()).isEqualTo(Architecture.RESNET18);
        assertThat(c.width()).isEqualTo(0.5);
        assertThat(c.demographics()).isTrue();
        assertThat(c.epochs()).isEqualTo(3);
        assertThat(c.batch()).isEqualTo(8);
        assertThat(c.optimizer()).isEqualTo(OptimizerKind.SGD);
        assertThat(c.learningRate()).isEqualTo(0.01);
        assertThat(c.weightDecay()).isZero();
        assertThat(c.momentum()).isEqualTo(0.95);
        assertThat(c.schedule()).isEqualTo(new LearningRateSchedule(ScheduleKind.STEP, 2, 0.5));
        assertThat(c.metric()).isEqualTo(ValidationMetric.F1_MACRO);
        assertThat(c.patience()).isZero();
        assertThat(c.classWeighting()).isEqualTo(ClassWeighting.POSITIVE);
        assertThat(c.oversample()).isTrue();
        assertThat(c.augmentation()).isEqualTo(TrainingConfig.STANDARD_AUGMENTATION);
        assertThat(c.syntheticTopUp()).isEqualTo(defaults.syntheticTopUp());
        assertThat(c.device()).isEqualTo(Device.GPU);
        assertThat(c.checkpointMinutes()).isEqualTo(defaults.checkpointMinutes());
        assertThat(c.cacheDir()).isEqualTo(defaults.cacheDir());
        assertThat(c).isEqualTo(launched.get(0).config());
        assertThat(TrainingConfig.class.getRecordComponents()).as("every field is checked above").hasSize(28);

        // The review's command line (the pipeline as a file in the folder the view model was given) asks for the same.
        vm.refreshReview();
        assertThat(trainReads(vm.commandLineProperty().get())).isEqualTo(c);
        assertThat(vm.model().parametersProperty().get()).startsWith(String.format("%,d trainable parameters",
                ResNet1d.parameterCount(NetworkSpec.of(Architecture.RESNET18, 0.5, 2500, true))));
    }

    @SlowTest
    @Test
    void theRunTheWizardAsksForTrains() throws Exception {
        TrainingWizardViewModel vm = wizard(new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, 250), LengthStep.end(2500))), NO_GPU);
        vm.data().addFolder(data);
        vm.model().architectureProperty().set(Architecture.RESNET18);
        vm.model().width().textProperty().set("0.25");
        vm.optimisation().batch().textProperty().set("8");
        vm.optimisation().epochs().textProperty().set("1");
        List<RunRequest> runs = vm.launch(r -> { });
        // As the runs room will: config.json in the run folder, then train --config (a private tensor cache on top).
        Path out = work.resolve("run");
        TrainingConfigJson.write(runs.get(0).config(), out.resolve("config.json"));
        assertThat(EcgWorkbenchCommand.run("train", "--config", out.resolve("config.json").toString(), "--out", out.toString(),
                "--progress", "none", "--cache-dir", work.resolve("cache").toString())).isZero();
        assertThat(out.resolve("model.ecgmodel")).isRegularFile();
        TrainingConfig saved = TrainingConfigJson.read(out.resolve("config.json"));
        assertThat(saved).isEqualTo(runs.get(0).config().toBuilder().cacheDir(work.resolve("cache")).build());
    }

    @Test
    void aSweepQueuesOneLabelledRunPerCombination() throws Exception {
        TrainingWizardViewModel vm = wizard(null, NO_GPU);
        vm.data().addFolder(data);
        vm.sweep().enabledProperty().set(true);
        vm.sweep().architectures().textProperty().set("resnet18, resnet34");
        vm.sweep().optimizers().textProperty().set("adam,sgd");
        vm.sweep().learningRates().textProperty().set("1e-3,1e-4");
        List<RunRequest> runs = vm.launch(r -> { });
        assertThat(runs).extracting(RunRequest::label).containsExactly(
                "14:05 ResNet18×0.25 Adam lr 1e-3", "14:05 ResNet18×0.25 Adam lr 1e-4", "14:05 ResNet18×0.25 SGD lr 1e-3",
                "14:05 ResNet18×0.25 SGD lr 1e-4", "14:05 ResNet34×0.25 Adam lr 1e-3", "14:05 ResNet34×0.25 Adam lr 1e-4",
                "14:05 ResNet34×0.25 SGD lr 1e-3", "14:05 ResNet34×0.25 SGD lr 1e-4");
        for (RunRequest run : runs) {
            TrainingConfig c = run.config();
            SweepViewModel.Combination expected = vm.sweep().combinations().get(runs.indexOf(run));
            assertThat(c.architecture()).isEqualTo(expected.architecture());
            assertThat(c.optimizer()).isEqualTo(expected.optimizer());
            assertThat(c.learningRate()).isEqualTo(expected.learningRate());
        }
        vm.refreshReview();
        assertThat(vm.runsTextProperty().get()).startsWith("8 runs:");
        assertThat(vm.commandLineProperty().get().lines()).hasSize(8).allMatch(l -> l.startsWith("java -jar ecg-workbench.jar train --data "));
        List<String> lines = vm.commandLineProperty().get().lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String[] words = lines.get(i).split(" ");
            assertThat(WizardDatasets.trainingConfig(WizardDatasets.parseTrain(List.of(words).subList(4, words.length - 2), work.resolve("run"))))
                    .isEqualTo(runs.get(i).config());
        }

        vm.sweep().learningRates().textProperty().set("1e-3,0");
        assertThat(vm.problemProperty(WizardPage.REVIEW).get()).isEqualTo("learning rates must each be in (0, 10), not 0");
        vm.sweep().learningRates().textProperty().set("1e-3");
        vm.sweep().optimizers().textProperty().set("adam,rmsprop");
        assertThat(vm.problemProperty(WizardPage.REVIEW).get()).contains("'rmsprop' is not an optimiser");
    }

    @Test
    void badValuesAreFlaggedOnThePageWhereTheyAreEntered() {
        TrainingWizardViewModel vm = wizard(null, NO_GPU);
        vm.data().addFolder(data);
        assertThat(vm.firstInvalidPage()).isNull();

        vm.optimisation().learningRate().textProperty().set("0");
        assertThat(vm.problemProperty(WizardPage.OPTIMISATION).get()).isEqualTo("learning rate must be in (0, 10), not 0");
        assertThat(vm.optimisation().learningRate().errorProperty().get()).isNotEmpty();
        vm.optimisation().learningRate().textProperty().set("-1e-3");
        assertThat(vm.problemProperty(WizardPage.OPTIMISATION).get()).startsWith("learning rate must be in");
        vm.optimisation().learningRate().textProperty().set("1e-3");
        vm.optimisation().batch().textProperty().set("0");
        assertThat(vm.problemProperty(WizardPage.OPTIMISATION).get()).isEqualTo("batch size must be in 1..4096, not 0");
        vm.optimisation().batch().textProperty().set("eight");
        assertThat(vm.problemProperty(WizardPage.OPTIMISATION).get()).isEqualTo("batch size must be a whole number, not 'eight'");
        vm.optimisation().batch().textProperty().set("8");
        assertThat(vm.problemProperty(WizardPage.OPTIMISATION).get()).isEmpty();

        vm.split().trainPercent().textProperty().set("70");
        assertThat(vm.problemProperty(WizardPage.SPLIT).get()).isEqualTo("train, validation and test must add up to 100 %, not 110");
        vm.split().testPercent().textProperty().set("10");
        assertThat(vm.problemProperty(WizardPage.SPLIT).get()).isEmpty();
        vm.split().kFoldProperty().set(true);
        vm.split().testFold().textProperty().set("5");
        assertThat(vm.problemProperty(WizardPage.SPLIT).get()).isEqualTo("test fold must be in 0..4 (0-based), not 5");
        vm.split().kFoldProperty().set(false);

        vm.model().width().textProperty().set("0");
        assertThat(vm.problemProperty(WizardPage.MODEL).get()).isEqualTo("width must be in (0, 4], not 0");
        assertThat(vm.model().parametersProperty().get()).isEqualTo("—");
        vm.model().width().textProperty().set("0.5");

        vm.compute().gpuProperty().set(true);
        assertThat(vm.problemProperty(WizardPage.COMPUTE).get()).isEqualTo("GPU chosen, but " + NO_GPU.noGpu());
        assertThat(vm.compute().gpuTextProperty().get()).startsWith("not available: --device gpu: this build has only the CPU backend");

        // Every other page stays clean: each problem shows on its own page only.
        for (WizardPage p : WizardPage.values()) {
            if (p != WizardPage.COMPUTE) assertThat(vm.problemProperty(p).get()).as(p.title()).isEmpty();
        }
        assertThat(vm.firstInvalidPage()).isEqualTo(WizardPage.COMPUTE);
    }

    @Test
    void thisCpuBuildDetectsNoGpuAndSaysWhy() {
        ComputeDetection d = ComputeDetection.detect();
        assertThat(d.gpuAvailable()).isFalse();
        assertThat(d.noGpu()).contains("only the CPU backend");
        assertThat(d.cpu()).startsWith("CPU: ");
    }

    @Test
    void aPipelineWithoutAFixedLengthCannotTrain() {
        TrainingWizardViewModel vm = wizard(new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, 500))), NO_GPU);
        assertThat(vm.pipeline().originProperty().get()).isEqualTo("from the Preview room");
        assertThat(vm.problemProperty(WizardPage.PIPELINE).get()).startsWith("The pipeline must end in a fixed length");
        vm.pipeline().useDefault();
        assertThat(vm.problemProperty(WizardPage.PIPELINE).get()).isEmpty();
    }

    @Test
    void aPipelineFileIsLoadedOrItsErrorNamesTheFile() throws Exception {
        TrainingWizardViewModel vm = wizard(null, NO_GPU);
        Pipeline p = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.POLY, 500), LengthStep.end(4000)));
        Path good = Files.writeString(work.resolve("p.json"), PipelineJson.write(p));
        vm.pipeline().load(good);
        assertThat(vm.pipeline().pipelineProperty().get()).isEqualTo(p);
        assertThat(vm.pipeline().originProperty().get()).isEqualTo(good.toString());
        assertThat(vm.model().spec().length()).isEqualTo(4000);
        Path bad = Files.writeString(work.resolve("bad.json"), "{\"format\": \"something else\"}");
        vm.pipeline().load(bad);
        assertThat(vm.problemProperty(WizardPage.PIPELINE).get()).startsWith(bad + ": ");
        assertThat(vm.pipeline().pipelineProperty().get()).isEqualTo(p); // the last good one stays
        vm.pipeline().useDefault();
        assertThat(vm.problemProperty(WizardPage.PIPELINE).get()).isEmpty();
    }

    @Test
    void theMemoryEstimateCountsWhatAForwardPassKeeps() {
        NetworkSpec tiny = new NetworkSpec(Architecture.RESNET18, 0.25, 12, 256, 24, true, 0.2);
        // The layer outputs counted from the configuration are the ones a real forward pass produces.
        ComputationGraph net = ResNet1d.build(tiny, new Adam(1e-3), 0, null, 1);
        int batch = 2;
        Map<String, INDArray> outputs = net.feedForward(new INDArray[] {Nd4j.rand(DataType.FLOAT, batch, 12, 256),
                Nd4j.rand(DataType.FLOAT, batch, 2)}, true, false);
        long produced = outputs.entrySet().stream().filter(e -> !e.getKey().equals(ResNet1d.INPUT) && !e.getKey().equals(ResNet1d.DEMOGRAPHICS))
                .mapToLong(e -> e.getValue().length()).sum();
        assertThat(NetworkSize.activationsPerExample(tiny) * batch).isEqualTo(produced);

        long adam = NetworkSize.trainingBytes(tiny, OptimizerKind.ADAM, 8);
        long params = NetworkSize.trainableParameters(tiny);
        assertThat(adam).isEqualTo(params * 4 * 4 + NetworkSize.activationsPerExample(tiny) * 8 * 4 * 2);
        assertThat(NetworkSize.trainingBytes(tiny, OptimizerKind.SGD, 8)).isEqualTo(adam - params * 4);
        assertThat(NetworkSize.trainingBytes(tiny, OptimizerKind.ADAM, 16)).isGreaterThan(adam);
    }

    @Test
    void numbersAreWrittenShortAndCommandLinesQuoted() {
        assertThat(ArgumentText.number(0.001)).isEqualTo("1e-3");
        assertThat(ArgumentText.number(2.5e-4)).isEqualTo("2.5e-4");
        assertThat(ArgumentText.number(0.25)).isEqualTo("0.25");
        assertThat(ArgumentText.number(60)).isEqualTo("60");
        assertThat(ArgumentText.number(1e-5)).isEqualTo("1e-5");
        assertThatThrownBy(() -> ArgumentText.parseNumber("1d")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArgumentText.parseNumber("NaN")).isInstanceOf(IllegalArgumentException.class);
        assertThat(ArgumentText.shellLine(List.of("--data", "/my data/it's"))).isEqualTo("--data '/my data/it'\\''s'");
    }
}
