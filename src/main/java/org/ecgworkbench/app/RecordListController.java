package org.ecgworkbench.app;

import javafx.fxml.FXML;
import javafx.scene.control.ListView;

/** The record list's view (RecordList.fxml): binds the list and its selection to {@link MainViewModel}. */
public final class RecordListController {

    @FXML private ListView<RecordEntry> recordList;

    public void bind(MainViewModel vm) {
        recordList.setItems(vm.records());
        // The user's choice is read; the view model's selection (the record shown) is mirrored back.
        recordList.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> {
            if (now != null && now != vm.selectedProperty().get()) vm.select(now);
        });
        vm.selectedProperty().addListener((o, old, now) -> {
            if (now == null) recordList.getSelectionModel().clearSelection();
            else recordList.getSelectionModel().select(now);
        });
    }
}
