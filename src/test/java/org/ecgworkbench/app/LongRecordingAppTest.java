package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.control.ChoiceBox;
import javafx.stage.Stage;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesViewModel;
import org.ecgworkbench.app.suggestions.WindowTimeline;
import org.ecgworkbench.app.suggestions.WindowTimelineView;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.app.viewer.PaperDrawing;
import org.ecgworkbench.model.ExplainMethod;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.support.FxTest;
import org.ecgworkbench.tools.Screenshots;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench headless on a one-minute recording: the navigator shows the whole record and moves
 * the page, the suggestions get a per-window timeline whose cells move the page too; and the
 * explanation method can be switched to occlusion sensitivity. Writes {@code viewer-long.png}
 * ({@code -Decg.screenshots.dir=docs/images} refreshes the committed one).
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class LongRecordingAppTest {

    private EcgWorkbenchApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new EcgWorkbenchApp();
        app.start(stage);
        Screenshots.sizeWindow(stage);
    }

    /** A real 10-s record played six times over: 60 s at 500 Hz. */
    static EcgRecord sixTimes(EcgRecord r) {
        List<Lead> leads = new ArrayList<>();
        for (Lead l : r.leads()) {
            float[] mv = new float[l.length() * 6];
            for (int k = 0; k < 6; k++) System.arraycopy(l.millivolts(), 0, mv, k * l.length(), l.length());
            leads.add(new Lead(l.name(), l.sourceName(), l.gain(), l.baseline(), l.units(), mv, null, Optional.empty()));
        }
        return new EcgRecord(r.id() + "x6", r.source(), r.fs(), leads, r.age(), r.sex(), r.dx(), r.gainCorrected(), r.warnings(),
                r.header());
    }

    @Test
    void aLongRecordingHasANavigatorAndAPerWindowTimeline(FxRobot robot) throws Exception {
        SuggestedDiagnosesViewModel s = app.suggestions();
        EcgViewerViewModel viewer = app.viewModel().viewer();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> s.shadedProperty().get());
        assertThat(robot.lookup("#recordNavigator").query().isVisible()).as("a 10-s record fits one page").isFalse();
        assertThat(robot.lookup("#windowTimeline").query().isVisible()).isFalse();

        // Occlusion instead of gradient × input, chosen in the panel.
        ChoiceBox<ExplainMethod> method = robot.lookup("#explainMethodChoice").queryAs(ChoiceBox.class);
        robot.interact(() -> method.setValue(ExplainMethod.OCCLUSION));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> s.explanationTextProperty().get().endsWith("(occlusion sensitivity)."));
        assertThat(s.shadedProperty().get()).isTrue();
        robot.interact(() -> method.setValue(ExplainMethod.GRADIENT_X_INPUT));

        EcgRecord longOne = sixTimes(EcgRecordReader.read(Path.of("resources", "samples", "A5432.hea")));
        robot.interact(() -> viewer.recordProperty().set(longOne));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> s.timelineProperty().get() != null);
        WaitForAsyncUtils.waitForFxEvents();

        WindowTimeline t = s.timelineProperty().get();
        assertThat(t.windows()).extracting(WindowTimeline.Span::startSeconds)
                .containsExactly(0.0, 10.0, 20.0, 30.0, 40.0, 50.0);
        assertThat(t.rows()).isNotEmpty();
        assertThat(robot.lookup("#windowTimeline").query().isVisible()).isTrue();
        assertThat(robot.lookup("#recordNavigator").query().isVisible()).isTrue();
        double page = viewer.pageSecondsProperty().get();
        assertThat(viewer.maxStartSecondsProperty().get()).isCloseTo(60 - page, within(1e-9));

        // Clicking three quarters along the navigator centres the page on 45 s.
        Bounds nav = robot.lookup("#recordNavigator").query().localToScreen(robot.lookup("#recordNavigator").query().getBoundsInLocal());
        robot.clickOn(nav.getMinX() + nav.getWidth() * 0.75, nav.getMinY() + nav.getHeight() / 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewer.startSecondsProperty().get()).isCloseTo(Math.min(45 - page / 2, 60 - page), within(0.2));
        // The rhythm strip is drawn from the new start.
        PaperDrawing d = EcgWorkbenchAppTest.waitForDrawing(viewer, x -> x.recordId().equals("A5432x6")
                && x.traces().stream().anyMatch(tr -> tr.rhythmStrip() && tr.firstSample() > 0));
        PaperDrawing.Trace strip = d.traces().stream().filter(PaperDrawing.Trace::rhythmStrip).findFirst().orElseThrow();
        assertThat(strip.firstSample()).isCloseTo((int) Math.round(viewer.startSecondsProperty().get() * 500), within(2));

        // Clicking the timeline's third window shows it from its start (once the explanation is shaded: while it
        // runs, its progress row above the legend moves the timeline).
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !s.explainingProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        Bounds tl = robot.lookup("#windowTimeline").query().localToScreen(robot.lookup("#windowTimeline").query().getBoundsInLocal());
        double plot = tl.getWidth() - WindowTimelineView.LABEL_WIDTH;
        robot.clickOn(tl.getMinX() + WindowTimelineView.LABEL_WIDTH + plot * 25 / 60.0, tl.getMinY() + WindowTimelineView.ROW_HEIGHT / 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewer.startSecondsProperty().get()).isEqualTo(20.0);

        // Zoomed in, the page's time window and the navigator stay; the navigator still moves the page,
        // and the shading stays on the strip drawn (zoom magnifies, it does not re-page).
        robot.interact(viewer::zoomIn);
        assertThat(viewer.pageSecondsProperty().get()).isEqualTo(page);
        assertThat(viewer.startSecondsProperty().get()).isEqualTo(20.0);
        assertThat(robot.lookup("#recordNavigator").query().isVisible()).isTrue();
        robot.clickOn(nav.getMinX() + nav.getWidth() * 0.25, nav.getMinY() + nav.getHeight() / 2);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(viewer.startSecondsProperty().get()).isCloseTo(15 - page / 2, within(0.2));
        PaperDrawing zoomed = EcgWorkbenchAppTest.waitForDrawing(viewer, x -> x.recordId().equals("A5432x6")
                && x.shadedCells() > 0 && x.traces().stream().anyMatch(tr -> tr.lead().equals("I")
                        && tr.firstSample() == (int) Math.round(viewer.startSecondsProperty().get() * 500)));
        assertThat(zoomed.traces()).allSatisfy(tr -> assertThat(tr.sampleCount()).isEqualTo(tr.rhythmStrip() ? 5000 : 1250));
        robot.interact(viewer::zoomToFit);
        robot.clickOn(tl.getMinX() + WindowTimelineView.LABEL_WIDTH + plot * 25 / 60.0, tl.getMinY() + WindowTimelineView.ROW_HEIGHT / 2);
        WaitForAsyncUtils.waitForFxEvents();

        // The picture of a long recording: navigator under the paper, timeline under the suggestions.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> s.shadedProperty().get());
        EcgWorkbenchAppTest.waitForDrawing(viewer, x -> x.recordId().equals("A5432x6") && x.shadedCells() > 0);
        Screenshots.write(robot, stage.getScene().getRoot(), "viewer-long.png");
    }
}
