package org.ecgworkbench.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.dialog.Wizard;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.runs.RunRequest;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.ResNet1d;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.support.FxTest;
import org.ecgworkbench.train.TrainingConfig;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The wizard headless, page by page, on a synthetic dataset: the ControlsFX Wizard's dialog is shown
 * (not blocking) over a test stage and driven through its own Next and Finish buttons. The folder is
 * added through the view model (a native folder chooser cannot be driven headless); everything else
 * is typed, picked or clicked.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class TrainingWizardAppTest {

    @TempDir
    static Path data;
    @TempDir
    Path work;

    static final Pipeline PREVIEW_PIPELINE = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, 250), LengthStep.end(2500)));

    private Stage stage;
    private final FxBackgroundWork background = new FxBackgroundWork();

    @BeforeAll
    static void synth() {
        WizardDatasets.synth(data);
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("workbench")), 400, 300));
        stage.sizeToScene();
        stage.show();
    }

    private TrainingWizardViewModel viewModel() {
        return new TrainingWizardViewModel(background, Platform::runLater, DiagnosisCatalogue.standard(), work.resolve("pipelines"),
                new SimpleObjectProperty<>(PREVIEW_PIPELINE), ComputeDetection::detect);
    }

    @Test
    void walksEveryPageAndQueuesTheRun(FxRobot robot) throws Exception {
        TrainingWizardViewModel vm = viewModel();
        List<List<RunRequest>> received = new CopyOnWriteArrayList<>();
        Wizard[] shown = new Wizard[1];
        robot.interact(() -> shown[0] = TrainingWizard.show(stage, vm, received::add));
        WizardRobot w = new WizardRobot(robot, shown[0]);

        // 1 Data: no folder yet, so no Next.
        assertThat(w.page().getId()).isEqualTo("page-data");
        assertThat(w.next().isDisabled()).isTrue();
        robot.interact(() -> vm.data().addFolder(data));
        WizardRobot.waitFor(() -> !vm.data().scanningProperty().get() && vm.data().summaryProperty().get() != null);
        assertThat(w.<Label>find("#scanSummary").getText()).startsWith("12 records (0 failed)");
        assertThat(w.next().isDisabled()).isFalse();
        w.clickNext();

        // 2 Split: a split not adding up to 100 blocks Next, on this page.
        assertThat(w.page().getId()).isEqualTo("page-split");
        TextField train = w.find("#trainPercent");
        robot.interact(train::clear);
        robot.clickOn(train).write("70");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.next().isDisabled()).isTrue();
        assertThat(robot.from(w.page()).lookup(".wizard-problem").queryLabeled().getText())
                .isEqualTo("train, validation and test must add up to 100 %, not 110");
        robot.interact(train::clear);
        robot.clickOn(train).write("60");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.next().isDisabled()).isFalse();
        w.clickNext();

        // 3 Preprocessing: pre-filled from the Preview room, one record previewed through it.
        assertThat(w.page().getId()).isEqualTo("page-pipeline");
        assertThat(w.<Label>find("#pipelineOrigin").getText()).isEqualTo("Pipeline: from the Preview room");
        WizardRobot.waitFor(() -> vm.pipeline().previewProperty().get() != null);
        assertThat(vm.pipeline().previewProperty().get().output().samples()).hasSize(2500);
        w.clickNext();

        // 4 Model: a tiny ResNet18, its size from the real builder's count.
        assertThat(w.page().getId()).isEqualTo("page-model");
        ComboBox<Architecture> arch = w.find("#architecture");
        robot.interact(() -> arch.setValue(Architecture.RESNET18));
        TextField width = w.find("#width");
        robot.interact(width::clear);
        robot.clickOn(width).write("0.25");
        WizardRobot.waitFor(() -> vm.model().memoryProperty().get().startsWith("≈"));
        long params = ResNet1d.parameterCount(NetworkSpec.of(Architecture.RESNET18, 0.25, 2500, false));
        assertThat(w.<Label>find("#parameterCount").getText()).startsWith(String.format("%,d trainable parameters", params));
        w.clickNext();

        // 5 Optimisation: a learning rate of 0 is flagged here and blocks Next.
        assertThat(w.page().getId()).isEqualTo("page-optimisation");
        TextField lr = w.find("#learningRate");
        robot.interact(lr::clear);
        robot.clickOn(lr).write("0");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(w.next().isDisabled()).isTrue();
        assertThat(lr.getStyleClass()).contains(WizardForms.ERROR_STYLE);
        assertThat(lr.getTooltip().getText()).isEqualTo("learning rate must be in (0, 10), not 0");
        robot.interact(() -> {
            lr.setText("1e-3");
            ((TextField) w.find("#batch")).setText("8");
            ((TextField) w.find("#epochs")).setText("1");
        });
        assertThat(w.next().isDisabled()).isFalse();
        w.clickNext();

        // 6 Compute: this CPU build has no CUDA backend; the GPU choice is off and says why.
        assertThat(w.page().getId()).isEqualTo("page-compute");
        WizardRobot.waitFor(() -> vm.compute().detectionProperty().get() != null);
        assertThat(w.<RadioButton>find("#gpu").isDisabled()).isTrue();
        assertThat(w.<Label>find("#gpuDetection").getText()).contains("only the CPU backend");
        w.clickNext();

        // 7 Review: the command line, then Finish.
        assertThat(w.page().getId()).isEqualTo("page-review");
        String line = w.<TextArea>find("#commandLine").getText();
        assertThat(line).startsWith("java -jar ecg-workbench.jar train --data " + data.toAbsolutePath().normalize())
                .contains("--arch resnet18 --width 0.25 --optimizer adam --lr 1e-3", "--batch 8 --epochs 1", "--pipeline ")
                .endsWith("--out runs/run");
        robot.clickOn(w.<Button>find("#copyCommandLine"));
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertThat(copied[0]).isEqualTo(line);
        assertThat(w.finish().isDisabled()).isFalse();
        robot.clickOn(w.finish());
        WizardRobot.waitFor(() -> !received.isEmpty());
        assertThat(shown[0].getDialog().isShowing()).isFalse();

        assertThat(received).hasSize(1);
        List<RunRequest> runs = received.get(0);
        assertThat(runs).hasSize(1);
        assertThat(runs.get(0).label()).matches("\\d\\d:\\d\\d ResNet18×0.25 Adam lr 1e-3");
        TrainingConfig c = runs.get(0).config();
        assertThat(c.architecture()).isEqualTo(Architecture.RESNET18);
        assertThat(c.width()).isEqualTo(0.25);
        assertThat(c.batch()).isEqualTo(8);
        assertThat(c.epochs()).isEqualTo(1);
        assertThat(c.learningRate()).isEqualTo(1e-3);
        assertThat(c.pipeline()).isEqualTo(PREVIEW_PIPELINE);
        assertThat(c.data()).containsExactly(data.toAbsolutePath().normalize());
        // The review's command line asks train for the same configuration.
        String[] words = line.split(" ");
        assertThat(WizardDatasets.trainingConfig(WizardDatasets.parseTrain(
                List.of(words).subList(4, words.length - 2), work.resolve("run")))).isEqualTo(c);
        background.shutdown();
    }
}
