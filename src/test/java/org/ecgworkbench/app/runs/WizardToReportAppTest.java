package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecgworkbench.app.runs.TrainingFixtures.fx;
import static org.ecgworkbench.app.runs.TrainingFixtures.waitFor;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.ecgworkbench.app.EcgWorkbenchApp;
import org.ecgworkbench.app.preview.PreviewViewModel;
import org.ecgworkbench.app.report.ReportRoom;
import org.ecgworkbench.app.wizard.TrainingWizardViewModel;
import org.ecgworkbench.app.wizard.WizardRobot;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.runs.RunStatus;
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
 * The researcher's whole path in the workbench, headless: a pipeline chosen in the preview opens the
 * training wizard pre-filled; the wizard is walked on a small synthetic dataset with a tiny network;
 * Finish queues the run in the runs room, where batch losses arrive on the live chart while the
 * child process trains; the finished run's report opens as a room with the 24 class rows.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class WizardToReportAppTest {

    @TempDir
    Path data;

    private EcgWorkbenchApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new EcgWorkbenchApp();
        app.start(stage);
    }

    @AfterEach
    void stopRuns() throws Exception {
        TrainingFixtures.stop(app.runs().viewModel());
    }

    @Test
    void previewToWizardToLiveRunToReport(FxRobot robot) throws Exception {
        assertThat(EcgWorkbenchCommand.run("synth", "--out", data.toString(), "--count", "30", "--classes", "NSR,AF,RBBB",
                "--fs", "250", "--duration", "10", "--seed", "5", "--threads", "1")).isZero();
        TabPane rooms = (TabPane) stage.getScene().getRoot().lookup("#roomTabs");

        // The student's pipeline (250 Hz, 2500 samples) handed to the wizard from the preview room.
        PreviewViewModel preview = app.preview().viewModel();
        robot.interact(() -> {
            preview.targetRateProperty().set(250.0);
            preview.lengthSamplesProperty().set(2500);
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> preview.pipelineProperty().get() != null
                && preview.pipelineJsonProperty().get().contains("2500"));
        robot.interact(preview::useForTraining);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(app.trainingWizard()).as("the wizard opened").isNotNull();
        TrainingWizardViewModel vm = app.trainingWizardViewModel();
        WizardRobot w = new WizardRobot(robot, app.trainingWizard());

        robot.interact(() -> vm.data().addFolder(data));
        WizardRobot.waitFor(() -> !vm.data().scanningProperty().get() && vm.data().summaryProperty().get() != null);
        w.clickNext(); // data
        w.clickNext(); // split 60/20/20
        assertThat(w.page().getId()).isEqualTo("page-pipeline");
        w.clickNext();
        ComboBox<Architecture> arch = w.find("#architecture");
        robot.interact(() -> {
            arch.setValue(Architecture.RESNET18);
            ((TextField) w.find("#width")).setText("0.25");
        });
        w.clickNext(); // model
        robot.interact(() -> {
            ((TextField) w.find("#batch")).setText("4");
            ((TextField) w.find("#epochs")).setText("2");
            ((TextField) w.find("#learningRate")).setText("3e-3");
        });
        w.clickNext(); // optimisation
        w.clickNext(); // compute: CPU
        assertThat(w.page().getId()).isEqualTo("page-review");
        robot.clickOn(w.finish());
        WaitForAsyncUtils.waitForFxEvents();

        // The runs room: the run trains as a child process; its batch losses arrive live.
        RunsRoom runs = app.runs();
        assertThat(rooms.getSelectionModel().getSelectedItem().getId()).isEqualTo("runsTab");
        RunViewModel run = fx(() -> runs.viewModel().runs().get(runs.viewModel().runs().size() - 1));
        assertThat(run.label()).matches("\\d\\d:\\d\\d ResNet18×0.25 Adam lr 3e-3");
        waitFor("batch points on the live chart", () -> runs.controller().shownPoints("batch loss") > 0, 180);
        waitFor("the run to finish", () -> run.statusProperty().get().ordinal() > RunStatus.RUNNING.ordinal(), 240);
        assertThat(fx(() -> run.statusProperty().get())).as(() -> run.problemProperty().get()).isEqualTo(RunStatus.FINISHED);

        // Its report: a room of its own with the 24 scored classes.
        robot.clickOn(robot.lookup("#openReportButton").queryAs(Button.class));
        WaitForAsyncUtils.waitForFxEvents();
        Tab report = rooms.getSelectionModel().getSelectedItem();
        assertThat(report.getId()).isEqualTo("reportTab");
        var reportVm = ((ReportRoom) report.getContent().getProperties().get(ReportRoom.class)).viewModel();
        waitFor("the report", () -> reportVm.classRows().size() == 24, 60);
    }
}
