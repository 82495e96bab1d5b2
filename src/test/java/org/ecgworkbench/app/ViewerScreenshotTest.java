package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesViewModel;
import org.ecgworkbench.app.viewer.EcgPaperLayout;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.support.FxTest;
import org.ecgworkbench.tools.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the viewer screenshot of the README: the main window with sample HR00599 on paper, its
 * suggested diagnoses, the explanation shading of the predicted classes and a caliper across one RR interval. Into {@code target/screenshots/} on every build; to refresh the
 * committed picture run
 * {@code mvn -B -o test -Dtest=ViewerScreenshotTest -Decg.screenshots.dir=docs/images}.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class ViewerScreenshotTest {

    private EcgWorkbenchApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new EcgWorkbenchApp();
        app.start(stage);
        Screenshots.sizeWindow(stage);
    }

    @Test
    void writesTheViewerScreenshot(FxRobot robot) throws Exception {
        EcgViewerViewModel viewer = app.viewModel().viewer();
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("00001_lr"));
        robot.clickOn("HR00599");
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("HR00599"));
        // The suggested diagnoses and where the model looked for the predicted classes.
        SuggestedDiagnosesViewModel suggestions = app.suggestions();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> suggestions.shadedProperty().get()
                && suggestions.shadingProperty().get().recordId().equals("HR00599"));
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("HR00599") && d.shadedCells() > 0);

        EcgPaperLayout layout = viewer.paperLayoutProperty().get();
        EcgPaperLayout.Cell strip = layout.cells().get(12);
        Node overlay = robot.lookup("#paperOverlay").query();
        // The caliper from one R peak of lead II to the next, as a clinician would lay it.
        var record = viewer.recordProperty().get();
        float[] ii = record.leads().get(1).millivolts();
        int r1 = rPeakAfter(ii, (int) (1.0 * record.fs()), (int) (1.0 * record.fs()));
        int r2 = rPeakAfter(ii, r1 + (int) (0.3 * record.fs()), (int) (0.06 * record.fs()), 0.7f * ii[r1]);
        Point2D from = overlay.localToScreen(layout.sampleXPx(strip, r1), layout.yPx(strip, ii[r1]));
        Point2D to = overlay.localToScreen(layout.sampleXPx(strip, r2), layout.yPx(strip, ii[r2]));
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        robot.moveTo(overlay.localToScreen(layout.xPx(layout.cells().get(7), 6.1), layout.yPx(layout.cells().get(7), 0.3)));
        WaitForAsyncUtils.waitForFxEvents();

        BufferedImage image = Screenshots.write(robot, stage.getScene().getRoot(), "viewer.png");
        assertThat(image.getWidth()).isEqualTo((int) Screenshots.WIDTH);
    }

    /** The largest sample in {@code [from, from + span)}. */
    static int rPeakAfter(float[] x, int from, int span) {
        int best = from;
        for (int i = from; i < Math.min(x.length, from + span); i++) if (x[i] > x[best]) best = i;
        return best;
    }

    /** The local maximum (over {@code span}) of the first sample from {@code from} on that exceeds {@code threshold}. */
    static int rPeakAfter(float[] x, int from, int span, float threshold) {
        int i = from;
        while (i < x.length - 1 && x[i] < threshold) i++;
        return rPeakAfter(x, i, span);
    }
}
