package org.ecgworkbench.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DiagnosisCatalogueTest {

    private final DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();

    @Test
    void holdsTheChallengeCounts() {
        assertThat(catalogue.scored()).hasSize(27).allMatch(Diagnosis::scored);
        assertThat(catalogue.unscored()).hasSize(84).noneMatch(Diagnosis::scored);
        assertThat(catalogue.scoredClasses()).hasSize(24);
        Set<String> codes = new HashSet<>();
        catalogue.scored().forEach(d -> codes.add(d.code()));
        catalogue.unscored().forEach(d -> codes.add(d.code()));
        assertThat(codes).hasSize(111);
    }

    @Test
    void readsRowsInFileOrderWithEveryColumnInPlace() {
        assertThat(catalogue.scored().get(0)).isEqualTo(new Diagnosis("270492004", "IAVB", "1st degree av block", true));
        assertThat(catalogue.scored().get(26)).isEqualTo(new Diagnosis("17338001", "VPB", "ventricular premature beats", true));
        assertThat(catalogue.unscored().get(0)).isEqualTo(new Diagnosis("195042002", "IIAVB", "2nd degree av block", false));
        assertThat(catalogue.unscored().get(83)).isEqualTo(new Diagnosis("74390002", "WPW", "wolff parkinson white pattern", false));
    }

    @Test
    void scoredOrderIsTheOrderOfWeightsCsv() throws IOException {
        List<String> header = weightsHeader();
        assertThat(header).hasSize(27);
        assertThat(catalogue.scored().stream().map(Diagnosis::code).toList()).containsExactlyElementsOf(header);
        for (int i = 0; i < header.size(); i++) {
            assertThat(catalogue.scoredIndexOf(header.get(i))).hasValue(i);
        }
    }

    @Test
    void scoredClassesFollowTheOfficialScorersClassOrder() throws IOException {
        // What evaluate_12ECG_score.py does: replace each code by its pair's representative, keep first occurrences.
        Map<String, String> representative = Map.of("59118001", "713427006", "63593006", "284470004", "17338001", "427172004");
        List<String> expected = new ArrayList<>();
        for (String code : weightsHeader()) {
            String r = representative.getOrDefault(code, code);
            if (!expected.contains(r)) expected.add(r);
        }
        assertThat(catalogue.scoredClasses().stream().map(ScoredClass::canonicalCode).toList())
                .containsExactlyElementsOf(expected);
        assertThat(catalogue.scoredClasses().stream().map(ScoredClass::label).toList()).containsExactly(
                "IAVB", "AF", "AFL", "Brady", "CRBBB|RBBB", "IRBBB", "LAnFB", "LAD", "LBBB", "LQRSV", "NSIVCB", "PR",
                "PAC|SVPB", "PVC|VPB", "LPR", "LQT", "QAb", "RAD", "SA", "SB", "NSR", "STach", "TAb", "TInv");
        for (int i = 0; i < 24; i++) assertThat(catalogue.scoredClasses().get(i).index()).isEqualTo(i);
    }

    @Test
    void eachEquivalentPairFoldsIntoOneClassReportingBothCodes() {
        assertThat(DiagnosisCatalogue.EQUIVALENT_PAIRS).hasSize(3);
        for (DiagnosisCatalogue.EquivalentPair pair : DiagnosisCatalogue.EQUIVALENT_PAIRS) {
            ScoredClass first = catalogue.scoredClassOf(pair.canonicalCode()).orElseThrow();
            ScoredClass second = catalogue.scoredClassOf(pair.equivalentCode()).orElseThrow();
            assertThat(second).isSameAs(first);
            assertThat(first.canonicalCode()).isEqualTo(pair.canonicalCode());
            assertThat(first.codes()).containsExactly(pair.canonicalCode(), pair.equivalentCode());
        }
        ScoredClass rbbb = catalogue.scoredClassOf("59118001").orElseThrow();
        assertThat(rbbb.index()).isEqualTo(4);
        assertThat(rbbb.abbreviations()).containsExactly("CRBBB", "RBBB");
        assertThat(rbbb.name()).isEqualTo("complete right bundle branch block / right bundle branch block");
        assertThat(catalogue.scoredClassOf("63593006").orElseThrow().label()).isEqualTo("PAC|SVPB");
        assertThat(catalogue.scoredClassOf("17338001").orElseThrow().label()).isEqualTo("PVC|VPB");
        // The two pair members keep their own weights.csv columns.
        assertThat(catalogue.scoredIndexOf("713427006")).hasValue(4);
        assertThat(catalogue.scoredIndexOf("59118001")).hasValue(18);
    }

    @Test
    void singleClassesHaveOneCodeAndTheirOwnName() {
        ScoredClass af = catalogue.scoredClassOf("164889003").orElseThrow();
        assertThat(af.codes()).containsExactly("164889003");
        assertThat(af.label()).isEqualTo("AF");
        assertThat(af.name()).isEqualTo("atrial fibrillation");
        assertThat(catalogue.scoredClasses().stream().mapToInt(c -> c.codes().size()).sum()).isEqualTo(27);
    }

    @Test
    void looksCodesUp() {
        assertThat(catalogue.byCode("164889003")).map(Diagnosis::abbreviation).hasValue("AF");
        assertThat(catalogue.byCode(" 428750005 ")).map(Diagnosis::name).hasValue("nonspecific st t abnormality");
        assertThat(catalogue.byCode("67741000119109")).map(Diagnosis::abbreviation).hasValue("LAE");
        assertThat(catalogue.byCode("55827005")).isEmpty();
        assertThat(catalogue.byCode("AF")).isEmpty();
        assertThat(catalogue.byCode(null)).isEmpty();
        assertThat(catalogue.scoredClassOf("428750005")).isEmpty(); // unscored
        assertThat(catalogue.scoredClassOf(null)).isEmpty();
        assertThat(catalogue.scoredIndexOf("428750005")).isEmpty();
        assertThat(catalogue.scoredIndexOf(null)).isEmpty();
    }

    @Test
    void exposesOnlyUnmodifiableViews() {
        Diagnosis any = catalogue.scored().get(0);
        assertThatThrownBy(() -> catalogue.scored().add(any)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalogue.unscored().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalogue.scoredClasses().remove(0)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> catalogue.scoredClasses().get(4).codes().add("1"))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void standardIsOneInstanceAcrossThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<DiagnosisCatalogue>> calls = new ArrayList<>();
            for (int i = 0; i < 16; i++) calls.add(DiagnosisCatalogue::standard);
            for (Future<DiagnosisCatalogue> f : pool.invokeAll(calls)) assertThat(f.get()).isSameAs(catalogue);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFreshLoadEqualsTheStandardOne() {
        DiagnosisCatalogue fresh = DiagnosisCatalogue.fromResources(
                DiagnosisCatalogue.SCORED_RESOURCE, DiagnosisCatalogue.UNSCORED_RESOURCE);
        assertThat(fresh).isNotSameAs(catalogue);
        assertThat(fresh.scored()).isEqualTo(catalogue.scored());
        assertThat(fresh.unscored()).isEqualTo(catalogue.unscored());
        assertThat(fresh.scoredClasses()).isEqualTo(catalogue.scoredClasses());
    }

    @Test
    void aMissingResourceIsNamed() {
        assertThatThrownBy(() -> DiagnosisCatalogue.fromResources("/catalogue/nope.csv", DiagnosisCatalogue.UNSCORED_RESOURCE))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("/catalogue/nope.csv");
    }

    static List<String> weightsHeader() throws IOException {
        try (InputStream in = DiagnosisCatalogueTest.class.getResourceAsStream("/catalogue/weights.csv")) {
            assertThat(in).as("weights.csv on the classpath").isNotNull();
            String first = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).readLine();
            List<String> cells = Arrays.asList(first.split(",", -1));
            assertThat(cells.get(0)).isEmpty();
            return cells.subList(1, cells.size()).stream().map(String::strip).toList();
        }
    }
}
