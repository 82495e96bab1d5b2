package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.ecgworkbench.app.runs.TrainingFixtures.fx;
import static org.ecgworkbench.app.runs.TrainingFixtures.waitFor;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.runs.JvmTrainLauncher;
import org.ecgworkbench.runs.RunMetadata;
import org.ecgworkbench.runs.RunRequest;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.runs.RunWorkspace;
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
 * The runs room headless with real training children ({@code java … Main train}, a tiny ResNet on a
 * synthetic dataset): batch losses arrive on the live chart and the run finishes; a run cancelled with
 * the button checkpoints, says cancelled, and resumes to the end; a child killed with SIGKILL is
 * reported with its error tail while the room keeps working.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class RunsRoomAppTest {
    static final double WIDTH = 1440;
    static final double HEIGHT = 860;

    private FxBackgroundWork work;
    private RunsRoom room;
    private final AtomicReference<Path> reportOpened = new AtomicReference<>();
    private final AtomicInteger newRunAsked = new AtomicInteger();

    @Start
    void start(Stage stage) throws Exception {
        work = new FxBackgroundWork();
        RunsViewModel vm = new RunsViewModel(new RunWorkspace(TrainingFixtures.newWorkspace()), new JvmTrainLauncher(), work, System::nanoTime);
        room = RunsRoom.load(vm).setOnOpenReport(reportOpened::set).setOnNewRun(newRunAsked::incrementAndGet);
        stage.setScene(new Scene(room.root(), WIDTH, HEIGHT));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() throws Exception {
        TrainingFixtures.stop(room.viewModel());
        work.shutdown();
    }

    private RunViewModel enqueue(RunRequest request) throws Exception {
        RunsViewModel vm = room.viewModel();
        return fx(() -> {
            vm.enqueue(List.of(request));
            return vm.runs().get(vm.runs().size() - 1);
        });
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void batchLossesArriveOnTheLiveChartAndTheRunFinishes(FxRobot robot) throws Exception {
        RunViewModel run = enqueue(TrainingFixtures.request("tiny resnet18", 2, "1e-3"));
        RunsController controller = room.controller();
        waitFor("batch points on the live chart", () -> controller.shownPoints("batch loss") > 0, 120);
        // Live: the points arrived while the process still trained.
        assertThat(fx(() -> run.statusProperty().get())).isEqualTo(RunStatus.RUNNING);
        assertThat(fx(() -> room.viewModel().process(run).isPresent())).isTrue();
        assertThat(text(robot, "#runBackend")).startsWith("nd4j-native");
        assertThat(text(robot, "#runThroughput")).endsWith("samples/s");
        assertThat(robot.lookup("#cancelButton").queryAs(Button.class).isDisabled()).isFalse();

        waitFor("the run to finish", () -> run.statusProperty().get().ordinal() > RunStatus.RUNNING.ordinal(), 120);
        WaitForAsyncUtils.waitForFxEvents(3);
        assertThat(fx(() -> run.statusProperty().get())).as(() -> run.problemProperty().get()).isEqualTo(RunStatus.FINISHED);
        // 36 training records at batch 8: 5 batches in each of 2 epochs.
        assertThat(fx(() -> controller.shownPoints("batch loss"))).isEqualTo(10);
        assertThat(fx(() -> controller.shownPoints("validation loss"))).isEqualTo(2);
        assertThat(fx(() -> run.epochs().size())).isEqualTo(2);
        assertThat(text(robot, "#runStatus")).isEqualTo("finished");
        assertThat(new RunFolder(run.folder()).report()).isRegularFile();
        assertThat(RunMetadata.read(run.folder()).label()).isEqualTo("tiny resnet18");

        Button openReport = robot.lookup("#openReportButton").queryAs(Button.class);
        assertThat(openReport.isDisabled()).isFalse();
        robot.clickOn(openReport);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(reportOpened.get()).isEqualTo(run.folder());
        assertThat(robot.lookup("#cancelButton").queryAs(Button.class).isDisabled()).isTrue();

        // Headless there is no file manager: "Open run folder" puts the path on the clipboard instead.
        robot.clickOn("#openFolderButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(fx(() -> Clipboard.getSystemClipboard().getString())).isEqualTo(run.folder().toString());
        assertThat(text(robot, "#runsMessage")).startsWith("copied the path");
        robot.clickOn("#newRunButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(newRunAsked.get()).isEqualTo(1);
    }

    @Test
    void cancelWritesACheckpointSaysCancelledAndResumeFinishesTheRun(FxRobot robot) throws Exception {
        RunViewModel run = enqueue(TrainingFixtures.request("to cancel", 3, "1e-3"));
        waitFor("a batch", () -> run.batchLoss().size() > 0, 120);
        robot.clickOn("#cancelButton");
        waitFor("the process to end", () -> !run.cancellableProperty().get(), 120);
        assertThat(fx(() -> run.statusProperty().get())).as(() -> run.problemProperty().get()).isEqualTo(RunStatus.CANCELLED);
        Path checkpoint = fx(() -> run.lastCheckpointProperty().get());
        assertThat(checkpoint).isRegularFile();
        assertThat(new RunFolder(run.folder()).checkpointState()).isRegularFile();
        assertThat(text(robot, "#runStatus")).isEqualTo("cancelled");
        int before = fx(() -> run.batchLoss().size());

        Button resume = robot.lookup("#resumeButton").queryAs(Button.class);
        assertThat(resume.isDisabled()).isFalse();
        robot.clickOn(resume);
        waitFor("the resumed run to end", () -> run.hasTerminalEvent() && !room.viewModel().process(run).isPresent()
                && run.statusProperty().get() != RunStatus.CANCELLED, 180);
        assertThat(fx(() -> run.statusProperty().get())).as(() -> run.problemProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(fx(() -> run.backendProperty().get())).endsWith("· resumed");
        assertThat(fx(() -> run.batchLoss().size())).isGreaterThan(before);
        assertThat(fx(() -> run.epochs().size())).isEqualTo(3);
    }

    @Test
    void aKilledChildIsReportedWithItsErrorTailAndTheRoomKeepsWorking(FxRobot robot) throws Exception {
        RunViewModel run = enqueue(TrainingFixtures.request("to kill", 3, "1e-3"));
        waitFor("a batch", () -> run.batchLoss().size() > 0, 120);
        ProcessHandle child = fx(() -> room.viewModel().process(run).orElseThrow());
        child.destroyForcibly(); // SIGKILL: no shutdown hook, no last event
        waitFor("the death reported", () -> run.statusProperty().get() == RunStatus.FAILED, 60);
        assertThat(fx(() -> run.cancellableProperty().get())).isFalse();
        String problem = text(robot, "#runProblem");
        assertThat(problem).startsWith("the training process ended with exit code 137 (killed by signal 9) without a final event:")
                .contains("$ train --config");
        assertThat(text(robot, "#runStatus")).isEqualTo("failed");
        assertThat(RunMetadata.read(run.folder()).deathReason()).isEqualTo(problem);
        assertThat(Files.isRegularFile(new RunFolder(run.folder()).config())).isTrue();
        assertThat(robot.lookup("#resumeButton").queryAs(Button.class).isDisabled()).as("a killed run can resume").isFalse();

        // The workbench lives on: reloading the workspace works and lists the dead run as failed.
        robot.clickOn("#reloadButton");
        waitFor("the reload", () -> room.viewModel().messageProperty().get().startsWith("1 runs in"), 30);
        assertThat(text(robot, "#runsMessage")).startsWith("1 runs in");
        assertThat(fx(() -> room.viewModel().runs().size())).isEqualTo(1);
    }
}
