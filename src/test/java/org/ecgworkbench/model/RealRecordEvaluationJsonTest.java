package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The optional {@code real_record_evaluation} metadata entry: written when present, absent otherwise, read strictly. */
class RealRecordEvaluationJsonTest {

    static final RealRecordEvaluation EVAL = new RealRecordEvaluation("CinC 2020 fixtures", 180, "synthetic records only",
            0.1824, 0.7603, 0.1506, 0.1896, "2026-12-07");

    static BundleMetadata meta() {
        return BundleMetadata.standard(new NetworkSpec(Architecture.RESNET18, 0.25, 12, 5000, 24, false, 0.2),
                "{\"format\":\"ecg-workbench-pipeline\",\"version\":1,\"steps\":[]}");
    }

    @Test
    void roundTripsWhenPresentAndIsAbsentOtherwise() {
        BundleMetadata without = meta();
        String plain = BundleMetadataJson.write(without);
        assertThat(plain).doesNotContain("real_record_evaluation");
        assertThat(BundleMetadataJson.read(plain).realRecordEvaluation()).isNull();

        BundleMetadata with = without.withRealRecordEvaluation(EVAL);
        assertThat(with.withThresholds(with.thresholds()).realRecordEvaluation()).as("kept by with…").isEqualTo(EVAL);
        assertThat(with.withTraining(null, null, null).realRecordEvaluation()).isEqualTo(EVAL);
        String json = BundleMetadataJson.write(with);
        assertThat(json).contains("\"real_record_evaluation\"", "\"precision_micro\"", "\"trained_on\"");
        assertThat(BundleMetadataJson.read(json).realRecordEvaluation()).isEqualTo(EVAL);
        assertThat(EVAL.wrongSuggestionShare()).isEqualTo(1 - 0.1896);
    }

    @Test
    void badEntriesAreRefusedNamingTheField() {
        String json = BundleMetadataJson.write(meta().withRealRecordEvaluation(EVAL));
        assertThatThrownBy(() -> BundleMetadataJson.read(json.replace("\"trained_on\"", "\"trainedOn\"")))
                .hasMessageContaining("unknown field 'real_record_evaluation.trainedOn'");
        assertThatThrownBy(() -> BundleMetadataJson.read(json.replace("\"records\" : 180", "\"records\" : \"180\"")))
                .hasMessageContaining("field 'real_record_evaluation.records' must be an integer");
        assertThatThrownBy(() -> BundleMetadataJson.read(json.replace("\"auroc_macro\" : 0.7603", "\"auroc_macro\" : 1.5")))
                .hasMessageContaining("field 'real_record_evaluation'").hasMessageContaining("auroc_macro");
    }
}
