package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.ecgworkbench.app.dataset.DatasetBrowserViewModel;
import org.ecgworkbench.app.preview.PreviewRoomTest;
import org.ecgworkbench.app.report.ReportFixtures;
import org.ecgworkbench.app.report.ReportRoom;
import org.ecgworkbench.app.report.ReportViewModel;
import org.ecgworkbench.app.runs.RunViewModel;
import org.ecgworkbench.runs.RunWorkspace;
import org.ecgworkbench.app.runs.RunsViewModel;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * No label, button, tab, choice, titled pane, menu or column header is cut short ("…") in any room at
 * 1280×720 or at 1920×1080: the viewer with a sample and its suggestions, the dataset room after a scan
 * of the samples (and of {@code ../shared/data} when present), the preview, the runs room's dashboard
 * and comparison of two finished runs, and a run's report with each of its tabs. A failure lists every
 * cut text with its room and node (see {@link CutTextCheck}).
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class NoCutTextAppTest {

    private EcgWorkbenchApp app;
    private Stage stage;
    private Path workspace;
    private String workspaceBefore;

    @Start
    void start(Stage stage) throws IOException {
        this.stage = stage;
        // A workspace of its own holding two copies of a real finished run, so the runs room can compare them.
        Path run = ReportFixtures.tinyRun();
        workspace = Files.createTempDirectory("cut-text-workspace");
        copyTree(run, workspace.resolve("runs").resolve("20260101-120000-resnet18-x0.125-lr-3e-3"));
        copyTree(run, workspace.resolve("runs").resolve("20260101-130000-resnet18-x0.125-lr-3e-3-again"));
        workspaceBefore = System.getProperty(RunWorkspace.PROPERTY);
        System.setProperty(RunWorkspace.PROPERTY, workspace.toString());
        app = new EcgWorkbenchApp();
        app.start(stage);
    }

    @AfterEach
    void restore() throws IOException {
        if (workspaceBefore == null) System.clearProperty(RunWorkspace.PROPERTY);
        else System.setProperty(RunWorkspace.PROPERTY, workspaceBefore);
        deleteTree(workspace);
    }

    @Test
    void nothingIsCutAt1280x720(FxRobot robot) throws Exception {
        assertThat(walkEveryRoom(robot, 1280, 720)).isEmpty();
    }

    @Test
    void nothingIsCutAt1920x1080(FxRobot robot) throws Exception {
        assertThat(walkEveryRoom(robot, 1920, 1080)).isEmpty();
    }

    /** Opens every room at this window size, each in the state a user sees it in, and collects the cut texts. */
    private List<String> walkEveryRoom(FxRobot robot, double width, double height) throws Exception {
        robot.interact(() -> {
            // At the screen's corner: a window reaching past the headless screen's edge cannot be painted.
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(stage.getScene().getWidth()).isEqualTo(width);
        assertThat(stage.getScene().getHeight()).isEqualTo(height);
        TabPane rooms = (TabPane) stage.getScene().getRoot().lookup("#roomTabs");
        List<CutTextCheck.Cut> cuts = new ArrayList<>();

        // Viewer: the first sample on paper with its suggested diagnoses.
        EcgWorkbenchAppTest.waitForDrawing(app.viewModel().viewer(), d -> d.recordId().equals("00001_lr"));
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> app.suggestions().rows().size() == 24
                && app.suggestions().statusProperty().get().startsWith("00001_lr"));
        cuts.addAll(check(robot, rooms, "viewerTab"));

        // Dataset: the samples and, when present, the shared records scanned.
        List<Path> folders = new ArrayList<>(List.of(SampleRecords.folder()));
        Path shared = Path.of(System.getProperty("ecg.shared.data", "../shared/data"));
        if (Files.isDirectory(shared)) folders.add(shared);
        DatasetBrowserViewModel dataset = app.viewModel().datasetBrowser();
        select(robot, rooms, "datasetTab");
        robot.interact(() -> dataset.open(folders));
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> !dataset.scanningProperty().get());
        cuts.addAll(check(robot, rooms, "datasetTab"));

        // Preview: the shown record through the default pipeline.
        select(robot, rooms, "previewTab");
        PreviewRoomTest.waitForDrawn(app.preview().viewModel(), r -> r.recordId().equals("00001_lr"));
        cuts.addAll(check(robot, rooms, "previewTab"));

        // Runs: the dashboard of a finished run, then both runs compared.
        RunsViewModel runs = app.runs().viewModel();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runs.runs().size() == 2);
        robot.interact(() -> runs.selectedProperty().set(runs.runs().get(0)));
        cuts.addAll(check(robot, rooms, "runsTab"));
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<RunViewModel> list = (ListView<RunViewModel>) app.runs().root().lookup("#runList");
            list.getSelectionModel().selectAll();
        });
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> runs.comparison().size() == 2);
        cuts.addAll(checkEachInnerTab(robot, rooms, app.runs().root(), "runsTab"));

        // Report: the run's report, each of its tabs.
        robot.interact(() -> app.controller().openReport(runs.runs().get(0).folder()));
        Tab report = rooms.getSelectionModel().getSelectedItem();
        ReportViewModel vm = ((ReportRoom) report.getContent().getProperties().get(ReportRoom.class)).viewModel();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> vm.classRows().size() == 24);
        cuts.addAll(checkEachInnerTab(robot, rooms, report.getContent(), report.getId()));
        robot.interact(() -> rooms.getTabs().remove(report));
        return cuts.stream().map(c -> (int) width + "×" + (int) height + " " + c).toList();
    }

    private static void select(FxRobot robot, TabPane rooms, String tabId) {
        robot.interact(() -> rooms.getSelectionModel().select(
                rooms.getTabs().stream().filter(t -> tabId.equals(t.getId())).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    /** Selects the room and checks the whole window (menu bar, room tabs, the room, the status bar). */
    private List<CutTextCheck.Cut> check(FxRobot robot, TabPane rooms, String tabId) {
        select(robot, rooms, tabId);
        List<CutTextCheck.Cut> cuts = new ArrayList<>();
        robot.interact(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
            cuts.addAll(CutTextCheck.cuts(tabId, stage.getScene().getRoot()));
        });
        return cuts;
    }

    /** Checks the room once per tab of the tab panes inside it. */
    private List<CutTextCheck.Cut> checkEachInnerTab(FxRobot robot, TabPane rooms, Node room, String tabId) {
        select(robot, rooms, tabId);
        List<CutTextCheck.Cut> cuts = new ArrayList<>();
        List<TabPane> inner = new ArrayList<>();
        robot.interact(() -> room.lookupAll(".tab-pane").forEach(n -> inner.add((TabPane) n)));
        for (TabPane pane : inner) {
            for (Tab tab : List.copyOf(pane.getTabs())) {
                robot.interact(() -> pane.getSelectionModel().select(tab));
                WaitForAsyncUtils.waitForFxEvents(3);
                cuts.addAll(check(robot, rooms, tabId).stream()
                        .map(c -> new CutTextCheck.Cut(c.room() + " › " + tab.getText(), c.node(), c.fullText(), c.shown()))
                        .toList());
            }
        }
        return cuts;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> all = Files.walk(from)) {
            for (Path p : (Iterable<Path>) all::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (dir == null || !Files.exists(dir)) return;
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
