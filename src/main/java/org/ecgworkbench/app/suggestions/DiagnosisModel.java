package org.ecgworkbench.app.suggestions;

import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import org.ecgworkbench.model.ExplainMethod;
import org.ecgworkbench.model.ExplainProgress;
import org.ecgworkbench.model.ExplainedRecord;
import org.ecgworkbench.model.RealRecordEvaluation;
import org.ecgworkbench.model.RecordPrediction;
import org.ecgworkbench.record.EcgRecord;

/**
 * A loaded model as the suggested-diagnoses panel sees it: what it is, and the two things it does.
 * {@link BundleDiagnosisModel} runs a model bundle through the engine; view-model tests use fakes.
 * Both calls are slow and are made off the FX thread.
 */
public interface DiagnosisModel {

    /** A short name, e.g. the bundle's file name. */
    String name();

    /** What it is and where it comes from, in one or two lines (no quality claim: see {@link #realRecordEvaluation()}). */
    String provenance();

    /** What it measurably does on real records, as its bundle says; null when it was not evaluated on real records. */
    RealRecordEvaluation realRecordEvaluation();

    /** Whether it is the bundled demonstration model. */
    boolean demonstration();

    RecordPrediction predict(EcgRecord record);

    /**
     * Explanations of the given classes by the given method (gradient × input: one backward pass per
     * class; occlusion: many forward passes, slower but model-agnostic).
     *
     * @throws CancellationException when {@code cancelled} turns true
     */
    ExplainedRecord explain(EcgRecord record, List<String> codes, ExplainMethod method, Consumer<ExplainProgress> progress,
            BooleanSupplier cancelled);
}
