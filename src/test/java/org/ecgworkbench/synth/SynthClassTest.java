package org.ecgworkbench.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.assertj.core.data.Offset;
import org.ecgworkbench.label.Diagnosis;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;

class SynthClassTest {

    @Test
    void everyClassCarriesItsCatalogueCodeAndAbbreviation() {
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        for (SynthClass c : SynthClass.values()) {
            Diagnosis d = catalogue.byCode(c.snomedCode()).orElseThrow(() -> new AssertionError(c + " code not in the catalogue"));
            assertThat(d.abbreviation()).as(c.name()).isEqualTo(c.abbreviation());
            assertThat(d.scored()).as(c.name()).isTrue();
        }
        // The codes the issue names.
        Map<String, String> expected = Map.ofEntries(Map.entry("NSR", "426783006"), Map.entry("SB", "426177001"),
                Map.entry("Brady", "426627000"), Map.entry("STach", "427084000"), Map.entry("SA", "427393009"),
                Map.entry("AF", "164889003"), Map.entry("AFL", "164890007"), Map.entry("IAVB", "270492004"),
                Map.entry("LPR", "164947007"), Map.entry("RBBB", "59118001"), Map.entry("CRBBB", "713427006"),
                Map.entry("IRBBB", "713426002"), Map.entry("LBBB", "164909002"), Map.entry("LAD", "39732003"),
                Map.entry("RAD", "47665007"), Map.entry("LQT", "111975006"), Map.entry("PVC", "427172004"),
                Map.entry("PAC", "284470004"), Map.entry("TInv", "59931005"), Map.entry("TAb", "164934002"),
                Map.entry("LQRSV", "251146004"), Map.entry("PR", "10370003"));
        expected.forEach((abbreviation, code) ->
                assertThat(SynthClass.parse(abbreviation).orElseThrow().snomedCode()).as(abbreviation).isEqualTo(code));
        assertThat(SynthClass.parse("af")).contains(SynthClass.AF);
        assertThat(SynthClass.parse("pacing")).contains(SynthClass.PACED);
        assertThat(SynthClass.parse("164889003")).contains(SynthClass.AF);
        assertThat(SynthClass.parse("LVH")).isEmpty();
    }

    @Test
    void incompatibleCombinationsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> ClassSet.parse("AF+NSR")).hasMessageContaining("NSR").hasMessageContaining("AF")
                .hasMessageContaining("rhythm");
        assertThatThrownBy(() -> ClassSet.parse("LBBB+RBBB")).hasMessageContaining("ventricular conduction");
        assertThatThrownBy(() -> ClassSet.parse("AF+IAVB")).hasMessageContaining("no conducted P wave");
        assertThatThrownBy(() -> ClassSet.parse("AFL+PAC")).hasMessageContaining("no conducted P wave");
        assertThatThrownBy(() -> ClassSet.parse("PR+RBBB")).hasMessageContaining("pacing");
        assertThatThrownBy(() -> ClassSet.parse("LBBB+RAD")).hasMessageContaining("LBBB");
        assertThatThrownBy(() -> ClassSet.parse("CRBBB+RBBB")).hasMessageContaining("cannot be combined");
        assertThatThrownBy(() -> ClassSet.parse("SB+STach")).hasMessageContaining("rhythm");
        assertThatThrownBy(() -> ClassSet.parse("AF+XYZ")).hasMessageContaining("unknown class 'XYZ'").hasMessageContaining("NSR");
        assertThatThrownBy(() -> ClassSet.parse("AF+")).hasMessageContaining("empty class name");
        assertThat(ClassSet.parse("af+rbbb+lad").toString()).isEqualTo("AF+RBBB+LAD");
        assertThat(ClassSet.parse("AF+RBBB+LAD").snomedCodes()).containsExactly("164889003", "59118001", "39732003");
        assertThat(ClassSet.parse("STach+IAVB+PVC+TInv+LQRSV").classes()).hasSize(5);
    }

    @SlowTest
    @Test
    void prematureBeatsOfBothKindsNeedOneAndAHalfSeconds() {
        ClassSet both = ClassSet.parse("SA+PAC+PVC");
        assertThat(both.minimumDurationSeconds()).isEqualTo(1.5);
        assertThat(both.fittedTo(1.2).toString()).isEqualTo("SA+PVC");
        assertThat(both.fittedTo(1.5)).isSameAs(both);
        assertThat(ClassSet.parse("PVC").minimumDurationSeconds()).isEqualTo(1.0);
        assertThatThrownBy(() -> SyntheticEcgGenerator.generate(new SynthesisSettings(1, 500, 1.2, 1, 0), 0, both))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5 s");
        // Every class and the tightest combinations fit in the shortest records they are allowed.
        for (long seed = 1; seed <= 20; seed++) {
            for (SynthClass c : SynthClass.values()) {
                SyntheticEcg ecg = SyntheticEcgGenerator.generate(new SynthesisSettings(seed, 250, 1, 1, 0), seed, ClassSet.of(c));
                if (c.group() == SynthClass.Group.VENTRICULAR_ECTOPY || c.group() == SynthClass.Group.ATRIAL_ECTOPY) {
                    assertThat(ecg.beatsInside()).as(c + " seed " + seed).anyMatch(Beat::premature);
                }
            }
            for (String set : List.of("SB+PAC+PVC", "SA+SVPB+VPB", "Brady+AF+PVC")) {
                ClassSet classes = ClassSet.parse(set);
                SyntheticEcg ecg = SyntheticEcgGenerator.generate(
                        new SynthesisSettings(seed, 250, classes.minimumDurationSeconds(), 1, 0), seed, classes);
                assertThat(ecg.beatsInside().stream().filter(Beat::premature).count()).as(set + " seed " + seed)
                        .isEqualTo(set.contains("PAC") || set.contains("SVPB") ? 2 : 1);
            }
        }
    }

    @Test
    void resolutionKeepsTheRhythmAndDropsWhatConflictsWithIt() {
        ClassSet set = ClassSet.resolve(EnumSet.of(SynthClass.AF, SynthClass.IAVB, SynthClass.PAC, SynthClass.LAD)).orElseThrow();
        assertThat(set.classes()).containsExactlyInAnyOrder(SynthClass.AF, SynthClass.LAD);
        assertThat(ClassSet.resolve(EnumSet.noneOf(SynthClass.class))).isEmpty();
    }

    @Test
    void listedAndBalancedMixesCycleThroughTheirSets() {
        ClassMix listed = ClassMix.listed(List.of(ClassSet.parse("AF"), ClassSet.parse("RBBB+LAD")));
        SplitMix64 r = new SplitMix64(1);
        assertThat(listed.classesFor(0, r).toString()).isEqualTo("AF");
        assertThat(listed.classesFor(1, r).toString()).isEqualTo("RBBB+LAD");
        assertThat(listed.classesFor(2, r).toString()).isEqualTo("AF");
        Set<SynthClass> seen = EnumSet.noneOf(SynthClass.class);
        for (int i = 0; i < SynthClass.values().length; i++) seen.addAll(ClassMix.balanced().classesFor(i, r).classes());
        assertThat(seen).containsExactlyInAnyOrder(SynthClass.values());
    }

    @Test
    void realisticMixFollowsTheChallengePrevalences() {
        Map<SynthClass, Double> fractions = ChallengePrevalence.fractions();
        assertThat(fractions.get(SynthClass.NSR)).isCloseTo(20846 / 43101.0, Offset.offset(1e-12));
        ClassMix mix = ClassMix.realistic();
        int n = 20_000;
        Map<SynthClass, Integer> counts = new EnumMap<>(SynthClass.class);
        Set<String> combinations = new HashSet<>();
        for (int i = 0; i < n; i++) {
            ClassSet set = mix.classesFor(i, SplitMix64.forRecord(7, i, SyntheticEcgGenerator.CLASS_STREAM));
            assertThat(ClassSet.conflict(set.classes())).isEmpty();
            set.classes().forEach(c -> counts.merge(c, 1, Integer::sum));
            combinations.add(set.toString());
        }
        // Drawn per group, empty draws redrawn (about 15 %), so each class lands near its
        // challenge fraction divided by 0.85; classes that conflict with a rhythm a little lower.
        double nonEmpty = 0.85;
        for (SynthClass c : List.of(SynthClass.NSR, SynthClass.AF, SynthClass.LAD, SynthClass.TAB, SynthClass.SB)) {
            double expected = fractions.get(c) / nonEmpty;
            assertThat(counts.getOrDefault(c, 0) / (double) n).as(c.name()).isBetween(0.8 * expected, 1.2 * expected);
        }
        assertThat(combinations.size()).as("multi-label combinations").isGreaterThan(100);
        assertThat(counts.keySet()).as("every class occurs").containsExactlyInAnyOrder(SynthClass.values());
    }
}
