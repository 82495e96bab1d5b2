package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench headless with the bundled demonstration model: the first sample's suggested diagnoses
 * (all 24 classes, most probable first) fill the list, the predicted classes get explained and the
 * paper is shaded under the traces.
 */
@ExtendWith(ApplicationExtension.class)
class SuggestedDiagnosesAppTest {

    private EcgWorkbenchApp app;

    @Start
    void start(Stage stage) {
        app = new EcgWorkbenchApp();
        app.start(stage);
    }

    @Test
    void theFirstSampleGetsSuggestedDiagnosesAndShading(FxRobot robot) throws Exception {
        SuggestedDiagnosesViewModel s = app.suggestions();
        EcgViewerViewModel viewer = app.viewModel().viewer();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> s.rows().size() == 24
                && viewer.recordProperty().get() != null && viewer.recordProperty().get().id().equals("00001_lr"));
        WaitForAsyncUtils.waitForFxEvents();

        ListView<?> list = robot.lookup("#suggestionList").queryListView();
        assertThat(list.getItems()).hasSize(24);
        assertThat(s.rows()).extracting(DiagnosisRow::probability).isSortedAccordingTo(java.util.Comparator.reverseOrder());
        assertThat(robot.lookup("#modelNameLabel").queryAs(Label.class).getText()).contains("demo-resnet18-w025.ecgmodel");
        assertThat(robot.lookup("#modelNoticeLabel").queryAs(Label.class).getText()).isEqualTo("demonstration model, not for clinical use");
        assertThat(robot.lookup("#modelProvenanceLabel").queryAs(Label.class).getText()).contains("resnet18");

        // The explanation of the predicted (or the most probable) classes shades the paper.
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> s.shadedProperty().get());
        PaperDrawing shaded = EcgWorkbenchAppTest.waitForDrawing(viewer, d -> d.recordId().equals("00001_lr") && d.shadedCells() > 0);
        assertThat(shaded.shadedCells()).isPositive();
        assertThat(s.shadingProperty().get().codes()).isNotEmpty();
        assertThat(s.explainingProperty().get()).isFalse();

        // Choosing another class explains that one.
        DiagnosisRow last = s.rows().get(23);
        robot.interact(() -> list.getSelectionModel().select(23));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> s.shadingProperty().get() != null
                && s.shadingProperty().get().codes().equals(java.util.List.of(last.code())));
    }
}
