package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.ScrollPane;
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
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Issue 13, points 2 and 4, at 1280 × 720: the paper fits the window by default (no scroll bars, no
 * empty band, 12 × 1 included), zoom magnifies it and keeps every lead's time window, calipers measure
 * right on the zoomed paper; and a header without its signal never shows another patient under its name.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class ViewerFitZoomAndOpenErrorAppTest {

    private EcgWorkbenchApp app;
    private Stage stage;

    @TempDir
    Path data;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new EcgWorkbenchApp();
        app.start(stage);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    private static List<ScrollBar> visibleBars(ScrollPane pane) {
        return pane.lookupAll(".scroll-bar").stream().filter(n -> n instanceof ScrollBar && n.isVisible()
                && ((ScrollBar) n).getParent() != null).map(n -> (ScrollBar) n).toList();
    }

    private static boolean hasBar(ScrollPane pane, Orientation o) {
        return visibleBars(pane).stream().anyMatch(b -> b.getOrientation() == o);
    }

    /** Waits until the paper was drawn for the current layout (after a resize or zoom settles). */
    private static EcgPaperLayout settled(EcgViewerViewModel viewer, ScrollPane pane) throws Exception {
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            EcgPaperLayout l = viewer.paperLayoutProperty().get();
            Bounds vp = pane.getViewportBounds();
            return l != null && viewer.lastDrawingProperty().get() != null
                    && Math.abs(viewer.viewportWidthProperty().get() - vp.getWidth()) < 0.5
                    && Math.abs(viewer.viewportHeightProperty().get() - vp.getHeight()) < 0.5;
        });
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitForFxEvents();
        return viewer.paperLayoutProperty().get();
    }

    private static void assertFitsWithoutScrollingOrBand(EcgPaperLayout l, ScrollPane pane, Canvas canvas) {
        Bounds vp = pane.getViewportBounds();
        assertThat(visibleBars(pane)).isEmpty();
        // The whole paper is in the viewport, as large as fits (one side touches) ...
        assertThat(l.paperWidthPx()).isLessThanOrEqualTo(vp.getWidth() + 0.5);
        assertThat(l.paperHeightPx()).isLessThanOrEqualTo(vp.getHeight() + 0.5);
        assertThat(Math.max(l.paperWidthPx() / vp.getWidth(), l.paperHeightPx() / vp.getHeight())).isGreaterThan(0.99);
        // ... and the drawn paper covers the whole viewport: no band of bare background.
        assertThat(canvas.getWidth()).isGreaterThanOrEqualTo(Math.floor(vp.getWidth()));
        assertThat(canvas.getHeight()).isGreaterThanOrEqualTo(Math.floor(vp.getHeight()));
    }

    @Test
    void theFittedPaperFillsTheWindowAndZoomMagnifiesItWithTheSameLeadWindows(FxRobot robot) throws Exception {
        EcgViewerViewModel viewer = app.viewModel().viewer();
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("00001_lr"));
        assertThat(stage.getScene().getWidth()).isEqualTo(1280);
        assertThat(stage.getScene().getHeight()).isEqualTo(720);
        ScrollPane pane = robot.lookup("#paperScroll").queryAs(ScrollPane.class);
        Canvas canvas = robot.lookup("#paperCanvas").queryAs(Canvas.class);

        // Fit (the default): the whole 3 × 4 page, thirteen traces, no scrolling, no empty band.
        EcgPaperLayout fit = settled(viewer, pane);
        assertThat(robot.lookup("#zoomLabel").queryAs(Label.class).getText()).isEqualTo("Fit");
        assertFitsWithoutScrollingOrBand(fit, pane, canvas);
        assertThat(viewer.lastDrawingProperty().get().traces()).hasSize(13);

        // Zoom in twice (4×): the paper is four times larger and scrolls both ways; each lead still shows 2.5 s.
        robot.clickOn("#zoomInButton").clickOn("#zoomInButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hasBar(pane, Orientation.HORIZONTAL) && hasBar(pane, Orientation.VERTICAL));
        EcgPaperLayout zoomed = settled(viewer, pane);
        assertThat(robot.lookup("#zoomLabel").queryAs(Label.class).getText()).isEqualTo("4×");
        assertThat(zoomed.pxPerMm()).isCloseTo(4 * zoomed.fittedPxPerMm(), within(1e-9));
        assertThat(zoomed.paperWidthPx()).isGreaterThan(3.5 * pane.getViewportBounds().getWidth());
        assertThat(zoomed.pageSeconds()).isEqualTo(fit.pageSeconds());
        for (int i = 0; i < zoomed.cells().size(); i++) {
            EcgPaperLayout.Cell c = zoomed.cells().get(i);
            assertThat(c.startSeconds()).isEqualTo(fit.cells().get(i).startSeconds());
            assertThat(c.sampleCount()).isEqualTo(fit.cells().get(i).sampleCount());
        }
        assertThat(zoomed.cells().get(6).label()).isEqualTo("V1");
        assertThat(zoomed.cells().get(6).endSeconds() - zoomed.cells().get(6).startSeconds()).isCloseTo(2.5, within(1e-9));
        // Only the visible part is drawn, with the leads' full windows; the navigator stays away (10 s is one page).
        assertThat(viewer.lastDrawingProperty().get().traces()).isNotEmpty().hasSizeLessThan(13)
                .allSatisfy(t -> assertThat(t.sampleCount()).isEqualTo(t.rhythmStrip() ? 1000 : 250));
        assertThat(robot.lookup("#recordNavigator").query().isVisible()).isFalse();

        // Scroll to V1 (third column, first row) and lay a caliper of 0.4 s on it at 4×.
        EcgPaperLayout.Cell v1 = zoomed.cells().get(6);
        double targetX = zoomed.xPx(v1, 5.5) - 100;
        double targetY = zoomed.toPx(v1.topMm()) - 20;
        Node view = robot.lookup("#paperView").query();
        robot.interact(() -> {
            pane.setHvalue(targetX / (view.getLayoutBounds().getWidth() - pane.getViewportBounds().getWidth()));
            pane.setVvalue(targetY / (view.getLayoutBounds().getHeight() - pane.getViewportBounds().getHeight()));
        });
        PaperDrawing atV1 = EcgWorkbenchAppTest.waitForDrawing(viewer,
                d -> d.traces().stream().anyMatch(t -> t.lead().equals("V1")));
        assertThat(atV1.traces()).noneMatch(t -> t.lead().equals("I"));
        Point2D from = view.localToScreen(zoomed.xPx(v1, 5.6), zoomed.yPx(v1, 0));
        Point2D to = view.localToScreen(zoomed.xPx(v1, 6.0), zoomed.yPx(v1, 0.5));
        robot.drag(from, MouseButton.PRIMARY).moveTo(to).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitForFxEvents();
        Caliper caliper = viewer.caliperProperty().get();
        assertThat(caliper).isNotNull();
        assertThat(caliper.deltaMs()).isCloseTo(400, within(2 * zoomed.millisecondsOf(1)));
        assertThat(caliper.deltaMv()).isCloseTo(0.5, within(0.02));
        assertThat(robot.lookup("#crosshairLabel").queryAs(Label.class).getText()).matches("V1  t = (5\\.99|6\\.00)\\d s .*");

        // Fit to window: back to the whole page, no scroll bars.
        robot.clickOn("#zoomFitButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> visibleBars(pane).isEmpty());
        assertFitsWithoutScrollingOrBand(settled(viewer, pane), pane, canvas);

        // 12 × 1 at fit: all twelve leads without scrolling.
        robot.interact(() -> viewer.layoutProperty().set(EcgLayout.TWELVE_BY_ONE));
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.traces().size() == 12);
        EcgPaperLayout twelve = settled(viewer, pane);
        assertFitsWithoutScrollingOrBand(twelve, pane, canvas);
        assertThat(viewer.lastDrawingProperty().get().traces()).hasSize(12);

        // Double-click V1 on the 3 × 4 page: V1 alone over the whole 10 s, and it stays alone when zoomed.
        robot.interact(() -> viewer.layoutProperty().set(EcgLayout.THREE_BY_FOUR));
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.traces().size() == 13);
        EcgPaperLayout page = settled(viewer, pane);
        EcgPaperLayout.Cell pageV1 = page.cells().get(6);
        robot.doubleClickOn(view.localToScreen(page.xPx(pageV1, 5.5), page.yPx(pageV1, 0)), MouseButton.PRIMARY);
        PaperDrawing alone = EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.traces().size() == 1);
        assertThat(alone.traces().get(0).lead()).isEqualTo("V1");
        assertThat(alone.traces().get(0).sampleCount()).isEqualTo(1000);
        assertFitsWithoutScrollingOrBand(settled(viewer, pane), pane, canvas);
        robot.clickOn("#zoomInButton");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> hasBar(pane, Orientation.HORIZONTAL));
        assertThat(settled(viewer, pane).cells()).singleElement().satisfies(c -> assertThat(c.label()).isEqualTo("V1"));
    }

    @Test
    void aHeaderWithoutItsSignalLeavesTheGoodRecordSelectedAndNamesTheBadFileInABanner(FxRobot robot) throws Exception {
        EcgViewerViewModel viewer = app.viewModel().viewer();
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("00001_lr"));
        Path headerOnly = Files.copy(SampleRecords.folder().resolve("Q1805.hea"), data.resolve("Q1805.hea"));
        Node banner = robot.lookup("#openErrorBanner").query();
        assertThat(banner.isVisible()).isFalse();

        robot.clickOn("A5432");
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("A5432"));
        robot.interact(() -> app.viewModel().open(headerOnly));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, banner::isVisible);
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> list = robot.lookup("#recordList").queryListView();
        // The samples include a good Q1805; the failed file's entry must not join them.
        assertThat(app.viewModel().records()).hasSize(6).noneMatch(e -> e.path().equals(headerOnly));
        assertThat(list.getSelectionModel().getSelectedItem()).hasToString("A5432");
        assertThat(stage.getTitle()).endsWith("A5432");
        assertThat(robot.lookup("#idLabel").queryAs(Label.class).getText()).isEqualTo("A5432");
        assertThat(viewer.lastDrawingProperty().get().recordId()).isEqualTo("A5432");
        String text = robot.lookup("#openErrorLabel").queryAs(Label.class).getText();
        assertThat(text).contains(headerOnly.toString()).contains("Q1805.mat");
        // The banner is on screen, inside the window, above the paper.
        Bounds b = banner.localToScene(banner.getLayoutBounds());
        assertThat(b.getHeight()).isGreaterThan(10);
        assertThat(b.getMaxY()).isLessThan(720);

        // Selecting an entry whose files vanished goes back to the record shown, with the banner.
        robot.interact(() -> app.viewModel().dismissOpenError());
        assertThat(banner.isVisible()).isFalse();
        Path copy = data.resolve("copy");
        Files.createDirectories(copy);
        for (String f : new String[] {"HR00599.hea", "HR00599.mat", "Q2428.hea", "Q2428.mat"}) {
            Files.copy(SampleRecords.folder().resolve(f), copy.resolve(f));
        }
        robot.interact(() -> app.viewModel().open(copy));
        EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("HR00599"));
        Files.delete(copy.resolve("Q2428.mat"));
        robot.clickOn("Q2428");
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, banner::isVisible);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(list.getSelectionModel().getSelectedItem()).hasToString("HR00599");
        assertThat(stage.getTitle()).endsWith("HR00599");
        assertThat(robot.lookup("#openErrorLabel").queryAs(Label.class).getText()).contains("Q2428");

        // Dismiss hides it.
        robot.clickOn("#dismissOpenErrorButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(banner.isVisible()).isFalse();
    }
}
