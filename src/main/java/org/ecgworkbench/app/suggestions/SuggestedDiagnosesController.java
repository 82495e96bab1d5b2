package org.ecgworkbench.app.suggestions;

import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.fxml.FXML;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TitledPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.paint.CycleMethod;
import javafx.scene.paint.LinearGradient;
import javafx.scene.paint.Stop;
import org.ecgworkbench.app.HeatShading;
import org.ecgworkbench.app.LabelledConverter;
import org.ecgworkbench.model.ExplainMethod;

/** The suggested-diagnoses panel's view (SuggestedDiagnoses.fxml): binds it to {@link SuggestedDiagnosesViewModel}; no logic of its own. */
public final class SuggestedDiagnosesController {

    @FXML private TitledPane modelPane;
    @FXML private Label modelDetailsLabel;
    @FXML private Label modelNoticeLabel;
    @FXML private ListView<DiagnosisRow> suggestionList;
    @FXML private Label timelineTitle;
    @FXML private WindowTimelineView timelineView;
    @FXML private TitledPane explainPane;
    @FXML private ChoiceBox<ExplainMethod> explainMethodChoice;
    @FXML private Button explainButton;
    @FXML private Button cancelExplainButton;
    @FXML private Label methodSentenceLabel;
    @FXML private ProgressBar explainProgress;
    @FXML private HBox explainRunning;
    @FXML private HBox legend;
    @FXML private Region legendBar;
    @FXML private Label shadingKeyLabel;
    @FXML private Label explanationLabel;

    private SuggestedDiagnosesViewModel suggestions;

    public void bind(SuggestedDiagnosesViewModel s) {
        this.suggestions = s;
        modelPane.textProperty().bind(s.titleProperty());
        modelDetailsLabel.textProperty().bind(s.modelDetailsProperty());
        modelNoticeLabel.textProperty().bind(s.modelNoticeProperty());
        modelNoticeLabel.visibleProperty().bind(s.modelNoticeProperty().isNotEmpty());
        modelNoticeLabel.managedProperty().bind(modelNoticeLabel.visibleProperty());

        suggestionList.setItems(s.rows());
        suggestionList.setCellFactory(l -> new DiagnosisCell(l));
        suggestionList.setPlaceholder(new Label("(no suggestions yet)"));
        suggestionList.getSelectionModel().selectedItemProperty().addListener((o, old, now) -> s.chosenProperty().set(now));
        s.chosenProperty().addListener((o, old, now) -> {
            if (now == null) suggestionList.getSelectionModel().clearSelection();
        });

        timelineView.show(s.timelineProperty().get());
        s.timelineProperty().addListener((o, old, now) -> timelineView.show(now));
        timelineView.visibleProperty().bind(s.timelineProperty().isNotNull());
        timelineView.managedProperty().bind(timelineView.visibleProperty());
        timelineTitle.visibleProperty().bind(timelineView.visibleProperty());
        timelineTitle.managedProperty().bind(timelineView.visibleProperty());
        timelineView.setOnWindowChosen(s::chooseWindow);
        s.pageStartSecondsProperty().addListener(o -> showPageOnTimeline(s));
        s.pageSecondsProperty().addListener(o -> showPageOnTimeline(s));

        explainMethodChoice.getItems().setAll(ExplainMethod.values());
        explainMethodChoice.setConverter(LabelledConverter.of(explainMethodChoice.getItems(), SuggestedDiagnosesViewModel::describe));
        explainMethodChoice.valueProperty().bindBidirectional(s.explainMethodProperty());
        methodSentenceLabel.textProperty().bind(s.methodSentenceProperty());
        explainPane.textProperty().bind(Bindings.createStringBinding(
                () -> "Where the model looked: " + SuggestedDiagnosesViewModel.describe(s.explainMethodProperty().get()),
                s.explainMethodProperty()));
        explainProgress.progressProperty().bind(s.explainProgressProperty());
        // The progress bar and its Cancel button take room only while an explanation runs.
        explainRunning.visibleProperty().bind(s.explainingProperty());
        explainRunning.managedProperty().bind(explainRunning.visibleProperty());
        explainButton.disableProperty().bind(Bindings.isEmpty(s.rows()));
        explanationLabel.textProperty().bind(s.explanationTextProperty());

        // The legend uses the paper's own heat colour, from the faintest band drawn to the strongest.
        legendBar.setBackground(new Background(new BackgroundFill(new LinearGradient(0, 0, 1, 0, true, CycleMethod.NO_CYCLE,
                new Stop(0, HeatShading.ofLevel(1)), new Stop(1, HeatShading.ofLevel(HeatShading.LEVELS))), null, null)));
        shadingKeyLabel.setText(SuggestedDiagnosesViewModel.shadingKey());
    }

    private void showPageOnTimeline(SuggestedDiagnosesViewModel s) {
        timelineView.showPage(s.pageStartSecondsProperty().get(), s.pageSecondsProperty().get());
    }

    @FXML
    private void explain() {
        if (suggestions != null) suggestions.explainSuggested();
    }

    @FXML
    private void cancelExplanation() {
        if (suggestions != null) suggestions.cancelExplanation();
    }

    /** A row: the diagnosis (abbreviation and name), then its probability bar with the threshold tick and the row's words. */
    private static final class DiagnosisCell extends ListCell<DiagnosisRow> {
        private static final PseudoClass PREDICTED = PseudoClass.getPseudoClass("predicted");
        private static final PseudoClass IN_HEADER = PseudoClass.getPseudoClass("in-header");
        private final Label title = new Label();
        private final ProbabilityBar bar = new ProbabilityBar();
        private final Label words = new Label();
        private final VBox box;

        DiagnosisCell(ListView<DiagnosisRow> list) {
            title.setWrapText(true);
            title.getStyleClass().add("row-title");
            words.getStyleClass().add("row-words");
            words.setMinWidth(Region.USE_PREF_SIZE);
            HBox line = new HBox(6, bar, words);
            line.setAlignment(Pos.CENTER_LEFT);
            HBox.setHgrow(words, Priority.NEVER);
            box = new VBox(0, title, line);
            box.getStyleClass().add("suggestion-row");
            // Wrap to the list's width, not beyond (no horizontal scrolling).
            box.maxWidthProperty().bind(list.widthProperty().subtract(24));
            title.maxWidthProperty().bind(box.maxWidthProperty());
            setContentDisplay(ContentDisplay.GRAPHIC_ONLY);
            // The tooltip is made on first hover, as in the dataset room's failures: a Tooltip is a styled
            // popup, and making one per row for every prediction cost the FX thread up to 50 ms.
            setOnMouseEntered(e -> {
                if (getTooltip() == null && getItem() != null) setTooltip(new Tooltip(tooltipText(getItem())));
            });
        }

        private static String tooltipText(DiagnosisRow item) {
            return item.name() + " (" + item.abbrev() + ", SNOMED CT " + item.code() + "): probability " + item.figures();
        }

        @Override
        protected void updateItem(DiagnosisRow item, boolean empty) {
            super.updateItem(item, empty);
            // Pseudo-classes (:predicted, :in-header): changing style classes re-applied the row's CSS, up to 70 ms a prediction.
            pseudoClassStateChanged(PREDICTED, !empty && item != null && item.predicted());
            pseudoClassStateChanged(IN_HEADER, !empty && item != null && item.inHeader());
            // The graphic stays in the cell and is hidden when empty: taking it out and putting it back (the list
            // is cleared and refilled on every prediction) re-applied the CSS of every row's subtree.
            if (getGraphic() == null) setGraphic(box);
            box.setVisible(!empty && item != null);
            if (empty || item == null) {
                setTooltip(null);
                return;
            }
            title.setText(item.title());
            words.setText(item.words());
            bar.show(item.barFraction(), item.tickFraction(), item.predicted());
            if (getTooltip() != null) getTooltip().setText(tooltipText(item));
        }
    }
}
