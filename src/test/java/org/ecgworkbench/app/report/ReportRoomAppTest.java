package org.ecgworkbench.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.ecgworkbench.app.EcgWorkbenchApp;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.eval.ConfusionCounts;
import org.ecgworkbench.eval.PredictedRecord;
import org.ecgworkbench.eval.PredictionTable;
import org.ecgworkbench.eval.PredictionTableCsv;
import org.ecgworkbench.support.FxTest;
import org.ecgworkbench.train.RunFolder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The report room headless, on a real tiny run: 24 class rows, sorting by F1, a class clicked shows
 * its 2×2 counts and ROC curve, and double-clicking a record calls the open-record hook.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class ReportRoomAppTest {
    static final double WIDTH = 1400;
    static final double HEIGHT = 860;

    private final List<Path> opened = new CopyOnWriteArrayList<>();
    private FxBackgroundWork work;
    private ReportRoom room;
    private Tab tab;
    private Path runDir;

    @Start
    void start(Stage stage) {
        runDir = ReportFixtures.tinyRun();
        work = new FxBackgroundWork();
        room = ReportRoom.open(work, runDir);
        room.setOnOpenRecord(opened::add);
        tab = room.tab();
        TabPane tabs = new TabPane(tab);
        Scene scene = new Scene(tabs, WIDTH, HEIGHT);
        scene.getStylesheets().add(EcgWorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        work.shutdown();
    }

    static void waitLoaded(ReportViewModel vm) throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> vm.loadedProperty().get() != null && !vm.busyProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void sortsClassesByF1ShowsTheClickedClassAndOpensADoubleClickedRecord(FxRobot robot) throws Exception {
        waitLoaded(room.viewModel());
        assertThat(tab.getText()).isEqualTo("Report · run-tiny");
        @SuppressWarnings("unchecked")
        TableView<ClassRow> classes = (TableView<ClassRow>) robot.lookup("#classTable").query();
        assertThat(classes.getItems()).hasSize(24);

        robot.clickOn(robot.lookup(".column-header").match(n -> n.getId() != null && n.getId().equals("f1Column")
                || hasText(n, "F1")).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(classes.getItems()).extracting(ClassRow::f1).isSortedAccordingTo(Comparator.naturalOrder());
        robot.clickOn(robot.lookup(".column-header").match(n -> hasText(n, "F1")).<Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(classes.getItems()).extracting(ClassRow::f1).isSortedAccordingTo(Comparator.reverseOrder());

        // Click the row of a class the test part has.
        ClassRow wanted = classes.getItems().stream().filter(r -> r.support() > 0).findFirst().orElseThrow();
        robot.clickOn(rowOf(robot, "#classTable", wanted));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(room.viewModel().selectedClassProperty().get()).isEqualTo(wanted);
        PredictionTable table = PredictionTableCsv.read(new RunFolder(runDir).testPredictions());
        ConfusionCounts counts = table.confusion(wanted.index());
        assertThat(robot.lookup("#truePositives").queryAs(Label.class).getText()).isEqualTo("TP " + counts.truePositives());
        assertThat(robot.lookup("#falsePositives").queryAs(Label.class).getText()).isEqualTo("FP " + counts.falsePositives());
        assertThat(robot.lookup("#falseNegatives").queryAs(Label.class).getText()).isEqualTo("FN " + counts.falseNegatives());
        assertThat(robot.lookup("#trueNegatives").queryAs(Label.class).getText()).isEqualTo("TN " + counts.trueNegatives());
        @SuppressWarnings("unchecked")
        LineChart<Number, Number> roc = robot.lookup("#rocChart").queryAs(LineChart.class);
        assertThat(roc.getData().get(0).getData()).hasSizeGreaterThanOrEqualTo(2);
        assertThat(roc.getData().get(0).getData().get(0).getXValue().doubleValue()).isZero();
        assertThat(roc.getTitle()).contains("AUROC");

        robot.clickOn("Records");
        WaitForAsyncUtils.waitForFxEvents();
        @SuppressWarnings("unchecked")
        TableView<RecordRow> records = (TableView<RecordRow>) robot.lookup("#recordTable").query();
        assertThat(records.getItems()).hasSize(table.records().size());
        RecordRow first = records.getItems().get(0);
        robot.doubleClickOn(rowOf(robot, "#recordTable", first));
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        PredictedRecord expected = table.records().stream().filter(r -> r.id().equals(first.id())).findFirst().orElseThrow();
        assertThat(opened).containsExactly(Path.of(expected.path()));
        assertThat(Path.of(expected.path())).isRegularFile();
    }

    @Test
    void openingARunFolderGivesAClosableTabTitledAfterTheRun(FxRobot robot) throws Exception {
        AtomicReference<Tab> opened = new AtomicReference<>();
        robot.interact(() -> {
            Tab t = ReportRoom.open(runDir);
            tab.getTabPane().getTabs().add(t);
            tab.getTabPane().getSelectionModel().select(t);
            opened.set(t);
        });
        Tab t = opened.get();
        ReportRoom own = (ReportRoom) t.getContent().getProperties().get(ReportRoom.class);
        waitLoaded(own.viewModel());
        assertThat(t.getText()).isEqualTo("Report · run-tiny");
        assertThat(t.isClosable()).isTrue();
        assertThat(own.viewModel().classRows()).hasSize(24);
    }

    private static boolean hasText(Node n, String text) {
        return n.lookupAll(".label").stream().anyMatch(l -> l instanceof Label label && text.equals(label.getText()));
    }

    static Node rowOf(FxRobot robot, String table, Object item) {
        List<Node> rows = new ArrayList<>(robot.lookup(table).lookup(".table-row-cell").queryAll());
        return rows.stream().filter(r -> r instanceof TableRow<?> row && item.equals(row.getItem())).findFirst()
                .orElseThrow(() -> new AssertionError("no visible row for " + item));
    }
}
