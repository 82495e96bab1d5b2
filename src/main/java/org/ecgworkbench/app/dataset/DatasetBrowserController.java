package org.ecgworkbench.app.dataset;

import java.io.File;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.SortedList;
import javafx.fxml.FXML;
import javafx.scene.chart.BarChart;
import javafx.scene.chart.CategoryAxis;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseButton;
import javafx.stage.DirectoryChooser;
import org.ecgworkbench.dataset.ScanResult;

/** The dataset browser's view: binds the FXML controls to {@link DatasetBrowserViewModel}; no logic of its own. */
public final class DatasetBrowserController {

    @FXML private Button openFolderButton;
    @FXML private Button addFolderButton;
    @FXML private ProgressBar scanProgress;
    @FXML private Button cancelButton;
    @FXML private Label scanStatus;
    @FXML private ComboBox<DatasetBrowserViewModel.ClassOption> classCombo;
    @FXML private ComboBox<DatasetBrowserViewModel.SourceOption> sourceCombo;
    @FXML private TextField searchField;
    @FXML private Label shownLabel;
    @FXML private TableView<DatasetBrowserRow> recordTable;
    @FXML private TableColumn<DatasetBrowserRow, String> idColumn;
    @FXML private TableColumn<DatasetBrowserRow, String> sourceColumn;
    @FXML private TableColumn<DatasetBrowserRow, Double> fsColumn;
    @FXML private TableColumn<DatasetBrowserRow, Double> durationColumn;
    @FXML private TableColumn<DatasetBrowserRow, Double> ageColumn;
    @FXML private TableColumn<DatasetBrowserRow, String> sexColumn;
    @FXML private TableColumn<DatasetBrowserRow, String> dxColumn;
    @FXML private TitledPane failedPane;
    @FXML private TableView<ScanResult.Failure> failedTable;
    @FXML private Label failedPlaceholder;
    @FXML private TableColumn<ScanResult.Failure, String> failedPathColumn;
    @FXML private TableColumn<ScanResult.Failure, String> failedErrorColumn;
    @FXML private BarChart<Number, String> classChart;
    @FXML private CategoryAxis classAxis;

    private DatasetBrowserViewModel viewModel;
    private final Map<String, XYChart.Data<Number, String>> bars = new HashMap<>();

    public void bind(DatasetBrowserViewModel vm) {
        this.viewModel = vm;

        scanProgress.progressProperty().bind(vm.progressProperty());
        scanProgress.visibleProperty().bind(vm.scanningProperty());
        cancelButton.visibleProperty().bind(vm.scanningProperty());
        cancelButton.managedProperty().bind(vm.scanningProperty());
        scanStatus.textProperty().bind(vm.statusProperty());

        classCombo.getItems().setAll(vm.classOptions());
        classCombo.valueProperty().bindBidirectional(vm.classFilterProperty());
        sourceCombo.getItems().setAll(vm.sourceOptions());
        sourceCombo.valueProperty().bindBidirectional(vm.sourceFilterProperty());
        searchField.textProperty().bindBidirectional(vm.textFilterProperty());
        shownLabel.textProperty().bind(vm.shownTextProperty());

        idColumn.setCellValueFactory(c -> value(c.getValue(), DatasetBrowserRow::id));
        sourceColumn.setCellValueFactory(c -> value(c.getValue(), DatasetBrowserRow::source));
        fsColumn.setCellValueFactory(c -> value(c.getValue(), DatasetBrowserRow::fs));
        fsColumn.setCellFactory(c -> numberCell("%.0f"));
        durationColumn.setCellValueFactory(c -> value(c.getValue(), DatasetBrowserRow::durationSeconds));
        durationColumn.setCellFactory(c -> numberCell("%.1f"));
        ageColumn.setCellValueFactory(c -> value(c.getValue(), DatasetBrowserRow::age));
        ageColumn.setCellFactory(c -> numberCell("%.0f"));
        sexColumn.setCellValueFactory(c -> value(c.getValue(), DatasetBrowserRow::sex));
        dxColumn.setCellValueFactory(c -> value(c.getValue(), DatasetBrowserRow::diagnoses));
        SortedList<DatasetBrowserRow> sorted = new SortedList<>(vm.rows());
        sorted.comparatorProperty().bind(recordTable.comparatorProperty());
        recordTable.setItems(sorted);
        recordTable.setRowFactory(t -> {
            TableRow<DatasetBrowserRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2 && !row.isEmpty()) {
                    vm.openInViewer(row.getItem());
                }
            });
            return row;
        });

        failedPane.textProperty().bind(vm.failedTitleProperty());
        failedTable.setItems(vm.failures());
        failedPathColumn.setCellValueFactory(c -> value(c.getValue(), f -> String.valueOf(f.path().getFileName())));
        failedErrorColumn.setCellValueFactory(c -> value(c.getValue(), ScanResult.Failure::reason));
        failedPlaceholder.textProperty().bind(vm.failedPlaceholderProperty());
        failedErrorColumn.setCellFactory(c -> {
            // The full error as a tooltip, made when the pointer first rests on the cell: a Tooltip is a
            // styled popup, and making one per cell with every scan result cost the FX thread dearly.
            TableCell<ScanResult.Failure, String> cell = new TableCell<>() {
                @Override
                protected void updateItem(String item, boolean empty) {
                    super.updateItem(item, empty);
                    setText(empty ? null : item);
                    if (getTooltip() != null) getTooltip().setText(empty || item == null ? "" : item);
                }
            };
            cell.setOnMouseEntered(e -> {
                if (cell.getTooltip() == null && cell.getItem() != null) cell.setTooltip(new Tooltip(cell.getItem()));
            });
            return cell;
        });

        vm.classCounts().addListener((ListChangeListener<DatasetBrowserViewModel.ClassCount>) c -> showCounts());
        showCounts();
    }

    /**
     * Updates the bars in place and orders the axis by the classes' totals (largest on top). The 24 bars
     * are made once: re-making them for every new order cost the FX thread ~20 ms per scan batch.
     */
    private void showCounts() {
        List<DatasetBrowserViewModel.ClassCount> ordered = viewModel.classCountsByTotal();
        List<String> categories = new ArrayList<>(ordered.stream().map(DatasetBrowserViewModel.ClassCount::label).toList());
        Collections.reverse(categories); // a vertical category axis lists its first category at the bottom
        if (bars.isEmpty() || !bars.keySet().equals(new HashSet<>(categories))) {
            bars.clear();
            XYChart.Series<Number, String> series = new XYChart.Series<>();
            for (var count : ordered) {
                XYChart.Data<Number, String> bar = new XYChart.Data<>(count.count(), count.label());
                bars.put(count.label(), bar);
                series.getData().add(bar);
            }
            classChart.getData().clear();
            classAxis.getCategories().setAll(categories);
            classChart.getData().add(series);
            return;
        }
        for (var count : ordered) bars.get(count.label()).setXValue(count.count());
        if (!categories.equals(classAxis.getCategories())) classAxis.getCategories().setAll(categories);
    }

    private static <S, T> ReadOnlyObjectWrapper<T> value(S item, Function<S, T> f) {
        return new ReadOnlyObjectWrapper<>(item == null ? null : f.apply(item));
    }

    private static <S> TableCell<S, Double> numberCell(String format) {
        return new TableCell<>() {
            @Override
            protected void updateItem(Double item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : String.format(Locale.ROOT, format, item));
            }
        };
    }

    @FXML
    private void openFolder() {
        File dir = chooseFolder("Open a folder of ECG records");
        if (dir != null) viewModel.open(List.of(dir.toPath()));
    }

    @FXML
    private void addFolder() {
        File dir = chooseFolder("Add a folder of ECG records");
        if (dir != null) viewModel.addFolder(dir.toPath());
    }

    private File chooseFolder(String title) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        return chooser.showDialog(recordTable.getScene().getWindow());
    }

    @FXML
    private void cancel() {
        viewModel.cancel();
    }
}
