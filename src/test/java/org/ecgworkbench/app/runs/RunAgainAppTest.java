package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.ecgworkbench.app.EcgWorkbenchApp;
import org.ecgworkbench.app.wizard.TrainingWizardViewModel;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.runs.EventLines;
import org.ecgworkbench.runs.RunMetadata;
import org.ecgworkbench.runs.TrainLauncher;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;

/** The workbench wired together: "Run again…" on a failed run opens the training wizard filled with that run's configuration. */
@ExtendWith(ApplicationExtension.class)
@FxTest
class RunAgainAppTest {

    @TempDir
    Path workspace;
    private EcgWorkbenchApp app;
    private Path previousWorkspace;

    @Start
    void start(Stage stage) {
        app = new EcgWorkbenchApp();
        app.start(stage);
    }

    @AfterEach
    void restore() throws Exception {
        if (app.trainingWizard() != null) WaitForAsyncUtils.asyncFx(() -> app.trainingWizard().getDialog().close()).get();
        if (previousWorkspace != null) WaitForAsyncUtils.asyncFx(() -> app.runs().viewModel().switchWorkspace(previousWorkspace)).get();
    }

    @Test
    void runAgainOpensTheWizardWithTheRunsConfiguration(FxRobot robot) throws Exception {
        Path data = Files.createDirectories(workspace.resolve("data"));
        TrainingConfig config = TrainingConfig.builder(List.of(data)).architecture(Architecture.RESNET34).width(0.5)
                .optimizer(OptimizerKind.SGD).learningRate(0.01).momentum(0.9).batch(4).epochs(2).build();
        Path folder = EventLines.runFolder(workspace.resolve("runs"), "20261126-140500-x",
                List.of(EventLines.start(false), EventLines.failed("out of memory")));
        TrainingConfigJson.write(config, folder.resolve("config.json"));
        new RunMetadata("14:05 ResNet34×0.5 SGD lr 0.01", TrainLauncher.newRun(folder).subList(0, 4), null).write(folder);
        robot.interact(() -> {
            previousWorkspace = app.runs().viewModel().workspace().root();
            app.runs().viewModel().switchWorkspace(workspace);
        });
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.runs().viewModel().runs().size() == 1);
        TabPane rooms = (TabPane) robot.window(0).getScene().getRoot().lookup("#roomTabs");
        robot.interact(() -> rooms.getSelectionModel().select(rooms.getTabs().stream().filter(t -> "runsTab".equals(t.getId())).findFirst().orElseThrow()));
        robot.interact(() -> app.runs().viewModel().selectedProperty().set(app.runs().viewModel().runs().get(0)));
        WaitForAsyncUtils.waitForFxEvents();
        Button again = robot.lookup("#runAgainButton").queryAs(Button.class);
        assertThat(again.isDisabled()).isFalse();
        robot.clickOn(again);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> app.trainingWizardViewModel() != null);
        TrainingWizardViewModel vm = app.trainingWizardViewModel();
        assertThat(vm.model().architectureProperty().get()).isEqualTo(Architecture.RESNET34);
        assertThat(vm.model().width().value()).isEqualTo(0.5);
        assertThat(vm.optimisation().learningRate().value()).isEqualTo(0.01);
        assertThat(vm.optimisation().batch().value()).isEqualTo(4);
        assertThat(vm.data().folders()).containsExactly(data.toAbsolutePath().normalize());
        assertThat(robot.lookup("#wizardOrigin").queryAs(Label.class).getText()).isEqualTo("Filled from the run chosen in the runs room");
    }
}
