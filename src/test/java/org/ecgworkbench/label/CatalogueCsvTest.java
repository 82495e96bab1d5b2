package org.ecgworkbench.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** The catalogue reader, on the real files and on broken copies of them. */
class CatalogueCsvTest {

    private static final String SCORED = "scored.csv";
    private static final String UNSCORED = "unscored.csv";

    @Test
    void splitsQuotedFieldsWithCommasAndDoubledQuotes() {
        List<CatalogueCsv.Line> lines = CatalogueCsv.read("t.csv", new StringReader(
                "\uFEFFa,b,c\r\n\r\n\"x, y\",\"say \"\"hi\"\"\",\n  plain , \"\" ,z\n"));
        assertThat(lines).extracting(CatalogueCsv.Line::number).containsExactly(1, 3, 4);
        assertThat(lines.get(0).fields()).containsExactly("a", "b", "c");
        assertThat(lines.get(1).fields()).containsExactly("x, y", "say \"hi\"", "");
        assertThat(lines.get(2).fields()).containsExactly("plain", "", "z");
    }

    @Test
    void rejectsBrokenQuotingNamingResourceAndLine() {
        assertThatThrownBy(() -> CatalogueCsv.read("t.csv", new StringReader("a,b\n\"open,b\n")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("t.csv").hasMessageContaining("line 2").hasMessageContaining("unterminated");
        assertThatThrownBy(() -> CatalogueCsv.read("t.csv", new StringReader("a,b\n\n\"x\"y,b\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 3");
        assertThatThrownBy(() -> CatalogueCsv.read("t.csv", new StringReader("a,b\nx\"y,b\n")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("line 2");
    }

    @Test
    void aQuotedNameWithACommaLoads() throws IOException {
        String scored = resource(DiagnosisCatalogue.SCORED_RESOURCE)
                .replace("atrial flutter,164890007", "\"atrial flutter, typical or not\",164890007");
        DiagnosisCatalogue c = read(scored, resource(DiagnosisCatalogue.UNSCORED_RESOURCE));
        assertThat(c.byCode("164890007")).map(Diagnosis::name).hasValue("atrial flutter, typical or not");
        assertThat(c.scored()).hasSize(27);
    }

    @Test
    void aBadCodeIsABugNamingResourceAndLine() throws IOException {
        String scored = resource(DiagnosisCatalogue.SCORED_RESOURCE).replace(",164889003,", ",16488900x,");
        assertThatThrownBy(() -> read(scored, resource(DiagnosisCatalogue.UNSCORED_RESOURCE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SCORED).hasMessageContaining("line 3").hasMessageContaining("16488900x");
    }

    @Test
    void anUnquotedCommaIsAFieldCountError() throws IOException {
        String unscored = resource(DiagnosisCatalogue.UNSCORED_RESOURCE)
                .replace("heart failure,84114007", "heart failure, chronic,84114007");
        assertThatThrownBy(() -> read(resource(DiagnosisCatalogue.SCORED_RESOURCE), unscored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(UNSCORED).hasMessageContaining("line 29").hasMessageContaining("fields");
    }

    @Test
    void aCodeListedTwiceIsABug() throws IOException {
        String unscored = resource(DiagnosisCatalogue.UNSCORED_RESOURCE) + "again af,164889003,AF2,0,0,0,0,0,0,0\n";
        assertThatThrownBy(() -> read(resource(DiagnosisCatalogue.SCORED_RESOURCE), unscored))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(UNSCORED).hasMessageContaining("line 86")
                .hasMessageContaining(SCORED + ", line 3");
    }

    @Test
    void aMissingHeaderColumnIsABug() throws IOException {
        String scored = resource(DiagnosisCatalogue.SCORED_RESOURCE).replace("SNOMED CT Code", "Code");
        assertThatThrownBy(() -> read(scored, resource(DiagnosisCatalogue.UNSCORED_RESOURCE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SCORED).hasMessageContaining("line 1").hasMessageContaining("SNOMED CT Code");
        assertThatThrownBy(() -> read("", resource(DiagnosisCatalogue.UNSCORED_RESOURCE)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(SCORED);
    }

    @Test
    void aMissingPairMemberIsABug() throws IOException {
        String scored = resource(DiagnosisCatalogue.SCORED_RESOURCE)
                .replaceAll("(?m)^ventricular premature beats,17338001.*$", "");
        assertThatThrownBy(() -> read(scored, resource(DiagnosisCatalogue.UNSCORED_RESOURCE)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(SCORED).hasMessageContaining("17338001");
    }

    @Test
    void readingDoesNotDependOnTheDefaultLocale() throws IOException {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.forLanguageTag("tr-TR"));
            DiagnosisCatalogue c = read(resource(DiagnosisCatalogue.SCORED_RESOURCE), resource(DiagnosisCatalogue.UNSCORED_RESOURCE));
            assertThat(c.scored()).isEqualTo(DiagnosisCatalogue.standard().scored());
            // Turkish upper-cases i to İ; the abbreviations must still match.
            assertThat(c.resolve("i-avb").code()).hasValue("270492004");
            assertThat(c.resolve("pvc").code()).hasValue("164884008");
        } finally {
            Locale.setDefault(saved);
        }
    }

    private static DiagnosisCatalogue read(String scored, String unscored) {
        return DiagnosisCatalogue.read(SCORED, new StringReader(scored), UNSCORED, new StringReader(unscored));
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CatalogueCsvTest.class.getResourceAsStream(name)) {
            assertThat(in).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
