package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundle's classes as one typed list and its optional provenance, over the unchanged file layout. */
class TypedBundleMetadataTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final NetworkSpec SPEC = NetworkSpec.of(Architecture.RESNET18, 0.125, 1000, false);
    private static final String SPLIT_SHA = "ab".repeat(32);

    @TempDir
    Path tmp;

    private static String demoMetadata() throws IOException {
        try (ZipFile zip = new ZipFile(DemoModelTest.BUNDLE.toFile())) {
            ZipEntry entry = zip.getEntry(ModelBundleIO.METADATA);
            try (InputStream in = zip.getInputStream(entry)) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    @Test
    void theDemonstrationBundleLoadsUnchangedAsOneListOfClasses() throws IOException {
        String json = demoMetadata();
        JsonNode raw = MAPPER.readTree(json);
        BundleMetadata m = BundleMetadataJson.read(json);
        assertThat(m.provenance()).as("written before provenance existed").isNull();
        assertThat(m.classes()).hasSize(raw.get("codes").size());
        for (int i = 0; i < m.classes().size(); i++) {
            OutputClass c = m.classes().get(i);
            assertThat(c.code()).isEqualTo(raw.get("codes").get(i).asText());
            assertThat(c.label()).isEqualTo(raw.get("abbreviations").get(i).asText());
            assertThat(c.threshold()).isEqualTo(raw.get("thresholds").get(i).asDouble());
        }
        // Written back, the file says exactly what it said: same fields, same values, no provenance added.
        assertThat(MAPPER.readTree(BundleMetadataJson.write(m))).isEqualTo(raw);
        assertThat(ModelBundleIO.read(DemoModelTest.BUNDLE).metadata().classes()).isEqualTo(m.classes());
    }

    @Test
    void provenanceRoundTripsThroughTheFileAndIsOptional() throws IOException {
        BundleProvenance provenance = new BundleProvenance("0.2.0", "0123456789abcdef0123456789abcdef01234567",
                List.of(new BundleProvenance.DataRoot("data/cpsc", 6877), new BundleProvenance.DataRoot("data/georgia", 0)),
                SPLIT_SHA, "nd4j-native (OpenBLAS)", "CPU: 2 threads", "2026-12-07T23:40:00Z");
        BundleMetadata m = BundleMetadata.standard(SPEC, PipelineJson.write(Pipeline.defaultRecipe()))
                .withThresholds(new double[24]).withProvenance(provenance);
        String json = BundleMetadataJson.write(m);
        BundleMetadata back = BundleMetadataJson.read(json);
        assertThat(back.provenance()).isEqualTo(provenance);
        assertThat(back.classes()).isEqualTo(m.classes());
        assertThat(BundleMetadataJson.write(back)).isEqualTo(json);
        assertThat(MAPPER.readTree(json).get("provenance").get("data").get(0).get("records").asInt()).isEqualTo(6877);
        assertThat(MAPPER.readTree(BundleMetadataJson.write(m.withProvenance(null))).has("provenance")).isFalse();
    }

    @Test
    void aBadProvenanceIsRefusedNamingTheField() throws IOException {
        BundleProvenance provenance = new BundleProvenance("0.2.0", "unknown", List.of(), SPLIT_SHA, "b", "d", "t");
        ObjectNode root = (ObjectNode) MAPPER.readTree(BundleMetadataJson.write(
                BundleMetadata.standard(SPEC, PipelineJson.write(Pipeline.defaultRecipe())).withProvenance(provenance)));
        ((ObjectNode) root.get("provenance")).put("split_sha256", "not a hash");
        assertThatThrownBy(() -> BundleMetadataJson.read(root.toString())).hasMessageContaining("provenance.split_sha256");
        ((ObjectNode) root.get("provenance")).put("split_sha256", SPLIT_SHA).put("extra", 1);
        assertThatThrownBy(() -> BundleMetadataJson.read(root.toString())).hasMessageContaining("unknown field 'provenance.extra'");
        ((ObjectNode) root.get("provenance")).remove("extra");
        ((ObjectNode) root.get("provenance")).putArray("data").addObject().put("root", "x").put("records", "many");
        assertThatThrownBy(() -> BundleMetadataJson.read(root.toString())).hasMessageContaining("provenance.data[0].records");
    }

    @Test
    void aThresholdOutsideZeroToOneNamesItsField() throws IOException {
        ObjectNode root = (ObjectNode) MAPPER.readTree(BundleMetadataJson.write(
                BundleMetadata.standard(SPEC, PipelineJson.write(Pipeline.defaultRecipe()))));
        ((ArrayNode) root.get("thresholds")).set(3, 1.5);
        assertThatThrownBy(() -> BundleMetadataJson.read(root.toString())).hasMessageContaining("field 'thresholds[3]'");
    }

    @Test
    void theSplitHashIsTheFilesSha256() throws IOException {
        Path f = Files.writeString(tmp.resolve("split.json"), "abc");
        assertThat(BundleProvenance.sha256(f)).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    }
}
