package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import org.ecgworkbench.support.FxTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The checker itself: it finds each kind of cut text, and leaves whole texts and hover-readable values alone. */
@ExtendWith(ApplicationExtension.class)
@FxTest
class CutTextCheckTest {
    private VBox root;

    @Start
    void start(Stage stage) {
        Label cut = new Label("A label much too long for sixty pixels");
        cut.setMaxWidth(60);
        Label whole = new Label("Fits");
        Label hover = new Label("/a/very/long/path/to/a/record/file.hea");
        hover.setMaxWidth(60);
        hover.setTooltip(new Tooltip("/a/very/long/path/to/a/record/file.hea"));
        Label ownEllipsis = new Label("Loading …");
        Button button = new Button("A button with a long caption");
        button.setMaxWidth(70);
        ChoiceBox<String> choice = new ChoiceBox<>();
        choice.getItems().add("cut / pad at the end of the record");
        choice.setValue(choice.getItems().get(0));
        choice.setMaxWidth(90);
        TitledPane titled = new TitledPane("Failed records and their reasons", new Label("x"));
        titled.setMinWidth(90);
        titled.setMaxWidth(90);
        TableView<String> table = new TableView<>();
        table.setId("table");
        TableColumn<String, String> column = new TableColumn<>("Test F1 samples");
        column.setPrefWidth(40);
        table.getColumns().add(column);
        table.setMaxWidth(200);
        root = new VBox(4, cut, whole, hover, ownEllipsis, button, choice, titled, table);
        stage.setScene(new Scene(root, 400, 600));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void findsEveryKindOfCutText(FxRobot robot) {
        List<CutTextCheck.Cut> cuts = new ArrayList<>();
        robot.interact(() -> cuts.addAll(CutTextCheck.cuts("test", root)));
        assertThat(cuts).extracting(CutTextCheck.Cut::fullText).containsExactlyInAnyOrder(
                "A label much too long for sixty pixels", "A button with a long caption",
                "cut / pad at the end of the record", "Failed records and their reasons", "Test F1 samples");
        assertThat(cuts).allSatisfy(c -> assertThat(c.room()).isEqualTo("test"));
        assertThat(cuts).anySatisfy(c -> assertThat(c.node()).contains("in TableView#table"));
    }
}
