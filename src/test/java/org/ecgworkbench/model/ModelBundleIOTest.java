package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.learning.config.Adam;

class ModelBundleIOTest {

    static final ObjectMapper MAPPER = new ObjectMapper();
    @TempDir
    static Path dir;
    static Path valid;
    static ModelBundle bundle;

    static ModelBundle tinyBundle(NetworkSpec spec, long seed) {
        ComputationGraph net = ResNet1d.build(spec, new Adam(1e-3), 0, null, seed);
        BundleMetadata meta = BundleMetadata.standard(spec, PipelineJson.write(Pipeline.defaultRecipe()));
        double[] th = meta.thresholds();
        th[2] = 0.3;
        ObjectNode fingerprint = MAPPER.createObjectNode().put("records", 42);
        return new ModelBundle(net, meta.withThresholds(th).withTraining(MAPPER.createObjectNode().put("epochs", 3), fingerprint, null));
    }

    @BeforeAll
    static void writeValid() throws IOException {
        bundle = tinyBundle(ResNet1dTest.TINY, 5);
        valid = dir.resolve("tiny.ecgmodel");
        ModelBundleIO.write(bundle, valid);
    }

    static Map<String, byte[]> entries(Path zipFile) throws IOException {
        Map<String, byte[]> out = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(zipFile.toFile())) {
            for (ZipEntry e : Collections.list(zip.entries())) out.put(e.getName(), zip.getInputStream(e).readAllBytes());
        }
        return out;
    }

    static Path craft(String name, Map<String, byte[]> entries) throws IOException {
        Path p = dir.resolve(name + ".ecgmodel");
        try (OutputStream os = Files.newOutputStream(p); ZipOutputStream zip = new ZipOutputStream(os)) {
            for (var e : entries.entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue());
                zip.closeEntry();
            }
        }
        return p;
    }

    static Path withMetadata(String name, Consumer<ObjectNode> edit) throws IOException {
        Map<String, byte[]> e = entries(valid);
        ObjectNode meta = (ObjectNode) MAPPER.readTree(e.get(ModelBundleIO.METADATA));
        edit.accept(meta);
        e.put(ModelBundleIO.METADATA, MAPPER.writeValueAsBytes(meta));
        return craft(name, e);
    }

    static void refused(Path file, String entry, String message) {
        assertThatThrownBy(() -> ModelBundleIO.read(file))
                .isInstanceOf(ModelBundleException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining(message)
                .satisfies(t -> assertThat(((ModelBundleException) t).entry()).isEqualTo(entry));
    }

    @Test
    void roundTripKeepsOutputsAndMetadata() throws IOException {
        assertThat(entries(valid).keySet()).containsExactly("metadata.json", "network.dl4j");
        ModelBundle back = ModelBundleIO.read(valid);
        INDArray x = ResNet1dTest.randomEcg(2, 256, 4);
        assertThat(back.network().outputSingle(false, x).data().asFloat())
                .containsExactly(bundle.network().outputSingle(false, x).data().asFloat());
        BundleMetadata m = back.metadata();
        assertThat(m.network()).isEqualTo(ResNet1dTest.TINY);
        assertThat(m.codes()).hasSize(24).isEqualTo(bundle.metadata().codes());
        assertThat(m.abbreviations()).isEqualTo(bundle.metadata().abbreviations());
        assertThat(m.thresholds()).containsExactly(bundle.metadata().thresholds());
        assertThat(PipelineJson.read(m.pipelineJson())).isEqualTo(Pipeline.defaultRecipe());
        assertThat(m.trainingConfig().get("epochs").asInt()).isEqualTo(3);
        assertThat(m.dataFingerprint().get("records").asInt()).isEqualTo(42);
        assertThat(m.metrics()).isNull();
        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.softwareVersion()).isNotBlank();
        Path inner = dir.resolve("roundtrip-inner.zip");
        Files.write(inner, entries(valid).get(ModelBundleIO.NETWORK));
        assertThat(entries(inner).keySet()).containsExactlyInAnyOrder("configuration.json", "coefficients.bin"); // no updater state
    }

    @Test
    void writeLeavesNoTemporaryFiles() throws IOException {
        Path sub = Files.createDirectories(dir.resolve("clean"));
        ModelBundleIO.write(bundle, sub.resolve("a.ecgmodel"));
        ModelBundleIO.write(bundle, sub.resolve("a.ecgmodel"));
        try (var files = Files.list(sub)) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("a.ecgmodel");
        }
    }

    @Test
    void refusesUnknownFormatVersion() throws IOException {
        refused(withMetadata("v2", m -> m.put("format_version", 2)), "metadata.json", "format version 2 is not supported");
    }

    @Test
    void refusesAbsolutePathsAndDotDot() throws IOException {
        Map<String, byte[]> e = entries(valid);
        e.put("/etc/cron.d/evil", new byte[] {1});
        refused(craft("absolute", e), "/etc/cron.d/evil", "absolute path");
        Map<String, byte[]> e2 = entries(valid);
        e2.put("../../evil", new byte[] {1});
        refused(craft("dotdot", e2), "../../evil", "'..'");
    }

    @Test
    void refusesUnexpectedAndMissingEntries() throws IOException {
        Map<String, byte[]> e = entries(valid);
        e.put("readme.txt", "hello".getBytes(StandardCharsets.UTF_8));
        refused(craft("extra", e), "readme.txt", "unexpected entry");
        Map<String, byte[]> e2 = entries(valid);
        e2.remove(ModelBundleIO.NETWORK);
        refused(craft("nonet", e2), "network.dl4j", "missing entry");
        Map<String, byte[]> e3 = entries(valid);
        e3.remove(ModelBundleIO.METADATA);
        refused(craft("nometa", e3), "metadata.json", "missing entry");
    }

    @Test
    void refusesOversizeEntriesWhileInflating() throws IOException {
        // 17 MiB of spaces deflate to a few kilobytes: only counting while inflating catches it.
        Map<String, byte[]> e = entries(valid);
        byte[] meta = e.get(ModelBundleIO.METADATA);
        byte[] big = new byte[17 << 20];
        Arrays.fill(big, (byte) ' ');
        System.arraycopy(meta, 0, big, 0, meta.length);
        e.put(ModelBundleIO.METADATA, big);
        Path p = craft("bomb", e);
        assertThat(Files.size(p)).isLessThan(1 << 20);
        refused(p, "metadata.json", "limit");
    }

    @Test
    void refusesOversizeOrForeignEntriesInsideTheNetwork() throws IOException {
        Map<String, byte[]> e = entries(valid);
        Map<String, byte[]> inner = new LinkedHashMap<>();
        Path innerZip = dir.resolve("inner.zip");
        Files.write(innerZip, e.get(ModelBundleIO.NETWORK));
        inner.putAll(entries(innerZip));
        inner.put("coefficients.bin", new byte[64 << 20]);
        Path innerBomb = craft("innerbomb-net", inner);
        e.put(ModelBundleIO.NETWORK, Files.readAllBytes(innerBomb));
        refused(craft("innerbomb", e), "network.dl4j!/coefficients.bin", "limit");

        inner.remove("coefficients.bin");
        inner.put("../x.bin", new byte[1]);
        e.put(ModelBundleIO.NETWORK, Files.readAllBytes(craft("innerforeign-net", inner)));
        refused(craft("innerforeign", e), "network.dl4j!/../x.bin", "unexpected entry");
    }

    @Test
    void refusesMalformedMetadata() throws IOException {
        Map<String, byte[]> e = entries(valid);
        e.put(ModelBundleIO.METADATA, "{not json".getBytes(StandardCharsets.UTF_8));
        refused(craft("notjson", e), "metadata.json", "not valid JSON");
        refused(withMetadata("nothresholds", m -> m.remove("thresholds")), "metadata.json", "missing field 'thresholds'");
        refused(withMetadata("shortthresholds", m -> m.putArray("thresholds").add(0.5)), "metadata.json", "1 thresholds for 24 classes");
        refused(withMetadata("badthreshold", m -> ((ArrayNode) m.get("thresholds")).set(0, 1.5)),
                "metadata.json", "threshold 0");
        refused(withMetadata("unknownfield", m -> m.put("extra", 1)), "metadata.json", "unknown field 'extra'");
        refused(withMetadata("badarch", m -> ((ObjectNode) m.get("network")).put("architecture", "vgg")), "metadata.json", "unknown architecture 'vgg'");
        refused(withMetadata("badpipeline", m -> ((ObjectNode) m.get("pipeline")).put("version", 9)), "metadata.json", "field 'pipeline'");
    }

    @Test
    void refusesANetworkThatDoesNotMatchTheMetadata() throws IOException {
        refused(withMetadata("widthmismatch", m -> ((ObjectNode) m.get("network")).put("width", 0.25)), "network.dl4j", "parameters");
    }

    @Test
    void refusesFilesThatAreNotZips() throws IOException {
        Path p = dir.resolve("text.ecgmodel");
        Files.writeString(p, "hello");
        refused(p, null, "not a valid zip");
        refused(dir.resolve("absent.ecgmodel"), null, "no such file");
    }
}
