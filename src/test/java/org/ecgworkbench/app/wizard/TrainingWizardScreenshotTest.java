package org.ecgworkbench.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.dialog.Wizard;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.tools.Screenshots;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** wizard.png: the review page of the training wizard, a sweep of eight runs over a synthetic dataset. */
@ExtendWith(ApplicationExtension.class)
@FxTest
class TrainingWizardScreenshotTest {

    @TempDir
    static Path data;
    @TempDir
    Path work;

    private Stage stage;

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

    @Test
    void writesTheReviewPage(FxRobot robot) throws Exception {
        FxBackgroundWork background = new FxBackgroundWork();
        Pipeline fromPreview = new Pipeline(List.of(new ResampleStep(ResampleStep.Method.FFT, 250), LengthStep.end(2500)));
        TrainingWizardViewModel vm = new TrainingWizardViewModel(background, Platform::runLater, DiagnosisCatalogue.standard(),
                work.resolve("pipelines"), new SimpleObjectProperty<>(fromPreview), ComputeDetection::detect);
        Wizard[] shown = new Wizard[1];
        robot.interact(() -> {
            shown[0] = TrainingWizard.show(stage, vm, runs -> { });
            vm.data().addFolder(data);
        });
        WizardRobot w = new WizardRobot(robot, shown[0]);
        WizardRobot.waitFor(() -> vm.data().summaryProperty().get() != null);
        w.clickNext();
        w.clickNext();
        WizardRobot.waitFor(() -> vm.pipeline().previewProperty().get() != null);
        w.clickNext();
        assertThat(w.page().getId()).isEqualTo("page-model");
        robot.interact(() -> {
            w.<ComboBox<Architecture>>find("#architecture").setValue(Architecture.RESNET18);
            w.<TextField>find("#width").setText("0.25");
        });
        WizardRobot.waitFor(() -> vm.model().memoryProperty().get().startsWith("≈"));
        w.clickNext();
        w.clickNext();
        WizardRobot.waitFor(() -> vm.compute().detectionProperty().get() != null);
        w.clickNext();
        assertThat(w.page().getId()).isEqualTo("page-review");
        robot.interact(() -> vm.sweep().enabledProperty().set(true));
        assertThat(vm.runsTextProperty().get()).startsWith("8 runs:");
        BufferedImage image = Screenshots.write(robot, w.page(), "wizard.png");
        assertThat(image.getWidth()).isGreaterThan(500);
        background.shutdown();
    }
}
