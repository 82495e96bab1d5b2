package org.ecgworkbench.app.measurements;

import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** "Statements (measurements)" (MeasuredStatements.fxml): the statements with their marks, bound to {@link MeasurementsViewModel}. */
public final class MeasuredStatementsController {

    @FXML private Label statementsNoteLabel;
    @FXML private ListView<StatementRow> statementList;
    @FXML private Label unmatchedLabel;

    public void bind(MeasurementsViewModel vm) {
        statementsNoteLabel.textProperty().bind(vm.statementsNoteProperty());
        unmatchedLabel.textProperty().bind(vm.unmatchedProperty());
        unmatchedLabel.visibleProperty().bind(unmatchedLabel.textProperty().isNotEmpty());
        unmatchedLabel.managedProperty().bind(unmatchedLabel.visibleProperty());
        statementList.setItems(vm.statements());
        statementList.setPlaceholder(new Label("No statements"));
        statementList.setCellFactory(list -> new StatementCell());
    }

    /** Title and marks on the first line, the reason in numbers below. */
    private static final class StatementCell extends ListCell<StatementRow> {
        private final Label title = new Label();
        private final Label marks = new Label();
        private final Label reason = new Label();
        private final Region gap = new Region();
        private final VBox box = new VBox(1, new HBox(4, title, gap, marks), reason);

        StatementCell() {
            HBox.setHgrow(gap, Priority.ALWAYS);
            title.getStyleClass().add("statement-title");
            marks.getStyleClass().add("statement-marks");
            reason.getStyleClass().add("statement-reason");
            reason.setWrapText(true);
            marks.setMinWidth(Region.USE_PREF_SIZE);
            title.setMinWidth(0);
            box.setMinWidth(0);
            box.setPrefWidth(1);
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
            setTooltip(new Tooltip(row.title() + "\n" + row.reason() + "\n" + row.marksInWords()));
            setGraphic(box);
        }
    }
}
