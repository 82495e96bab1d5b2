package org.ecgworkbench.app.wizard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.value.ObservableValue;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.runs.RunRequest;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.train.OptimizerKind;

/**
 * The training wizard: one view model per page, each with its own validation, and what they add up to —
 * the {@code train} arguments (exactly {@code cli/TrainCommand}'s options, without {@code --out} and
 * {@code --progress}, which the runs room adds) and, on launch, one {@link RunRequest} per run (one, or
 * one per combination of a sweep) handed to the runs room.
 */
public final class TrainingWizardViewModel {

    private final DataFoldersViewModel data;
    private final SplitViewModel split = new SplitViewModel();
    private final PipelineChoiceViewModel pipeline;
    private final ModelChoiceViewModel model;
    private final OptimisationViewModel optimisation = new OptimisationViewModel();
    private final ComputeViewModel compute;
    private final SweepViewModel sweep = new SweepViewModel();
    private final Path pipelineFolder;
    private final ObservableValue<Pipeline> fromPreview;
    private final Map<WizardPage, StringBinding> problems = new EnumMap<>(WizardPage.class);
    private final ReadOnlyStringWrapper commandLine = new ReadOnlyStringWrapper(this, "commandLine", "");
    private final ReadOnlyStringWrapper runsText = new ReadOnlyStringWrapper(this, "runsText", "");
    private final ReadOnlyStringWrapper reviewError = new ReadOnlyStringWrapper(this, "reviewError", "");

    /**
     * @param work           runs scans, previews and estimates off the FX thread
     * @param ui             runs progress updates on the FX thread
     * @param pipelineFolder where a chosen pipeline's JSON is written for {@code --pipeline}
     * @param fromPreview    the pipeline kept in the Preview room ({@code PreviewViewModel.trainingPipelineProperty()}), may hold null
     * @param detect         finds the CPU and GPU ({@link ComputeDetection#detect} in the app)
     */
    public TrainingWizardViewModel(BackgroundWork work, Executor ui, DiagnosisCatalogue catalogue, Path pipelineFolder,
                                   ObservableValue<Pipeline> fromPreview, Supplier<ComputeDetection> detect) {
        this.pipelineFolder = Objects.requireNonNull(pipelineFolder);
        data = new DataFoldersViewModel(work, ui, catalogue);
        pipeline = new PipelineChoiceViewModel(work);
        model = new ModelChoiceViewModel(work);
        compute = new ComputeViewModel(work, detect);
        this.fromPreview = fromPreview == null ? new SimpleObjectProperty<>() : fromPreview;
        if (this.fromPreview.getValue() != null) pipeline.useFromPreview(this.fromPreview.getValue());
        // The model's size depends on choices made on other pages.
        model.inputLengthProperty().bind(Bindings.createIntegerBinding(
                () -> pipeline.pipelineProperty().get() == null ? 0 : PipelineChoiceViewModel.inputLength(pipeline.pipelineProperty().get()),
                pipeline.pipelineProperty()));
        model.batchProperty().bind(Bindings.createIntegerBinding(
                () -> optimisation.batch().value() == null ? 0 : optimisation.batch().value(), optimisation.batch().valueProperty()));
        model.optimizerProperty().bind(optimisation.optimizerProperty());
        // The first record of the data is the pipeline's preview.
        data.scanProperty().addListener((o, old, now) -> data.firstRecord().ifPresent(r -> pipeline.previewRecord(r.path())));

        problems.put(WizardPage.DATA, Bindings.createStringBinding(this::dataProblem, data.problemProperty(), data.folders()));
        problems.put(WizardPage.SPLIT, split.problemProperty());
        problems.put(WizardPage.PIPELINE, pipeline.problemProperty());
        problems.put(WizardPage.MODEL, model.problemProperty());
        problems.put(WizardPage.OPTIMISATION, optimisation.problemProperty());
        problems.put(WizardPage.COMPUTE, compute.problemProperty());
        problems.put(WizardPage.REVIEW, Bindings.createStringBinding(this::reviewProblem, sweep.problemProperty(), reviewError));
        sweep.enabledProperty().addListener(x -> refreshReview());
        sweep.architectures().valueProperty().addListener(x -> refreshReview());
        sweep.optimizers().valueProperty().addListener(x -> refreshReview());
        sweep.learningRates().valueProperty().addListener(x -> refreshReview());
    }

    private String dataProblem() {
        String p = data.problemProperty().get();
        if (!p.isEmpty()) return p;
        for (Path f : data.folders()) {
            // train --data splits its value at commas
            if (f.toString().contains(",")) return "Folder names with a comma cannot be passed to train: " + f;
        }
        return "";
    }

    private String reviewProblem() {
        if (!reviewError.get().isEmpty()) return reviewError.get();
        return sweep.problemProperty().get();
    }

    /** Why this page cannot be left, or empty: the view shows it and disables Next. */
    public StringBinding problemProperty(WizardPage page) {
        return problems.get(page);
    }

    /** The first page with a problem, or null when every page is fine. */
    public WizardPage firstInvalidPage() {
        for (WizardPage p : WizardPage.values()) {
            if (!problems.get(p).get().isEmpty()) return p;
        }
        return null;
    }

    /** The runs the choices describe: one, or one per sweep combination. */
    public List<SweepViewModel.Combination> combinations() {
        if (sweep.enabledProperty().get()) return sweep.combinations();
        return List.of(new SweepViewModel.Combination(model.architectureProperty().get(), optimisation.optimizerProperty().get(),
                optimisation.learningRate().value()));
    }

    /**
     * The {@code train} arguments of one run (without {@code --out} and {@code --progress}); writes the
     * pipeline's JSON file when the run needs one.
     *
     * @throws IllegalStateException naming the first page with a problem
     */
    public List<String> trainArguments(SweepViewModel.Combination run) throws IOException {
        WizardPage bad = firstInvalidPage();
        if (bad != null && bad != WizardPage.REVIEW) {
            throw new IllegalStateException(bad.title() + ": " + problems.get(bad).get());
        }
        List<String> args = new ArrayList<>();
        args.add("--data");
        args.add(data.folders().stream().map(Path::toString).collect(Collectors.joining(",")));
        args.add("--arch");
        args.add(run.architecture().id());
        model.appendArguments(args);
        args.add("--optimizer");
        args.add(ArgumentText.option(run.optimizer()));
        args.add("--lr");
        args.add(ArgumentText.number(run.learningRate()));
        if (run.optimizer() == OptimizerKind.SGD) {
            args.add("--momentum");
            args.add(ArgumentText.number(optimisation.momentum().value()));
        }
        optimisation.appendArguments(args);
        split.appendArguments(args);
        pipeline.appendArguments(args, pipelineFolder);
        compute.appendArguments(args);
        return List.copyOf(args);
    }

    /** One request per run, labelled "resnet34 · adam · lr 1e-3". */
    public List<RunRequest> runRequests() throws IOException {
        List<RunRequest> out = new ArrayList<>();
        for (SweepViewModel.Combination c : combinations()) out.add(new RunRequest(c.label(), trainArguments(c)));
        return List.copyOf(out);
    }

    /**
     * Recomputes the review page: the equivalent command line of every run (the pipeline file written
     * first, so a copied line works) and the list of runs. The view calls it on entering the page.
     */
    public void refreshReview() {
        WizardPage bad = firstInvalidPage();
        if (bad != null && bad != WizardPage.REVIEW) {
            commandLine.set("");
            runsText.set("Fix “" + bad.title() + "” first: " + problems.get(bad).get());
            return;
        }
        if (!sweep.problemProperty().get().isEmpty()) {
            commandLine.set("");
            runsText.set("");
            return;
        }
        try {
            List<RunRequest> runs = runRequests();
            reviewError.set("");
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) lines.add(commandLineOf(runs.get(i), runs.size() == 1 ? "run" : "run-" + (i + 1)));
            commandLine.set(String.join("\n", lines));
            runsText.set(runs.size() == 1 ? "1 run: " + runs.get(0).label()
                    : runs.size() + " runs:\n" + runs.stream().map(r -> "  " + r.label()).collect(Collectors.joining("\n")));
        } catch (IOException | UncheckedIOException e) {
            reviewError.set("Cannot write the pipeline file into " + pipelineFolder + ": " + e.getMessage());
            commandLine.set("");
        }
    }

    /** {@code java -jar ecg-workbench.jar train … --out runs/NAME}: what the runs room will run, as a shell line. */
    static String commandLineOf(RunRequest run, String folderName) {
        List<String> words = new ArrayList<>(List.of("java", "-jar", "ecg-workbench.jar", "train"));
        words.addAll(run.trainArguments());
        words.add("--out");
        words.add("runs/" + folderName);
        return ArgumentText.shellLine(words);
    }

    /**
     * Hands the runs to the runs room.
     *
     * @return the runs launched
     * @throws IllegalStateException naming the first page with a problem
     */
    public List<RunRequest> launch(Consumer<List<RunRequest>> runsRoom) throws IOException {
        WizardPage bad = firstInvalidPage();
        if (bad != null) throw new IllegalStateException(bad.title() + ": " + problems.get(bad).get());
        List<RunRequest> runs = runRequests();
        runsRoom.accept(runs);
        return runs;
    }

    /** The pipeline kept in the Preview room, or null when the student kept none. */
    public ObservableValue<Pipeline> previewPipeline() {
        return fromPreview;
    }

    /** Switches the pipeline page back to the Preview room's pipeline. */
    public void usePreviewPipeline() {
        pipeline.useFromPreview(fromPreview.getValue());
    }

    public DataFoldersViewModel data() {
        return data;
    }

    public SplitViewModel split() {
        return split;
    }

    public PipelineChoiceViewModel pipeline() {
        return pipeline;
    }

    public ModelChoiceViewModel model() {
        return model;
    }

    public OptimisationViewModel optimisation() {
        return optimisation;
    }

    public ComputeViewModel compute() {
        return compute;
    }

    public SweepViewModel sweep() {
        return sweep;
    }

    /** The review's command lines, one per run. */
    public ReadOnlyStringProperty commandLineProperty() {
        return commandLine.getReadOnlyProperty();
    }

    /** "8 runs:" and their labels. */
    public ReadOnlyStringProperty runsTextProperty() {
        return runsText.getReadOnlyProperty();
    }
}
