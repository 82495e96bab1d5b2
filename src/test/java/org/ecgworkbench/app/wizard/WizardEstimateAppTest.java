package org.ecgworkbench.app.wizard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.application.Platform;
import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.controlsfx.dialog.Wizard;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.runs.RunRequest;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wizard over a 1280×720 workbench on a CPU-only machine: the data page lists the record the scan
 * could not read, the model page starts at ResNet18 ×0.25, and the review page shows the time per epoch
 * estimated from a training step timed here (the real network, in the background) before Finish.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class WizardEstimateAppTest {

    @TempDir
    static Path data;

    private final FxBackgroundWork background = new FxBackgroundWork();
    private Stage stage;

    @BeforeAll
    static void synth() throws Exception {
        WizardDatasets.synth(data);
        Files.writeString(data.resolve("BROKEN.hea"), "not a header\n");
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(new Label("workbench")), 1280, 720));
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        background.shutdown();
    }

    @Test
    void theReviewPageShowsAMeasuredEpochEstimateOnACpuOnlyMachine(FxRobot robot) throws Exception {
        TrainingWizardViewModel vm = new TrainingWizardViewModel(background, Platform::runLater, DiagnosisCatalogue.standard(),
                data.resolve("pipelines"), new SimpleObjectProperty<>(), () -> TrainingWizardViewModelTest.NO_GPU);
        List<List<RunRequest>> received = new CopyOnWriteArrayList<>();
        Wizard[] shown = new Wizard[1];
        robot.interact(() -> shown[0] = TrainingWizard.show(stage, vm, received::add));
        WizardRobot w = new WizardRobot(robot, shown[0]);

        robot.interact(() -> vm.data().addFolder(data));
        WizardRobot.waitFor(() -> !vm.data().scanningProperty().get() && vm.data().summaryProperty().get() != null);
        TitledPane failed = w.find("#scanFailuresPane");
        assertThat(failed.isVisible()).isTrue();
        assertThat(failed.getText()).isEqualTo("Failed records (1): not used for training");
        robot.interact(() -> failed.setExpanded(true));
        ListView<String> failures = w.find("#scanFailures");
        assertThat(failures.getItems()).singleElement().asString().contains("BROKEN.hea: ");
        w.clickNext(); // data
        w.clickNext(); // split
        w.clickNext(); // pipeline
        assertThat(w.page().getId()).isEqualTo("page-model");
        assertThat(w.<ComboBox<Architecture>>find("#architecture").getValue()).isEqualTo(Architecture.RESNET18);
        assertThat(w.<TextField>find("#width").getText()).isEqualTo("0.25");
        w.clickNext(); // model
        w.clickNext(); // optimisation
        w.clickNext(); // compute
        assertThat(w.page().getId()).isEqualTo("page-review");
        Label estimate = w.find("#epochEstimate");
        WizardRobot.waitFor(() -> estimate.getText().startsWith("Estimated time per epoch: ≈"));
        robot.interact(() -> { });
        assertThat(estimate.getText()).contains("an estimate").contains("ms × 1 batches of 16 from 7 training records");
        assertThat(estimate.isVisible()).isTrue();
        Bounds b = estimate.localToScene(estimate.getBoundsInLocal());
        assertThat(b.getMaxY()).isLessThanOrEqualTo(estimate.getScene().getHeight());
        assertThat(estimate.getHeight()).isGreaterThanOrEqualTo(estimate.prefHeight(estimate.getWidth()) - 0.5);
        assertThat(estimate.getScene().getWindow().getHeight()).isLessThanOrEqualTo(720);
        assertThat(w.finish().isDisabled()).isFalse();
    }
}
