package org.ecgworkbench.app.wizard;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
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
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.function.ToDoubleBiFunction;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.LatestRequest;
import org.ecgworkbench.dataset.ScanSummary;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.runs.RunRequest;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.TrainingArguments;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;

/**
 * The training wizard: one view model per page, each with its own validation, and what they add up to —
 * one {@link TrainingConfig} per run (one, or one per combination of a sweep), handed to the runs room
 * as {@link RunRequest}s on launch. The review page shows the equivalent {@code train} command line.
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
    private final ReadOnlyStringWrapper epochEstimate = new ReadOnlyStringWrapper(this, "epochEstimate", "");
    private final ReadOnlyStringWrapper origin = new ReadOnlyStringWrapper(this, "origin", "");
    private final BackgroundWork work;
    /** Measured training steps, by network and batch: timed once per wizard. */
    private final Map<String, Double> stepMillis = new HashMap<>();
    private ToDoubleBiFunction<NetworkSpec, Integer> stepTimer = EpochEstimate::trainStepMillis;
    private Supplier<LocalTime> clock = LocalTime::now;
    /** The epoch estimates: a newer choice's estimate wins. */
    private final LatestRequest estimates = new LatestRequest();
    /** Set once a configuration (the last one used, or a run's) has filled the pages: the CPU default then stays out. */
    private boolean configured;
    /** The configuration that filled the pages: its settings the pages do not show (cache, checkpoints …) carry over. */
    private TrainingConfig base;

    /** {@code last-training.json}'s format name. */
    static final String LAST_FORMAT = "ecg-workbench-last-training";
    /** Version 2 keeps a configuration; version 1 kept {@code train} arguments. */
    static final int LAST_VERSION = 2;
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("HH:mm");

    /**
     * @param work           runs scans, previews and estimates off the FX thread
     * @param ui             runs progress updates on the FX thread
     * @param pipelineFolder where a chosen pipeline's JSON is written for {@code --pipeline}
     * @param fromPreview    the Preview room's current pipeline ({@code PreviewViewModel.pipelineProperty()}), may hold null
     * @param detect         finds the CPU and GPU ({@link ComputeDetection#detect} in the app)
     */
    public TrainingWizardViewModel(BackgroundWork work, Executor ui, DiagnosisCatalogue catalogue, Path pipelineFolder,
                                   ObservableValue<Pipeline> fromPreview, Supplier<ComputeDetection> detect) {
        this.pipelineFolder = Objects.requireNonNull(pipelineFolder);
        this.work = Objects.requireNonNull(work);
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
        // On a CPU-only machine the small network is the sensible start (ResNet34 ×1 takes hours per epoch there).
        compute.detectionProperty().addListener((o, old, now) -> cpuDefault(now));
        cpuDefault(compute.detectionProperty().get());
        sweep.enabledProperty().addListener(x -> refreshReview());
        sweep.architectures().valueProperty().addListener(x -> refreshReview());
        sweep.optimizers().valueProperty().addListener(x -> refreshReview());
        sweep.learningRates().valueProperty().addListener(x -> refreshReview());
    }

    private void cpuDefault(ComputeDetection d) {
        if (d == null || d.gpuAvailable() || configured) return;
        model.architectureProperty().set(Architecture.RESNET18);
        model.width().textProperty().set("0.25");
    }

    /**
     * Fills every page from a run's configuration ("Run again", or the last configuration used); the
     * data folders are scanned again.
     *
     * @return what was not carried over, with the reason (a data folder that has gone)
     */
    public List<String> applyConfig(TrainingConfig config, String from) {
        configured = true;
        base = config;
        List<String> skipped = new ArrayList<>();
        List<Path> there = config.data().stream().filter(Files::isDirectory).toList();
        config.data().stream().filter(f -> !there.contains(f)).forEach(f -> skipped.add("data folder " + f + " (no such folder now)"));
        data.setFolders(there);
        split.fillFrom(config);
        pipeline.fillFrom(config, "from " + from);
        model.fillFrom(config);
        optimisation.fillFrom(config);
        compute.fillFrom(config);
        sweep.enabledProperty().set(false);
        origin.set("Filled from " + from + (skipped.isEmpty() ? "" : "; not carried over: " + String.join(", ", skipped)));
        return skipped;
    }

    /** Fills the pages from the configuration last launched (kept in {@code file}); nothing when there is none or it is unreadable. */
    public void restoreLast(Path file) {
        readLast(file).ifPresent(c -> applyConfig(c, "the last configuration used"));
    }

    /**
     * The configuration kept in {@code file}, or none when it is missing, damaged or not ours (a version-1
     * file, of {@code train} arguments, is passed over: it only loses the convenience once).
     */
    static Optional<TrainingConfig> readLast(Path file) {
        try {
            if (!Files.isRegularFile(file)) return Optional.empty();
            JsonNode n = MAPPER.readTree(Files.readString(file, StandardCharsets.UTF_8));
            if (n == null || !LAST_FORMAT.equals(n.path("format").asText()) || n.path("version").asInt() != LAST_VERSION) {
                return Optional.empty();
            }
            return Optional.of(TrainingConfigJson.fromTree(n.path("config"), file + ": config"));
        } catch (IOException e) {
            return Optional.empty(); // a damaged file only loses the convenience; the wizard starts from its defaults
        }
    }

    /** Keeps the configuration as the last one used (temp file, then rename). */
    static void rememberLast(Path file, TrainingConfig config) throws IOException {
        ObjectNode n = MAPPER.createObjectNode();
        n.put("format", LAST_FORMAT);
        n.put("version", LAST_VERSION);
        n.set("config", TrainingConfigJson.toTree(config));
        byte[] bytes = MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(n);
        Files.createDirectories(file.toAbsolutePath().getParent());
        AtomicFiles.write(file, true, out -> out.write(bytes));
    }

    /**
     * Offers folders open elsewhere (the Dataset room's) on the data page; when the wizard has no data
     * folder yet, it starts with them.
     */
    public void offerFolders(List<Path> open) {
        data.offeredFolders().setAll(open);
        if (data.folders().isEmpty() && !open.isEmpty()) data.setFolders(open);
    }

    /** The run's default name: the time and the settings that tell runs apart, e.g. "14:05 ResNet18×0.25 Adam lr 1e-3". */
    String defaultName(TrainingConfig c) {
        double w = c.width();
        String arch = c.architecture() == Architecture.RESNET18 ? "ResNet18" : "ResNet34";
        String opt = c.optimizer() == OptimizerKind.ADAM ? "Adam" : "SGD";
        return NAME_TIME.format(clock.get()) + " " + arch + (w == 1 ? "" : "×" + ArgumentText.number(w)) + " " + opt + " lr "
                + ArgumentText.number(c.learningRate());
    }

    /** For tests: the time a run's default name starts with, and how a training step is timed. */
    void setClock(Supplier<LocalTime> clock) {
        this.clock = clock;
    }

    void setStepTimer(ToDoubleBiFunction<NetworkSpec, Integer> timer) {
        this.stepTimer = timer;
    }

    /**
     * The time per epoch of the (first) run: its training step timed in the background (once per network
     * and batch) times the batches of an epoch; shown on the review page before Finish.
     */
    public void refreshEstimate() {
        LatestRequest.Ticket mine = estimates.next();
        NetworkSpec spec = model.spec();
        Integer batch = optimisation.batch().value();
        ScanSummary scanned = data.summaryProperty().get();
        if (spec == null || batch == null || scanned == null || scanned.records() == 0) {
            epochEstimate.set("Estimated time per epoch: shown once the data is scanned and the model and batch size are valid");
            return;
        }
        int train = trainRecords(scanned.records());
        int batches = EpochEstimate.batchesPerEpoch(train, batch);
        String key = spec + "@" + batch;
        Double known = stepMillis.get(key);
        if (known != null) {
            epochEstimate.set(new EpochEstimate(known, batches, train, batch).text() + sweepNote());
            return;
        }
        epochEstimate.set("Estimated time per epoch: timing one training step of this network here …");
        ToDoubleBiFunction<NetworkSpec, Integer> timer = stepTimer;
        work.run("Timing a training step", () -> timer.applyAsDouble(spec, batch), ms -> {
            stepMillis.put(key, ms);
            if (mine.isLatest()) epochEstimate.set(new EpochEstimate(ms, batches, train, batch).text() + sweepNote());
        }, mine.ifLatest(failure -> epochEstimate.set("Estimated time per epoch: cannot time a training step: " + failure.getMessage())));
    }

    /** In a sweep the estimate is for the network on the Model page only. */
    private String sweepNote() {
        return sweep.enabledProperty().get() ? "; for the Model page's network: the sweep's other networks differ" : "";
    }

    /** Records in the training part: the hold-out's train share, or all folds but the test and validation ones. */
    int trainRecords(int records) {
        if (split.kFoldProperty().get()) {
            Integer k = split.folds().value();
            return k == null || k < 3 ? records : records * (k - 2) / k;
        }
        Double p = split.trainPercent().value();
        return p == null ? records : (int) Math.round(records * p / 100);
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
     * The configuration of every run: the pages' choices (over the configuration that filled them, if
     * any), one per sweep combination.
     *
     * @throws IllegalStateException naming the first page with a problem
     */
    public List<TrainingConfig> trainingConfigs() {
        WizardPage bad = firstInvalidPage();
        if (bad != null && bad != WizardPage.REVIEW) {
            throw new IllegalStateException(bad.title() + ": " + problems.get(bad).get());
        }
        TrainingConfig.Builder b = base == null ? TrainingConfig.builder(data.folders()) : base.toBuilder().data(data.folders());
        split.applyTo(b);
        pipeline.applyTo(b);
        model.applyTo(b);
        optimisation.applyTo(b);
        compute.applyTo(b);
        TrainingConfig pages = b.build();
        double momentum = optimisation.momentum().value();
        return combinations().stream().map(c -> c.applyTo(pages, momentum)).toList();
    }

    /** One request per run, named by {@link #defaultName}. */
    public List<RunRequest> runRequests() {
        return trainingConfigs().stream().map(c -> new RunRequest(defaultName(c), c)).toList();
    }

    /**
     * Recomputes the review page: the equivalent command line of every run (the pipeline file written
     * first, so a copied line works) and the list of runs. The view calls it on entering the page.
     */
    public void refreshReview() {
        refreshEstimate();
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
            // A pipeline other than the default recipe goes into a file, so a copied line works.
            Pipeline p = pipeline.pipelineProperty().get();
            Path pipelineFile = p.equals(Pipeline.defaultRecipe()) ? null : PipelineChoiceViewModel.writePipeline(p, pipelineFolder);
            List<String> lines = new ArrayList<>();
            for (int i = 0; i < runs.size(); i++) {
                lines.add(commandLineOf(runs.get(i), pipelineFile, runs.size() == 1 ? "run" : "run-" + (i + 1)));
            }
            commandLine.set(String.join("\n", lines));
            runsText.set(runs.size() == 1 ? "1 run: " + runs.get(0).label()
                    : runs.size() + " runs:\n" + runs.stream().map(r -> "  " + r.label()).collect(Collectors.joining("\n")));
        } catch (IOException | UncheckedIOException e) {
            reviewError.set("Cannot write the pipeline file into " + pipelineFolder + ": " + e.getMessage());
            commandLine.set("");
        } catch (IllegalArgumentException e) {
            // A combination the pages allow but train does not (named by the configuration's field).
            reviewError.set("Cannot train this configuration: " + e.getMessage());
            commandLine.set("");
        }
    }

    /** {@code java -jar ecg-workbench.jar train … --out runs/NAME}: the command line that trains the same run, as a shell line. */
    static String commandLineOf(RunRequest run, Path pipelineFile, String folderName) {
        List<String> words = new ArrayList<>(List.of("java", "-jar", "ecg-workbench.jar", "train"));
        words.addAll(TrainingArguments.of(run.config(), pipelineFile, Path.of("runs", folderName)));
        return ArgumentText.shellLine(words);
    }

    /**
     * Hands the runs to the runs room.
     *
     * @return the runs launched
     * @throws IllegalStateException naming the first page with a problem
     */
    public List<RunRequest> launch(Consumer<List<RunRequest>> runsRoom) {
        WizardPage bad = firstInvalidPage();
        if (bad != null) throw new IllegalStateException(bad.title() + ": " + problems.get(bad).get());
        List<RunRequest> runs = runRequests();
        runsRoom.accept(runs);
        if (lastFile != null) {
            try {
                rememberLast(lastFile, runs.get(0).config());
            } catch (IOException e) {
                // Launched all the same; only next time's convenience is lost.
            }
        }
        return runs;
    }

    private Path lastFile;

    /** Where Finish keeps the configuration for the next wizard (the app's config folder); null keeps nothing. */
    public void rememberLastAt(Path file) {
        this.lastFile = file;
    }

    /** What filled the pages ("Filled from the last configuration used"), or empty for the defaults. */
    public ReadOnlyStringProperty originProperty() {
        return origin.getReadOnlyProperty();
    }

    /** The review page's "Estimated time per epoch: …". */
    public ReadOnlyStringProperty epochEstimateProperty() {
        return epochEstimate.getReadOnlyProperty();
    }

    /** The Preview room's current pipeline, or null when there is no Preview. */
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
