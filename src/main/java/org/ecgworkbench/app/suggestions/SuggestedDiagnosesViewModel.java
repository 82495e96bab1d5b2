package org.ecgworkbench.app.suggestions;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.DoubleConsumer;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.DoubleProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleDoubleProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.LatestRequest;
import org.ecgworkbench.app.LeadShading;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.model.BundledModelResource;
import org.ecgworkbench.model.ClassPrediction;
import org.ecgworkbench.model.ExplainMethod;
import org.ecgworkbench.model.ExplainOptions;
import org.ecgworkbench.model.ExplainedRecord;
import org.ecgworkbench.model.RecordPrediction;
import org.ecgworkbench.record.EcgRecord;

/**
 * The suggested-diagnoses panel: the loaded model (bundled on start, or one the user opens), the
 * shown record's per-class probabilities against their thresholds, in words against the header's
 * scored labels ({@link DiagnosisRow}), a per-window timeline for long recordings, and where the model
 * looked (gradient × input by default, or occlusion sensitivity, as {@link LeadShading}).
 *
 * <p>What the model is worth is said from its bundle ({@link ModelNotice}), not from its validation score.
 *
 * <p>Everything slow runs in {@link BackgroundWork}. When the record or the model changes the
 * prediction starts again and the later one wins; an explanation under way is cancelled. After
 * every prediction the suggested classes are explained (none when nothing is suggested), unless
 * {@link #autoExplainProperty()} is off; a class the model does not suggest is explained only when
 * the user chooses its row, and the caption says so.
 */
public final class SuggestedDiagnosesViewModel {

    /** Reads a model file (off the FX thread). */
    @FunctionalInterface
    public interface ModelLoader {
        DiagnosisModel load(Path file, boolean bundled) throws Exception;
    }

    private final BackgroundWork work;
    private final DiagnosisCatalogue catalogue;
    private final ModelLoader loader;
    private final ReadOnlyObjectWrapper<DiagnosisModel> model = new ReadOnlyObjectWrapper<>(this, "model");
    private final ReadOnlyStringWrapper modelName = new ReadOnlyStringWrapper(this, "modelName", "No model");
    private final ReadOnlyStringWrapper modelNotice = new ReadOnlyStringWrapper(this, "modelNotice", "");
    private final ReadOnlyStringWrapper modelDetails = new ReadOnlyStringWrapper(this, "modelDetails", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "Suggested diagnoses: no model");
    private final ReadOnlyStringWrapper methodSentence = new ReadOnlyStringWrapper(this, "methodSentence", "");
    private final ObjectProperty<EcgRecord> record = new SimpleObjectProperty<>(this, "record");
    private final ObservableList<DiagnosisRow> rows = FXCollections.observableArrayList();
    private final ObjectProperty<DiagnosisRow> chosen = new SimpleObjectProperty<>(this, "chosen");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyBooleanWrapper loadingModel = new ReadOnlyBooleanWrapper(this, "loadingModel", false);
    private final ReadOnlyBooleanWrapper explaining = new ReadOnlyBooleanWrapper(this, "explaining", false);
    private final ReadOnlyDoubleWrapper explainProgress = new ReadOnlyDoubleWrapper(this, "explainProgress", 0);
    private final ReadOnlyStringWrapper explanationText = new ReadOnlyStringWrapper(this, "explanationText", "");
    private final ReadOnlyObjectWrapper<LeadShading> shading = new ReadOnlyObjectWrapper<>(this, "shading");
    private final ReadOnlyBooleanWrapper shaded = new ReadOnlyBooleanWrapper(this, "shaded", false);
    private final BooleanProperty autoExplain = new SimpleBooleanProperty(this, "autoExplain", true);
    private final ObjectProperty<ExplainMethod> explainMethod = new SimpleObjectProperty<>(this, "explainMethod", ExplainMethod.GRADIENT_X_INPUT);
    private final ReadOnlyObjectWrapper<WindowTimeline> timeline = new ReadOnlyObjectWrapper<>(this, "timeline");
    private final DoubleProperty pageStartSeconds = new SimpleDoubleProperty(this, "pageStartSeconds");
    private final DoubleProperty pageSeconds = new SimpleDoubleProperty(this, "pageSeconds");
    private DoubleConsumer onWindowChosen = seconds -> { };
    private final LatestRequest models = new LatestRequest();
    private final LatestRequest predictions = new LatestRequest();
    private final LatestRequest explanations = new LatestRequest();
    private AtomicBoolean explainCancel = new AtomicBoolean();

    public SuggestedDiagnosesViewModel(BackgroundWork work, DiagnosisCatalogue catalogue, ModelLoader loader) {
        this.work = Objects.requireNonNull(work);
        this.catalogue = Objects.requireNonNull(catalogue);
        this.loader = Objects.requireNonNull(loader);
        record.addListener((o, old, now) -> predict());
        model.addListener((o, old, now) -> predict());
        // Choosing a row explains that class; clearing the choice goes back to the suggested classes.
        chosen.addListener((o, old, now) -> {
            if (now != null || !rows.isEmpty()) explain();
        });
        shading.addListener((o, old, now) -> shaded.set(now != null && !now.isEmpty()));
        // A different method redraws what is shown (or being computed) the new way.
        explainMethod.addListener((o, old, now) -> {
            if (now == null) explainMethod.set(old);
            else if (shading.get() != null || explaining.get()) explain();
        });
        title.bind(Bindings.createStringBinding(() -> loadingModel.get() ? "Suggested diagnoses: loading model …"
                : model.get() == null ? "Suggested diagnoses: no model"
                : "Suggested by " + modelName.get().replaceFirst("\\.ecgmodel$", ""), loadingModel, model, modelName));
        methodSentence.bind(Bindings.createStringBinding(() -> whatItShows(explainMethod.get()), explainMethod));
    }

    /** How a method reads in the panel. */
    public static String describe(ExplainMethod method) {
        return switch (method) {
            case GRADIENT_X_INPUT -> "gradient × input";
            case OCCLUSION -> "occlusion sensitivity";
        };
    }

    /** One sentence: what a method's shading shows (under the chooser). */
    public static String whatItShows(ExplainMethod method) {
        return switch (method) {
            case GRADIENT_X_INPUT -> "Gradient × input: how much each moment of the trace pushed the class's score up "
                    + "(one pass, fast; fine-grained and can be noisy).";
            case OCCLUSION -> "Occlusion: how much the class's probability drops when a "
                    + Math.round(1000 * ExplainOptions.DEFAULT_OCCLUSION_SECONDS)
                    + " ms stretch of all leads is blanked out (many passes, slower; marks regions).";
        };
    }

    /** What the paper's shading is (beside the legend). */
    public static String shadingKey() {
        return "attribution; top " + Math.round(100 * LeadShading.SHADED_FRACTION) + " % of each lead shaded";
    }

    /** The app's loader: {@link BundleDiagnosisModel}. */
    public static ModelLoader bundleLoader() {
        return BundleDiagnosisModel::load;
    }

    // ---- the model

    /** First launch: the bundled demonstration model. */
    public void loadBundled() {
        Path file;
        try {
            file = BundledModelResource.file();
        } catch (IOException | RuntimeException e) {
            status.set("Bundled model unavailable: " + e.getMessage());
            return;
        }
        load(file, true);
    }

    /** File → Open model…: any {@code *.ecgmodel}; on failure the previous model stays. */
    public void openModel(Path file) {
        load(file, false);
    }

    private void load(Path file, boolean bundled) {
        LatestRequest.Ticket mine = models.next();
        loadingModel.set(true);
        status.set("Loading model " + file.getFileName() + " …");
        work.run("Loading model " + file.getFileName(), () -> loader.load(file, bundled), mine.ifLatest(loaded -> {
            loadingModel.set(false);
            modelName.set(loaded.name());
            modelNotice.set(ModelNotice.of(loaded.demonstration(), loaded.realRecordEvaluation()));
            modelDetails.set(loaded.provenance() + "\n" + ModelNotice.details(loaded.realRecordEvaluation()));
            model.set(loaded);
        }), mine.ifLatest(failure -> {
            loadingModel.set(false);
            status.set("Cannot open model " + file.getFileName() + ": " + message(failure)
                    + (model.get() == null ? "" : " (still using " + model.get().name() + ")"));
        }));
    }

    // ---- prediction

    private void predict() {
        LatestRequest.Ticket mine = predictions.next();
        cancelExplanation();
        rows.clear();
        timeline.set(null);
        chosen.set(null);
        shading.set(null);
        explanationText.set("");
        DiagnosisModel m = model.get();
        EcgRecord r = record.get();
        if (m == null || r == null) {
            if (r != null && !loadingModel.get()) status.set("No model loaded");
            return;
        }
        status.set("Predicting " + r.id() + " …");
        work.run("Predicting " + r.id(), () -> m.predict(r), mine.ifLatest(prediction -> {
            show(r, prediction);
            if (autoExplain.get()) explain();
        }), mine.ifLatest(failure -> {
            status.set("Prediction failed for " + r.id() + ": " + message(failure));
        }));
    }

    private void show(EcgRecord r, RecordPrediction prediction) {
        Set<String> labelled = headerClasses(r, catalogue);
        boolean haveLabels = !r.dx().isEmpty();
        rows.setAll(prediction.predictions().stream()
                .map(p -> DiagnosisRow.of(p, DiagnosisRow.Agreement.of(p.predicted(), labelled.contains(p.code()), haveLabels)))
                .sorted(READING_ORDER)
                .toList());
        timeline.set(WindowTimeline.of(prediction));
        long positives = prediction.predictions().stream().filter(ClassPrediction::predicted).count();
        long agree = rows.stream().filter(x -> x.agreement() == DiagnosisRow.Agreement.AGREES).count();
        long missed = rows.stream().filter(x -> x.agreement() == DiagnosisRow.Agreement.MISSED).count();
        long extra = rows.stream().filter(x -> x.agreement() == DiagnosisRow.Agreement.EXTRA).count();
        status.set(r.id() + ": " + positives + " suggested"
                + (haveLabels ? " · " + agree + " also in the header, " + extra + " not in the header; " + missed
                        + " in the header, not suggested" : " · no labels in the header"));
    }

    /** Suggested first, then what the header names but the model does not suggest, then the rest; each most probable first. */
    public static final Comparator<DiagnosisRow> READING_ORDER = Comparator
            .comparingInt((DiagnosisRow r) -> r.predicted() ? 0 : r.inHeader() ? 1 : 2)
            .thenComparing(Comparator.comparingDouble(DiagnosisRow::probability).reversed());

    /** The canonical codes of the header's scored diagnoses (equivalent pairs as one). */
    static Set<String> headerClasses(EcgRecord r, DiagnosisCatalogue catalogue) {
        Set<String> codes = new HashSet<>();
        for (String raw : r.dx()) {
            catalogue.resolve(raw).diagnosis()
                    .flatMap(d -> catalogue.scoredClassOf(d.code()))
                    .map(ScoredClass::canonicalCode)
                    .ifPresent(codes::add);
        }
        return codes;
    }

    // ---- explanation

    /**
     * The classes an explanation would cover now: the chosen row, else the suggested classes (none when
     * nothing is suggested: a class the model does not suggest is explained only when the user picks it).
     */
    public List<DiagnosisRow> explanationTargets() {
        if (chosen.get() != null) return List.of(chosen.get());
        return rows.stream().filter(DiagnosisRow::predicted).toList();
    }

    /** Explains {@link #explanationTargets()} by {@link #explainMethodProperty()}, in the background; cancels one under way. */
    public void explain() {
        cancelExplanation();
        DiagnosisModel m = model.get();
        EcgRecord r = record.get();
        List<DiagnosisRow> targets = explanationTargets();
        if (m == null || r == null || rows.isEmpty()) return;
        if (targets.isEmpty()) {
            shading.set(null);
            explanationText.set("Nothing is suggested, so nothing is shaded: choose a row to see where the model looked for that class.");
            return;
        }
        LatestRequest.Ticket mine = explanations.next();
        ExplainMethod method = explainMethod.get();
        AtomicBoolean cancel = new AtomicBoolean();
        explainCancel = cancel;
        List<String> codes = targets.stream().map(DiagnosisRow::code).toList();
        String what = String.join(", ", targets.stream().map(DiagnosisRow::abbrev).toList());
        explaining.set(true);
        explainProgress.set(0);
        explanationText.set("Explaining " + what + " …");
        work.run("Explaining " + what, () -> {
            ExplainedRecord explained = m.explain(r, codes, method, p -> work.onUi(() -> {
                if (mine.isLatest()) explainProgress.set(p.fraction());
            }), cancel::get);
            return LeadShading.of(r, explained, codes);
        }, mine.ifLatest(result -> {
            explaining.set(false);
            explainProgress.set(1);
            shading.set(result);
            explanationText.set(caption(targets, chosen.get() != null, method));
        }), mine.ifLatest(failure -> {
            explaining.set(false);
            explanationText.set(failure instanceof CancellationException ? "Explanation cancelled"
                    : "Explanation failed: " + message(failure));
        }));
    }

    /** Back to the default: drops the chosen row and explains the suggested classes. */
    public void explainSuggested() {
        if (chosen.get() != null) chosen.set(null); // the listener explains
        else explain();
    }

    /** Stops the explanation under way, if any (its result is dropped). */
    public void cancelExplanation() {
        explainCancel.set(true);
        if (explaining.get()) {
            explanations.dropAll();
            explaining.set(false);
            explanationText.set("Explanation cancelled");
        }
    }

    /** What the shading on the paper is for: the suggested classes, or the one the user chose (saying when it is not suggested). */
    static String caption(List<DiagnosisRow> targets, boolean chosenByUser, ExplainMethod method) {
        String how = " (" + describe(method) + ").";
        if (!chosenByUser) {
            return "Shaded: where the model looked for what it suggests: "
                    + String.join(", ", targets.stream().map(DiagnosisRow::abbrev).toList()) + how;
        }
        DiagnosisRow row = targets.get(0);
        if (row.predicted()) return "Shaded: where the model looked for " + row.abbrev() + ", the class you chose" + how;
        return "Shaded: where the model looked for " + row.abbrev() + ", which it does not suggest ("
                + String.format(Locale.ROOT, "%.2f < threshold %.2f", row.probability(), row.threshold())
                + "): shown because you chose it" + how;
    }

    private static String message(Throwable t) {
        return t.getMessage() == null ? t.toString() : t.getMessage();
    }

    // ---- the timeline and the page shown

    /** Where the timeline sends the page when a window is clicked (the app's root view model points it at the viewer). */
    public void setOnWindowChosen(DoubleConsumer action) {
        onWindowChosen = Objects.requireNonNull(action);
    }

    /** A window of the timeline was clicked: the page turns to its start. */
    public void chooseWindow(double startSeconds) {
        onWindowChosen.accept(startSeconds);
    }

    /** The start of the page shown on the paper, marked on the timeline. */
    public DoubleProperty pageStartSecondsProperty() {
        return pageStartSeconds;
    }

    /** The length of the page shown on the paper, in seconds. */
    public DoubleProperty pageSecondsProperty() {
        return pageSeconds;
    }

    // ---- properties

    /** What the model measurably does on real records (or that it was not evaluated on them), see {@link ModelNotice}. */
    public ReadOnlyStringProperty modelNoticeProperty() {
        return modelNotice.getReadOnlyProperty();
    }

    /** The panel's one line: "Suggested by demo-resnet18-w025" (the model's file name without {@code .ecgmodel}). */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** The model's details, shown on demand: provenance and the real-record figures in full. */
    public ReadOnlyStringProperty modelDetailsProperty() {
        return modelDetails.getReadOnlyProperty();
    }

    /** One sentence saying what the chosen method's shading shows. */
    public ReadOnlyStringProperty methodSentenceProperty() {
        return methodSentence.getReadOnlyProperty();
    }

    public ObjectProperty<EcgRecord> recordProperty() {
        return record;
    }

    /** Every class in reading order: suggested, then in the header but not suggested, then the rest (each most probable first). */
    public ObservableList<DiagnosisRow> rows() {
        return rows;
    }

    /** The row chosen for explanation (null: the predicted classes). */
    public ObjectProperty<DiagnosisRow> chosenProperty() {
        return chosen;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty explainingProperty() {
        return explaining.getReadOnlyProperty();
    }

    /** Fraction of the explanation's network passes done. */
    public ReadOnlyDoubleProperty explainProgressProperty() {
        return explainProgress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty explanationTextProperty() {
        return explanationText.getReadOnlyProperty();
    }

    /** The shading for the paper, or null. */
    public ReadOnlyObjectProperty<LeadShading> shadingProperty() {
        return shading.getReadOnlyProperty();
    }

    /** Whether the paper has an explanation to shade. */
    public ReadOnlyBooleanProperty shadedProperty() {
        return shaded.getReadOnlyProperty();
    }

    public BooleanProperty autoExplainProperty() {
        return autoExplain;
    }

    /** Gradient × input (fast, the default) or occlusion sensitivity; changing it re-explains what is shown. */
    public ObjectProperty<ExplainMethod> explainMethodProperty() {
        return explainMethod;
    }

    /** The per-window timeline of a long recording's prediction, or null for one window. */
    public ReadOnlyObjectProperty<WindowTimeline> timelineProperty() {
        return timeline.getReadOnlyProperty();
    }
}
