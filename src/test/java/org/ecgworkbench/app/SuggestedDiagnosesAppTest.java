package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.stage.Stage;
import org.ecgworkbench.app.suggestions.DiagnosisRow;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesViewModel;
import org.ecgworkbench.app.viewer.EcgViewerViewModel;
import org.ecgworkbench.app.viewer.PaperDrawing;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The workbench headless with the bundled demonstration model: the first sample's suggested diagnoses
 * (all 24 classes, suggested first) fill the list, the suggested classes get explained and the
 * paper is shaded under the traces; the notice says what the bundle measured on real records.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
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
        assertThat(s.rows()).isSortedAccordingTo(SuggestedDiagnosesViewModel.READING_ORDER);
        assertThat(robot.lookup("#modelPane").queryAs(TitledPane.class).getText()).isEqualTo("Suggested by demo-resnet18-w025");
        // From the bundle's real_record_evaluation (resources/models/README.md says how it was measured).
        assertThat(robot.lookup("#modelNoticeLabel").queryAs(Label.class).getText()).isEqualTo("Demonstration model, not for clinical "
                + "use: trained on synthetic records only; on 180 real records most of its suggestions were wrong (81 %), "
                + "challenge score 0.18, AUROC 0.76.");
        assertThat(robot.lookup("#modelDetailsLabel").queryAs(Label.class).getText()).contains("resnet18")
                .doesNotContain("validation");

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
                && s.shadingProperty().get().codes().equals(List.of(last.code())));
    }
}
