package org.ecgworkbench.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.ecgworkbench.app.EcgWorkbenchApp;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * A run's report inside the workbench: it opens as a closable room beside the fixed ones, and
 * double-clicking one of its test records shows that record in the viewer with its suggested diagnoses.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class ReportInWorkbenchAppTest {

    private EcgWorkbenchApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new EcgWorkbenchApp();
        app.start(stage);
    }

    @Test
    void aReportRecordOpensInTheViewerWithItsSuggestions(FxRobot robot) throws Exception {
        Path run = ReportFixtures.tinyRun();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.suggestions().rows().size() == 24);
        robot.interact(() -> app.controller().openReport(run));
        TabPane rooms = (TabPane) stage.getScene().getRoot().lookup("#roomTabs");
        Tab report = rooms.getSelectionModel().getSelectedItem();
        assertThat(report.getId()).isEqualTo("reportTab");
        assertThat(report.isClosable()).isTrue();
        assertThat(rooms.getTabs().stream().filter(t -> t != report)).allSatisfy(t -> assertThat(t.isClosable()).isFalse());
        ReportViewModel vm = ((ReportRoom) report.getContent().getProperties().get(ReportRoom.class)).viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.classRows().size() == 24);

        robot.clickOn("Records");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<RecordRow> records = (TableView<RecordRow>) robot.from(report.getContent()).lookup("#recordTable").query();
        RecordRow first = records.getItems().get(0);
        List<Node> rows = new ArrayList<>(robot.from(records).lookup(".table-row-cell").queryAll());
        Node row = rows.stream().filter(r -> r instanceof TableRow<?> tr && first.equals(tr.getItem())).findFirst().orElseThrow();
        robot.doubleClickOn(row);

        var viewer = app.viewModel().viewer();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> viewer.recordProperty().get() != null
                && viewer.recordProperty().get().id().equals(first.id()));
        assertThat(rooms.getSelectionModel().getSelectedItem().getText()).isEqualTo("Viewer");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> app.suggestions().rows().size() == 24
                && app.suggestions().statusProperty().get().startsWith(first.id()));
    }
}
