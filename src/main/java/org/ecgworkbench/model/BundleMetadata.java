package org.ecgworkbench.model;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;

/**
 * What a model bundle says about its network, stored as {@code metadata.json} beside it.
 *
 * @param formatVersion   bundle format ({@link ModelBundleIO#FORMAT_VERSION}); readers refuse others
 * @param softwareVersion the ECG Workbench version that wrote it
 * @param network         how to rebuild the network, and the input it expects
 * @param codes           the canonical SNOMED code of each output, in output order
 * @param abbreviations   the label of each output ({@link ScoredClass#label()}, e.g. {@code CRBBB|RBBB})
 * @param pipelineJson    the preprocessing pipeline ({@code signal.PipelineJson}) the network was trained behind
 * @param thresholds      per-output decision thresholds in [0, 1]
 * @param trainingConfig  the training configuration as written by the trainer (free-form), or null
 * @param dataFingerprint what it was trained on: record counts, split, … (free-form), or null
 * @param metrics         validation/test metrics (free-form), or null
 * @param realRecordEvaluation what it measurably does on real records it was not trained on, or null
 *                        when it was not evaluated on real records (optional in {@code metadata.json})
 */
public record BundleMetadata(int formatVersion, String softwareVersion, NetworkSpec network, List<String> codes,
                             List<String> abbreviations, String pipelineJson, double[] thresholds, JsonNode trainingConfig,
                             JsonNode dataFingerprint, JsonNode metrics, RealRecordEvaluation realRecordEvaluation) {

    /** Metadata without a real-record evaluation (what {@code train} writes). */
    public BundleMetadata(int formatVersion, String softwareVersion, NetworkSpec network, List<String> codes,
                          List<String> abbreviations, String pipelineJson, double[] thresholds, JsonNode trainingConfig,
                          JsonNode dataFingerprint, JsonNode metrics) {
        this(formatVersion, softwareVersion, network, codes, abbreviations, pipelineJson, thresholds, trainingConfig,
                dataFingerprint, metrics, null);
    }

    public BundleMetadata {
        Objects.requireNonNull(softwareVersion, "softwareVersion");
        Objects.requireNonNull(network, "network");
        Objects.requireNonNull(pipelineJson, "pipelineJson");
        codes = List.copyOf(codes);
        abbreviations = List.copyOf(abbreviations);
        thresholds = thresholds.clone();
        if (codes.size() != network.outputs()) {
            throw new IllegalArgumentException(codes.size() + " class codes for " + network.outputs() + " outputs");
        }
        if (abbreviations.size() != codes.size()) {
            throw new IllegalArgumentException(abbreviations.size() + " abbreviations for " + codes.size() + " class codes");
        }
        if (thresholds.length != codes.size()) {
            throw new IllegalArgumentException(thresholds.length + " thresholds for " + codes.size() + " classes");
        }
        for (int i = 0; i < thresholds.length; i++) {
            if (!(thresholds[i] >= 0 && thresholds[i] <= 1)) {
                throw new IllegalArgumentException("threshold " + i + " (" + codes.get(i) + ") must be in [0, 1], not " + thresholds[i]);
            }
        }
    }

    /**
     * Metadata for a network over the standard 24 classes ({@link DiagnosisCatalogue#standard()} order),
     * written by this build; thresholds all 0.5 until tuned.
     */
    public static BundleMetadata standard(NetworkSpec network, String pipelineJson) {
        List<ScoredClass> classes = DiagnosisCatalogue.standard().scoredClasses();
        double[] thresholds = new double[classes.size()];
        java.util.Arrays.fill(thresholds, 0.5);
        return new BundleMetadata(ModelBundleIO.FORMAT_VERSION, SoftwareVersion.current(), network,
                classes.stream().map(ScoredClass::canonicalCode).toList(),
                classes.stream().map(ScoredClass::label).toList(),
                pipelineJson, thresholds, null, null, null);
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    public BundleMetadata withThresholds(double[] newThresholds) {
        return new BundleMetadata(formatVersion, softwareVersion, network, codes, abbreviations, pipelineJson, newThresholds,
                trainingConfig, dataFingerprint, metrics, realRecordEvaluation);
    }

    public BundleMetadata withProvenance(JsonNode newTrainingConfig, JsonNode newDataFingerprint, JsonNode newMetrics) {
        return new BundleMetadata(formatVersion, softwareVersion, network, codes, abbreviations, pipelineJson, thresholds,
                newTrainingConfig, newDataFingerprint, newMetrics, realRecordEvaluation);
    }

    public BundleMetadata withRealRecordEvaluation(RealRecordEvaluation evaluation) {
        return new BundleMetadata(formatVersion, softwareVersion, network, codes, abbreviations, pipelineJson, thresholds,
                trainingConfig, dataFingerprint, metrics, evaluation);
    }
}
