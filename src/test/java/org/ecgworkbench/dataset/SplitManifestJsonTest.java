package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SplitManifestJsonTest {

    @TempDir
    Path dir;

    private final SplitManifest manifest = IterativeStratifier.kfold(DatasetFixtures.skewedMultiLabel(200, 1), 4, 1, 77);

    @Test
    void roundTripsThroughAFileWrittenAtomically() throws IOException {
        Path file = dir.resolve("split.json");
        SplitManifestJson.write(manifest, file);
        SplitManifestJson.write(manifest, file); // replaces
        assertThat(SplitManifestJson.read(file)).isEqualTo(manifest);
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()).toList()).containsExactly("split.json");
        }
        String text = Files.readString(file);
        assertThat(text).contains("\"format\" : \"ecg-workbench-split\"").contains("\"version\" : 1").contains("\"seed\" : 77");
    }

    @Test
    void errorsNameTheFileAndTheField() throws IOException {
        String good = SplitManifestJson.toJson(manifest);
        assertError(good.replace("\"ecg-workbench-split\"", "\"other\""), "format");
        assertError(good.replace("\"version\" : 1", "\"version\" : 9"), "version");
        assertError(good.replace("\"seed\" : 77", "\"seed\" : \"x\""), "seed");
        assertError(good.replace("\"method\" : \"kfold\"", "\"method\" : \"bootstrap\""), "method");
        assertError(good.replace("\"fold\" : 1", "\"fold\" : 7"), "folds");
        assertError(good.replace("\"validation\"", "\"valid\""), "parts.valid");
        String firstTrain = manifest.part("train").get(0);
        assertError(good.replaceFirst("\"test\" : \\[", "\"test\" : [ \"" + firstTrain + "\","), "parts.test[0]");
        assertError(good.replaceFirst("\"test\" : \\[", "\"test\" : [ 5,"), "parts.test[0]");
        assertError(good.replace("\"seed\"", "\"extra\" : 1, \"seed\""), "extra");
        assertError("{", null);
        // Read through JsonFields: the refusal keeps this file's layout (file, field, problem).
        assertError(good.replace("\"method\" : \"kfold\"", "\"method\" : 3"), "method");
        assertThatThrownBy(() -> SplitManifestJson.fromJson(good.replace("\"method\" : \"kfold\"", "\"method\" : 3"), Path.of("s.json")))
                .hasMessage("s.json: field 'method': must be a string");
        assertThatThrownBy(() -> SplitManifestJson.fromJson(good.replace("\"seed\"", "\"extra\" : 1, \"seed\""), Path.of("s.json")))
                .hasMessage("s.json: field 'extra': unknown field");
    }

    @Test
    void idsAreRecordNamesNeverPaths() throws IOException {
        String good = SplitManifestJson.toJson(new SplitManifest("holdout", 1, 0, 0, Map.of(
                "train", List.of("A0001", "00001_lr", "SYN00001"), "validation", List.of("s0010_re"), "test", List.of("HR00001.v2"))));
        Path file = dir.resolve("good.json");
        Files.writeString(file, good);
        assertThat(SplitManifestJson.read(file).part("train")).containsExactly("00001_lr", "A0001", "SYN00001");
        for (String bad : List.of("../../../etc/passwd", "/etc/passwd", "a/b", "..", ".hidden", "-rf", "A 1", "A\\u001b[2J",
                "x".repeat(129), "C:\\\\x")) {
            String json = good.replace("\"HR00001.v2\"", "\"" + bad + "\"");
            assertError(json, "parts.test[0]");
            assertThatThrownBy(() -> SplitManifestJson.fromJson(json, file)).hasMessageContaining("malformed record id")
                    .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\u001b"));
        }
        assertThatThrownBy(() -> new SplitManifest("holdout", 1, 0, 0, Map.of(
                "train", List.of("../x"), "validation", List.of(), "test", List.of()))).hasMessageContaining("malformed record id \"../x\"");
    }

    @Test
    void theRecordSortsIdsAndRefusesOverlap() {
        SplitManifest m = new SplitManifest("holdout", 1, 0, 0, Map.of(
                "train", List.of("B", "A"), "validation", List.of(), "test", List.of("C")));
        assertThat(m.part("train")).containsExactly("A", "B");
        assertThatThrownBy(() -> new SplitManifest("holdout", 1, 0, 0, Map.of(
                "train", List.of("A"), "validation", List.of("A"), "test", List.of()))).hasMessageContaining("twice");
    }

    private void assertError(String json, String field) throws IOException {
        Path file = dir.resolve("bad.json");
        Files.writeString(file, json);
        assertThatThrownBy(() -> SplitManifestJson.read(file))
                .isInstanceOfSatisfying(DatasetFormatException.class, e -> {
                    assertThat(e.file()).isEqualTo(file);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(file.toString());
                });
    }
}
