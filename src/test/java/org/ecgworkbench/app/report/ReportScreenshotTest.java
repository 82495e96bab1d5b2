package org.ecgworkbench.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.util.Comparator;
import javafx.scene.Scene;
import javafx.scene.control.TabPane;
import javafx.stage.Stage;
import org.ecgworkbench.app.EcgWorkbenchApp;
import org.ecgworkbench.app.FxBackgroundWork;
import org.ecgworkbench.tools.Screenshots;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/**
 * Writes report.png (the selected class) and report-heatmap.png (the class heat map, shares): the report
 * room on a real tiny run (60 synthetic records, one epoch), its most frequent class selected. Into {@code target/screenshots/}; to refresh
 * the committed picture run {@code mvn -B -o test -Dtest=ReportScreenshotTest -Decg.screenshots.dir=docs/images}.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class ReportScreenshotTest {
    private FxBackgroundWork work;
    private ReportRoom room;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        work = new FxBackgroundWork();
        room = ReportRoom.open(work, ReportFixtures.tinyRun());
        Scene scene = new Scene(new TabPane(room.tab()), Screenshots.WIDTH, Screenshots.HEIGHT);
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
    void writesTheReportScreenshot(FxRobot robot) throws Exception {
        ReportRoomAppTest.waitLoaded(room.viewModel());
        robot.interact(() -> room.viewModel().selectedClassProperty().set(room.viewModel().classRows().stream()
                .max(Comparator.comparingInt(ClassRow::support)).orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        BufferedImage image = Screenshots.write(robot, stage.getScene().getRoot(), "report.png");
        assertThat(image.getWidth()).isEqualTo((int) Screenshots.WIDTH);
        robot.clickOn("Class heat map").clickOn("#normalisedCheck");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(room.viewModel().heatMapProperty().get().normalised()).isTrue();
        Screenshots.write(robot, stage.getScene().getRoot(), "report-heatmap.png");
    }
}
