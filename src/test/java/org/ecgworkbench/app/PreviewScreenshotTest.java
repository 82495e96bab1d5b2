package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import javafx.beans.property.SimpleObjectProperty;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.ecgworkbench.app.preview.PreviewFixtures;
import org.ecgworkbench.app.preview.PreviewRoom;
import org.ecgworkbench.app.preview.PreviewRoomTest;
import org.ecgworkbench.app.preview.PreviewViewModel;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.signal.NormalizeStep;
import org.ecgworkbench.support.FxTest;
import org.ecgworkbench.tools.Screenshots;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes the preview screenshot of the README: a synthetic 1000 Hz record with mains hum, FFT-resampled to
 * 500 Hz, high-passed, notched at 50 Hz, z-scored and centred in 5000 samples (the cut ends greyed).
 * Into {@code target/screenshots/} on every build; to refresh the committed picture run
 * {@code mvn -B -o test -Dtest=PreviewScreenshotTest -Decg.screenshots.dir=docs/images}.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class PreviewScreenshotTest {

    private final SimpleObjectProperty<EcgRecord> shown = new SimpleObjectProperty<>();
    private FxBackgroundWork work;
    private PreviewRoom room;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        work = new FxBackgroundWork();
        room = PreviewRoom.load(work, shown);
        Scene scene = new Scene(room.root(), Screenshots.WIDTH, Screenshots.HEIGHT);
        scene.getStylesheets().add(EcgWorkbenchApp.class.getResource("workbench.css").toExternalForm());
        stage.setScene(scene);
        stage.sizeToScene();
        stage.show();
    }

    @AfterEach
    void stop() {
        work.shutdown();
    }

    @Test
    void writesThePreviewScreenshot(FxRobot robot) throws Exception {
        PreviewViewModel vm = room.viewModel();
        robot.interact(() -> {
            vm.highPassProperty().set(0.5);
            vm.notchProperty().set(PreviewViewModel.Notch.HZ_50);
            vm.normalisationProperty().set(NormalizeStep.Kind.ZSCORE);
            vm.lengthPolicyProperty().set(PreviewViewModel.Length.CENTER);
            shown.set(PreviewFixtures.synthetic1000Hz());
        });
        PreviewRoomTest.waitForDrawn(vm, r -> r.stages().size() == 6);
        if (Boolean.getBoolean("ecg.preview.edge")) robot.interact(() -> vm.viewProperty().set(PreviewViewModel.View.START));
        WaitForAsyncUtils.waitForFxEvents();

        BufferedImage image = Screenshots.write(robot, stage.getScene().getRoot(), "preview.png");
        assertThat(image.getWidth()).isEqualTo((int) Screenshots.WIDTH);
    }
}
