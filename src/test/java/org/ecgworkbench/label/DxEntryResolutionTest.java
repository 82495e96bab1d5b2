package org.ecgworkbench.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DxEntryResolutionTest {

    private final DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
        "Normal, 426783006, SCORED",
        "AF,     164889003, SCORED",
        "I-AVB,  270492004, SCORED",
        "LBBB,   164909002, SCORED",
        "RBBB,   59118001,  SCORED",
        "PAC,    284470004, SCORED",
        "PVC,    164884008, UNSCORED",
        "STD,    429622005, UNSCORED",
        "STE,    164931005, UNSCORED",
    })
    void resolvesEveryCpsc2018AbbreviationAsTheChallengeDid(String abbreviation, String code, DxEntry.Status status) {
        for (String spelling : List.of(abbreviation, abbreviation.toLowerCase(Locale.ROOT),
                abbreviation.toUpperCase(Locale.ROOT), "  " + abbreviation + "\t", abbreviation + "\r")) {
            DxEntry entry = catalogue.resolve(spelling);
            assertThat(entry.raw()).isEqualTo(spelling);
            assertThat(entry.code()).hasValue(code);
            assertThat(entry.status()).isEqualTo(status);
            assertThat(entry.diagnosis()).map(Diagnosis::code).hasValue(code);
        }
    }

    @Test
    void theAbbreviationTableIsExactlyTheCodesWithACpscCount() throws IOException {
        // The challenge's own evidence: the CPSC column is non-zero for exactly the nine codes it mapped CPSC to.
        Map<String, Integer> cpscCounts = new HashMap<>();
        cpscCounts.putAll(cpscColumn(DiagnosisCatalogue.SCORED_RESOURCE));
        cpscCounts.putAll(cpscColumn(DiagnosisCatalogue.UNSCORED_RESOURCE));
        cpscCounts.values().removeIf(count -> count == 0);
        assertThat(Cpsc2018Abbreviations.codes().values()).containsExactlyInAnyOrderElementsOf(cpscCounts.keySet());
        assertThat(Cpsc2018Abbreviations.codes().keySet())
                .containsExactly("Normal", "AF", "I-AVB", "LBBB", "RBBB", "PAC", "PVC", "STD", "STE");
        assertThat(cpscCounts).containsEntry("164884008", 700).doesNotContainKey("427172004")
                .containsEntry("59118001", 1857).doesNotContainKey("713427006");
    }

    @Test
    void catalogueAbbreviationsAreNotCpscLabels() {
        // Only CPSC's spelling is accepted: "IAVB" or "NSR" in a #Dx line is not something any release wrote.
        assertThat(catalogue.resolve("IAVB").status()).isEqualTo(DxEntry.Status.UNRECOGNISED);
        assertThat(catalogue.resolve("NSR").status()).isEqualTo(DxEntry.Status.UNRECOGNISED);
        assertThat(Cpsc2018Abbreviations.snomedCodeOf(null)).isEmpty();
        assertThat(Cpsc2018Abbreviations.snomedCodeOf(" normal ")).hasValue("426783006");
    }

    @Test
    void resolvesCodesScoredAndUnscored() {
        DxEntry af = catalogue.resolve("164889003");
        assertThat(af.status()).isEqualTo(DxEntry.Status.SCORED);
        assertThat(af.isScored()).isTrue();
        assertThat(af.isUnknown()).isFalse();
        assertThat(af.diagnosis()).map(Diagnosis::abbreviation).hasValue("AF");

        DxEntry vpb = catalogue.resolve(" 17338001 ");
        assertThat(vpb.status()).isEqualTo(DxEntry.Status.SCORED);
        assertThat(vpb.code()).hasValue("17338001"); // the code as written, not the canonical one
        assertThat(vpb.raw()).isEqualTo(" 17338001 ");

        DxEntry nsstta = catalogue.resolve("428750005");
        assertThat(nsstta.status()).isEqualTo(DxEntry.Status.UNSCORED);
        assertThat(nsstta.isScored()).isFalse();
        assertThat(nsstta.diagnosis()).map(Diagnosis::abbreviation).hasValue("NSSTTA");

        assertThat(catalogue.resolve("\uFEFF426783006").status()).isEqualTo(DxEntry.Status.SCORED);
    }

    @ParameterizedTest
    @ValueSource(strings = {"55827005", "123456", "999999999999999999", "67741000119110"})
    void keepsUnknownCodes(String code) {
        DxEntry entry = catalogue.resolve(code);
        assertThat(entry.status()).isEqualTo(DxEntry.Status.UNKNOWN_CODE);
        assertThat(entry.code()).hasValue(code);
        assertThat(entry.diagnosis()).isEmpty();
        assertThat(entry.isUnknown()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "\t\r\n", "abc", "AF,RBBB", "164889003.0", "-164889003", "+164889003",
        "1648 89003", "12345", "0164889003", "1234567890123456789", "١٦٤٨٨٩٠٠٣", "１６４８８９００３",
        "I AVB", "IAVB-", "N/A", "NaN", "null", "\u0000", "#Dx: AF", "\uFEFF", "\uD800"})
    void keepsUnrecognisedText(String text) {
        DxEntry entry = catalogue.resolve(text);
        assertThat(entry.status()).isEqualTo(DxEntry.Status.UNRECOGNISED);
        assertThat(entry.raw()).isEqualTo(text);
        assertThat(entry.code()).isEmpty();
        assertThat(entry.diagnosis()).isEmpty();
    }

    @Test
    void nullIsUnrecognisedNotAnException() {
        DxEntry entry = catalogue.resolve(null);
        assertThat(entry.status()).isEqualTo(DxEntry.Status.UNRECOGNISED);
        assertThat(entry.raw()).isEmpty();
    }

    @Test
    void hugeEntriesResolveAndPrintShort() {
        String digits = "1".repeat(2_000_000);
        String letters = "AF".repeat(1_000_000);
        String padded = " ".repeat(1_000_000) + "164889003" + "\t".repeat(1_000_000);
        assertThat(catalogue.resolve(digits).status()).isEqualTo(DxEntry.Status.UNRECOGNISED);
        assertThat(catalogue.resolve(letters).status()).isEqualTo(DxEntry.Status.UNRECOGNISED);
        assertThat(catalogue.resolve(padded).code()).hasValue("164889003");
        assertThat(catalogue.resolve(digits).raw()).hasSize(2_000_000);
        assertThat(catalogue.resolve(digits).toString()).hasSizeLessThan(200).contains("2000000 chars");
    }

    @Test
    void randomTextNeverThrowsAndStatusAgreesWithTheRest() {
        Random random = new Random(2020);
        String alphabet = "0123456789 ,-ABCDEFILNPRSTVabfilnr\t\uFEFF\u00A0é\u0000";
        for (int i = 0; i < 20_000; i++) {
            int length = random.nextInt(20);
            StringBuilder text = new StringBuilder();
            for (int k = 0; k < length; k++) text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            DxEntry entry = catalogue.resolve(text.toString());
            assertThat(entry.raw()).isEqualTo(text.toString());
            switch (entry.status()) {
                case SCORED, UNSCORED -> assertThat(catalogue.byCode(entry.code().orElseThrow())).isEqualTo(entry.diagnosis());
                case UNKNOWN_CODE -> assertThat(catalogue.byCode(entry.code().orElseThrow())).isEmpty();
                case UNRECOGNISED -> assertThat(entry.code()).isEmpty();
            }
        }
    }

    @Test
    void anEntryCannotContradictItsStatus() {
        Diagnosis af = catalogue.byCode("164889003").orElseThrow();
        assertThatThrownBy(() -> new DxEntry("x", Optional.of("164889003"), Optional.of(af), DxEntry.Status.UNSCORED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DxEntry("x", Optional.of("1"), Optional.empty(), DxEntry.Status.UNRECOGNISED))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new DxEntry("x", Optional.of("428750005"), Optional.of(af), DxEntry.Status.SCORED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Map<String, Integer> cpscColumn(String resource) throws IOException {
        try (InputStream in = DxEntryResolutionTest.class.getResourceAsStream(resource)) {
            assertThat(in).isNotNull();
            List<CatalogueCsv.Line> lines = CatalogueCsv.read(resource, new InputStreamReader(in, StandardCharsets.UTF_8));
            int code = lines.get(0).fields().indexOf("SNOMED CT Code");
            int cpsc = lines.get(0).fields().indexOf("CPSC");
            Map<String, Integer> counts = new HashMap<>();
            for (CatalogueCsv.Line line : lines.subList(1, lines.size())) {
                counts.put(line.fields().get(code), Integer.parseInt(line.fields().get(cpsc)));
            }
            return counts;
        }
    }
}
