package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import io.fair_acc.chartfx.XYChart;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.runs.ComparisonRow;
import org.ecgworkbench.runs.EventLines;
import org.ecgworkbench.runs.RunMetadata;
import org.ecgworkbench.runs.RunWorkspace;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The comparison at 1280×720: the tab is "Compare runs" (the dissertation's Table 4 in its tooltip), a
 * failed run is marked, no column header is cut, and the chart leaves room past the last epoch's point.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class CompareRunsAppTest {

    @TempDir
    Path ws;
    private FxBackgroundWork work;
    private RunsRoom room;

    @Start
    void start(Stage stage) throws Exception {
        Path runs = ws.resolve("runs");
        for (String name : List.of("a", "b")) {
            Path f = EventLines.runFolder(runs, "20261126-14000" + (name.equals("a") ? 0 : 1) + "-" + name, List.of(EventLines.start(false),
                    EventLines.prepared(2, 1), EventLines.batch(1, 1, 0.9, 1, 1), EventLines.epoch(1, 0.85, 0.8, 0.1, 0.2, 0.6, true),
                    EventLines.batch(2, 2, 0.7, 1, 1), EventLines.epoch(2, 0.65, 0.7, 0.2, 0.3, 0.7, true),
                    EventLines.done(runs.resolve("20261126-14000" + (name.equals("a") ? 0 : 1) + "-" + name), 2)));
            new RunMetadata("14:0" + (name.equals("a") ? 0 : 1) + " ResNet18×0.25 Adam lr 1e-3 " + name, List.of("--arch", "resnet18"), null)
                    .write(f);
        }
        Path bad = EventLines.runFolder(runs, "20261126-140200-c", List.of(EventLines.start(false), EventLines.prepared(2, 1),
                EventLines.batch(1, 1, 1.2, 1, 1), EventLines.failed("out of memory")));
        new RunMetadata("14:02 ResNet34 SGD lr 0.1", List.of("--arch", "resnet34"), null).write(bad);
        work = new FxBackgroundWork();
        RunsViewModel vm = new RunsViewModel(new RunWorkspace(ws), args -> {
            throw new AssertionError("no process in this test");
        }, work, System::nanoTime);
        room = RunsRoom.load(vm);
        stage.setScene(new Scene(room.root(), 1280, 720));
        stage.sizeToScene();
        stage.show();
        vm.loadWorkspace();
    }

    @AfterEach
    void stop() {
        work.shutdown();
    }

    @Test
    void aRunIsRenamedInItsNameFieldAndKeepsTheName(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> room.viewModel().runs().size() == 3);
        RunViewModel run = room.viewModel().runs().get(0);
        robot.interact(() -> room.viewModel().selectedProperty().set(run));
        TextField name = robot.lookup("#runName").queryAs(TextField.class);
        assertThat(name.getText()).isEqualTo(run.label());
        robot.interact(name::clear);
        robot.clickOn(name).write("baseline").type(KeyCode.ENTER);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(run.label()).isEqualTo("baseline");
        assertThat(RunMetadata.read(run.folder()).label()).isEqualTo("baseline");
        assertThat(robot.lookup("#runList .list-cell").queryAllAs(ListCell.class)).extracting(c -> c.getText())
                .anyMatch(t -> t != null && t.startsWith("baseline  ·  finished"));
    }

    @Test
    void compareRunsMarksTheFailedRunAndCutsNoHeader(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> room.viewModel().runs().size() == 3);
        robot.interact(() -> {
            ListView<?> list = robot.lookup("#runList").queryAs(ListView.class);
            list.getSelectionModel().selectAll();
        });
        robot.clickOn("#compareButton");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> room.viewModel().comparison().size() == 3);
        WaitForAsyncUtils.waitForFxEvents();

        TabPane tabs = robot.lookup("#runsTabs").queryAs(TabPane.class);
        Tab compare = tabs.getSelectionModel().getSelectedItem();
        assertThat(compare.getText()).isEqualTo("Compare runs");
        assertThat(compare.getTooltip().getText()).contains("Table 4 of the dissertation");

        @SuppressWarnings("unchecked")
        TableView<ComparisonRow> table = robot.lookup("#comparisonTable").queryAs(TableView.class);
        assertThat(table.getItems()).extracting(ComparisonRow::label).contains("✗ 14:02 ResNet34 SGD lr 0.1 (failed)");
        assertThat(robot.from(table).lookup(".table-row-cell .text").queryAllAs(Text.class)).extracting(Text::getText)
                .contains("✗ 14:02 ResNet34 SGD lr 0.1 (failed)");
        // Every header's text is whole (wrapped onto two lines where narrow), never "Test F1 sa…".
        List<String> headers = robot.from(table).lookup(".column-header .text").queryAllAs(Text.class).stream().map(Text::getText)
                .filter(t -> !t.isEmpty()).toList();
        assertThat(String.join("|", headers)).contains("Test").contains("AUROC");
        assertThat(headers).allSatisfy(t -> assertThat(t).doesNotContain("…").doesNotEndWith("..."));

        // The chart's x axis reaches past the last point (epoch 2), so its marker is not cut at the edge.
        StackPane pane = robot.lookup("#comparisonChartPane").queryAs(StackPane.class);
        XYChart chart = (XYChart) pane.getChildren().get(0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> chart.getXAxis().getMax() > 0);
        assertThat(chart.getXAxis().getMax()).isGreaterThan(2.0);
        Node legend = chart.getLegend() == null ? null : chart.getLegend().getNode();
        if (legend != null) {
            assertThat(robot.from(legend).lookup(".text").queryAllAs(Text.class)).extracting(Text::getText)
                    .contains("✗ 14:02 ResNet34 SGD lr 0.1 (failed)");
        }
    }
}
