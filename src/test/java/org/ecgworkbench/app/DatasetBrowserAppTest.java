package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.chart.BarChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.ecgworkbench.app.dataset.DatasetBrowserViewModel;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The dataset room headless: scan the samples and a broken record, filter the table by class and by
 * text, and double-click a row to see the record drawn in the viewer tab.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class DatasetBrowserAppTest {

    @TempDir
    Path broken;

    private EcgWorkbenchApp app;

    @Start
    void start(Stage stage) {
        app = new EcgWorkbenchApp();
        app.start(stage);
    }

    /** Opens these folders in the dataset room (as its Open folder button would) and waits for the scan. */
    static void scan(FxRobot robot, DatasetBrowserViewModel vm, List<Path> folders) throws Exception {
        robot.clickOn("Dataset");
        robot.interact(() -> vm.open(folders));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !vm.scanningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void scansFiltersAndOpensARecordInTheViewer(FxRobot robot) throws Exception {
        EcgViewerViewModel viewer = app.viewModel().viewer();
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("00001_lr"));
        Files.writeString(broken.resolve("X0001.hea"), "X0001 twelve 500\n");
        DatasetBrowserViewModel vm = app.viewModel().datasetBrowser();
        scan(robot, vm, List.of(SampleRecords.folder(), broken));

        TableView<?> table = robot.lookup("#recordTable").queryTableView();
        assertThat(table.getItems()).hasSize(6);
        assertThat(robot.lookup("#failedPane").queryAs(TitledPane.class).getText()).isEqualTo("Failed (1)");
        assertThat(robot.lookup("#failedTable").queryTableView().getItems()).hasSize(1);
        BarChart<?, ?> chart = robot.lookup("#classChart").queryAs(BarChart.class);
        assertThat(chart.getData().get(0).getData()).hasSize(24);

        // By class: Q1805's RBBB is the CRBBB|RBBB class.
        @SuppressWarnings("unchecked")
        ComboBox<DatasetBrowserViewModel.ClassOption> classes = robot.lookup("#classCombo").queryAs(ComboBox.class);
        robot.interact(() -> classes.setValue(classes.getItems().stream()
                .filter(o -> o.text().startsWith("CRBBB|RBBB")).findFirst().orElseThrow()));
        assertThat(table.getItems()).hasSize(1);
        robot.interact(() -> classes.setValue(DatasetBrowserViewModel.ANY_CLASS));
        assertThat(table.getItems()).hasSize(6);

        // By text, typed.
        robot.clickOn("#searchField").write("HR0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize(1);
        assertThat(vm.shownTextProperty().get()).isEqualTo("1 of 6 records");

        // Double-click: the viewer tab shows the record.
        Node row = robot.from(table).lookup(".table-row-cell")
                .match((TableRow<?> r) -> r.getItem() != null && r.isVisible()).query();
        robot.doubleClickOn(row);
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("HR00599"));
        TabPane tabs = robot.lookup("#roomTabs").queryAs(TabPane.class);
        assertThat(tabs.getSelectionModel().getSelectedItem().getText()).isEqualTo("Viewer");
        assertThat(app.viewModel().selectedProperty().get().name()).isEqualTo("HR00599");
    }

    /**
     * Issue 13 point 3: a header without its signal file fails in the header pass, a signal file that does
     * not read fails in the signal pass; both are listed under Failed with the reason, and neither the
     * status nor the empty list ever says "every record read" when the signals were not read.
     */
    @Test
    void unreadableRecordsAreListedUnderFailedAndTheStatusSaysWhatWasChecked(FxRobot robot) throws Exception {
        for (String name : List.of("A5432.hea", "A5432.mat", "Q1805.hea")) {
            Files.copy(SampleRecords.folder().resolve(name), broken.resolve(name));
        }
        Files.write(broken.resolve("Q1805.mat"), new byte[(int) Files.size(SampleRecords.folder().resolve("Q1805.mat"))]);
        Files.writeString(broken.resolve("I0001.hea"), Files.readString(broken.resolve("A5432.hea")).replace("A5432", "I0001"));
        DatasetBrowserViewModel vm = app.viewModel().datasetBrowser();
        scan(robot, vm, List.of(broken));

        TableView<?> table = robot.lookup("#recordTable").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        assertThat(robot.lookup("#failedPane").queryAs(TitledPane.class).getText()).isEqualTo("Failed (2)");
        TableView<?> failed = robot.lookup("#failedTable").queryTableView();
        assertThat(failed.getItems()).hasSize(2);
        String errors = robot.from(failed).lookup(".table-cell").queryAllAs(Labeled.class).stream()
                .map(Labeled::getText).filter(t -> t != null).reduce("", (a, b) -> a + "\n" + b);
        assertThat(errors).contains("I0001.hea", "signal file I0001.mat not found beside the header", "Q1805.hea", "Q1805.mat");
        Label status = robot.lookup("#scanStatus").queryAs(Label.class);
        assertThat(status.getText()).startsWith("1 record indexed, 2 failed").endsWith("headers and signals checked");
        assertThat(robot.lookup("#failedPlaceholder").queryAs(Label.class).getText())
                .doesNotContain("Every record read");
    }
}
