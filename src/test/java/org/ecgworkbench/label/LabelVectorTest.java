package org.ecgworkbench.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Label vectors of real {@code #Dx} lines from the shared test records. */
class LabelVectorTest {

    private final DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();

    @Test
    void pairMembersAndAnUnknownCodeFromAPtbXlRecord() {
        LabelVector v = dx("284470004,427084000,55827005,164934002,427172004");
        assertThat(v.size()).isEqualTo(24);
        assertThat(labels(v)).containsExactly("PAC|SVPB", "PVC|VPB", "STach", "TAb");
        assertThat(v.isEmpty()).isFalse();
        assertThat(v.unscoredCodes()).isEmpty();
        assertThat(v.unknownEntries()).singleElement().satisfies(e -> {
            assertThat(e.raw()).isEqualTo("55827005");
            assertThat(e.status()).isEqualTo(DxEntry.Status.UNKNOWN_CODE);
        });
        assertThat(v.entries()).hasSize(5);
        assertThat(trueIndices(v.toArray())).containsExactly(12, 13, 21, 22);
        assertThat(trueIndices(v.toScoredColumns())).containsExactly(12, 13, 22, 24);
    }

    @Test
    void crbbbWithAnUnscoredDiagnosis() {
        LabelVector v = dx("713427006,428750005");
        assertThat(labels(v)).containsExactly("CRBBB|RBBB");
        assertThat(v.get(4)).isTrue();
        assertThat(v.unscoredCodes()).containsExactly("428750005");
        assertThat(v.unknownEntries()).isEmpty();
        boolean[] columns = v.toScoredColumns();
        assertThat(columns[catalogue.scoredIndexOf("713427006").getAsInt()]).isTrue();
        assertThat(columns[catalogue.scoredIndexOf("59118001").getAsInt()]).isFalse();
    }

    @Test
    void cpscAbbreviationsLandOnTheSameClassesAsCodes() {
        LabelVector v = dx("AF,RBBB");
        assertThat(labels(v)).containsExactly("AF", "CRBBB|RBBB");
        assertThat(v).isEqualTo(dx("164889003,59118001"));
        assertThat(v.toArray()).isEqualTo(dx("164889003,713427006").toArray());
        boolean[] columns = v.toScoredColumns();
        assertThat(columns[catalogue.scoredIndexOf("59118001").getAsInt()]).isTrue();
        assertThat(columns[catalogue.scoredIndexOf("713427006").getAsInt()]).isFalse();
        assertThat(v.entries()).extracting(DxEntry::raw).containsExactly("AF", "RBBB");
    }

    @Test
    void theSecondMemberOfEachPairAloneSetsTheSharedClass() {
        assertThat(labels(dx("63593006"))).containsExactly("PAC|SVPB");
        assertThat(labels(dx("17338001,164865005"))).containsExactly("PVC|VPB");
        assertThat(dx("17338001,164865005").unscoredCodes()).containsExactly("164865005");
        assertThat(dx("17338001").toArray()).isEqualTo(dx("427172004").toArray());
        assertThat(dx("17338001").toScoredColumns()).isNotEqualTo(dx("427172004").toScoredColumns());
    }

    @Test
    void bothMembersOfAPairAreOneClassAndTwoColumns() {
        LabelVector v = dx("713427006,59118001");
        assertThat(v.positives()).hasSize(1);
        assertThat(trueIndices(v.toScoredColumns())).containsExactly(4, 18);
    }

    @Test
    void aCpscPvcRecordHasNoScoredLabel() {
        LabelVector v = dx("PVC");
        assertThat(v.isEmpty()).isTrue();
        assertThat(v.positives()).isEmpty();
        assertThat(v.unscoredCodes()).containsExactly("164884008");
        assertThat(trueIndices(v.toScoredColumns())).isEmpty();
    }

    @Test
    void emptyDxLinesAndBlankEntriesGiveAnAllNegativeVector() {
        LabelVector none = LabelVector.of(List.of());
        assertThat(none.isEmpty()).isTrue();
        assertThat(none.size()).isEqualTo(24);
        assertThat(none.toFloatArray()).containsOnly(0f).hasSize(24);
        assertThat(none.entries()).isEmpty();

        List<String> blanks = new ArrayList<>(Arrays.asList("", "  ", null, "\uFEFF"));
        LabelVector blank = catalogue.labelVector(blanks);
        assertThat(blank).isEqualTo(none);
        assertThat(blank.entries()).isEmpty();
        assertThat(blank.unknownEntries()).isEmpty();
        assertThatThrownBy(() -> LabelVector.of(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void repeatsCountOnceAndUnknownsAreReportedOnce() {
        LabelVector v = dx("251146004,284470004,284470004,bogus,bogus,99999999");
        assertThat(labels(v)).containsExactly("LQRSV", "PAC|SVPB");
        assertThat(v.entries()).hasSize(6);
        assertThat(v.unknownEntries()).extracting(DxEntry::raw).containsExactly("bogus", "99999999");
        assertThat(v.unknownEntries()).extracting(DxEntry::status)
                .containsExactly(DxEntry.Status.UNRECOGNISED, DxEntry.Status.UNKNOWN_CODE);
        assertThat(v.toString()).contains("LQRSV").contains("bogus");
    }

    @Test
    void floatsMirrorBooleansAndCopiesAreDefensive() {
        LabelVector v = dx("164889003,426783006");
        float[] floats = v.toFloatArray();
        boolean[] bools = v.toArray();
        for (int i = 0; i < 24; i++) assertThat(floats[i]).isEqualTo(bools[i] ? 1f : 0f);
        assertThat(floats[1]).isEqualTo(1f);
        assertThat(floats[20]).isEqualTo(1f);
        bools[0] = true;
        v.toScoredColumns()[0] = true;
        assertThat(v.get(0)).isFalse();
        assertThat(v.toScoredColumns()[0]).isFalse();
        assertThatThrownBy(() -> v.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void containsChecksTheClassItself() {
        LabelVector v = dx("59118001");
        assertThat(v.contains(catalogue.scoredClassOf("713427006").orElseThrow())).isTrue();
        assertThat(v.contains(catalogue.scoredClassOf("164889003").orElseThrow())).isFalse();
        assertThat(v.contains(new ScoredClass(4, "1234567", List.of("1234567"), List.of("X"), "x"))).isFalse();
        assertThat(v.contains(new ScoredClass(99, "1234567", List.of("1234567"), List.of("X"), "x"))).isFalse();
    }

    @Test
    void equalMeaningMeansEqualVectors() {
        assertThat(dx("AF,RBBB")).isEqualTo(dx(" af , 59118001 ")).hasSameHashCodeAs(dx(" af , 59118001 "));
        assertThat(dx("AF,RBBB")).isNotEqualTo(dx("AF,713427006")); // same classes, other column
        assertThat(dx("AF")).isNotEqualTo(dx("AF,428750005"));
        assertThat(dx("AF")).isNotEqualTo(dx("AF,xyz"));
    }

    private LabelVector dx(String line) {
        return catalogue.labelVector(Arrays.asList(line.split(",", -1)));
    }

    private static List<String> labels(LabelVector v) {
        return v.positives().stream().map(ScoredClass::label).toList();
    }

    private static List<Integer> trueIndices(boolean[] values) {
        List<Integer> result = new ArrayList<>();
        for (int i = 0; i < values.length; i++) if (values[i]) result.add(i);
        return result;
    }
}
