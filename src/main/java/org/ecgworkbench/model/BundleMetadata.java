package org.ecgworkbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.ecgworkbench.label.DiagnosisCatalogue;

/**
 * What a model bundle says about its network, stored as {@code metadata.json} beside it.
 *
 * @param formatVersion   bundle format ({@link ModelBundleIO#FORMAT_VERSION}); readers refuse others
 * @param softwareVersion the ECG Workbench version that wrote it
 * @param network         how to rebuild the network, and the input it expects
 * @param classes         what each output predicts (code, label, threshold), in output order
 * @param pipelineJson    the preprocessing pipeline ({@code signal.PipelineJson}) the network was trained behind
 * @param trainingConfig  the training configuration as written by the trainer (the run's {@code config.json}), or null
 * @param dataFingerprint what it was trained on: record counts, split, … (free-form), or null
 * @param metrics         validation/test metrics (free-form), or null
 * @param realRecordEvaluation what it measurably does on real records it was not trained on, or null
 *                        when it was not evaluated on real records (optional in {@code metadata.json})
 * @param provenance      where a trained bundle comes from, or null (bundles written before it existed, and
 *                        bundles not made by {@code train})
 */
public record BundleMetadata(int formatVersion, String softwareVersion, NetworkSpec network, List<OutputClass> classes,
                             String pipelineJson, JsonNode trainingConfig, JsonNode dataFingerprint, JsonNode metrics,
                             RealRecordEvaluation realRecordEvaluation, BundleProvenance provenance) {

    public BundleMetadata {
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(pipelineJson, "pipelineJson");
        classes = List.copyOf(classes);
        if (classes.size() != network.outputs()) {
            throw new IllegalArgumentException(classes.size() + " class codes for " + network.outputs() + " outputs");
        }
    }

    /**
     * Metadata for a network over the standard 24 classes ({@link DiagnosisCatalogue#standard()} order),
     * written by this build; thresholds all 0.5 until tuned.
     */
    public static BundleMetadata standard(NetworkSpec network, String pipelineJson) {
        List<OutputClass> classes = DiagnosisCatalogue.standard().scoredClasses().stream()
                .map(c -> new OutputClass(c.canonicalCode(), c.label(), 0.5)).toList();
        return new BundleMetadata(ModelBundleIO.FORMAT_VERSION, SoftwareVersion.current(), network, classes,
                pipelineJson, null, null, null, null, null);
    }

    /** The class code of each output, in output order (a view of {@link #classes()}). */
    public List<String> codes() {
        return classes.stream().map(OutputClass::code).toList();
    }

    /** The label of each output, in output order (a view of {@link #classes()}). */
    public List<String> abbreviations() {
        return classes.stream().map(OutputClass::label).toList();
    }

    /** The threshold of each output, in output order (a copy). */
    public double[] thresholds() {
        return classes.stream().mapToDouble(OutputClass::threshold).toArray();
    }

    /** @param newThresholds one per output, in output order, each in [0, 1] */
    public BundleMetadata withThresholds(double[] newThresholds) {
        if (newThresholds.length != classes.size()) {
            throw new IllegalArgumentException(newThresholds.length + " thresholds for " + classes.size() + " classes");
        }
        List<OutputClass> tuned = new ArrayList<>(classes.size());
        for (int i = 0; i < newThresholds.length; i++) tuned.add(classes.get(i).withThreshold(newThresholds[i]));
        return new BundleMetadata(formatVersion, softwareVersion, network, tuned, pipelineJson, trainingConfig,
                dataFingerprint, metrics, realRecordEvaluation, provenance);
    }

    public BundleMetadata withPipeline(String newPipelineJson) {
        return new BundleMetadata(formatVersion, softwareVersion, network, classes, newPipelineJson, trainingConfig,
                dataFingerprint, metrics, realRecordEvaluation, provenance);
    }

    /** The training's own record: its configuration, what it trained on, what it measured (each free-form, or null). */
    public BundleMetadata withTraining(JsonNode newTrainingConfig, JsonNode newDataFingerprint, JsonNode newMetrics) {
        return new BundleMetadata(formatVersion, softwareVersion, network, classes, pipelineJson, newTrainingConfig,
                newDataFingerprint, newMetrics, realRecordEvaluation, provenance);
    }

    public BundleMetadata withProvenance(BundleProvenance newProvenance) {
        return new BundleMetadata(formatVersion, softwareVersion, network, classes, pipelineJson, trainingConfig,
                dataFingerprint, metrics, realRecordEvaluation, newProvenance);
    }

    public BundleMetadata withRealRecordEvaluation(RealRecordEvaluation evaluation) {
        return new BundleMetadata(formatVersion, softwareVersion, network, classes, pipelineJson, trainingConfig,
                dataFingerprint, metrics, evaluation, provenance);
    }
}
