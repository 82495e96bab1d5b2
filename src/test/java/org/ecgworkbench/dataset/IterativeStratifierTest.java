package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.assertj.core.data.Offset;
import org.junit.jupiter.api.Test;

class IterativeStratifierTest {

    private static final double[] FRACTIONS = {0.6, 0.2, 0.2};
    private final List<LabelledRecord> records = DatasetFixtures.skewedMultiLabel(3000, 7);

    @Test
    void partsAreDisjointAndCoverEveryRecordInTheirSizes() {
        SplitManifest m = IterativeStratifier.holdout(records, 11);
        Set<String> all = new HashSet<>();
        for (String part : SplitManifest.PART_NAMES) {
            for (String id : m.part(part)) assertThat(all.add(id)).as(id).isTrue();
            assertThat(m.part(part)).isSorted();
        }
        assertThat(all).isEqualTo(records.stream().map(LabelledRecord::id).collect(Collectors.toSet()));
        assertThat(m.part("train").size()).isCloseTo(1800, Offset.offset(2));
        assertThat(m.part("validation").size()).isCloseTo(600, Offset.offset(2));
        assertThat(m.part("test").size()).isCloseTo(600, Offset.offset(2));
        // All-negative records are spread by the same fractions, not dumped in one part.
        Map<String, LabelledRecord> byId = records.stream().collect(Collectors.toMap(LabelledRecord::id, r -> r));
        long negatives = records.stream().filter(LabelledRecord::unlabelled).count();
        for (int j = 0; j < 3; j++) {
            long inPart = m.part(SplitManifest.PART_NAMES.get(j)).stream().filter(id -> byId.get(id).unlabelled()).count();
            assertThat((double) inPart).isCloseTo(negatives * FRACTIONS[j], Offset.offset(0.1 * negatives));
        }
    }

    /**
     * Per class and part, how far (in records) the count is from the class's share; iterative
     * stratification keeps every class within a couple of records, a shuffled split drifts by
     * several standard deviations of a binomial (≈ 8 records for a class of 300).
     */
    @Test
    void classProportionsMatchTheFractionsFarBetterThanAShuffle() {
        SplitManifest m = IterativeStratifier.holdout(records, FRACTIONS, 3);
        double stratified = worstDeviation(partsOf(m));
        assertThat(stratified).isLessThanOrEqualTo(2.0);

        int shuffleBeaten = 0;
        for (int seed = 0; seed < 20; seed++) {
            if (worstDeviation(shuffledParts(seed)) > 2 * stratified + 2) shuffleBeaten++;
        }
        assertThat(shuffleBeaten).as("shuffled splits that deviate more than twice as much").isGreaterThanOrEqualTo(19);
    }

    @Test
    void rareClassesReachEveryPart() {
        // Class 23 has a handful of records; with at least 5 every part should get one.
        SplitManifest m = IterativeStratifier.holdout(records, FRACTIONS, 5);
        for (int c = 0; c < DatasetFixtures.CLASSES; c++) {
            final int cls = c;
            long count = records.stream().filter(r -> r.positive(cls)).count();
            if (count < 5) continue;
            for (String part : SplitManifest.PART_NAMES) {
                Set<String> ids = new HashSet<>(m.part(part));
                assertThat(records.stream().filter(r -> r.positive(cls) && ids.contains(r.id())).count())
                        .as("class %d (%d records) in %s", cls, count, part).isPositive();
            }
        }
    }

    @Test
    void sameRecordsInAnyOrderWithTheSameSeedGiveTheSameManifest() {
        List<LabelledRecord> shuffled = new ArrayList<>(records);
        Collections.shuffle(shuffled, new Random(99));
        assertThat(IterativeStratifier.holdout(shuffled, FRACTIONS, 42)).isEqualTo(IterativeStratifier.holdout(records, FRACTIONS, 42));
        assertThat(IterativeStratifier.kfold(shuffled, 5, 2, 42)).isEqualTo(IterativeStratifier.kfold(records, 5, 2, 42));
        assertThat(IterativeStratifier.holdout(records, FRACTIONS, 43)).isNotEqualTo(IterativeStratifier.holdout(records, FRACTIONS, 42));
    }

    @Test
    void kfoldTestPartsPartitionTheRecordsAndValidationIsTheNextFold() {
        int k = 5;
        List<SplitManifest> folds = new ArrayList<>();
        for (int f = 0; f < k; f++) folds.add(IterativeStratifier.kfold(records, k, f, 8));
        Set<String> seen = new HashSet<>();
        for (int f = 0; f < k; f++) {
            SplitManifest m = folds.get(f);
            assertThat(m.size()).isEqualTo(records.size());
            for (String id : m.part("test")) assertThat(seen.add(id)).as("%s in two test folds", id).isTrue();
            assertThat(m.part("validation")).isEqualTo(folds.get((f + 1) % k).part("test"));
            assertThat(m.part("test").size()).isCloseTo(records.size() / k, Offset.offset(2));
            assertThat(m.method()).isEqualTo("kfold");
            assertThat(m.folds()).isEqualTo(k);
            assertThat(m.fold()).isEqualTo(f);
        }
        assertThat(seen).hasSize(records.size());
        // Each fold is stratified too.
        for (SplitManifest m : folds) {
            Map<String, List<String>> parts = new LinkedHashMap<>();
            parts.put("a", m.part("test"));
            parts.put("b", m.part("validation"));
            parts.put("c", m.part("train"));
            assertThat(worstDeviation(parts, new double[] {0.2, 0.2, 0.6})).isLessThanOrEqualTo(2.0);
        }
    }

    @Test
    void badArgumentsAreRefused() {
        assertThatThrownBy(() -> IterativeStratifier.holdout(records, new double[] {0.5, 0.5}, 1)).hasMessageContaining("three");
        assertThatThrownBy(() -> IterativeStratifier.holdout(records, new double[] {0.5, -0.1, 0.6}, 1)).hasMessageContaining(">= 0");
        assertThatThrownBy(() -> IterativeStratifier.kfold(records, 2, 0, 1)).hasMessageContaining("3 folds");
        assertThatThrownBy(() -> IterativeStratifier.kfold(records, 5, 5, 1)).hasMessageContaining("fold 5");
        List<LabelledRecord> dup = List.of(DatasetFixtures.labelled("X1", 0), DatasetFixtures.labelled("X1", 1));
        assertThatThrownBy(() -> IterativeStratifier.holdout(dup, 1)).hasMessageContaining("X1");
    }

    @Test
    void emptyAndTinyInputsWork() {
        assertThat(IterativeStratifier.holdout(List.of(), 1).size()).isZero();
        SplitManifest one = IterativeStratifier.holdout(List.of(DatasetFixtures.labelled("A1")), 1);
        assertThat(one.part("train")).containsExactly("A1");
    }

    private Map<String, List<String>> partsOf(SplitManifest m) {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (String p : SplitManifest.PART_NAMES) parts.put(p, m.part(p));
        return parts;
    }

    private Map<String, List<String>> shuffledParts(long seed) {
        List<String> ids = new ArrayList<>(records.stream().map(LabelledRecord::id).toList());
        Collections.shuffle(ids, new Random(seed));
        int a = (int) Math.round(ids.size() * 0.6);
        int b = (int) Math.round(ids.size() * 0.8);
        Map<String, List<String>> parts = new LinkedHashMap<>();
        parts.put("train", ids.subList(0, a));
        parts.put("validation", ids.subList(a, b));
        parts.put("test", ids.subList(b, ids.size()));
        return parts;
    }

    private double worstDeviation(Map<String, List<String>> parts) {
        return worstDeviation(parts, FRACTIONS);
    }

    /** Largest |records of class c in part j − (records of c) · fraction j| over classes with 20+ records. */
    private double worstDeviation(Map<String, List<String>> parts, double[] fractions) {
        Map<String, LabelledRecord> byId = records.stream().collect(Collectors.toMap(LabelledRecord::id, r -> r));
        double worst = 0;
        for (int c = 0; c < DatasetFixtures.CLASSES; c++) {
            final int cls = c;
            long total = records.stream().filter(r -> r.positive(cls)).count();
            if (total < 20) continue;
            int j = 0;
            for (List<String> ids : parts.values()) {
                long inPart = ids.stream().filter(id -> byId.get(id).positive(cls)).count();
                worst = Math.max(worst, Math.abs(inPart - total * fractions[j++]));
            }
        }
        return worst;
    }
}
