package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The project's mapping of LUDB's diagnosis texts to SNOMED CT (ludb-diagnoses.csv). */
class LudbDiagnosesTest {

    private final LudbDiagnoses mapping = LudbDiagnoses.standard();

    @Test
    void coversEveryDiagnosisTextOfLudbCsv() throws IOException {
        Path csv = LudbRecords.folder().resolve("ludb.csv");
        assumeTrue(Files.isRegularFile(csv), "LUDB not present");
        LudbDiagnoses.Labels labels = mapping.read(csv);
        assertThat(labels.unknownFindings()).isEmpty();
        assertThat(labels.codesById()).hasSize(100);
        // record 1: sinus bradycardia, left axis deviation, LV overload and hypertrophy, repolarisation changes
        assertThat(labels.codesById().get("1")).containsExactly("426177001", "39732003", "370365005", "164873001", "428750005");
    }

    @Test
    void everyCodeIsInTheCatalogueAndEveryUnmappedTextSaysWhy() {
        DiagnosisCatalogue c = DiagnosisCatalogue.standard();
        assertThat(mapping.mappings()).hasSizeGreaterThanOrEqualTo(71);
        for (LudbDiagnoses.Mapping m : mapping.mappings()) {
            m.code().ifPresent(code -> assertThat(c.byCode(code)).as(m.text()).isPresent());
            if (m.code().isEmpty()) assertThat(m.note()).as(m.text()).startsWith("unmapped:");
        }
        assertThat(mapping.lookup("Conduction abnormalities", "Complete right bundle branch block").orElseThrow().code())
                .contains("713427006");
        assertThat(mapping.lookup("Electric axis of the heart", "Electric axis of the heart: normal").orElseThrow().code()).isEmpty();
    }

    @Test
    void everyMappingIsDocumented() throws IOException {
        String doc = Files.readString(Path.of("docs/measurements.md"));
        for (LudbDiagnoses.Mapping m : mapping.mappings()) assertThat(doc).as(m.text()).contains(m.text());
    }

    @Test
    void readsQuotedMultiLineCellsAndListsUnknownFindings(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("ludb.csv");
        Files.writeString(csv, "ID,Sex,Age,Rhythms,Conduction abnormalities\r\n"
                + "7,\"M\n\",\"60\n\",Sinus rhythm,\"I degree av block\nComplete left bundle branch block\"\r\n"
                + "8,F,40,\"Sinus rhythm, \"\"odd\"\"\",\n");
        LudbDiagnoses.Labels labels = mapping.read(csv);
        assertThat(labels.codesById().get("7")).containsExactly("426783006", "270492004", "164909002");
        assertThat(labels.codesById().get("8")).isEmpty();
        assertThat(labels.unknownFindings()).containsExactly("Rhythms: Sinus rhythm, \"odd\"");
    }

    @Test
    void aFileThatIsNotLudbCsvIsRefusedNamingIt(@TempDir Path dir) throws IOException {
        Path csv = dir.resolve("other.csv");
        Files.writeString(csv, "a,b\n1,\"2");
        assertThatThrownBy(() -> mapping.read(csv)).isInstanceOf(IOException.class).hasMessageContaining("other.csv");
        assertThat(LudbDiagnoses.Csv.read(new StringReader("x,\"y\"\"z\"\n"))).containsExactly(List.of("x", "y\"z"));
    }
}
