package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.ecgworkbench.app.viewer.Caliper;
import org.ecgworkbench.app.viewer.EcgLayout;
import org.ecgworkbench.app.viewer.EcgPaperLayout;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.app.viewer.PaperDrawing;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench headless (Monocle, see the Surefire settings): it starts with the samples listed,
 * draws the first one, switches layouts, and a caliper dragged with the robot reads a Δt.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class EcgWorkbenchAppTest {

    private EcgWorkbenchApp app;

    @Start
    void start(Stage stage) {
        app = new EcgWorkbenchApp();
        app.start(stage);
    }

    static PaperDrawing waitForDrawing(EcgViewerViewModel viewer, Predicate<PaperDrawing> wanted) throws TimeoutException {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            PaperDrawing d = viewer.lastDrawingProperty().get();
            return d != null && wanted.test(d);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return viewer.lastDrawingProperty().get();
    }

    @Test
    void startsWithTheSamplesListedAndTheFirstDrawnOnPaper(FxRobot robot) throws Exception {
        EcgViewerViewModel viewer = app.viewModel().viewer();
        PaperDrawing first = waitForDrawing(viewer, d -> d.recordId().equals("00001_lr"));
        ListView<?> list = robot.lookup("#recordList").queryListView();
        assertThat(list.getItems()).hasSize(6);
        assertThat(list.getSelectionModel().getSelectedIndex()).isZero();
        // 3 × 4 at 100 Hz: twelve 2.5-s traces of 250 samples and the 10-s lead II strip.
        assertThat(first.traces()).hasSize(13);
        assertThat(first.traces().subList(0, 12)).allSatisfy(t -> assertThat(t.sampleCount()).isEqualTo(250));
        assertThat(first.traces().get(12)).satisfies(t -> {
            assertThat(t.lead()).isEqualTo("II");
            assertThat(t.rhythmStrip()).isTrue();
            assertThat(t.sampleCount()).isEqualTo(1000);
        });
        assertThat(robot.lookup("#idLabel").queryAs(Label.class).getText()).isEqualTo("00001_lr");

        // Another sample, then every lead over its whole length.
        robot.clickOn("A5432");
        PaperDrawing a = waitForDrawing(viewer, d -> d.recordId().equals("A5432"));
        assertThat(a.traces().subList(0, 12)).extracting(PaperDrawing.Trace::sampleCount).containsOnly(1250);
        robot.interact(() -> viewer.layoutProperty().set(EcgLayout.TWELVE_BY_ONE));
        PaperDrawing twelve = waitForDrawing(viewer, d -> d.traces().size() == 12);
        assertThat(twelve.traces()).extracting(PaperDrawing.Trace::lead)
                .containsExactly("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");
        assertThat(twelve.traces()).allSatisfy(t -> {
            assertThat(t.firstSample()).isZero();
            assertThat(t.sampleCount()).isEqualTo(5000);
            assertThat(t.points()).isGreaterThan(500);
        });
        assertThat(robot.lookup("#ageLabel").queryAs(Label.class).getText()).isEqualTo("38");

        // Zoom in with the toolbar: the paper is magnified, every lead keeps its whole 10 s (no paging in time).
        double fitted = viewer.paperLayoutProperty().get().pxPerMm();
        robot.clickOn("#zoomInButton");
        PaperDrawing zoomed = waitForDrawing(viewer, d -> viewer.paperLayoutProperty().get().pxPerMm() > 1.5 * fitted);
        assertThat(zoomed.traces()).isNotEmpty().allSatisfy(t -> {
            assertThat(t.firstSample()).isZero();
            assertThat(t.sampleCount()).isEqualTo(5000);
        });
        ScrollBar timeBar = robot.lookup("#timeBar").queryAs(ScrollBar.class);
        assertThat(timeBar.isDisabled()).isTrue();
        assertThat(viewer.pageSecondsProperty().get()).isEqualTo(10.0);
    }

    @Test
    void aCaliperDraggedWithTheMouseReadsDeltaT(FxRobot robot) throws Exception {
        EcgViewerViewModel viewer = app.viewModel().viewer();
        waitForDrawing(viewer, d -> d.recordId().equals("00001_lr"));
        EcgPaperLayout layout = viewer.paperLayoutProperty().get();
        EcgPaperLayout.Cell strip = layout.cells().get(12);
        Node overlay = robot.lookup("#paperOverlay").query();
        Point2D from = overlay.localToScreen(layout.xPx(strip, 1.0), layout.yPx(strip, 0));
        Point2D to = overlay.localToScreen(layout.xPx(strip, 1.8), layout.yPx(strip, 0.5));
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();

        Caliper caliper = viewer.caliperProperty().get();
        assertThat(caliper).isNotNull();
        // The robot moves in whole pixels: one pixel is 1/pxPerMm mm, ~10 ms at 25 mm/s.
        double msPerPx = layout.millisecondsOf(1);
        assertThat(caliper.deltaMs()).isCloseTo(800, within(2 * msPerPx));
        assertThat(caliper.deltaMv()).isCloseTo(0.5, within(0.05));
        String text = robot.lookup("#caliperLabel").queryAs(Label.class).getText();
        assertThat(text).startsWith("Δt ").contains("ms").contains("bpm");
        assertThat(robot.lookup("#crosshairLabel").queryAs(Label.class).getText()).matches("II  t = 1\\.[78]\\d\\d s  -?\\d+\\.\\d{3} mV");
    }
}
