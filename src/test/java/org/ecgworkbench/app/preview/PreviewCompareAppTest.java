package org.ecgworkbench.app.preview;

import static org.assertj.core.api.Assertions.assertThat;

import javafx.beans.property.SimpleObjectProperty;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.scene.paint.Color;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.ecgworkbench.app.EcgWorkbenchApp;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.app.PreviewResult;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The preview at 1280×720 as a student uses it: the hint says where FFT and polyphase differ; picking
 * "FFT − polyphase" under Compare draws the polyphase trace over the FFT row (orange) and a difference
 * row (red) below the stages, and the hint then gives the numbers.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class PreviewCompareAppTest {

    private final SimpleObjectProperty<EcgRecord> shown = new SimpleObjectProperty<>();
    private FxBackgroundWork work;
    private PreviewRoom room;

    @Start
    void start(Stage stage) {
        work = new FxBackgroundWork();
        room = PreviewRoom.load(work, shown);
        Scene scene = new Scene(room.root(), 1280, 720);
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
    void theFftMinusPolyphaseDifferenceAndTheHintAreShown(FxRobot robot) throws Exception {
        PreviewViewModel vm = room.viewModel();
        robot.interact(() -> shown.set(PreviewFixtures.ramp("ramp", 1000, 12_000)));
        PreviewRoomTest.waitForDrawn(vm, r -> r.recordId().equals("ramp"));
        Label hint = robot.lookup("#previewHint").queryAs(Label.class);
        assertThat(hint.getText()).contains("differ at the record's edges");
        assertFullyShown(hint, robot);
        assertThat(countPixels(robot, Color.rgb(190, 30, 30))).isZero();

        robot.clickOn("#compareChoice").clickOn("FFT − polyphase");
        PreviewResult r = PreviewRoomTest.waitForDrawn(vm, x -> x.comparison() != null);
        assertThat(r.comparison().label()).isEqualTo("FFT − polyphase");
        assertThat(hint.getText()).startsWith("FFT − polyphase: largest difference").contains("Show → first edge");
        assertFullyShown(hint, robot);
        // The compare box shows its choice whole.
        assertThat(robot.lookup("#compareChoice .list-cell").lookup(".text").queryAll())
                .allSatisfy(n -> assertThat(((Text) n).getText()).isEqualTo("FFT − polyphase"));
        // The difference row (red) and the overlay (orange) are painted.
        assertThat(countPixels(robot, Color.rgb(190, 30, 30))).isGreaterThan(50);
        assertThat(countPixels(robot, Color.rgb(230, 110, 0))).isGreaterThan(50);
    }

    private static void assertFullyShown(Label label, FxRobot robot) {
        Bounds b = label.localToScene(label.getBoundsInLocal());
        assertThat(b.getMaxY()).isLessThanOrEqualTo(label.getScene().getHeight());
        assertThat(label.getHeight()).isGreaterThanOrEqualTo(label.prefHeight(label.getWidth()) - 0.5);
        assertThat(robot.from(label).lookup(".text").queryAll()).allSatisfy(n -> assertThat(((Text) n).getText())
                .doesNotEndWith("…").doesNotEndWith("..."));
    }

    /** Pixels of the stages view close to a colour (overlay alpha and anti-aliasing allowed for). */
    private long countPixels(FxRobot robot, Color wanted) throws Exception {
        Node view = robot.lookup(".preview-stages").query();
        WritableImage[] shot = new WritableImage[1];
        robot.interact(() -> shot[0] = view.snapshot(null, null));
        PixelReader px = shot[0].getPixelReader();
        long n = 0;
        for (int y = 0; y < (int) shot[0].getHeight(); y++) {
            for (int x = 0; x < (int) shot[0].getWidth(); x++) {
                Color c = px.getColor(x, y);
                if (Math.abs(c.getRed() - wanted.getRed()) < 0.12 && Math.abs(c.getGreen() - wanted.getGreen()) < 0.12
                        && Math.abs(c.getBlue() - wanted.getBlue()) < 0.12) n++;
            }
        }
        return n;
    }
}
