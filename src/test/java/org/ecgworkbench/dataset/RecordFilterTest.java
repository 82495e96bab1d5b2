package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.junit.jupiter.api.Test;

class RecordFilterTest {
    private static final IndexedRecord AF_GEORGIA = record("E00012", "164889003,59118001");
    private static final IndexedRecord NSR_PTBXL = record("HR00042", "426783006");
    private static final IndexedRecord UNSCORED_CPSC = record("A0007", "55930002");

    @Test
    void emptyCriteriaMatchEverything() {
        assertThat(List.of(AF_GEORGIA, NSR_PTBXL, UNSCORED_CPSC)).allMatch(RecordFilter.ALL);
    }

    @Test
    void aClassMatchesEitherCodeOfAnEquivalentPair() {
        ScoredClass rbbb = DiagnosisCatalogue.standard().scoredClassOf("713427006").orElseThrow();
        RecordFilter filter = new RecordFilter(Optional.of(rbbb), Optional.empty(), "");
        assertThat(filter.test(AF_GEORGIA)).isTrue(); // labelled 59118001 (RBBB), the pair of CRBBB
        assertThat(filter.test(NSR_PTBXL)).isFalse();
    }

    @Test
    void sourceAndTextNarrowTogether() {
        RecordFilter georgia = new RecordFilter(Optional.empty(), Optional.of(ChallengeSource.GEORGIA), "");
        assertThat(georgia.test(AF_GEORGIA)).isTrue();
        assertThat(georgia.test(NSR_PTBXL)).isFalse();
        assertThat(new RecordFilter(Optional.empty(), Optional.of(ChallengeSource.GEORGIA), "sinus").test(AF_GEORGIA)).isFalse();
    }

    @Test
    void textFindsIdsCodesAbbreviationsAndNamesIgnoringCase() {
        assertThat(text("hr000").test(NSR_PTBXL)).isTrue();
        assertThat(text("  af ").test(AF_GEORGIA)).isTrue();
        assertThat(text("fibrillation").test(AF_GEORGIA)).isTrue();
        assertThat(text("426783006").test(NSR_PTBXL)).isTrue();
        assertThat(text("ST changes").test(UNSCORED_CPSC)).isFalse();
        assertThat(text("55930002").test(UNSCORED_CPSC)).isTrue();
        assertThat(text("fibrillation").test(NSR_PTBXL)).isFalse();
    }

    private static RecordFilter text(String t) {
        return new RecordFilter(Optional.empty(), Optional.empty(), t);
    }

    private static IndexedRecord record(String id, String dx) {
        return new IndexedRecord(Path.of("/data/" + id + ".hea"), id, ChallengeSource.ofRecordId(id), 500, 5000, 12,
                OptionalDouble.of(60), Optional.empty(), List.of(dx.split(",")), List.of());
    }
}
