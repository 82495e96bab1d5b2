package org.ecgworkbench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.fxml.FXMLLoader;
import javafx.geometry.Rectangle2D;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Screen;
import javafx.stage.Stage;
import org.controlsfx.dialog.Wizard;
import org.ecgworkbench.app.help.HelpViewModel;
import org.ecgworkbench.app.preview.PreviewRoom;
import org.ecgworkbench.app.runs.RunsRoom;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesViewModel;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.app.wizard.ComputeDetection;
import org.ecgworkbench.app.wizard.TrainingWizard;
import org.ecgworkbench.app.wizard.TrainingWizardViewModel;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.runs.AppConfigDir;
import org.ecgworkbench.train.TrainingConfig;

/**
 * The desktop workbench. Started through {@link EcgWorkbenchLauncher} (an {@code Application}
 * subclass cannot be the jar's main class on the class path). On start it lists the bundled
 * sample records, shows the first, and loads the bundled demonstration model in the background.
 */
public final class EcgWorkbenchApp extends Application {

    public static final double WIDTH = 1440;
    public static final double HEIGHT = 860;

    private FxBackgroundWork work;
    private OutputGuard.Scope inputs;
    private MainViewModel viewModel;
    private SuggestedDiagnosesViewModel suggestions;
    private MainWindowController controller;
    private PreviewRoom preview;
    private RunsRoom runs;
    private Wizard trainingWizard;
    private TrainingWizardViewModel trainingWizardViewModel;

    /** Only when launched (tests call start themselves): the log file and the dialog for uncaught errors. */
    @Override
    public void init() {
        UncaughtErrorDialog.install(WorkbenchLog.install(AppConfigDir.resolve()));
    }

    @Override
    public void start(Stage stage) {
        // Save actions never replace a record, bundle or report this session has read (as the commands' rule).
        inputs = OutputGuard.openForDesktop();
        work = new FxBackgroundWork();
        EcgViewerViewModel viewer = new EcgViewerViewModel(DiagnosisCatalogue.standard());
        viewModel = new MainViewModel(work, new RecentFiles(AppConfigDir.resolve()), viewer);
        suggestions = new SuggestedDiagnosesViewModel(work, DiagnosisCatalogue.standard(), SuggestedDiagnosesViewModel.bundleLoader());
        viewModel.connect(suggestions);
        FXMLLoader loader = new FXMLLoader(EcgWorkbenchApp.class.getResource("MainWindow.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window", e);
        }
        controller = loader.getController();
        controller.bind(viewModel);
        // The preview and runs rooms are built in code (they need the app's objects), then join the rooms' tabs.
        TabPane rooms = (TabPane) root.lookup("#roomTabs");
        preview = PreviewRoom.load(work, viewer.recordProperty());
        runs = RunsRoom.load(work);
        Tab previewTab = preview.tab();
        Tab runsTab = runs.tab();
        previewTab.setClosable(false);
        runsTab.setClosable(false);
        rooms.getTabs().addAll(previewTab, runsTab);
        controller.showStatusOf(previewTab, preview.viewModel().statusProperty());
        controller.showStatusOf(runsTab, runs.viewModel().messageProperty());
        controller.setHelp(HelpViewModel.forThisProcess(getHostServices()::showDocument));
        // Three ways into the training wizard; its runs go to the runs room, whose reports open as rooms.
        Runnable newRun = () -> openTrainingWizard(stage, rooms, runsTab, null, false);
        controller.setOnNewTrainingRun(newRun);
        runs.setOnNewRun(newRun);
        runs.viewModel().setOnRunAgain(config -> openTrainingWizard(stage, rooms, runsTab, config, false));
        preview.viewModel().setOnUseForTraining(() -> openTrainingWizard(stage, rooms, runsTab, null, true));
        runs.setOnOpenReport(controller::openReport);
        // Never larger than the screen's usable area (at 1280 × 720 the default would hang off the edge).
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(root, Math.min(WIDTH, screen.getWidth()), Math.min(HEIGHT, screen.getHeight()));
        scene.getStylesheets().add(EcgWorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setScene(scene);
        stage.sizeToScene(); // a stage shown before (tests reuse one) takes the scene's size again
        stage.show();
        // Files the desktop asked us to open (LaunchFiles) replace the samples and the demonstration model.
        // (No parameters when a test constructs the app and calls start itself rather than launching it.)
        LaunchFiles files = LaunchFiles.of(getParameters() == null ? List.of() : getParameters().getRaw());
        if (files.models().isEmpty()) suggestions.loadBundled();
        else suggestions.openModel(files.models().get(files.models().size() - 1));
        viewModel.showSamples();
        files.records().forEach(viewModel::open);
    }

    /**
     * A new wizard each time (a fresh scan of the chosen folders), filled from a run's configuration ("Run
     * again") or else the last configuration used; it offers the Dataset room's folders and the Preview
     * room's current pipeline, which pre-fills it when it was opened with "Use this pipeline for training".
     */
    private void openTrainingWizard(Stage stage, TabPane rooms, Tab runsTab, TrainingConfig runConfig, boolean previewPipeline) {
        TrainingWizardViewModel vm = new TrainingWizardViewModel(work, Platform::runLater, DiagnosisCatalogue.standard(),
                runs.viewModel().workspace().root().resolve("pipelines"), preview.viewModel().pipelineProperty(),
                ComputeDetection::detect);
        vm.rememberLastAt(AppConfigDir.resolve().resolve(LAST_TRAINING_FILE));
        if (runConfig != null) vm.applyConfig(runConfig, "the run chosen in the runs room");
        else vm.restoreLast(AppConfigDir.resolve().resolve(LAST_TRAINING_FILE));
        if (previewPipeline) vm.usePreviewPipeline();
        vm.offerFolders(viewModel.datasetBrowser().folders());
        trainingWizardViewModel = vm;
        trainingWizard = TrainingWizard.show(stage, vm, requests -> {
            runs.viewModel().enqueue(requests);
            rooms.getSelectionModel().select(runsTab);
        });
    }

    /** The training wizard's last configuration, in the app's config folder. */
    static final String LAST_TRAINING_FILE = "last-training.json";

    @Override
    public void stop() {
        if (work != null) work.shutdown();
        if (inputs != null) inputs.close();
    }

    /** The suggested-diagnoses panel's view model (for tests and harnesses). */
    public SuggestedDiagnosesViewModel suggestions() {
        return suggestions;
    }

    /** The training wizard opened last, and its view model (for tests: a native folder chooser cannot be driven). */
    public Wizard trainingWizard() {
        return trainingWizard;
    }

    public TrainingWizardViewModel trainingWizardViewModel() {
        return trainingWizardViewModel;
    }

    /** The preview room (for tests and harnesses). */
    public PreviewRoom preview() {
        return preview;
    }

    /** The runs room (for tests and harnesses). */
    public RunsRoom runs() {
        return runs;
    }

    /** The main window's view (for tests and harnesses: opening a report without a file chooser). */
    public MainWindowController controller() {
        return controller;
    }

    /** The main window's view model (for tests and harnesses). */
    public MainViewModel viewModel() {
        return viewModel;
    }
}
