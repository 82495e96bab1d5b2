package org.ecgworkbench.app.measurements;

import java.util.List;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;

/**
 * The measurement block above the paper (MeasurementBlock.fxml): binds the block's lines, the per-lead table and the
 * median beats to {@link MeasurementsViewModel}.
 */
public final class MeasurementBlockController {

    @FXML private Label intervalsLabel;
    @FXML private Label axesLabel;
    @FXML private Label statementsLabel;
    @FXML private Label warningsLabel;
    @FXML private ToggleButton leadTableToggle;
    @FXML private ToggleButton medianBeatsToggle;
    @FXML private HBox detail;
    @FXML private TableView<LeadRow> leadTable;
    @FXML private MedianBeatsView medianBeats;

    /** The table's columns: title and the row's text. */
    private static final List<Column> COLUMNS = List.of(
            new Column("Lead", LeadRow::lead), new Column("P mV", LeadRow::pMv), new Column("P ms", LeadRow::pMs),
            new Column("Q mV", LeadRow::qMv), new Column("Q ms", LeadRow::qMs), new Column("R mV", LeadRow::rMv),
            new Column("R ms", LeadRow::rMs), new Column("S mV", LeadRow::sMv), new Column("S ms", LeadRow::sMs),
            new Column("R′ mV", LeadRow::rPrimeMv), new Column("R′ ms", LeadRow::rPrimeMs),
            new Column("S′ mV", LeadRow::sPrimeMv), new Column("S′ ms", LeadRow::sPrimeMs),
            new Column("T mV", LeadRow::tMv), new Column("ST J mV", LeadRow::stJMv),
            new Column("ST J+60 mV", LeadRow::stJ60Mv));

    private record Column(String title, Function<LeadRow, String> text) {
    }

    public void bind(MeasurementsViewModel vm) {
        intervalsLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.blockProperty().get().intervals(), vm.blockProperty()));
        axesLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.blockProperty().get().axes(), vm.blockProperty()));
        statementsLabel.textProperty().bind(Bindings.createStringBinding(() -> vm.blockProperty().get().statements(), vm.blockProperty()));
        warningsLabel.textProperty().bind(Bindings.createStringBinding(
                () -> String.join(" · ", vm.blockProperty().get().warnings()), vm.blockProperty()));
        warningsLabel.visibleProperty().bind(warningsLabel.textProperty().isNotEmpty());
        warningsLabel.managedProperty().bind(warningsLabel.visibleProperty());
        Tooltip details = new Tooltip();
        details.textProperty().bind(Bindings.createStringBinding(() -> vm.blockProperty().get().details(), vm.blockProperty()));
        intervalsLabel.setTooltip(details);
        axesLabel.setTooltip(details);

        leadTableToggle.selectedProperty().bindBidirectional(vm.showLeadTableProperty());
        medianBeatsToggle.selectedProperty().bindBidirectional(vm.showMedianBeatsProperty());
        leadTable.visibleProperty().bind(vm.showLeadTableProperty());
        leadTable.managedProperty().bind(leadTable.visibleProperty());
        medianBeats.visibleProperty().bind(vm.showMedianBeatsProperty());
        medianBeats.managedProperty().bind(medianBeats.visibleProperty());
        detail.visibleProperty().bind(vm.showLeadTableProperty().or(vm.showMedianBeatsProperty()));
        detail.managedProperty().bind(detail.visibleProperty());

        for (Column c : COLUMNS) {
            TableColumn<LeadRow, String> column = new TableColumn<>(c.title());
            column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(c.text().apply(cell.getValue())));
            column.setSortable(false);
            // Narrow columns, so most of the table shows beside the side panel at 1280 px (it scrolls for the rest).
            column.setPrefWidth(c.title().equals("Lead") ? 44 : c.title().length() > 6 ? 74 : 54);
            leadTable.getColumns().add(column);
        }
        // Rows only while the table is shown: a hidden table would still rebuild its cells on every record.
        leadTable.setItems(vm.showLeadTableProperty().get() ? vm.leadRows() : FXCollections.observableArrayList());
        vm.showLeadTableProperty().addListener(
                (o, was, is) -> leadTable.setItems(is ? vm.leadRows() : FXCollections.observableArrayList()));
        leadTable.setPlaceholder(new Label("No per-lead measurements for this record"));
        medianBeats.bind(vm.measuredProperty());
    }
}
