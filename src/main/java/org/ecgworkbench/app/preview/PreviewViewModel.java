package org.ecgworkbench.app.preview;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javafx.beans.Observable;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.app.Labelled;
import org.ecgworkbench.app.LatestRequest;
import org.ecgworkbench.app.PipelinePreview;
import org.ecgworkbench.app.PreviewComparison;
import org.ecgworkbench.app.PreviewResult;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.signal.FilterStep;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.NormalizeStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.signal.PipelineStep;
import org.ecgworkbench.signal.ResampleStep;

/**
 * The preprocessing preview: a lead of the shown record through a pipeline the student puts
 * together, stage by stage. Every change recomputes in {@link BackgroundWork}; a result that a
 * later change has overtaken is dropped (latest wins).
 */
public final class PreviewViewModel {

    /** Resampling choices. */
    public enum Resampling implements Labelled {
        NONE("none"), FFT("FFT"), POLYPHASE("polyphase");

        private final String label;

        Resampling(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Mains notch choices. */
    public enum Notch implements Labelled {
        NONE("none", 0), HZ_50("50 Hz", 50), HZ_60("60 Hz", 60);

        private final String label;
        private final double hz;

        Notch(String label, double hz) {
            this.label = label;
            this.hz = hz;
        }

        public double hz() {
            return hz;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Length policies offered (windows need pooling and are not previewed). */
    public enum Length implements Labelled {
        END("cut / pad at end"), CENTER("centre");

        private final String label;

        Length(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** What part of the time axis the stages show: all, or a close-up of the input's first or last edge. */
    public enum View implements Labelled {
        WHOLE("whole record"), START("first edge"), END("last edge");

        private final String label;

        View(String label) {
            this.label = label;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /**
     * What to set against what: nothing, a step's output against the stage before it, or the resampling
     * step's FFT output against its polyphase output.
     *
     * @param kind  which comparison
     * @param stage for {@link Kind#STEP}, the step (1-based) compared with the stage before it
     * @param label the choice in words
     */
    public record Compare(Kind kind, int stage, String label) implements Labelled {

        /** Comparisons. */
        public enum Kind { NONE, STEP, METHODS }

        public static final Compare NONE = new Compare(Kind.NONE, 0, "nothing");
        public static final Compare METHODS = new Compare(Kind.METHODS, 0, "FFT − polyphase");

        /** Step {@code k} of the pipeline against the stage before it. */
        static Compare step(int k, String type, String typeBefore) {
            return new Compare(Kind.STEP, k, k + ". " + type + " − " + (k == 1 ? "input" : (k - 1) + ". " + typeBefore));
        }
    }

    public static final List<Double> TARGET_RATES = List.of(100.0, 250.0, 257.0, 500.0, 1000.0);
    /** Filter cut-offs on offer; 0 is off. */
    public static final List<Double> HIGH_PASS_HZ = List.of(0.0, 0.5, 1.0, 5.0);
    public static final List<Double> LOW_PASS_HZ = List.of(0.0, 40.0, 100.0, 150.0);
    public static final List<NormalizeStep.Kind> NORMALISATIONS = List.of(NormalizeStep.Kind.NONE, NormalizeStep.Kind.ZSCORE,
            NormalizeStep.Kind.MINMAX);
    public static final int FILTER_ORDER = FilterStep.DEFAULT_ORDER;

    private final BackgroundWork work;
    private final ObjectProperty<EcgRecord> record = new SimpleObjectProperty<>(this, "record");
    private final ObjectProperty<LeadName> lead = new SimpleObjectProperty<>(this, "lead", LeadName.values()[1]);
    private final ObjectProperty<Resampling> resampling = new SimpleObjectProperty<>(this, "resampling", Resampling.FFT);
    private final ObjectProperty<Double> targetRate = new SimpleObjectProperty<>(this, "targetRate", Pipeline.DEFAULT_FS);
    private final ObjectProperty<Double> highPass = new SimpleObjectProperty<>(this, "highPass", 0.0);
    private final ObjectProperty<Double> lowPass = new SimpleObjectProperty<>(this, "lowPass", 0.0);
    private final ObjectProperty<Notch> notch = new SimpleObjectProperty<>(this, "notch", Notch.NONE);
    private final ObjectProperty<NormalizeStep.Kind> normalisation = new SimpleObjectProperty<>(this, "normalisation", NormalizeStep.Kind.NONE);
    private final ObjectProperty<Length> lengthPolicy = new SimpleObjectProperty<>(this, "lengthPolicy", Length.END);
    private final IntegerProperty lengthSamples = new SimpleIntegerProperty(this, "lengthSamples", Pipeline.DEFAULT_LENGTH);

    private final ReadOnlyObjectWrapper<Pipeline> pipeline = new ReadOnlyObjectWrapper<>(this, "pipeline");
    private final ReadOnlyStringWrapper pipelineJson = new ReadOnlyStringWrapper(this, "pipelineJson", "");
    private final ReadOnlyStringWrapper pipelineText = new ReadOnlyStringWrapper(this, "pipelineText", "");
    private final ReadOnlyObjectWrapper<PreviewResult> result = new ReadOnlyObjectWrapper<>(this, "result");
    private final ReadOnlyBooleanWrapper computing = new ReadOnlyBooleanWrapper(this, "computing", false);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "No record");
    private final ReadOnlyObjectWrapper<Pipeline> trainingPipeline = new ReadOnlyObjectWrapper<>(this, "trainingPipeline");
    private final ReadOnlyStringWrapper trainingPipelineJson = new ReadOnlyStringWrapper(this, "trainingPipelineJson", "");
    private Runnable onUseForTraining = () -> { };
    private final ObjectProperty<View> view = new SimpleObjectProperty<>(this, "view", View.WHOLE);
    private final ObjectProperty<Compare> compare = new SimpleObjectProperty<>(this, "compare", Compare.NONE);
    private final ObservableList<Compare> compareChoices = FXCollections.observableArrayList(Compare.NONE);
    private final ReadOnlyStringWrapper hint = new ReadOnlyStringWrapper(this, "hint", "");
    /** True while the choices are rebuilt, when the combo box may push a stale value back. */
    private boolean rebuildingChoices;
    private final ReadOnlyObjectWrapper<PreviewResult.TimeRange> visibleRange = new ReadOnlyObjectWrapper<>(this, "visibleRange");
    /** The result last painted by the view (the view reports it; tests and screenshots wait on it). */
    private final ObjectProperty<PreviewResult> drawn = new SimpleObjectProperty<>(this, "drawn");

    /** One request per change; read by workers too, to skip work that a later change has overtaken. */
    private final LatestRequest previews = new LatestRequest();

    public PreviewViewModel(BackgroundWork work) {
        this.work = Objects.requireNonNull(work);
        Observable[] inputs = {record, lead, resampling, targetRate, highPass, lowPass, notch, normalisation, lengthPolicy, lengthSamples};
        for (Observable o : inputs) o.addListener(x -> refresh());
        compare.addListener(x -> {
            if (!rebuildingChoices) refresh();
        });
        result.addListener(x -> visibleRange.set(visibleRange(result.get(), view.get())));
        view.addListener(x -> visibleRange.set(visibleRange(result.get(), view.get())));
        refresh();
    }

    /** The pipeline the choices describe: resample, high-pass, low-pass, notch, normalise, length (steps left out when off). */
    public Pipeline buildPipeline() {
        List<PipelineStep> steps = new ArrayList<>();
        switch (resampling.get()) {
            case FFT -> steps.add(new ResampleStep(ResampleStep.Method.FFT, targetRate.get()));
            case POLYPHASE -> steps.add(new ResampleStep(ResampleStep.Method.POLY, targetRate.get()));
            case NONE -> { }
        }
        if (highPass.get() != null && highPass.get() > 0) steps.add(FilterStep.highPass(highPass.get(), FILTER_ORDER));
        if (lowPass.get() != null && lowPass.get() > 0) steps.add(FilterStep.lowPass(lowPass.get(), FILTER_ORDER));
        if (notch.get() != Notch.NONE) steps.add(FilterStep.notch(notch.get().hz(), FilterStep.DEFAULT_NOTCH_Q));
        if (normalisation.get() != NormalizeStep.Kind.NONE) steps.add(NormalizeStep.of(normalisation.get()));
        int n = Math.max(0, lengthSamples.get());
        steps.add(new LengthStep(n, lengthPolicy.get() == Length.CENTER ? LengthStep.Policy.CENTER : LengthStep.Policy.END, 0));
        return new Pipeline(steps);
    }

    private void refresh() {
        LatestRequest.Ticket mine = previews.next();
        Pipeline p;
        try {
            p = buildPipeline();
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage());
            return;
        }
        pipeline.set(p);
        pipelineJson.set(PipelineJson.write(p));
        pipelineText.set(p.describe());
        Compare c = rebuildCompareChoices(p);
        EcgRecord r = record.get();
        if (r == null) {
            status.set("No record");
            hint.set("");
            return;
        }
        LeadName l = lead.get();
        computing.set(true);
        work.run("Preview " + r.id(), () -> mine.isLatest() ? compute(r, l, p, c) : null, mine.ifLatest(done -> {
            if (done == null) return;
            computing.set(false);
            result.set(done);
            hint.set(hint(done, resampling.get()));
            status.set(r.id() + " · lead " + done.lead() + " · " + (done.stages().size() - 1) + " step(s) in " + done.computeMillis() + " ms");
        }), mine.ifLatest(failure -> {
            computing.set(false);
            status.set("Cannot preprocess " + r.id() + ": " + (failure.getMessage() == null ? failure.toString() : failure.getMessage()));
        }));
    }

    /**
     * The comparisons the pipeline allows (a step against the stage before it, except normalisation,
     * whose units differ; FFT − polyphase when it resamples); keeps the chosen one when it is still
     * offered, else chooses none. Returns the comparison in force.
     */
    private Compare rebuildCompareChoices(Pipeline p) {
        List<Compare> offered = new ArrayList<>();
        offered.add(Compare.NONE);
        List<PipelineStep> steps = p.steps();
        for (int k = 1; k <= steps.size(); k++) {
            String type = steps.get(k - 1).type();
            if (!type.equals("normalize")) offered.add(Compare.step(k, type, k > 1 ? steps.get(k - 2).type() : "input"));
        }
        if (resampleStep(p) >= 0) offered.add(Compare.METHODS);
        Compare wanted = compare.get() == null ? Compare.NONE : compare.get();
        Compare kept = offered.stream().filter(o -> o.kind() == wanted.kind() && o.stage() == wanted.stage()).findFirst().orElse(Compare.NONE);
        rebuildingChoices = true;
        try {
            if (!offered.equals(compareChoices)) compareChoices.setAll(offered);
            compare.set(kept);
        } finally {
            rebuildingChoices = false;
        }
        return kept;
    }

    /** The index of the resampling step in the pipeline's steps, or -1. */
    private static int resampleStep(Pipeline p) {
        for (int i = 0; i < p.steps().size(); i++) {
            if (p.steps().get(i) instanceof ResampleStep) return i;
        }
        return -1;
    }

    /** What to look at: the comparison's numbers, or where FFT and polyphase resampling differ. */
    static String hint(PreviewResult r, Resampling resampling) {
        double seconds = r.input().endSeconds();
        if (r.comparison() != null) {
            String s = r.comparison().summary(seconds);
            return r.comparison().label().equals(Compare.METHODS.label())
                    ? s + " The FFT treats the record as periodic, so it rings where the end does not meet the start: Show → first edge."
                    : s;
        }
        if (resampling == Resampling.NONE) return "Compare a step with the stage before it to see what it changed.";
        return "FFT and polyphase resampling differ at the record's edges, not in the whole-record view: "
                + "choose Show → first edge, or Compare → FFT − polyphase.";
    }

    /** The stages of one lead; pure, runs on a worker thread. */
    public static PreviewResult compute(EcgRecord record, LeadName lead, Pipeline pipeline) {
        return compute(record, lead, pipeline, Compare.NONE);
    }

    /** The stages of one lead and the comparison asked for; pure, runs on a worker thread. */
    public static PreviewResult compute(EcgRecord record, LeadName lead, Pipeline pipeline, Compare compare) {
        return PipelinePreview.compute(record, lead, pipeline, (traces, duration) -> compare(record, lead, pipeline, compare, traces, duration));
    }

    private static PreviewComparison compare(EcgRecord record, LeadName lead, Pipeline pipeline, Compare compare,
            List<PreviewResult.StageTrace> traces, double duration) {
        if (compare == null) return null;
        switch (compare.kind()) {
            case STEP -> {
                int k = compare.stage();
                if (k < 1 || k >= traces.size()) return null;
                String before = k == 1 ? "input" : (k - 1) + ". " + traces.get(k - 1).type();
                return PreviewComparison.of(compare.label(), k, traces.get(k - 1), before, traces.get(k), duration);
            }
            case METHODS -> {
                int i = resampleStep(pipeline);
                if (i < 0) return null;
                ResampleStep mine = (ResampleStep) pipeline.steps().get(i);
                ResampleStep.Method otherMethod = mine.method() == ResampleStep.Method.FFT ? ResampleStep.Method.POLY : ResampleStep.Method.FFT;
                List<PipelineStep> steps = new ArrayList<>(pipeline.steps());
                steps.set(i, new ResampleStep(otherMethod, mine.targetFs()));
                // Only the steps up to the resampling: that is where the methods differ.
                List<PreviewResult.StageTrace> other = PipelinePreview.traces(record, lead, new Pipeline(steps.subList(0, i + 1)));
                PreviewResult.StageTrace mineTrace = traces.get(i + 1);
                PreviewResult.StageTrace otherTrace = other.get(i + 1);
                PreviewResult.StageTrace fft = mine.method() == ResampleStep.Method.FFT ? mineTrace : otherTrace;
                PreviewResult.StageTrace poly = fft == mineTrace ? otherTrace : mineTrace;
                PreviewComparison c = PreviewComparison.of(compare.label(), i + 1, poly, "polyphase", fft, duration);
                // Drawn over the chosen method's row: the other method.
                return fft == mineTrace ? c : new PreviewComparison(c.label(), c.stage(), fft, "FFT", c.difference(), c.edgeMax(), c.middleMax(),
                        c.peakSeconds());
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * The span of the input's time axis to draw: everything any stage covers (padding before 0 and after
     * the end included), or {@link PreviewComparison#EDGE_SECONDS} around the input's first or last sample, where FFT and
     * polyphase resampling differ.
     */
    static PreviewResult.TimeRange visibleRange(PreviewResult r, View view) {
        if (r == null) return null;
        double duration = r.input().endSeconds();
        double margin = PreviewComparison.EDGE_SECONDS / 5;
        return switch (view) {
            case WHOLE -> r.wholeRange();
            case START -> new PreviewResult.TimeRange(-margin, PreviewComparison.EDGE_SECONDS - margin);
            case END -> new PreviewResult.TimeRange(duration - PreviewComparison.EDGE_SECONDS + margin, duration + margin);
        };
    }

    /**
     * "Use this pipeline for training": keeps it for the training wizard, which the workbench then
     * opens with it; returns its JSON (the view copies it).
     */
    public String useForTraining() {
        Pipeline p = pipeline.get();
        if (p == null) return "";
        trainingPipeline.set(p);
        trainingPipelineJson.set(PipelineJson.write(p));
        status.set("Pipeline kept for training (JSON copied to the clipboard)");
        onUseForTraining.run();
        return trainingPipelineJson.get();
    }

    /** What happens after "Use this pipeline for training" (the workbench opens the training wizard). */
    public void setOnUseForTraining(Runnable action) {
        onUseForTraining = action == null ? () -> { } : action;
    }

    public ObjectProperty<EcgRecord> recordProperty() {
        return record;
    }

    public ObjectProperty<LeadName> leadProperty() {
        return lead;
    }

    public ObjectProperty<Resampling> resamplingProperty() {
        return resampling;
    }

    public ObjectProperty<Double> targetRateProperty() {
        return targetRate;
    }

    public ObjectProperty<Double> highPassProperty() {
        return highPass;
    }

    public ObjectProperty<Double> lowPassProperty() {
        return lowPass;
    }

    public ObjectProperty<Notch> notchProperty() {
        return notch;
    }

    public ObjectProperty<NormalizeStep.Kind> normalisationProperty() {
        return normalisation;
    }

    public ObjectProperty<Length> lengthPolicyProperty() {
        return lengthPolicy;
    }

    public IntegerProperty lengthSamplesProperty() {
        return lengthSamples;
    }

    public ReadOnlyObjectProperty<Pipeline> pipelineProperty() {
        return pipeline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pipelineJsonProperty() {
        return pipelineJson.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty pipelineTextProperty() {
        return pipelineText.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PreviewResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty computingProperty() {
        return computing.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Pipeline> trainingPipelineProperty() {
        return trainingPipeline.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty trainingPipelineJsonProperty() {
        return trainingPipelineJson.getReadOnlyProperty();
    }

    public ObjectProperty<View> viewProperty() {
        return view;
    }

    public ReadOnlyObjectProperty<PreviewResult.TimeRange> visibleRangeProperty() {
        return visibleRange.getReadOnlyProperty();
    }

    public ObjectProperty<Compare> compareProperty() {
        return compare;
    }

    /** The comparisons the current pipeline allows. */
    public ObservableList<Compare> compareChoices() {
        return compareChoices;
    }

    /** Where to look: where the compared traces differ, or where the resampling methods do. */
    public ReadOnlyStringProperty hintProperty() {
        return hint.getReadOnlyProperty();
    }

    public ObjectProperty<PreviewResult> drawnProperty() {
        return drawn;
    }
}
