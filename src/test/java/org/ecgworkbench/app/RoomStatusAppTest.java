package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Orientation;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.stage.Stage;
import org.assertj.core.data.Offset;
import org.ecgworkbench.app.dataset.DatasetBrowserViewModel;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.app.viewer.WarningList;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * At 1280×720: the status bar shows the selected room's own last message (switching to the dataset
 * room and back shows the viewer's again), and the reader-warnings box is as tall as its warnings.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class RoomStatusAppTest {

    private EcgWorkbenchApp app;

    @Start
    void start(Stage stage) {
        app = new EcgWorkbenchApp();
        app.start(stage);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    @Test
    void eachRoomKeepsItsOwnStatusMessage(FxRobot robot) throws Exception {
        EcgViewerViewModel viewer = app.viewModel().viewer();
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("00001_lr"));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.suggestions().statusProperty().get().startsWith("00001_lr"));
        WaitForAsyncUtils.waitForFxEvents();
        Label bar = robot.lookup("#statusLabel").queryAs(Label.class);
        String viewerMessage = bar.getText();
        assertThat(viewerMessage).startsWith("00001_lr");

        DatasetBrowserViewModel dataset = app.viewModel().datasetBrowser();
        DatasetBrowserAppTest.scan(robot, dataset, List.of(SampleRecords.folder()));
        String datasetMessage = dataset.statusProperty().get();
        assertThat(bar.getText()).isEqualTo(datasetMessage).isNotEqualTo(viewerMessage);

        robot.clickOn("Viewer");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.getText()).isEqualTo(viewerMessage);
        robot.clickOn("Dataset");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.getText()).isEqualTo(datasetMessage);
        robot.clickOn("Preview");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !app.preview().viewModel().statusProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(bar.getText()).isEqualTo(app.preview().viewModel().statusProperty().get());
    }

    @TempDir
    Path temp;

    /**
     * Samples with no warning and with one of two lines: the box fits its lines exactly, with no
     * scroll bar. A copy of E00009 whose header has two more faults (three long warnings): the box
     * grows up to its cap and scrolls only what is beyond it.
     */
    @Test
    void theWarningsBoxGrowsToItsContent(FxRobot robot) throws Exception {
        EcgViewerViewModel viewer = app.viewModel().viewer();
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("00001_lr"));
        WarningList box = robot.lookup("#warningList").queryAs(WarningList.class);
        for (String id : List.of("A5432", "E00009", "00001_lr")) {
            robot.clickOn(id);
            EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals(id));
            fitsItsWarnings(box, viewer.patientProperty().get().warnings(), id);
        }
        Files.copy(SampleRecords.folder().resolve("E00009.mat"), temp.resolve("E00009.mat"));
        List<String> header = new ArrayList<>(Files.readAllLines(SampleRecords.folder().resolve("E00009.hea")));
        header.set(0, header.get(0) + " surplus");
        header.add(13, header.get(12));
        Files.write(temp.resolve("E00009.hea"), header);
        robot.interact(() -> app.viewModel().open(temp.resolve("E00009.hea")));
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("E00009") && viewer.patientProperty().get().warnings().size() == 3);
        fitsItsWarnings(box, viewer.patientProperty().get().warnings(), "E00009 with three warnings");
    }

    private static void fitsItsWarnings(WarningList box, List<String> warnings, String what) {
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(box.shownTexts()).isEqualTo(warnings.isEmpty() ? List.of("(none)") : warnings);
        double insets = box.snappedTopInset() + box.snappedBottomInset();
        double content = box.getContent().getLayoutBounds().getHeight();
        boolean overCap = content + insets > WarningList.DEFAULT_MAX_HEIGHT + 1;
        assertThat(box.getHeight()).as(what + ": box height against its content")
                .isCloseTo(overCap ? WarningList.DEFAULT_MAX_HEIGHT : content + insets, Offset.offset(1.5));
        assertThat(box.lookupAll(".scroll-bar").stream().anyMatch(n -> n instanceof ScrollBar s
                && s.getOrientation() == Orientation.VERTICAL && s.isVisible())).as(what + ": scroll bar").isEqualTo(overCap);
    }
}
