package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.ecgworkbench.dataset.SplitManifest;
import org.ecgworkbench.dataset.SplitManifestJson;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.BundleMetadata;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.ResNet1d;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

/** {@code evaluate --split-manifest} evaluates exactly the part: a missing or malformed id is an error naming it. */
class EvaluateSplitManifestTest {
    @TempDir
    static Path dir;
    static Path model;
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void bundleAndData() throws Exception {
        NetworkSpec spec = NetworkSpec.of(Architecture.RESNET18, 0.125, Pipeline.DEFAULT_LENGTH, false);
        model = dir.resolve("tiny.ecgmodel");
        ModelBundleIO.write(new ModelBundle(ResNet1d.build(spec, new Adam(1e-3), 0, null, 1),
                BundleMetadata.standard(spec, PipelineJson.write(Pipeline.defaultRecipe()))), model);
        data = dir.resolve("data");
        assertThat(CliRunner.run("synth", "--out", data.toString(), "--count", "8", "--classes", "NSR,AF", "--fs", "100",
                "--seed", "5", "--threads", "2").exitCode()).isZero();
    }

    private Path manifest(List<String> test) throws Exception {
        Path file = tmp.resolve("split.json");
        SplitManifestJson.write(new SplitManifest("holdout", 1, 0, 0,
                Map.of("train", List.of("SYN00001"), "validation", List.of("SYN00002"), "test", test)), file);
        return file;
    }

    private CliRunner evaluate(Path manifest) {
        return CliRunner.run("evaluate", "--model", model.toString(), "--split-manifest", manifest.toString(), "--part", "test",
                data.toString());
    }

    @Test
    void thePartIsEvaluatedWhole() throws Exception {
        CliRunner r = evaluate(manifest(List.of("SYN00003", "SYN00004", "SYN00005", "SYN00006")));
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("4 records\n");
    }

    @Test
    void partRecordsNotUnderTheFoldersAreAnErrorNamingThemAndTheManifest() throws Exception {
        Path manifest = manifest(List.of("SYN00003", "SYN00004", "SYN00005", "SYN00006", "A0001", "A0002", "A0003", "A0004"));
        CliRunner r = evaluate(manifest);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.out()).isEmpty();
        assertThat(r.err().strip()).startsWith("error: " + manifest).contains("4 records of part test (of 8)")
                .contains("A0001, A0002, A0003, A0004").contains(data.toString()).doesNotContain("SYN00003");
        assertThat(r.err().lines()).hasSize(1);
    }

    @Test
    void aMalformedIdIsRefusedWithTheFileAndTheFieldNamed() throws Exception {
        String json = SplitManifestJson.toJson(new SplitManifest("holdout", 1, 0, 0,
                Map.of("train", List.of(), "validation", List.of(), "test", List.of("SYN00003"))));
        Path manifest = tmp.resolve("split.json");
        Files.writeString(manifest, json.replace("\"SYN00003\"", "\"../../../etc/passwd\", \"SYN00003\""));
        CliRunner r = evaluate(manifest);
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err().strip()).isEqualTo("error: " + manifest + ": field 'parts.test[0]': malformed record id "
                + "\"../../../etc/passwd\": " + SplitManifest.RECORD_ID_RULE);
    }

    @Test
    void anUnreadablePartRecordIsAListedFailureAndOtherUnreadableRecordsAreNotThisEvaluations() throws Exception {
        Path copy = tmp.resolve("data");
        Files.createDirectories(copy);
        try (var files = Files.list(data)) {
            for (Path f : files.toList()) Files.copy(f, copy.resolve(f.getFileName()));
        }
        Files.writeString(copy.resolve("SYN00004.hea"), "SYN00004 twelve 100 1000\n");
        Files.writeString(copy.resolve("SYN00008.hea"), "SYN00008 twelve 100 1000\n"); // not in the part
        CliRunner r = CliRunner.run("evaluate", "--model", model.toString(), "--split-manifest",
                manifest(List.of("SYN00003", "SYN00004", "SYN00005")).toString(), copy.toString());
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(r.out()).startsWith("2 records\n");
        assertThat(r.err()).contains("failed: " + copy.resolve("SYN00004.hea")).doesNotContain("SYN00008");
    }
}
