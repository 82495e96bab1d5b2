package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ecgworkbench.dataset.SplitManifest;
import org.ecgworkbench.dataset.SplitManifestJson;
import org.ecgworkbench.model.ModelBundleIO;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/formats.md} names every entry and key of the files it describes, as the code writes
 * them: the model bundle (the bundled demonstration model), {@code split.json} and the run folder.
 */
class FormatsDocTest {
    private static final Path DOC = Path.of("docs/formats.md");
    private static final Path DEMO = Path.of("resources/models/demo-resnet18-w025.ecgmodel");

    @Test
    void theModelBundleSectionNamesEveryEntryAndMetadataKey() throws IOException {
        String section = section("## Model bundle");
        List<String> entries = new ArrayList<>();
        JsonNode metadata;
        try (ZipFile zip = new ZipFile(DEMO.toFile())) {
            zip.stream().map(ZipEntry::getName).forEach(entries::add);
            metadata = new ObjectMapper().readTree(zip.getInputStream(zip.getEntry(ModelBundleIO.METADATA)));
        }
        assertThat(entries).containsExactlyInAnyOrder(ModelBundleIO.METADATA, ModelBundleIO.NETWORK);
        assertThat(section).contains("`" + ModelBundleIO.METADATA + "`", "`" + ModelBundleIO.NETWORK + "`",
                "`format_version` (" + ModelBundleIO.FORMAT_VERSION + ")", "\"" + metadata.get("format").asText() + "\"");
        metadata.fieldNames().forEachRemaining(k -> assertThat(section).as("metadata key " + k).contains("`" + k + "`"));
        metadata.get("network").fieldNames().forEachRemaining(k -> assertThat(section).as("network key " + k).contains("`" + k + "`"));
        metadata.get("real_record_evaluation").fieldNames()
                .forEachRemaining(k -> assertThat(section).as("real_record_evaluation key " + k).contains("`" + k + "`"));
    }

    @Test
    void theSplitSectionShowsWhatSplitManifestJsonWrites() throws IOException {
        String section = section("### `split.json`");
        SplitManifest m = new SplitManifest(SplitManifest.HOLDOUT, 1, 0, 0,
                Map.of("train", List.of("A0001"), "validation", List.of("A0002"), "test", List.of("A0003")));
        JsonNode json = new ObjectMapper().readTree(SplitManifestJson.toJson(m));
        json.fieldNames().forEachRemaining(k -> assertThat(section).as("split key " + k).contains("\"" + k + "\""));
        assertThat(section).contains("\"" + SplitManifestJson.FORMAT + "\"", "\"version\": " + SplitManifestJson.VERSION,
                "`" + SplitManifest.HOLDOUT + "`", "`" + SplitManifest.KFOLD + "`");
        for (String part : SplitManifest.PART_NAMES) assertThat(section).contains("\"" + part + "\"");
    }

    @Test
    void theRunFolderTableNamesEveryFile() throws IOException {
        String section = section("## Run folder");
        RunFolder run = new RunFolder(Path.of("run"));
        for (Path p : List.of(run.config(), run.split(), run.events(), run.checkpointState(), run.checkpoints(), run.bestNetwork(),
                run.model(), run.report(), run.synthetic(), run.lock(), run.pid())) {
            String name = p.getFileName().toString();
            assertThat(section).as(name).containsAnyOf("| `" + name + "` |", "| `" + name + "/` |");
        }
    }

    /** From a heading to the next heading of the same or a higher level. */
    private static String section(String heading) throws IOException {
        String doc = Files.readString(DOC);
        int start = doc.indexOf("\n" + heading);
        assertThat(start).as(heading + " in " + DOC).isNotNegative();
        String level = heading.substring(0, heading.indexOf(' ') + 1);
        int end = doc.indexOf("\n" + level, start + 1);
        int higher = level.length() > 3 ? doc.indexOf("\n## ", start + 1) : -1;
        if (end < 0 || (higher >= 0 && higher < end)) end = higher;
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }
}
