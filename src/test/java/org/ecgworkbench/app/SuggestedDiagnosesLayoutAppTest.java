package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.Region;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.ecgworkbench.app.suggestions.SuggestedDiagnosesViewModel;
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
 * The suggested-diagnoses panel as a clinician sees it at 1280 × 720: at least eight rows fully
 * visible (name, bar, words), the model on one line, the attribution legend and the sentence saying
 * what the chosen method shows.
 */
@ExtendWith(ApplicationExtension.class)
@FxTest
class SuggestedDiagnosesLayoutAppTest {

    private EcgWorkbenchApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new EcgWorkbenchApp();
        app.start(stage);
        stage.setWidth(1280);
        stage.setHeight(720);
    }

    /** The primary stage outlives the test class: give it back at the app's own size (ViewerScreenshotTest expects it). */
    @AfterEach
    void restoreSize() throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            stage.setWidth(EcgWorkbenchApp.WIDTH);
            stage.setHeight(EcgWorkbenchApp.HEIGHT);
        }).get();
    }

    @Test
    void eightRowsTheLegendAndTheMethodSentenceAreShownAt1280x720(FxRobot robot) throws Exception {
        SuggestedDiagnosesViewModel s = app.suggestions();
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> s.rows().size() == 24);
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> s.shadedProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stage.getScene().getWidth()).isEqualTo(1280);
        assertThat(stage.getScene().getHeight()).isEqualTo(720);

        ListView<?> list = robot.lookup("#suggestionList").queryListView();
        Screenshots.write(robot, stage.getScene().getRoot(), "suggestions-1280x720.png");
        assertThat(fullyVisibleRows(robot, list)).as("suggestion rows fully visible at 1280 × 720").isGreaterThanOrEqualTo(8);

        // Nothing in the panel is cut short.
        Node panel = robot.lookup("#suggestions").query();
        assertThat(panel.lookupAll(".text")).allSatisfy(t -> assertThat(((Text) t).getText())
                .as("a text in the panel").doesNotEndWith("…").doesNotEndWith("..."));

        // The model on one line, details on demand.
        TitledPane model = robot.lookup("#modelPane").queryAs(TitledPane.class);
        assertThat(model.isExpanded()).isFalse();
        assertThat(model.getHeight()).isLessThan(30);

        // The legend: low → high in the paper's heat colour, and the cut.
        Region bar = robot.lookup("#legendBar").queryAs(Region.class);
        assertThat(shownInScene(bar)).isTrue();
        assertThat(bar.getWidth()).isPositive();
        assertThat(bar.getBackground().getFills()).hasSize(1);
        assertThat(robot.lookup("#shadingKeyLabel").queryAs(Label.class).getText()).contains("top 10 % of each lead");
        assertThat(shownInScene(robot.lookup("#shadingKeyLabel").query())).isTrue();

        // The method sentence under the chooser, shown when the method is chosen (the pane opened).
        TitledPane explain = robot.lookup("#explainPane").queryAs(TitledPane.class);
        robot.interact(() -> explain.setExpanded(true));
        WaitForAsyncUtils.waitForFxEvents();
        Label sentence = robot.lookup("#methodSentenceLabel").queryAs(Label.class);
        assertThat(sentence.getText()).startsWith("Gradient × input:");
        assertThat(shownInScene(sentence)).isTrue();
        assertThat(shownInScene(robot.lookup("#explainMethodChoice").query())).isTrue();
        assertThat(shownInScene(bar)).as("the legend stays").isTrue();
    }

    /** Rows whose whole cell lies inside the list's viewport. */
    static long fullyVisibleRows(FxRobot robot, ListView<?> list) {
        Bounds view = list.localToScene(list.getLayoutBounds());
        return robot.lookup(".list-cell").queryAll().stream()
                .filter(n -> n instanceof ListCell<?> c && c.getListView() == list && !c.isEmpty() && c.isVisible())
                .map(n -> n.localToScene(n.getLayoutBounds()))
                .filter(b -> b.getMinY() >= view.getMinY() - 0.5 && b.getMaxY() <= view.getMaxY() + 0.5 && b.getHeight() > 20)
                .count();
    }

    /** Visible, laid out with a size, and inside the window. */
    static boolean shownInScene(Node n) {
        if (!n.isVisible() || n.getScene() == null) return false;
        for (Node p = n; p != null; p = p.getParent()) if (!p.isVisible()) return false;
        Bounds b = n.localToScene(n.getLayoutBounds());
        return b.getWidth() > 0 && b.getHeight() > 0 && b.getMinX() >= 0 && b.getMinY() >= 0
                && b.getMaxX() <= n.getScene().getWidth() + 0.5 && b.getMaxY() <= n.getScene().getHeight() + 0.5;
    }
}
