package org.ecgworkbench.app.wizard;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableValue;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.RadioButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import org.ecgworkbench.app.LabelledConverter;

/** Layout helpers of the wizard's pages: labelled rows, checked text fields, choice boxes, the page's problem line. */
final class WizardForms {

    static final String ERROR_STYLE = "wizard-field-error";

    private WizardForms() {
    }

    static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(10);
        g.setVgap(8);
        g.setPadding(new Insets(4, 0, 8, 0));
        return g;
    }

    static void row(GridPane grid, String label, Node... nodes) {
        int r = grid.getRowCount();
        grid.add(new Label(label), 0, r);
        for (int i = 0; i < nodes.length; i++) grid.add(nodes[i], i + 1, r);
    }

    /** A text field edited into the checked text; red, with the reason as tooltip, while invalid. */
    static TextField field(CheckedText<?> text, String id, double width) {
        TextField f = new TextField();
        f.setId(id);
        f.setPrefColumnCount((int) width);
        f.textProperty().bindBidirectional(text.textProperty());
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(text.errorProperty());
        Runnable mark = () -> {
            boolean bad = !text.errorProperty().get().isEmpty();
            if (bad && !f.getStyleClass().contains(ERROR_STYLE)) f.getStyleClass().add(ERROR_STYLE);
            if (!bad) f.getStyleClass().remove(ERROR_STYLE);
            f.setTooltip(bad ? tip : null);
        };
        text.errorProperty().addListener(x -> mark.run());
        mark.run();
        return f;
    }

    /** A choice box over values, shown by {@code name}, bound both ways to the property. */
    static <T> ComboBox<T> choice(List<T> values, ObjectProperty<T> property, Function<T, String> name, String id) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(values);
        box.setConverter(LabelledConverter.of(values, name));
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    /**
     * Two radio buttons for a yes/no property: {@code on} selected when it is true, {@code off} when
     * it is false, and the property following the buttons.
     *
     * @return {@code off} then {@code on}
     */
    static RadioButton[] either(String offText, String offId, String onText, String onId, BooleanProperty property) {
        ToggleGroup group = new ToggleGroup();
        RadioButton off = new RadioButton(offText);
        off.setId(offId);
        RadioButton on = new RadioButton(onText);
        on.setId(onId);
        off.setToggleGroup(group);
        on.setToggleGroup(group);
        on.selectedProperty().bindBidirectional(property);
        off.setSelected(!property.get());
        property.addListener((o, old, now) -> off.setSelected(!now));
        return new RadioButton[] {off, on};
    }

    /** The page's problem, in red under its fields. */
    static Label problem(StringBinding problem) {
        Label l = new Label();
        l.getStyleClass().add("wizard-problem");
        l.setWrapText(true);
        l.textProperty().bind(problem);
        return l;
    }

    static Label wrapped(ObservableValue<String> text) {
        Label l = new Label();
        l.setWrapText(true);
        l.textProperty().bind(text);
        return l;
    }
}
