package org.ecgworkbench.app.suggestions;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.BundleMetadata;
import org.ecgworkbench.model.BundleProvenance;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.junit.jupiter.api.Test;

/** The model's details line shows a bundle's provenance when it has one, and reads as before when not. */
class BundleProvenanceLineTest {
    private static final BundleMetadata META = BundleMetadata.standard(
            NetworkSpec.of(Architecture.RESNET18, 0.25, 5000, false), PipelineJson.write(Pipeline.defaultRecipe()));

    @Test
    void aBundleWithoutProvenanceReadsAsBefore() {
        assertThat(BundleDiagnosisModel.provenance(META)).isEqualTo(
                "resnet18 ×0.25 · 24 classes · 12 × 5000 samples · written by v" + META.softwareVersion());
    }

    @Test
    void aTrainedBundleSaysWhenWhereAndFromWhichCommit() {
        BundleProvenance p = new BundleProvenance("0.2.0", "0123456789abcdef0123", List.of(), "0".repeat(64),
                "nd4j-native", "CPU: 2 threads", "2026-12-07T23:40:00Z");
        assertThat(BundleDiagnosisModel.provenance(META.withProvenance(p)))
                .endsWith(" · trained 2026-12-07T23:40:00Z on CPU: 2 threads · commit 0123456789ab");
    }
}
