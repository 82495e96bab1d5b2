package org.ecgworkbench.app;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import javafx.application.Application;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ecgworkbench.label.DiagnosisCatalogue;

/**
 * The desktop workbench. Started through {@link EcgWorkbenchLauncher} (an {@code Application}
 * subclass cannot be the jar's main class on the class path). On start it lists the bundled
 * sample records, shows the first, and loads the bundled demonstration model in the background.
 */
public final class EcgWorkbenchApp extends Application {

    public static final double WIDTH = 1440;
    public static final double HEIGHT = 860;

    private FxBackgroundWork work;
    private MainViewModel viewModel;
    private SuggestedDiagnosesViewModel suggestions;

    @Override
    public void start(Stage stage) {
        work = new FxBackgroundWork();
        EcgViewerViewModel viewer = new EcgViewerViewModel(DiagnosisCatalogue.standard());
        viewModel = new MainViewModel(work, new RecentFiles(AppConfigDir.resolve()), viewer);
        suggestions = new SuggestedDiagnosesViewModel(work, DiagnosisCatalogue.standard(), SuggestedDiagnosesViewModel.bundleLoader());
        suggestions.recordProperty().bind(viewer.recordProperty());
        FXMLLoader loader = new FXMLLoader(EcgWorkbenchApp.class.getResource("MainWindow.fxml"));
        Parent root;
        try {
            root = loader.load();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load the main window", e);
        }
        MainWindowController controller = loader.getController();
        controller.bind(viewModel, suggestions);
        // The preview room is built in code (it needs the viewer's record), then joins the rooms' tabs.
        ((javafx.scene.control.TabPane) root.lookup("#roomTabs")).getTabs().add(PreviewRoom.load(work, viewer.recordProperty()).tab());
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(EcgWorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.titleProperty().bind(viewModel.titleProperty());
        stage.setScene(scene);
        stage.show();
        // Files the desktop asked us to open (LaunchFiles) replace the samples and the demonstration model.
        // (No parameters when a test constructs the app and calls start itself rather than launching it.)
        LaunchFiles files = LaunchFiles.of(getParameters() == null ? List.of() : getParameters().getRaw());
        if (files.models().isEmpty()) suggestions.loadBundled();
        else suggestions.openModel(files.models().get(files.models().size() - 1));
        viewModel.showSamples();
        files.records().forEach(viewModel::open);
    }

    @Override
    public void stop() {
        if (work != null) work.shutdown();
    }

    /** The suggested-diagnoses panel's view model (for tests and harnesses). */
    public SuggestedDiagnosesViewModel suggestions() {
        return suggestions;
    }

    /** The main window's view model (for tests and harnesses). */
    public MainViewModel viewModel() {
        return viewModel;
    }
}
