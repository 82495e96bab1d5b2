package org.ecgworkbench.app.viewer;

import java.util.List;
import javafx.fxml.FXML;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;

/** The patient panel's view (Patient.fxml): shows {@link EcgViewerViewModel#patientProperty()}; no logic of its own. */
public final class PatientController {

    @FXML private Label idLabel;
    @FXML private Label ageLabel;
    @FXML private Label sexLabel;
    @FXML private Label fsLabel;
    @FXML private Label durationLabel;
    @FXML private Label sourceLabel;
    @FXML private ListView<String> diagnosisList;
    @FXML private WarningList warningList;

    public void bind(EcgViewerViewModel viewer) {
        viewer.patientProperty().addListener((o, old, now) -> showPatient(now));
        showPatient(viewer.patientProperty().get());
        diagnosisList.setCellFactory(l -> wrappingCell(l));
    }

    private static ListCell<String> wrappingCell(ListView<String> list) {
        ListCell<String> cell = new ListCell<>() {
            @Override
            protected void updateItem(String item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty ? null : item);
            }
        };
        cell.setWrapText(true);
        cell.prefWidthProperty().bind(list.widthProperty().subtract(20));
        return cell;
    }

    private void showPatient(PatientSummary p) {
        idLabel.setText(p.id());
        ageLabel.setText(p.age());
        sexLabel.setText(p.sex());
        fsLabel.setText(p.sampling());
        durationLabel.setText(p.duration());
        sourceLabel.setText(p.source());
        diagnosisList.getItems().setAll(p.diagnoses().isEmpty() ? List.of("(none in the header)") : p.diagnoses());
        warningList.show(p.warnings());
    }
}
