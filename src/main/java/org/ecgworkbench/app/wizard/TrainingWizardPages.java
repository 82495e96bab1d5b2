package org.ecgworkbench.app.wizard;

import java.io.File;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TitledPane;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.controlsfx.dialog.WizardPane;
import org.ecgworkbench.app.PreviewStagesView;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.ScheduleKind;
import org.ecgworkbench.train.ValidationMetric;
import org.ecgworkbench.train.ClassWeighting;

/** The wizard's pages, each bound to its part of {@link TrainingWizardViewModel}: layout and bindings only. */
final class TrainingWizardPages {

    private TrainingWizardPages() {
    }

    static WizardPane data(TrainingWizardViewModel vm) {
        DataFoldersViewModel d = vm.data();
        ListView<Path> folders = new ListView<>(d.folders());
        folders.setId("dataFolders");
        folders.setPrefHeight(80);
        Button add = new Button("Add folder…");
        add.setId("addFolder");
        add.setOnAction(e -> {
            File dir = new DirectoryChooser().showDialog(add.getScene().getWindow());
            if (dir != null) d.addFolder(dir.toPath());
        });
        Button remove = new Button("Remove");
        remove.disableProperty().bind(folders.getSelectionModel().selectedItemProperty().isNull());
        remove.setOnAction(e -> d.removeFolder(folders.getSelectionModel().getSelectedItem()));
        Button rescan = new Button("Rescan");
        rescan.disableProperty().bind(d.scanningProperty().or(Bindings.isEmpty(d.folders())));
        rescan.setOnAction(e -> d.rescan());
        ProgressBar progress = new ProgressBar();
        progress.progressProperty().bind(d.progressProperty());
        progress.visibleProperty().bind(d.scanningProperty());
        Button cancel = new Button("Cancel scan");
        cancel.visibleProperty().bind(d.scanningProperty());
        cancel.setOnAction(e -> d.cancel());
        Label status = WizardForms.wrapped(d.statusProperty());
        Label summary = WizardForms.wrapped(d.summaryTextProperty());
        summary.setId("scanSummary");
        // The Dataset room's open folders, one click away.
        ComboBox<Path> offered = new ComboBox<>(d.offeredFolders());
        offered.setId("offeredFolders");
        offered.setPromptText("Open in the Dataset room");
        offered.setMaxWidth(Double.MAX_VALUE);
        Button addOffered = new Button("Add");
        addOffered.setId("addOfferedFolder");
        addOffered.disableProperty().bind(offered.valueProperty().isNull());
        addOffered.setOnAction(e -> d.addFolder(offered.getValue()));
        HBox offeredRow = new HBox(6, new Label("From the Dataset room:"), offered, addOffered);
        HBox.setHgrow(offered, Priority.ALWAYS);
        offeredRow.visibleProperty().bind(Bindings.isNotEmpty(d.offeredFolders()));
        offeredRow.managedProperty().bind(offeredRow.visibleProperty());
        // Records the scan could not read, with the reason (training skips them).
        ListView<String> failed = new ListView<>(d.failures());
        failed.setId("scanFailures");
        failed.setPrefHeight(70);
        TitledPane failedPane = new TitledPane("", failed);
        failedPane.textProperty().bind(Bindings.size(d.failures()).asString("Failed records (%d): not used for training"));
        failedPane.setExpanded(false);
        failedPane.setId("scanFailuresPane");
        failedPane.visibleProperty().bind(Bindings.isNotEmpty(d.failures()));
        failedPane.managedProperty().bind(failedPane.visibleProperty());

        CategoryAxis classes = new CategoryAxis();
        NumberAxis records = new NumberAxis();
        records.setLabel("records");
        BarChart<String, Number> chart = new BarChart<>(classes, records);
        chart.setId("classDistribution");
        chart.setTitle("Class distribution");
        chart.setLegendVisible(false);
        chart.setAnimated(false);
        chart.setPrefHeight(230);
        XYChart.Series<String, Number> series = new XYChart.Series<>();
        chart.getData().add(series);
        Runnable fill = () -> series.getData().setAll(d.classCounts().stream()
                .map(c -> new XYChart.Data<String, Number>(c.label(), c.count())).toList());
        d.classCounts().addListener((ListChangeListener<DataFoldersViewModel.ClassCount>) c -> fill.run());
        fill.run();
        Label origin = WizardForms.wrapped(vm.originProperty());
        origin.setId("wizardOrigin");
        origin.visibleProperty().bind(vm.originProperty().isNotEmpty());
        origin.managedProperty().bind(origin.visibleProperty());
        return new CheckedPage(WizardPage.DATA, vm.problemProperty(WizardPage.DATA), () -> { }, origin,
                new Label("Dataset folders (scanned recursively for challenge records):"), folders, offeredRow,
                new HBox(8, add, remove, rescan, progress, cancel), status, summary, failedPane, chart);
    }

    static WizardPane split(TrainingWizardViewModel vm) {
        SplitViewModel s = vm.split();
        RadioButton[] method = WizardForms.either("Hold-out", "holdout", "k-fold", "kFold", s.kFoldProperty());
        RadioButton holdout = method[0];
        RadioButton kFold = method[1];
        GridPane g = WizardForms.grid();
        WizardForms.row(g, "Split", holdout, kFold);
        var train = WizardForms.field(s.trainPercent(), "trainPercent", 5);
        var validation = WizardForms.field(s.validationPercent(), "validationPercent", 5);
        var test = WizardForms.field(s.testPercent(), "testPercent", 5);
        WizardForms.row(g, "Train / validation / test %", train, validation, test);
        var folds = WizardForms.field(s.folds(), "folds", 5);
        var testFold = WizardForms.field(s.testFold(), "testFold", 5);
        WizardForms.row(g, "Folds K / test fold (0-based)", folds, testFold);
        for (var f : List.of(train, validation, test)) f.disableProperty().bind(s.kFoldProperty());
        for (var f : List.of(folds, testFold)) f.disableProperty().bind(s.kFoldProperty().not());
        WizardForms.row(g, "Seed", WizardForms.field(s.seed(), "seed", 8));
        CheckBox drop = new CheckBox("Drop records without a scored class (default: keep them as all-negative)");
        drop.setId("dropUnlabelled");
        drop.selectedProperty().bindBidirectional(s.dropUnlabelledProperty());
        Label unlabelled = WizardForms.wrapped(Bindings.createStringBinding(() -> vm.data().summaryProperty().get() == null ? ""
                : vm.data().summaryProperty().get().withoutScored() + " of the records have no scored class.", vm.data().summaryProperty()));
        Label note = new Label("The split is stratified over the 24 scored classes (iterative multi-label stratification), seeded.");
        note.setWrapText(true);
        return new CheckedPage(WizardPage.SPLIT, vm.problemProperty(WizardPage.SPLIT), () -> { }, g, drop, unlabelled, note);
    }

    static WizardPane pipeline(TrainingWizardViewModel vm) {
        PipelineChoiceViewModel p = vm.pipeline();
        Button defaults = new Button("Default recipe");
        defaults.setOnAction(e -> p.useDefault());
        Button fromPreview = new Button("From the Preview room");
        fromPreview.disableProperty().bind(Bindings.createBooleanBinding(() -> vm.previewPipeline().getValue() == null, vm.previewPipeline()));
        fromPreview.setOnAction(e -> vm.usePreviewPipeline());
        Button load = new Button("Load JSON…");
        load.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Pipeline JSON", "*.json"));
            File f = chooser.showOpenDialog(load.getScene().getWindow());
            if (f != null) p.load(f.toPath());
        });
        Label origin = WizardForms.wrapped(Bindings.concat("Pipeline: ", p.originProperty()));
        origin.setId("pipelineOrigin");
        Label steps = WizardForms.wrapped(p.descriptionProperty());
        steps.setId("pipelineSteps");
        PreviewStagesView preview = new PreviewStagesView();
        preview.setPrefSize(760, 220);
        p.previewProperty().addListener((o, old, now) -> preview.show(now, null));
        preview.show(p.previewProperty().get(), null);
        return new CheckedPage(WizardPage.PIPELINE, vm.problemProperty(WizardPage.PIPELINE), () -> { },
                new HBox(8, defaults, fromPreview, load), origin, steps, WizardForms.wrapped(p.previewStatusProperty()), preview);
    }

    static WizardPane model(TrainingWizardViewModel vm) {
        ModelChoiceViewModel m = vm.model();
        GridPane g = WizardForms.grid();
        WizardForms.row(g, "Architecture", WizardForms.choice(Arrays.asList(Architecture.values()), m.architectureProperty(),
                Architecture::id, "architecture"));
        WizardForms.row(g, "Width (channel multiplier)", WizardForms.field(m.width(), "width", 6));
        CheckBox demographics = new CheckBox("Age and sex as inputs beside the signal");
        demographics.setId("demographics");
        demographics.selectedProperty().bindBidirectional(m.demographicsProperty());
        Label parameters = WizardForms.wrapped(m.parametersProperty());
        parameters.setId("parameterCount");
        Label memory = WizardForms.wrapped(m.memoryProperty());
        memory.setId("memoryEstimate");
        return new CheckedPage(WizardPage.MODEL, vm.problemProperty(WizardPage.MODEL), () -> { }, g, demographics, parameters, memory);
    }

    static WizardPane optimisation(TrainingWizardViewModel vm) {
        OptimisationViewModel o = vm.optimisation();
        GridPane g = WizardForms.grid();
        WizardForms.row(g, "Optimiser", WizardForms.choice(Arrays.asList(OptimizerKind.values()), o.optimizerProperty(),
                ArgumentText::option, "optimizer"));
        WizardForms.row(g, "Learning rate", WizardForms.field(o.learningRate(), "learningRate", 8));
        WizardForms.row(g, "Weight decay (L2)", WizardForms.field(o.weightDecay(), "weightDecay", 8));
        var momentum = WizardForms.field(o.momentum(), "momentum", 8);
        momentum.disableProperty().bind(o.optimizerProperty().isNotEqualTo(OptimizerKind.SGD));
        WizardForms.row(g, "Momentum (SGD)", momentum);
        WizardForms.row(g, "Batch size", WizardForms.field(o.batch(), "batch", 8));
        WizardForms.row(g, "Epochs", WizardForms.field(o.epochs(), "epochs", 8));
        var stepEpochs = WizardForms.field(o.stepEpochs(), "stepEpochs", 4);
        var gamma = WizardForms.field(o.stepGamma(), "stepGamma", 4);
        for (var f : List.of(stepEpochs, gamma)) f.disableProperty().bind(o.scheduleProperty().isNotEqualTo(ScheduleKind.STEP));
        WizardForms.row(g, "Schedule", WizardForms.choice(Arrays.asList(ScheduleKind.values()), o.scheduleProperty(),
                k -> ArgumentText.option(k).replace('_', '-'), "schedule"), new Label("step every"), stepEpochs, new Label("× gamma"), gamma);
        WizardForms.row(g, "Early stopping on", WizardForms.choice(Arrays.asList(ValidationMetric.values()), o.metricProperty(),
                ValidationMetric::key, "metric"), new Label("patience"), WizardForms.field(o.patience(), "patience", 4));
        WizardForms.row(g, "Class weights", WizardForms.choice(Arrays.asList(ClassWeighting.values()),
                o.classWeightsProperty(), ArgumentText::option, "classWeights"));
        CheckBox oversample = new CheckBox("Oversample records of rare classes");
        oversample.selectedProperty().bindBidirectional(o.oversampleProperty());
        CheckBox augment = new CheckBox("Augment training batches (amplitude, noise, shift, baseline wander)");
        augment.selectedProperty().bindBidirectional(o.augmentProperty());
        return new CheckedPage(WizardPage.OPTIMISATION, vm.problemProperty(WizardPage.OPTIMISATION), () -> { }, g, oversample, augment);
    }

    static WizardPane compute(TrainingWizardViewModel vm) {
        ComputeViewModel c = vm.compute();
        RadioButton[] device = WizardForms.either("CPU", "cpu", "GPU (CUDA)", "gpu", c.gpuProperty());
        RadioButton cpu = device[0];
        RadioButton gpu = device[1];
        // Without a usable GPU the choice is off, and the reason is shown beside it.
        gpu.disableProperty().bind(Bindings.createBooleanBinding(
                () -> c.detectionProperty().get() == null || !c.detectionProperty().get().gpuAvailable(), c.detectionProperty()));
        Label cpuText = WizardForms.wrapped(c.cpuTextProperty());
        Label gpuText = WizardForms.wrapped(c.gpuTextProperty());
        gpuText.setId("gpuDetection");
        GridPane g = WizardForms.grid();
        WizardForms.row(g, "", cpu, cpuText);
        WizardForms.row(g, "", gpu, gpuText);
        gpuText.setMaxWidth(560);
        return new CheckedPage(WizardPage.COMPUTE, vm.problemProperty(WizardPage.COMPUTE), () -> { }, g);
    }

    static WizardPane review(TrainingWizardViewModel vm) {
        SweepViewModel s = vm.sweep();
        CheckBox sweep = new CheckBox("Sweep: one run per combination of architectures × optimisers × learning rates");
        sweep.setId("sweep");
        sweep.selectedProperty().bindBidirectional(s.enabledProperty());
        var archs = WizardForms.field(s.architectures(), "sweepArchitectures", 16);
        var opts = WizardForms.field(s.optimizers(), "sweepOptimizers", 10);
        var rates = WizardForms.field(s.learningRates(), "sweepLearningRates", 12);
        for (var f : List.of(archs, opts, rates)) f.disableProperty().bind(s.enabledProperty().not());
        HBox g = new HBox(8, archs, new Label("×"), opts, new Label("×"), rates, new Label("(comma-separated lists)"));
        g.setAlignment(Pos.CENTER_LEFT);
        Label runs = WizardForms.wrapped(vm.runsTextProperty());
        runs.setId("runs");
        TextArea line = new TextArea();
        line.setId("commandLine");
        line.setEditable(false);
        line.setWrapText(true);
        line.setPrefRowCount(7);
        line.getStyleClass().add("wizard-command-line");
        line.textProperty().bind(vm.commandLineProperty());
        Button copy = new Button("Copy command line");
        copy.setId("copyCommandLine");
        copy.disableProperty().bind(vm.commandLineProperty().isEmpty());
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(vm.commandLineProperty().get());
            Clipboard.getSystemClipboard().setContent(content);
        });
        Label note = new Label("Finish queues the run(s) in the runs room, which adds --out (a new run folder) and --progress jsonl.");
        note.setWrapText(true);
        Label estimate = WizardForms.wrapped(vm.epochEstimateProperty());
        estimate.setId("epochEstimate");
        line.setPrefRowCount(6);
        return new CheckedPage(WizardPage.REVIEW, vm.problemProperty(WizardPage.REVIEW), vm::refreshReview, sweep, g, runs, estimate,
                new Label("The equivalent command line:"), line, copy, note);
    }
}
