package org.ecgworkbench.app.report;

import java.io.File;
import java.util.Locale;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.stage.FileChooser;
import org.ecgworkbench.eval.ConfusionCounts;

/** Binds the report room's controls to a {@link ReportViewModel}; the file chooser is the only thing it decides. */
public final class ReportController {
    @FXML private Label reportTitle;
    @FXML private Label reportDescription;
    @FXML private Button exportCsvButton;
    @FXML private Button exportJsonButton;
    @FXML private Button exportHtmlButton;
    @FXML private TableView<ClassRow> classTable;
    @FXML private TableColumn<ClassRow, String> classColumn;
    @FXML private TableColumn<ClassRow, Number> supportColumn;
    @FXML private TableColumn<ClassRow, Number> precisionColumn;
    @FXML private TableColumn<ClassRow, Number> recallColumn;
    @FXML private TableColumn<ClassRow, Number> f1Column;
    @FXML private TableColumn<ClassRow, Number> aurocColumn;
    @FXML private TableColumn<ClassRow, Number> auprcColumn;
    @FXML private TableColumn<ClassRow, Number> thresholdColumn;
    @FXML private TableView<AverageRow> averagesTable;
    @FXML private TableColumn<AverageRow, String> averageNameColumn;
    @FXML private TableColumn<AverageRow, Number> averageValueColumn;
    @FXML private TableColumn<AverageRow, String> averageMeaningColumn;
    @FXML private Label selectedClassLabel;
    @FXML private Label truePositives;
    @FXML private Label falsePositives;
    @FXML private Label falseNegatives;
    @FXML private Label trueNegatives;
    @FXML private LineChart<Number, Number> rocChart;
    @FXML private LineChart<Number, Number> prChart;
    @FXML private CheckBox normalisedCheck;
    @FXML private HeatMapView heatMapView;
    @FXML private CheckBox disagreementsCheck;
    @FXML private TableView<RecordRow> recordTable;
    @FXML private TableColumn<RecordRow, String> recordIdColumn;
    @FXML private TableColumn<RecordRow, String> recordTruthColumn;
    @FXML private TableColumn<RecordRow, String> recordPredictedColumn;
    @FXML private TableColumn<RecordRow, String> recordDiffColumn;
    @FXML private Label reportStatus;
    @FXML private ProgressIndicator reportBusy;
    @FXML private Button cancelButton;

    private ReportViewModel vm;

    void bind(ReportViewModel viewModel) {
        this.vm = viewModel;
        reportTitle.textProperty().bind(vm.titleProperty());
        reportDescription.textProperty().bind(vm.descriptionProperty());
        reportStatus.textProperty().bind(vm.statusProperty());
        reportBusy.progressProperty().bind(vm.progressProperty());
        reportBusy.visibleProperty().bind(vm.busyProperty());
        cancelButton.visibleProperty().bind(vm.busyProperty());
        for (Button b : new Button[] {exportCsvButton, exportJsonButton, exportHtmlButton}) {
            b.disableProperty().bind(vm.loadedProperty().isNull().or(vm.busyProperty()));
        }

        SortedList<ClassRow> sortedClasses = new SortedList<>(vm.classRows());
        sortedClasses.comparatorProperty().bind(classTable.comparatorProperty());
        classTable.setItems(sortedClasses);
        classColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().abbrev()));
        classColumn.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                ClassRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : item);
                setTooltip(row == null ? null : new Tooltip(row.name() + " (SNOMED CT " + row.code() + ")"));
            }
        });
        number(supportColumn, ClassRow::support, "%.0f");
        number(precisionColumn, ClassRow::precision, "%.3f");
        number(recallColumn, ClassRow::recall, "%.3f");
        number(f1Column, ClassRow::f1, "%.3f");
        number(aurocColumn, ClassRow::auroc, "%.3f");
        number(auprcColumn, ClassRow::auprc, "%.3f");
        number(thresholdColumn, ClassRow::threshold, "%.3f");
        classTable.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> {
            if (now != null) vm.selectedClassProperty().set(now);
        });
        vm.selectedClassProperty().addListener((o, was, now) -> {
            if (now != null && classTable.getSelectionModel().getSelectedItem() != now) classTable.getSelectionModel().select(now);
            selectedClassLabel.setText(now == null ? "" : now.abbrev() + " — " + now.name() + ", " + now.support() + " records, threshold "
                    + String.format(Locale.ROOT, "%.3f", now.threshold()));
        });

        averagesTable.setItems(vm.averages());
        averageNameColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().name()));
        averageMeaningColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().meaning()));
        averageValueColumn.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(c.getValue().value()));
        averageValueColumn.setCellFactory(col -> formatted(v -> v == Math.rint(v) && Math.abs(v) > 1 ? "%.0f" : "%.4f"));

        vm.confusionProperty().addListener((o, was, now) -> showConfusion(now));
        showConfusion(vm.confusionProperty().get());
        vm.rocProperty().addListener((o, was, now) -> plot(rocChart, now, true));
        vm.precisionRecallProperty().addListener((o, was, now) -> plot(prChart, now, false));
        plot(rocChart, vm.rocProperty().get(), true);
        plot(prChart, vm.precisionRecallProperty().get(), false);

        normalisedCheck.selectedProperty().bindBidirectional(vm.normalisedProperty());
        heatMapView.heatMapProperty().bind(vm.heatMapProperty());

        disagreementsCheck.selectedProperty().bindBidirectional(vm.onlyDisagreementsProperty());
        recordTable.setItems(vm.records());
        recordIdColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().id()));
        recordTruthColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().truthText()));
        recordPredictedColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(c.getValue().predictedText()));
        recordDiffColumn.setCellValueFactory(c -> new ReadOnlyStringWrapper(diff(c.getValue())));
        recordTable.setRowFactory(table -> {
            TableRow<RecordRow> row = new TableRow<>() {
                @Override
                protected void updateItem(RecordRow item, boolean empty) {
                    super.updateItem(item, empty);
                    getStyleClass().remove("disagreement");
                    if (!empty && item != null && !item.agrees()) getStyleClass().add("disagreement");
                }
            };
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) vm.openRecord(row.getItem());
            });
            return row;
        });
    }

    private static String diff(RecordRow r) {
        if (r.agrees()) return "✓";
        StringBuilder sb = new StringBuilder("✗");
        if (!r.missed().isEmpty()) sb.append(" missed ").append(String.join(", ", r.missed()));
        if (!r.extra().isEmpty()) sb.append(r.missed().isEmpty() ? " " : "; ").append("extra ").append(String.join(", ", r.extra()));
        return sb.toString();
    }

    private void showConfusion(ConfusionCounts c) {
        truePositives.setText(c == null ? "" : "TP " + c.truePositives());
        falsePositives.setText(c == null ? "" : "FP " + c.falsePositives());
        falseNegatives.setText(c == null ? "" : "FN " + c.falseNegatives());
        trueNegatives.setText(c == null ? "" : "TN " + c.trueNegatives());
    }

    private static void plot(LineChart<Number, Number> chart, CurvePoints points, boolean chanceDiagonal) {
        XYChart.Series<Number, Number> curve = new XYChart.Series<>();
        double[] x = points.x();
        double[] y = points.y();
        for (int i = 0; i < x.length; i++) curve.getData().add(new XYChart.Data<>(x[i], y[i]));
        curve.setName(points.note());
        chart.getData().clear();
        chart.getData().add(curve);
        if (chanceDiagonal && x.length > 0) {
            XYChart.Series<Number, Number> chance = new XYChart.Series<>();
            chance.getData().add(new XYChart.Data<>(0, 0));
            chance.getData().add(new XYChart.Data<>(1, 1));
            chart.getData().add(chance);
        }
        String base = chanceDiagonal ? "ROC" : "Precision-recall";
        chart.setTitle(points.note().isEmpty() ? base : base + " · " + points.note());
    }

    private static <S> void number(TableColumn<S, Number> column, ToDoubleFunction<S> value, String format) {
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(c.getValue())));
        column.setCellFactory(col -> formatted(v -> format));
        column.setStyle("-fx-alignment: CENTER-RIGHT;");
    }

    private static <S> TableCell<S, Number> formatted(Function<Double, String> format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Number item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) setText(null);
                else setText(MetricText.of(item.doubleValue(), format.apply(item.doubleValue())));
            }
        };
    }

    @FXML
    private void exportCsv() {
        export(ReportFormat.CSV);
    }

    @FXML
    private void exportJson() {
        export(ReportFormat.JSON);
    }

    @FXML
    private void exportHtml() {
        export(ReportFormat.HTML);
    }

    private void export(ReportFormat format) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the report as " + format.description());
        chooser.setInitialFileName(vm.suggestedFileName(format));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(format.description(), "*." + format.extension()));
        Node owner = reportTitle;
        File file = chooser.showSaveDialog(owner.getScene() == null ? null : owner.getScene().getWindow());
        if (file != null) vm.export(format, file.toPath());
    }

    @FXML
    private void cancel() {
        vm.cancel();
    }
}
