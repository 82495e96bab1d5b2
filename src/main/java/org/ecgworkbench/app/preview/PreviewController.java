package org.ecgworkbench.app.preview;

import javafx.beans.property.ObjectProperty;
import javafx.fxml.FXML;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import org.ecgworkbench.app.LabelledConverter;
import org.ecgworkbench.app.PreviewStagesView;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.signal.NormalizeStep;

/** The preview room's view: binds the controls and the two plots to {@link PreviewViewModel}; no logic. */
public final class PreviewController {

    @FXML private ComboBox<LeadName> leadChoice;
    @FXML private ComboBox<PreviewViewModel.Resampling> resamplingChoice;
    @FXML private ComboBox<Double> rateChoice;
    @FXML private ComboBox<Double> highPassChoice;
    @FXML private ComboBox<Double> lowPassChoice;
    @FXML private ComboBox<PreviewViewModel.Notch> notchChoice;
    @FXML private ComboBox<NormalizeStep.Kind> normalisationChoice;
    @FXML private ComboBox<PreviewViewModel.Length> lengthPolicyChoice;
    @FXML private Spinner<Integer> lengthSpinner;
    @FXML private ComboBox<PreviewViewModel.View> viewChoice;
    @FXML private ComboBox<PreviewViewModel.Compare> compareChoice;
    @FXML private Label previewHint;
    @FXML private Label pipelineLabel;
    @FXML private Button useForTrainingButton;
    @FXML private PreviewStagesView stagesView;
    @FXML private PreviewSpectrumView spectrumView;
    @FXML private Label previewStatus;
    @FXML private ProgressIndicator previewBusy;

    private PreviewViewModel viewModel;
    /** Held so the bidirectional binding to the integer property is not collected. */
    private ObjectProperty<Integer> lengthObject;

    public void bind(PreviewViewModel vm) {
        this.viewModel = vm;
        choice(leadChoice, LabelledConverter.of(LeadName.STANDARD_ORDER, LeadName::label), vm.leadProperty());
        choice(resamplingChoice, LabelledConverter.of(PreviewViewModel.Resampling.class), vm.resamplingProperty());
        choice(rateChoice, LabelledConverter.of(PreviewViewModel.TARGET_RATES, hz -> PreviewStagesView.plain(hz) + " Hz"), vm.targetRateProperty());
        rateChoice.disableProperty().bind(vm.resamplingProperty().isEqualTo(PreviewViewModel.Resampling.NONE));
        choice(highPassChoice, LabelledConverter.of(PreviewViewModel.HIGH_PASS_HZ, PreviewController::cutOff), vm.highPassProperty());
        choice(lowPassChoice, LabelledConverter.of(PreviewViewModel.LOW_PASS_HZ, PreviewController::cutOff), vm.lowPassProperty());
        choice(notchChoice, LabelledConverter.of(PreviewViewModel.Notch.class), vm.notchProperty());
        choice(normalisationChoice, LabelledConverter.of(PreviewViewModel.NORMALISATIONS, k -> switch (k) {
            case NONE -> "none (mV)";
            case ZSCORE -> "z-score";
            case MINMAX -> "min–max";
            case SCALE -> "scale";
        }), vm.normalisationProperty());
        choice(lengthPolicyChoice, LabelledConverter.of(PreviewViewModel.Length.class), vm.lengthPolicyProperty());
        SpinnerValueFactory.IntegerSpinnerValueFactory lengths = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 600_000,
                vm.lengthSamplesProperty().get(), 500);
        lengthSpinner.setValueFactory(lengths);
        lengthObject = vm.lengthSamplesProperty().asObject();
        lengths.valueProperty().bindBidirectional(lengthObject);

        pipelineLabel.textProperty().bind(vm.pipelineTextProperty());
        previewStatus.textProperty().bind(vm.statusProperty());
        previewBusy.visibleProperty().bind(vm.computingProperty());
        useForTrainingButton.disableProperty().bind(vm.pipelineProperty().isNull());
        stagesView.setOnDrawn(vm.drawnProperty()::set);
        choice(viewChoice, LabelledConverter.of(PreviewViewModel.View.class), vm.viewProperty());
        compareChoice.setItems(vm.compareChoices());
        compareChoice.setConverter(LabelledConverter.of(vm.compareChoices()));
        compareChoice.valueProperty().bindBidirectional(vm.compareProperty());
        previewHint.textProperty().bind(vm.hintProperty());
        vm.resultProperty().addListener((o, old, now) -> {
            spectrumView.show(now);
            stagesView.show(now, vm.visibleRangeProperty().get());
        });
        vm.visibleRangeProperty().addListener((o, old, now) -> stagesView.show(vm.resultProperty().get(), now));
        if (vm.resultProperty().get() != null) {
            spectrumView.show(vm.resultProperty().get());
            stagesView.show(vm.resultProperty().get(), vm.visibleRangeProperty().get());
        }
    }

    /** The choices of the converter, shown by their labels, bound both ways to the view model's choice. */
    private static <T> void choice(ComboBox<T> box, LabelledConverter<T> choices, ObjectProperty<T> property) {
        box.getItems().setAll(choices.choices());
        box.setConverter(choices);
        box.valueProperty().bindBidirectional(property);
    }

    private static String cutOff(double hz) {
        return hz == 0 ? "off" : PreviewStagesView.plain(hz) + " Hz";
    }

    @FXML
    private void useForTraining() {
        String json = viewModel.useForTraining();
        if (json.isEmpty()) return;
        ClipboardContent content = new ClipboardContent();
        content.putString(json);
        Clipboard.getSystemClipboard().setContent(content);
    }
}
