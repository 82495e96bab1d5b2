package org.ecgworkbench.app.measurements;

import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** "Statements (measurements)" (MeasuredStatements.fxml): the statements with their marks, bound to {@link MeasurementsViewModel}. */
public final class MeasuredStatementsController {

    @FXML private Label statementsNoteLabel;
    @FXML private ListView<StatementRow> statementList;
    @FXML private Label unmatchedLabel;

    /**
     * @param shown whether the statements are on screen: the list holds its rows only then, so that switching
     *              records does not lay out wrapped text nobody sees (the FX thread's budget, FxThreadWatch)
     */
    public void bind(MeasurementsViewModel vm, ObservableBooleanValue shown) {
        statementsNoteLabel.textProperty().bind(vm.statementsNoteProperty());
        unmatchedLabel.textProperty().bind(vm.unmatchedProperty());
        unmatchedLabel.visibleProperty().bind(unmatchedLabel.textProperty().isNotEmpty());
        unmatchedLabel.managedProperty().bind(unmatchedLabel.visibleProperty());
        statementList.setItems(shown.get() ? vm.statements() : FXCollections.observableArrayList());
        shown.addListener((o, was, is) -> statementList.setItems(is ? vm.statements() : FXCollections.observableArrayList()));
        statementList.setPlaceholder(new Label("No statements"));
        statementList.setCellFactory(StatementCell::new);
    }

    /** The title, the marks and the reason in numbers, each on its own line(s), wrapped to the list's width. */
    private static final class StatementCell extends ListCell<StatementRow> {
        private final Label title = new Label();
        private final Label marks = new Label();
        private final Label reason = new Label();
        private final VBox box = new VBox(1, title, marks, reason);
        /** One tooltip per cell, its text replaced: a new Tooltip per update costs the FX thread a CSS pass. */
        private final Tooltip tooltip = new Tooltip();

        StatementCell(ListView<StatementRow> list) {
            title.getStyleClass().add("statement-title");
            marks.getStyleClass().add("statement-marks");
            reason.getStyleClass().add("statement-reason");
            for (Label l : new Label[] {title, marks, reason}) {
                l.setWrapText(true);
                l.setMinHeight(Region.USE_PREF_SIZE);
            }
            // Wrapped text needs a width: the list's, less its scroll bar and the cell's padding.
            box.prefWidthProperty().bind(list.widthProperty().subtract(30));
            box.setMinWidth(0);
        }

        @Override
        protected void updateItem(StatementRow row, boolean empty) {
            super.updateItem(row, empty);
            if (empty || row == null) {
                setGraphic(null);
                setTooltip(null);
                return;
            }
            title.setText(row.title());
            marks.setText(row.marks());
            reason.setText(row.reason());
            tooltip.setText(row.title() + "\n" + row.reason() + "\n" + row.marksInWords());
            setTooltip(tooltip);
            setGraphic(box);
        }
    }
}
