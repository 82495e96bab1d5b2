package org.ecgworkbench.app;

import java.io.File;
import java.nio.file.Path;
import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import org.ecgworkbench.app.dataset.DatasetBrowserController;
import org.ecgworkbench.app.help.HelpDialogs;
import org.ecgworkbench.app.help.HelpViewModel;
import org.ecgworkbench.app.help.UserGuide;
import org.ecgworkbench.app.measurements.MeasuredStatementsController;
import org.ecgworkbench.app.measurements.MeasurementBlockController;
import org.ecgworkbench.app.report.ReportRoom;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesController;
import org.ecgworkbench.app.viewer.PatientController;
import org.ecgworkbench.app.viewer.ViewerController;

/** The main window's view: binds the FXML controls to {@link MainViewModel}; no logic of its own. */
public final class MainWindowController {

    @FXML private MenuBar menuBar;
    @FXML private Menu recentMenu;
    @FXML private HBox openErrorBanner;
    @FXML private Label openErrorLabel;
    @FXML private Label statusLabel;
    @FXML private TabPane roomTabs;
    @FXML private Tab viewerTab;
    @FXML private Tab datasetTab;
    @FXML private Tab statementsTab;
    // The rooms' views, one per view model (fx:include's controllers).
    @FXML private RecordListController recordsController;
    @FXML private ViewerController viewerController;
    @FXML private PatientController patientController;
    @FXML private SuggestedDiagnosesController suggestionsController;
    @FXML private DatasetBrowserController datasetRoomController;
    @FXML private MeasurementBlockController measurementBlockController;
    @FXML private MeasuredStatementsController measuredStatementsController;

    private MainViewModel viewModel;
    private Runnable onNewTrainingRun = () -> { };
    private final RoomStatus roomStatus = new RoomStatus();
    // Opens nothing on the desktop until the application hands its HostServices (setHelp).
    private HelpViewModel help = HelpViewModel.forThisProcess(uri -> { });

    /** Binds the menus, the tabs and the status bar, and hands each room its view model (suggestions: once connected). */
    public void bind(MainViewModel vm) {
        this.viewModel = vm;
        recordsController.bind(vm);
        viewerController.bind(vm.viewer());
        patientController.bind(vm.viewer());
        datasetRoomController.bind(vm.datasetBrowser());
        measurementBlockController.bind(vm.measurements());
        measuredStatementsController.bind(vm.measurements(), statementsTab.selectedProperty());
        if (vm.suggestions() != null) suggestionsController.bind(vm.suggestions());

        openErrorLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.openErrorProperty().get() == null ? "" : vm.openErrorProperty().get().text(), vm.openErrorProperty()));
        openErrorBanner.visibleProperty().bind(vm.openErrorProperty().isNotNull());
        openErrorBanner.managedProperty().bind(openErrorBanner.visibleProperty());
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecentMenu());
        rebuildRecentMenu();

        // Each room keeps its own last message; the status bar shows the selected room's.
        // The viewer room's: reading records and the suggestions, whichever said something last.
        roomStatus.watch(viewerTab, vm.statusProperty());
        if (vm.suggestions() != null) roomStatus.watch(viewerTab, vm.suggestions().statusProperty());
        roomStatus.watch(viewerTab, vm.measurements().statusProperty());
        roomStatus.watch(datasetTab, vm.datasetBrowser().statusProperty());
        roomStatus.select(roomTabs.getSelectionModel().getSelectedItem());
        roomTabs.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> roomStatus.select(now));
        roomTabs.getTabs().addListener((ListChangeListener<Tab>) c -> {
            while (c.next()) c.getRemoved().forEach(roomStatus::forget);
        });
        statusLabel.textProperty().bind(roomStatus.shownProperty());
        // A long message (a path) is cut at the window's edge: the whole of it on hover.
        Tooltip statusTip = new Tooltip();
        statusTip.textProperty().bind(roomStatus.shownProperty());
        statusLabel.setTooltip(statusTip);

        vm.datasetBrowser().openedInViewerProperty().addListener((o, old, now) -> {
            if (now != null) roomTabs.getSelectionModel().select(viewerTab);
        });
    }

    /** A room added in code (preview, runs): the status bar shows its messages while it is selected. */
    public void showStatusOf(Tab room, ObservableValue<String> status) {
        roomStatus.watch(room, status);
        if (roomTabs.getSelectionModel().getSelectedItem() == room) roomStatus.select(room);
    }

    private void rebuildRecentMenu() {
        recentMenu.getItems().clear();
        for (Path p : viewModel.recentFiles()) {
            MenuItem item = new MenuItem(p.toString());
            item.setMnemonicParsing(false);
            item.setOnAction(e -> viewModel.open(p));
            recentMenu.getItems().add(item);
        }
        recentMenu.setDisable(recentMenu.getItems().isEmpty());
    }

    private Window window() {
        return menuBar.getScene().getWindow();
    }

    @FXML
    private void openFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open ECG record");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("ECG records (*.hea, *.mat, *.dat)", "*.hea", "*.mat", "*.dat"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(window());
        if (file != null) viewModel.open(file.toPath());
    }

    @FXML
    private void openFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of ECG records");
        File dir = chooser.showDialog(window());
        if (dir != null) viewModel.open(dir.toPath());
    }

    @FXML
    private void openModel() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open model");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("ECG Workbench models (*.ecgmodel)", "*.ecgmodel"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(window());
        if (file != null && viewModel.suggestions() != null) viewModel.suggestions().openModel(file.toPath());
    }

    /** Training → New training run… (the workbench opens the wizard). */
    public void setOnNewTrainingRun(Runnable action) {
        onNewTrainingRun = action;
    }

    @FXML
    private void newTrainingRun() {
        onNewTrainingRun.run();
    }

    @FXML
    private void openReport() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a finished run's folder");
        File dir = chooser.showDialog(window());
        if (dir != null) openReport(dir.toPath());
    }

    /**
     * A run's report (or an {@code evaluate --predictions} file's) as a closable room; double-clicking
     * one of its records shows it in the viewer with its suggested diagnoses.
     */
    public void openReport(Path runFolderOrPredictions) {
        Tab tab = ReportRoom.open(runFolderOrPredictions);
        ReportRoom room = (ReportRoom) tab.getContent().getProperties().get(ReportRoom.class);
        roomStatus.watch(tab, room.viewModel().statusProperty());
        room.setOnOpenRecord(record -> {
            viewModel.open(record);
            roomTabs.getSelectionModel().select(viewerTab);
        });
        roomTabs.getTabs().add(tab);
        roomTabs.getSelectionModel().select(tab);
    }

    @FXML
    private void showSamples() {
        viewModel.showSamples();
    }

    /** The Help menu's view model (the application's, with its HostServices as document opener). */
    public void setHelp(HelpViewModel help) {
        this.help = help;
    }

    @FXML
    private void showUserGuide() {
        UserGuide guide = help.openUserGuide();
        if (guide != null) HelpDialogs.showUserGuide(window(), guide, help.statusProperty().get());
        else statusLabel.setText(help.statusProperty().get());
    }

    @FXML
    private void showShortcuts() {
        HelpDialogs.showShortcuts(window(), help.shortcuts(HelpDialogs.shortcutsOf(menuBar, menuBar.getScene())));
    }

    @FXML
    private void showAbout() {
        HelpDialogs.showAbout(window(), help.about());
    }

    @FXML
    private void dismissOpenError() {
        viewModel.dismissOpenError();
    }

    @FXML
    private void exit() {
        Platform.exit();
    }
}
