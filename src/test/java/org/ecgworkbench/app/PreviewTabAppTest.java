package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.ecgworkbench.app.preview.PreviewRoomTest;
import org.ecgworkbench.app.preview.PreviewViewModel;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The preview as a tab of the workbench. Opens the tab, sees the shown sample previewed, switches FFT to polyphase and sees the stages change.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class PreviewTabAppTest {

    private EcgWorkbenchApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new EcgWorkbenchApp();
        app.start(stage);
    }

    @Test
    void thePreviewTabFollowsTheViewerAndRedrawsOnANewResamplingMethod(FxRobot robot) throws Exception {
        TabPane rooms = (TabPane) stage.getScene().getRoot().lookup("#roomTabs");
        Tab tab = rooms.getTabs().stream().filter(t -> "previewTab".equals(t.getId())).findFirst().orElseThrow();
        robot.interact(() -> rooms.getSelectionModel().select(tab));
        PreviewViewModel vm = (PreviewViewModel) tab.getContent().getProperties().get(PreviewViewModel.class);
        EcgWorkbenchAppTest.waitForDrawing(app.viewModel().viewer(), d -> d.recordId().equals("00001_lr"));
        PreviewResult fft = PreviewRoomTest.waitForDrawn(vm, r -> r.recordId().equals("00001_lr"));
        // 00001_lr is 10 s at 100 Hz: FFT up to 500 Hz gives 5000 samples, nothing cut.
        assertThat(fft.stages()).extracting(s -> s.samples().length).containsExactly(1000, 5000, 5000);
        robot.clickOn("#resamplingChoice").clickOn("polyphase");
        PreviewResult poly = PreviewRoomTest.waitForDrawn(vm,
                r -> r.pipeline().steps().get(0).equals(new ResampleStep(ResampleStep.Method.POLY, 500)));
        assertThat(poly.stages().get(1).checksum()).isNotEqualTo(fft.stages().get(1).checksum());
    }
}
