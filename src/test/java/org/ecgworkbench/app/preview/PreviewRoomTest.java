package org.ecgworkbench.app.preview;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.input.Clipboard;
import javafx.stage.Stage;
import org.ecgworkbench.app.EcgWorkbenchApp;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.app.PreviewResult;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * The preview room alone in a stage, headless: a synthetic 1000 Hz record is drawn stage by stage,
 * and choosing polyphase instead of FFT resampling with the mouse redraws different stage traces.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
public class PreviewRoomTest {

    static final double WIDTH = 1300;
    static final double HEIGHT = 820;

    private final SimpleObjectProperty<EcgRecord> shown = new SimpleObjectProperty<>();
    private FxBackgroundWork work;
    private PreviewRoom room;

    @Start
    void start(Stage stage) {
        work = new FxBackgroundWork();
        room = PreviewRoom.load(work, shown);
        Scene scene = new Scene(room.root(), WIDTH, HEIGHT);
        scene.getStylesheets().add(EcgWorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        work.shutdown();
    }

    public static PreviewResult waitForDrawn(PreviewViewModel vm, Predicate<PreviewResult> wanted) throws TimeoutException {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            PreviewResult r = vm.drawnProperty().get();
            return r != null && wanted.test(r);
        });
        WaitForAsyncUtils.waitForFxEvents();
        return vm.drawnProperty().get();
    }

    @Test
    void switchingFftToPolyphaseRedrawsTheStageTraces(FxRobot robot) throws Exception {
        PreviewViewModel vm = room.viewModel();
        assertThat(room.root().getProperties().get(PreviewViewModel.class)).isSameAs(vm);
        robot.interact(() -> shown.set(PreviewFixtures.synthetic1000Hz()));
        PreviewResult fft = waitForDrawn(vm, r -> r.pipeline().steps().get(0).equals(new ResampleStep(ResampleStep.Method.FFT, 500)));
        assertThat(fft.stages()).extracting(s -> s.samples().length).containsExactly(12_000, 6_000, 5_000);
        assertThat(fft.truncated()).containsExactly(new PreviewResult.TimeRange(10.0, 12.0));

        robot.clickOn("#resamplingChoice").clickOn("polyphase");
        PreviewResult poly = waitForDrawn(vm, r -> r.pipeline().steps().get(0).equals(new ResampleStep(ResampleStep.Method.POLY, 500)));
        assertThat(poly).isSameAs(vm.resultProperty().get());
        // The input is the same; the resampled and cut stages differ (most at the edges).
        assertThat(poly.input().checksum()).isEqualTo(fft.input().checksum());
        assertThat(poly.stages().get(1).checksum()).isNotEqualTo(fft.stages().get(1).checksum());
        assertThat(poly.checksum()).isNotEqualTo(fft.checksum());
        assertThat(robot.lookup("#resamplingChoice").queryAs(ComboBox.class).getValue()).isEqualTo(PreviewViewModel.Resampling.POLYPHASE);
        assertThat(robot.lookup("#pipelineLabel").queryAs(Label.class).getText()).contains("polyphase");
        assertThat(robot.lookup("#previewStatus").queryAs(Label.class).getText()).contains("lead II");

        // "Use this pipeline for training" keeps it and puts its JSON on the clipboard.
        robot.clickOn("#useForTrainingButton");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.trainingPipelineProperty().get()).isEqualTo(poly.pipeline());
        String[] clip = new String[1];
        robot.interact(() -> clip[0] = Clipboard.getSystemClipboard().getString());
        assertThat(clip[0]).isEqualTo(vm.trainingPipelineJsonProperty().get());
    }
}
