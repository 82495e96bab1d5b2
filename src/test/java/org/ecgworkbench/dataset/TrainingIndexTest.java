package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.junit.jupiter.api.Test;

class TrainingIndexTest {

    private static IndexedRecord record(String dir, String id, String... dx) {
        return new IndexedRecord(Path.of(dir, id + ".hea"), id, ChallengeSource.ofRecordId(id), 500, 5000, 12,
                OptionalDouble.empty(), Optional.empty(), List.of(dx), List.of());
    }

    private final ScanResult scan = new ScanResult(List.of(
            record("/a", "A0001", "59118001"),                  // RBBB -> merged class CRBBB|RBBB
            record("/a", "A0002", "164889003", "427172004"),    // AF + PVC (merged with VPB)
            record("/a", "A0003", "195042002"),                 // unscored only (2nd degree AV block)
            record("/b", "A0001", "164889003"),                 // the same record in another layout
            record("/b", "A0004")),                             // no #Dx at all
            List.of(new ScanResult.Failure(Path.of("/b/A0009.hea"), "bad header")));

    @Test
    void labelsFollowTheCatalogueOrderWithPairsMerged() {
        TrainingIndex index = TrainingIndex.of(scan, true);
        DiagnosisCatalogue cat = DiagnosisCatalogue.standard();
        int rbbb = cat.scoredClassOf("713427006").orElseThrow().index();
        int af = cat.scoredClassOf("164889003").orElseThrow().index();
        int pvc = cat.scoredClassOf("17338001").orElseThrow().index();
        float[] a1 = index.byId("A0001").labels();
        assertThat(a1).hasSize(24);
        assertThat(a1[rbbb]).isEqualTo(1f);
        assertThat(sum(a1)).isEqualTo(1f);
        float[] a2 = index.byId("A0002").labels();
        assertThat(a2[af]).isEqualTo(1f);
        assertThat(a2[pvc]).isEqualTo(1f);
        assertThat(sum(a2)).isEqualTo(2f);
    }

    @Test
    void duplicatesKeepTheFirstAndAreReported() {
        TrainingIndex index = TrainingIndex.of(scan, true);
        assertThat(index.records()).extracting(LabelledRecord::id).containsExactly("A0001", "A0002", "A0003", "A0004");
        assertThat(index.byId("A0001").record().path()).isEqualTo(Path.of("/a/A0001.hea"));
        assertThat(index.notes()).anySatisfy(n -> assertThat(n).contains("duplicate id A0001").contains("/b/A0001.hea"));
        assertThat(index.notes()).anySatisfy(n -> assertThat(n).contains("A0009").contains("bad header"));
    }

    @Test
    void unlabelledRecordsAreKeptAllNegativeOrDropped() {
        TrainingIndex kept = TrainingIndex.of(scan, true);
        assertThat(sum(kept.byId("A0003").labels())).isZero();
        assertThat(kept.byId("A0004").unlabelled()).isTrue();

        TrainingIndex dropped = TrainingIndex.of(scan, false);
        assertThat(dropped.records()).extracting(LabelledRecord::id).containsExactly("A0001", "A0002");
        assertThat(dropped.byId("A0003")).isNull();
        assertThat(dropped.notes()).filteredOn(n -> n.startsWith("no scored class")).hasSize(2);
    }

    @Test
    void selectFollowsAManifestAndRefusesMissingIds() {
        TrainingIndex index = TrainingIndex.of(scan, true);
        assertThat(index.select(List.of("A0004", "A0001"))).extracting(LabelledRecord::id).containsExactly("A0004", "A0001");
        assertThatThrownBy(() -> index.select(List.of("A0001", "X1"))).hasMessageContaining("X1");
    }

    @Test
    void labelsCannotBeChangedFromOutside() {
        LabelledRecord r = TrainingIndex.of(scan, true).byId("A0001");
        r.labels()[0] = 5f;
        assertThat(r.labels()[0]).isNotEqualTo(5f);
    }

    private static float sum(float[] a) {
        float s = 0;
        for (float f : a) s += f;
        return s;
    }
}
