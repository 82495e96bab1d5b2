package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecgworkbench.app.runs.TrainingFixtures.fx;
import static org.ecgworkbench.app.runs.TrainingFixtures.waitFor;

import java.awt.image.BufferedImage;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.ecgworkbench.app.EcgWorkbenchApp;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.tools.Screenshots;
import org.ecgworkbench.runs.JvmTrainLauncher;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.runs.RunWorkspace;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the runs room's screenshots: the live dashboard of a real tiny run in its second epoch
 * ({@code runs-dashboard.png}), then two finished runs (learning rates 1e-3 and 3e-3) side by side
 * ({@code runs-comparison.png}). Into {@code target/screenshots/}; to refresh the committed pictures
 * run {@code mvn -B -o test -Dtest=RunsScreenshotTest -Decg.screenshots.dir=docs/images}.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class RunsScreenshotTest {
    private FxBackgroundWork work;
    private RunsRoom room;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        work = new FxBackgroundWork();
        RunsViewModel vm = new RunsViewModel(new RunWorkspace(TrainingFixtures.newWorkspace()), new JvmTrainLauncher(), work, System::nanoTime);
        room = RunsRoom.load(vm);
        Scene scene = new Scene(room.root(), Screenshots.WIDTH, Screenshots.HEIGHT);
        scene.getStylesheets().add(EcgWorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        TrainingFixtures.stop(room.viewModel());
        work.shutdown();
    }

    @Test
    void writesTheDashboardMidRunAndTheComparison(FxRobot robot) throws Exception {
        RunsViewModel vm = room.viewModel();
        fx(() -> {
            vm.enqueue(List.of(TrainingFixtures.request("resnet18 ×0.25 · adam · lr 1e-3", 3, "1e-3"),
                    TrainingFixtures.request("resnet18 ×0.25 · adam · lr 3e-3", 2, "3e-3")));
            vm.selectedProperty().set(vm.runs().get(0));
            return null;
        });
        RunViewModel first = fx(() -> vm.runs().get(0));
        RunViewModel second = fx(() -> vm.runs().get(1));
        // Mid-run: the first epoch validated, two batches into the second.
        waitFor("the second epoch under way", () -> first.epochs().size() == 1 && first.batchLoss().size() >= 7, 180);
        WaitForAsyncUtils.waitForFxEvents(3);
        BufferedImage dashboard = Screenshots.write(robot, stage.getScene().getRoot(), "runs-dashboard.png");
        assertThat(dashboard.getWidth()).isEqualTo((int) Screenshots.WIDTH);
        assertThat(fx(() -> room.controller().shownPoints("batch loss"))).isGreaterThanOrEqualTo(7);

        waitFor("both runs to end", () -> !first.cancellableProperty().get() && !second.cancellableProperty().get(), 240);
        assertThat(fx(() -> List.of(first.statusProperty().get(), second.statusProperty().get())))
                .containsOnly(RunStatus.FINISHED);
        robot.interact(() -> room.root().lookup("#runList").requestFocus());
        robot.interact(() -> {
            @SuppressWarnings("unchecked")
            ListView<RunViewModel> list = (ListView<RunViewModel>) room.root().lookup("#runList");
            list.getSelectionModel().selectAll();
        });
        robot.clickOn("#compareButton");
        waitFor("the comparison", () -> vm.comparison().size() == 2, 30);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(fx(() -> vm.comparison().get(0).testF1Macro())).isNotNaN();
        assertThat(fx(() -> room.controller().comparedPoints("resnet18 ×0.25 · adam · lr 3e-3"))).isEqualTo(10);
        BufferedImage comparison = Screenshots.write(robot, stage.getScene().getRoot(), "runs-comparison.png");
        assertThat(comparison.getHeight()).isEqualTo((int) Screenshots.HEIGHT);
    }
}
