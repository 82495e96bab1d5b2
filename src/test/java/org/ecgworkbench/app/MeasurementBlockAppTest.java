package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.ecgworkbench.app.measurements.MeasurementsViewModel;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench opens a sample record and prints its measurement block above the paper; the per-lead table, the
 * median beats and the fiducial marks come on demand, and the measured statements sit beside the model's.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class MeasurementBlockAppTest {

    private EcgWorkbenchApp app;

    @Start
    void start(Stage stage) {
        app = new EcgWorkbenchApp();
        app.start(stage);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @Test
    void theBlockTheTableTheMedianBeatsAndTheFiducials(FxRobot robot) throws Exception {
        EcgViewerViewModel viewer = app.viewModel().viewer();
        MeasurementsViewModel measurements = app.viewModel().measurements();
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("00001_lr"));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> measurements.measuredProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        Label intervals = robot.lookup("#intervalsLabel").queryAs(Label.class);
        assertThat(intervals.getText()).matches("Rate \\d+ bpm   PR (\\d+|—) ms   QRS (\\d+|—) ms   QT/QTcB/QTcF .* ms");
        assertThat(robot.lookup("#axesLabel").queryAs(Label.class).getText()).startsWith("P/QRS/T axes ");
        assertThat(robot.lookup("#statementsLabel").queryAs(Label.class).getText()).isNotEmpty();
        assertThat(intervals.getTooltip().getText()).contains("QTc Framingham", "QTc Hodges");

        // On demand: the per-lead table and the median beats; off again, the paper has its room back.
        assertThat(robot.lookup("#leadTable").query().isVisible()).isFalse();
        robot.clickOn("Per-lead table");
        robot.clickOn("Median beats");
        WaitForAsyncUtils.waitForFxEvents();
        TableView<?> table = robot.lookup("#leadTable").queryAs(TableView.class);
        assertThat(table.isVisible()).isTrue();
        assertThat(table.getColumns()).hasSize(16);
        assertThat(table.getItems()).hasSameSizeAs(measurements.measuredProperty().get().measurement().leads());
        Node medians = robot.lookup("#medianBeatsView").query();
        assertThat(medians.isVisible()).isTrue();
        assertThat(medians.getLayoutBounds().getWidth()).isGreaterThan(200);
        robot.clickOn("Per-lead table");
        robot.clickOn("Median beats");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#detail").query().isVisible()).isFalse();

        // Fiducials on the paper.
        assertThat(viewer.fiducialsProperty().get().isEmpty()).isTrue();
        robot.clickOn("#fiducialsToggle");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewer.fiducialsProperty().get().beats()).isNotEmpty();

        // The measured statements beside the model's suggestions.
        robot.clickOn("Statements (measurements)");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#statementsNoteLabel").queryAs(Label.class).getText()).isNotEmpty();
        assertThat(robot.lookup("#statementList").query().isVisible()).isTrue();

        // Another record: measured anew, its id in the status of the viewer room.
        robot.interact(() -> app.viewModel().select(app.viewModel().records().get(1)));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> measurements.measuredProperty().get() != null
                && measurements.measuredProperty().get().record().id().equals("A5432"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#intervalsLabel").queryAs(Label.class).getText()).startsWith("Rate ");
    }
}
