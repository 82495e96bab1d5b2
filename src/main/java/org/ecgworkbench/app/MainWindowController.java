package org.ecgworkbench.app;

import java.io.File;
import java.nio.file.Path;
import java.util.Locale;
import javafx.application.Platform;
import javafx.beans.InvalidationListener;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
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
import org.ecgworkbench.app.report.ReportRoom;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesController;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesViewModel;
import org.ecgworkbench.app.viewer.EcgLayout;
import org.ecgworkbench.app.viewer.EcgPaperView;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.app.viewer.PaperGain;
import org.ecgworkbench.app.viewer.PaperSpeed;
import org.ecgworkbench.app.viewer.PatientSummary;
import org.ecgworkbench.app.viewer.RecordNavigatorView;
import org.ecgworkbench.app.viewer.WarningList;

/** The main window's view: binds the FXML controls to {@link MainViewModel}; no logic of its own. */
public final class MainWindowController {

    @FXML private MenuBar menuBar;
    @FXML private Menu recentMenu;
    @FXML private ListView<RecordEntry> recordList;
    @FXML private ChoiceBox<EcgLayout> layoutChoice;
    @FXML private ChoiceBox<PaperSpeed> speedChoice;
    @FXML private ChoiceBox<PaperGain> gainChoice;
    @FXML private Button zoomInButton;
    @FXML private Button zoomOutButton;
    @FXML private Button zoomFitButton;
    @FXML private HBox openErrorBanner;
    @FXML private Label openErrorLabel;
    @FXML private Label zoomLabel;
    @FXML private ScrollPane paperScroll;
    @FXML private EcgPaperView paperView;
    @FXML private RecordNavigatorView navigator;
    @FXML private ScrollBar timeBar;
    @FXML private Label caliperLabel;
    @FXML private Label crosshairLabel;
    @FXML private Label idLabel;
    @FXML private Label ageLabel;
    @FXML private Label sexLabel;
    @FXML private Label fsLabel;
    @FXML private Label durationLabel;
    @FXML private Label sourceLabel;
    @FXML private ListView<String> diagnosisList;
    @FXML private WarningList warningList;
    @FXML private Label statusLabel;
    @FXML private SuggestedDiagnosesController suggestionsController;
    @FXML private TabPane roomTabs;
    @FXML private Tab viewerTab;
    @FXML private Tab datasetTab;
    @FXML private DatasetBrowserController datasetRoomController;

    private MainViewModel viewModel;
    private SuggestedDiagnosesViewModel suggestions;
    private Runnable onNewTrainingRun = () -> { };
    private final RoomStatus roomStatus = new RoomStatus();
    // Opens nothing on the desktop until the application hands its HostServices (setHelp).
    private HelpViewModel help = HelpViewModel.forThisProcess(uri -> { });

    public void bind(MainViewModel vm) {
        this.viewModel = vm;
        EcgViewerViewModel viewer = vm.viewer();

        recordList.setItems(vm.records());
        // The user's choice is read; the view model's selection (the record shown) is mirrored back.
        recordList.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null && now != vm.selectedProperty().get()) vm.select(now);
        });
        vm.selectedProperty().addListener((o, old, now) -> {
            if (now == null) recordList.getSelectionModel().clearSelection();
            else recordList.getSelectionModel().select(now);
        });
        openErrorLabel.textProperty().bind(Bindings.createStringBinding(
                () -> vm.openErrorProperty().get() == null ? "" : vm.openErrorProperty().get().text(), vm.openErrorProperty()));
        openErrorBanner.visibleProperty().bind(vm.openErrorProperty().isNotNull());
        openErrorBanner.managedProperty().bind(openErrorBanner.visibleProperty());
        vm.recentFiles().addListener((ListChangeListener<Path>) c -> rebuildRecentMenu());
        rebuildRecentMenu();

        layoutChoice.getItems().setAll(EcgLayout.values());
        layoutChoice.valueProperty().bindBidirectional(viewer.layoutProperty());
        speedChoice.getItems().setAll(PaperSpeed.values());
        speedChoice.valueProperty().bindBidirectional(viewer.speedProperty());
        gainChoice.getItems().setAll(PaperGain.values());
        gainChoice.valueProperty().bindBidirectional(viewer.gainProperty());
        zoomLabel.textProperty().bind(Bindings.when(viewer.zoomProperty().lessThanOrEqualTo(1)).then("Fit")
                .otherwise(viewer.zoomProperty().asString(Locale.ROOT, "%.0f×")));
        zoomInButton.disableProperty().bind(viewer.zoomProperty().greaterThanOrEqualTo(EcgViewerViewModel.MAX_ZOOM));
        zoomOutButton.disableProperty().bind(viewer.zoomProperty().lessThanOrEqualTo(1));
        zoomFitButton.disableProperty().bind(viewer.zoomProperty().lessThanOrEqualTo(1));

        paperView.bind(viewer);
        // The viewport's size sets the fitted scale; its position (scrolled) is the part of the paper drawn.
        paperScroll.viewportBoundsProperty().addListener((o, old, now) -> {
            if (now.getWidth() > 0 && now.getHeight() > 0) {
                viewer.viewportWidthProperty().set(now.getWidth());
                viewer.viewportHeightProperty().set(now.getHeight());
            }
        });
        InvalidationListener visibleArea = o -> showVisibleArea();
        paperScroll.viewportBoundsProperty().addListener(visibleArea);
        paperScroll.hvalueProperty().addListener(visibleArea);
        paperScroll.vvalueProperty().addListener(visibleArea);
        paperView.widthProperty().addListener(visibleArea);
        paperView.heightProperty().addListener(visibleArea);

        navigator.bind(viewer);
        navigator.visibleProperty().bind(viewer.maxStartSecondsProperty().greaterThan(0));
        navigator.managedProperty().bind(navigator.visibleProperty());
        timeBar.setMin(0);
        timeBar.maxProperty().bind(viewer.maxStartSecondsProperty());
        timeBar.disableProperty().bind(viewer.maxStartSecondsProperty().lessThanOrEqualTo(0));
        timeBar.valueProperty().bindBidirectional(viewer.startSecondsProperty());
        viewer.paperLayoutProperty().addListener((o, old, now) -> {
            if (now != null) {
                timeBar.setVisibleAmount(now.pageSeconds());
                timeBar.setBlockIncrement(now.pageSeconds() / 2);
                timeBar.setUnitIncrement(now.pageSeconds() / 20);
            }
        });

        caliperLabel.textProperty().bind(viewer.caliperTextProperty());
        crosshairLabel.textProperty().bind(viewer.crosshairTextProperty());
        viewer.patientProperty().addListener((o, old, now) -> showPatient(now));
        showPatient(viewer.patientProperty().get());
        diagnosisList.setCellFactory(l -> wrappingCell(l));

        // Each room keeps its own last message; the status bar shows the selected room's.
        roomStatus.watch(viewerTab, vm.statusProperty());
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

        datasetRoomController.bind(vm.datasetBrowser());
        vm.datasetBrowser().openedInViewerProperty().addListener((o, old, now) -> {
            if (now != null) roomTabs.getSelectionModel().select(viewerTab);
        });
    }

    /** The suggested-diagnoses panel; its status messages go to the status bar too. */
    public void bind(MainViewModel vm, SuggestedDiagnosesViewModel s) {
        bind(vm);
        this.suggestions = s;
        suggestionsController.bind(s, vm.viewer());
        // The viewer room's status: reading records and the suggestions, whichever said something last.
        roomStatus.watch(viewerTab, s.statusProperty());
    }

    /** A room added in code (preview, runs): the status bar shows its messages while it is selected. */
    public void showStatusOf(Tab room, javafx.beans.value.ObservableValue<String> status) {
        roomStatus.watch(room, status);
        if (roomTabs.getSelectionModel().getSelectedItem() == room) roomStatus.select(room);
    }

    /** The rooms' status messages behind the status bar (for tests). */
    public RoomStatus roomStatus() {
        return roomStatus;
    }

    /** The scroll pane's visible part of the paper, in the paper's coordinates (scroll values are 0…1). */
    private void showVisibleArea() {
        var viewport = paperScroll.getViewportBounds();
        double x = paperScroll.getHvalue() * Math.max(0, paperView.getWidth() - viewport.getWidth());
        double y = paperScroll.getVvalue() * Math.max(0, paperView.getHeight() - viewport.getHeight());
        paperView.showArea(x, y, viewport.getWidth(), viewport.getHeight());
    }

    private static ListCell<String> wrappingCell(ListView<String> list) {
        ListCell<String> cell = new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.setWrapText(true);
        cell.prefWidthProperty().bind(list.widthProperty().subtract(20));
        return cell;
    }

    private void showPatient(PatientSummary p) {
        idLabel.setText(p.id());
        ageLabel.setText(p.age());
        sexLabel.setText(p.sex());
        fsLabel.setText(p.sampling());
        durationLabel.setText(p.duration());
        sourceLabel.setText(p.source());
        diagnosisList.getItems().setAll(p.diagnoses().isEmpty() ? java.util.List.of("(none in the header)") : p.diagnoses());
        warningList.show(p.warnings());
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
        return recordList.getScene().getWindow();
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
        if (file != null && suggestions != null) suggestions.openModel(file.toPath());
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

    @FXML
    private void zoomIn() {
        viewModel.viewer().zoomIn();
    }

    @FXML
    private void zoomOut() {
        viewModel.viewer().zoomOut();
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
    private void zoomToFit() {
        viewModel.viewer().zoomToFit();
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
