package org.ecgworkbench.app.runs;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SelectionMode;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.scene.text.TextAlignment;
import javafx.stage.DirectoryChooser;
import org.ecgworkbench.runs.ComparisonRow;
import org.ecgworkbench.runs.EpochRow;
import org.ecgworkbench.runs.RunFormats;
import org.ecgworkbench.runs.RunStatus;

/**
 * The runs room's view: binds the list, the dashboard and the comparison to {@link RunsViewModel};
 * the charts copy new points once per frame. No logic beyond showing.
 */
public final class RunsController {
    private static final List<LiveChart.Style> LOSS_STYLES = List.of(
            new LiveChart.Style(false, "rgba(26,95,180,0.30)", 1),
            new LiveChart.Style(false, "#1a5fb4", 2),
            new LiveChart.Style(true, "#2e7d32", 1.5),
            new LiveChart.Style(true, "#c62828", 1.5));
    private static final List<LiveChart.Style> METRIC_STYLES = List.of(
            new LiveChart.Style(true, "#6a1b9a", 1.5),
            new LiveChart.Style(true, "#ef6c00", 1.5),
            new LiveChart.Style(true, "#00838f", 1.5));
    private static final String[] PALETTE = {"#1a5fb4", "#c62828", "#2e7d32", "#6a1b9a", "#ef6c00", "#00838f", "#5d4037", "#ad1457"};

    @FXML private Button newRunButton;
    @FXML private Button cancelButton;
    @FXML private Button resumeButton;
    @FXML private Button openFolderButton;
    @FXML private Button openReportButton;
    @FXML private Button compareButton;
    @FXML private Label runsMessage;
    @FXML private Spinner<Integer> parallelSpinner;
    @FXML private ListView<RunViewModel> runList;
    @FXML private TabPane runsTabs;
    @FXML private Tab dashboardTab;
    @FXML private Tab comparisonTab;
    @FXML private TextField runName;
    @FXML private Button runAgainButton;
    @FXML private Label runStatus;
    @FXML private ProgressBar runProgress;
    @FXML private Label runProgressText;
    @FXML private Label runBackend;
    @FXML private Label runThroughput;
    @FXML private Label runEta;
    @FXML private Label runFolder;
    @FXML private Label runProblem;
    @FXML private StackPane lossChartPane;
    @FXML private StackPane metricsChartPane;
    @FXML private TableView<EpochRow> epochTable;
    @FXML private ListView<String> logTail;
    @FXML private TableView<ComparisonRow> comparisonTable;
    @FXML private StackPane comparisonChartPane;

    private RunsViewModel viewModel;
    /** Held so the bidirectional binding to the integer property is not collected. */
    private ObjectProperty<Integer> parallelObject;
    private final LiveChart lossChart = new LiveChart("Loss", "epoch", "loss");
    private final LiveChart metricsChart = new LiveChart("Validation metrics", "epoch", "value");
    private final LiveChart comparisonChart = new LiveChart("Training loss (EMA 0.9), one line per run", "epoch", "loss");
    /** Copies new points once per frame while a run of this session is queued or training, then stops (no idle frames). */
    private final AnimationTimer frames = new AnimationTimer() {
        @Override
        public void handle(long now) {
            lossChart.sync();
            metricsChart.sync();
            comparisonChart.sync();
            if (viewModel.runs().stream().noneMatch(r -> r.cancellableProperty().get())) stop();
        }
    };
    private final ChangeListener<RunStatus> statusListener = (o, was, now) -> {
        refreshButtons();
        frames.start();
    };
    /** Report, cancel and resume availability follow these flags. */
    private final ChangeListener<Boolean> reportListener = (o, was, now) -> refreshButtons();

    public void bind(RunsViewModel vm) {
        this.viewModel = vm;
        lossChartPane.getChildren().add(lossChart.node());
        metricsChartPane.getChildren().add(metricsChart.node());
        comparisonChartPane.getChildren().add(comparisonChart.node());
        runsMessage.textProperty().bind(vm.messageProperty());
        parallelSpinner.setValueFactory(new SpinnerValueFactory.IntegerSpinnerValueFactory(1, 4, vm.parallelRunsProperty().get()));
        parallelObject = vm.parallelRunsProperty().asObject();
        parallelSpinner.getValueFactory().valueProperty().bindBidirectional(parallelObject);

        runList.setItems(vm.runs());
        runList.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        runList.setCellFactory(list -> new RunCell());
        runList.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) vm.selectedProperty().set(now);
        });
        vm.selectedProperty().addListener((o, was, now) -> {
            show(was, now);
            if (now != null && !runList.getSelectionModel().getSelectedItems().contains(now)) runList.getSelectionModel().clearAndSelect(vm.runs().indexOf(now));
        });
        // A name is committed with Enter or on leaving the field; Escape puts the old one back.
        runName.setOnAction(e -> commitName());
        runName.focusedProperty().addListener((o, was, now) -> {
            if (!now) commitName();
        });
        runName.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                RunViewModel run = vm.selectedProperty().get();
                runName.setText(run == null ? "" : run.label());
            }
        });
        comparisonTab.setTooltip(new Tooltip("Table 4 of the dissertation (Hasani Pasha 2022), for the selected runs"));
        compareButton.disableProperty().bind(Bindings.size(runList.getSelectionModel().getSelectedItems()).lessThan(1));

        epochTable.getColumns().setAll(List.of(
                column("Epoch", r -> Integer.toString(r.epoch())),
                column("Train loss", r -> RunFormats.number(r.trainLoss(), 4)),
                column("Val loss", r -> RunFormats.number(r.validationLoss(), 4)),
                column("Challenge", r -> RunFormats.number(r.challengeScore(), 3)),
                column("Macro F1", r -> RunFormats.number(r.f1Macro(), 3)),
                column("AUROC", r -> RunFormats.number(r.aurocMacro(), 3)),
                column("Seconds", r -> RunFormats.number(r.seconds(), 1)),
                column("Best", r -> r.best() ? "★" : "")));
        comparisonTable.setItems(vm.comparison());
        comparisonTable.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        comparisonTable.getColumns().setAll(Stream.<TableColumn<ComparisonRow, String>>of(
                wrappedCells(wide(column("Run", ComparisonRow::label), 200)),
                wide(column("Architecture", ComparisonRow::architecture), 110),
                column("LR", r -> RunFormats.rate(r.learningRate())),
                column("Optimiser", ComparisonRow::optimiser),
                column("Train F1 macro", r -> RunFormats.number(r.trainF1(), 3)),
                column("Train loss", r -> RunFormats.number(r.trainLoss(), 4)),
                column("Val loss", r -> RunFormats.number(r.validationLoss(), 4)),
                column("Test F1 macro", r -> RunFormats.number(r.testF1Macro(), 3)),
                column("Test F1 samples", r -> RunFormats.number(r.testF1Samples(), 3)),
                column("Challenge", r -> RunFormats.number(r.challengeScore(), 3)),
                column("Test AUROC", r -> RunFormats.number(r.aurocMacro(), 3))).map(RunsController::wrapped).toList());
        vm.comparedCurves().addListener((ListChangeListener<PlotSeries>) c -> showComparedCurves());
        vm.runs().addListener((ListChangeListener<RunViewModel>) c -> frames.start());
        show(null, vm.selectedProperty().get());
    }

    private void show(RunViewModel was, RunViewModel run) {
        if (was != null) {
            was.statusProperty().removeListener(statusListener);
            was.reportAvailableProperty().removeListener(reportListener);
            was.cancellableProperty().removeListener(reportListener);
        }
        runName.textProperty().unbind();
        for (Label l : List.of(runStatus, runProgressText, runBackend, runThroughput, runEta, runProblem, runFolder)) l.textProperty().unbind();
        runProgress.progressProperty().unbind();
        runStatus.getStyleClass().removeIf(s -> s.startsWith("status-"));
        if (run == null) {
            runName.setText("");
            runName.setPromptText("No run selected: start one with New run…");
            runName.setDisable(true);
            runStatus.setText("");
            runProgressText.setText("");
            runBackend.setText("");
            runThroughput.setText("");
            runEta.setText("");
            runProblem.setText("");
            runFolder.setText("");
            runProgress.setProgress(0);
            epochTable.setItems(FXCollections.observableArrayList());
            logTail.setItems(FXCollections.observableArrayList());
            lossChart.show(List.of(), List.of());
            metricsChart.show(List.of(), List.of());
        } else {
            runName.setDisable(false);
            runName.setText(run.label());
            runFolder.setText(run.folder().toString());
            runStatus.textProperty().bind(Bindings.createStringBinding(() -> run.statusProperty().get().toString(), run.statusProperty()));
            runStatus.getStyleClass().add("status-" + run.statusProperty().get().name().toLowerCase(Locale.ROOT));
            runProgressText.textProperty().bind(run.progressTextProperty());
            runProgress.progressProperty().bind(run.progressProperty());
            runBackend.textProperty().bind(run.backendProperty());
            runThroughput.textProperty().bind(Bindings.createStringBinding(() -> RunFormats.throughput(run.samplesPerSecondProperty().get()), run.samplesPerSecondProperty()));
            runEta.textProperty().bind(Bindings.createStringBinding(() -> RunFormats.duration(run.timeLeftProperty().get()), run.timeLeftProperty()));
            runProblem.textProperty().bind(run.problemProperty());
            epochTable.setItems(run.epochs());
            logTail.setItems(run.logTail());
            if (!run.logTail().isEmpty()) logTail.scrollTo(run.logTail().size() - 1);
            lossChart.show(List.of(run.batchLoss(), run.smoothedLoss(), run.trainLoss(), run.validationLoss()), LOSS_STYLES);
            metricsChart.show(List.of(run.challengeScore(), run.f1Macro(), run.aurocMacro()), METRIC_STYLES);
            run.statusProperty().addListener(statusListener);
            run.reportAvailableProperty().addListener(reportListener);
            run.cancellableProperty().addListener(reportListener);
        }
        refreshButtons();
        frames.start();
    }

    private void refreshButtons() {
        RunViewModel run = viewModel.selectedProperty().get();
        cancelButton.setDisable(!viewModel.canCancel(run));
        resumeButton.setDisable(!viewModel.canResume(run));
        openFolderButton.setDisable(run == null);
        runAgainButton.setDisable(!viewModel.canRunAgain(run));
        openReportButton.setDisable(run == null || !run.reportAvailableProperty().get());
        runStatus.getStyleClass().removeIf(s -> s.startsWith("status-"));
        if (run != null) runStatus.getStyleClass().add("status-" + run.statusProperty().get().name().toLowerCase(Locale.ROOT));
    }

    private void showComparedCurves() {
        List<PlotSeries> curves = List.copyOf(viewModel.comparedCurves());
        List<LiveChart.Style> styles = new ArrayList<>();
        for (int i = 0; i < curves.size(); i++) styles.add(new LiveChart.Style(false, PALETTE[i % PALETTE.length], 2));
        comparisonChart.show(curves, styles);
        frames.start();
    }

    private static <T> TableColumn<T, String> wide(TableColumn<T, String> c, double width) {
        c.setPrefWidth(width);
        return c;
    }

    private void commitName() {
        RunViewModel run = viewModel.selectedProperty().get();
        if (run == null) return;
        if (!viewModel.rename(run, runName.getText())) runName.setText(run.label());
    }

    /** A column whose cells wrap a long text (a run's name) onto more lines rather than cutting it. */
    private static <T> TableColumn<T, String> wrappedCells(TableColumn<T, String> c) {
        c.setCellFactory(col -> new TableCell<>() {
            private final Text text = new Text();

            {
                text.getStyleClass().add("text");
                text.wrappingWidthProperty().bind(col.widthProperty().subtract(12));
                setPrefHeight(Control.USE_COMPUTED_SIZE);
            }

            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                text.setText(empty || item == null ? "" : item);
                setGraphic(empty ? null : text);
                setText(null);
            }
        });
        return c;
    }

    /** A column whose header wraps onto a second line rather than being cut to "Test F1 sa…". */
    private static <T> TableColumn<T, String> wrapped(TableColumn<T, String> c) {
        Label header = new Label(c.getText());
        header.setWrapText(true);
        header.setTextAlignment(TextAlignment.CENTER);
        header.getStyleClass().add("column-header-label");
        // The label takes the column's width, so it wraps there and the header row grows to its height.
        StackPane box = new StackPane(header);
        box.prefWidthProperty().bind(c.widthProperty().subtract(6));
        header.prefWidthProperty().bind(box.prefWidthProperty());
        c.setGraphic(box);
        c.setText("");
        // Wide enough for the longest word ("Architecture", "Challenge"), which cannot wrap.
        c.setMinWidth(Math.max(52, 8 + longestWord(header)));
        return c;
    }

    private static double longestWord(Label label) {
        double widest = 0;
        for (String word : label.getText().split(" ")) {
            Text t = new Text(word);
            t.setFont(label.getFont());
            widest = Math.max(widest, t.getLayoutBounds().getWidth());
        }
        return widest;
    }

    private static <T> TableColumn<T, String> column(String title, Function<T, String> text) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(cell -> new ReadOnlyStringWrapper(text.apply(cell.getValue())));
        c.setSortable(false);
        return c;
    }

    @FXML
    private void newRun() {
        viewModel.newRun();
    }

    @FXML
    private void cancel() {
        viewModel.cancel(viewModel.selectedProperty().get());
        refreshButtons();
    }

    @FXML
    private void runAgain() {
        viewModel.runAgain(viewModel.selectedProperty().get());
    }

    @FXML
    private void resume() {
        viewModel.resume(viewModel.selectedProperty().get());
        refreshButtons();
    }

    @FXML
    private void openFolder() {
        RunViewModel run = viewModel.selectedProperty().get();
        if (run != null) FolderOpener.open(run.folder(), viewModel::note);
    }

    @FXML
    private void openReport() {
        viewModel.openReport(viewModel.selectedProperty().get());
    }

    @FXML
    private void compare() {
        viewModel.compare(List.copyOf(runList.getSelectionModel().getSelectedItems()));
        runsTabs.getSelectionModel().select(comparisonTab);
    }

    @FXML
    private void reload() {
        viewModel.loadWorkspace();
    }

    @FXML
    private void chooseWorkspace() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a runs workspace");
        File dir = chooser.showDialog(runList.getScene().getWindow());
        if (dir != null) viewModel.switchWorkspace(dir.toPath());
    }

    /** The dashboard's charts, for tests: points shown for a line of the selected run. */
    int shownPoints(String lineName) {
        return lossChart.points(lineName);
    }

    int comparedPoints(String runLabel) {
        return comparisonChart.points(runLabel);
    }

    /** A run as "label · status", kept up to date. */
    private static final class RunCell extends ListCell<RunViewModel> {
        @Override
        protected void updateItem(RunViewModel run, boolean empty) {
            super.updateItem(run, empty);
            textProperty().unbind();
            if (empty || run == null) {
                setText(null);
            } else {
                textProperty().bind(Bindings.createStringBinding(() -> run.label() + "  ·  " + run.statusProperty().get(), run.statusProperty(),
                        run.nameProperty()));
            }
        }
    }
}
