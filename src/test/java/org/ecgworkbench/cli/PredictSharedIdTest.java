package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
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

/**
 * Outputs of one run never overwrite each other: {@code predict --out-dir} writes {@code <id>.csv}, so two records of one
 * id are refused; {@code evaluate} refuses one file given as both --report and --predictions.
 */
class PredictSharedIdTest {

    @TempDir
    static Path shared;
    static Path model;

    @TempDir
    Path dir;

    @BeforeAll
    static void bundle() throws Exception {
        NetworkSpec spec = NetworkSpec.of(Architecture.RESNET18, 0.125, Pipeline.DEFAULT_LENGTH, false);
        model = shared.resolve("tiny.ecgmodel");
        ModelBundleIO.write(new ModelBundle(ResNet1d.build(spec, new Adam(1e-3), 0, null, 1),
                BundleMetadata.standard(spec, PipelineJson.write(Pipeline.defaultRecipe()))), model);
    }

    @Test
    void twoRecordsOfOneIdAreRefusedBeforeAnythingIsWrittenNamingBoth() throws Exception {
        Path a = TestRecords.challengeRecord(Files.createDirectories(dir.resolve("site1")), "A0001", 1000, "164889003");
        Path b = TestRecords.challengeRecord(Files.createDirectories(dir.resolve("site2")), "A0001", 1000, "426783006");
        Path other = TestRecords.challengeRecord(Files.createDirectories(dir.resolve("site0")), "A0000", 1000, "426783006");
        Path out = dir.resolve("outputs");

        CliRunner run = CliRunner.run("predict", "--model", model.toString(), "--force", "--out-dir", out.toString(),
                other.toString(), a.getParent().toString(), b.getParent().toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("error: ").contains(a.toString()).contains(b.toString()).contains("A0001");
        assertThat(out).doesNotExist(); // nothing written, not even the record that had no twin
    }

    @Test
    void theSameRecordGivenTwiceIsNoConflict() throws Exception {
        Path a = TestRecords.challengeRecord(dir, "A0001", 1000, "164889003");
        Path out = dir.resolve("outputs");
        CliRunner run = CliRunner.run("predict", "--model", model.toString(), "--out-dir", out.toString(),
                a.toString(), dir.resolve("A0001.hea").toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(out.resolve("A0001.csv")).exists();
    }

    @Test
    void withoutOutDirRecordsOfOneIdArePredictedBoth() throws Exception {
        Path a = TestRecords.challengeRecord(Files.createDirectories(dir.resolve("site1")), "A0001", 1000, "164889003");
        Path b = TestRecords.challengeRecord(Files.createDirectories(dir.resolve("site2")), "A0001", 1000, "426783006");
        CliRunner run = CliRunner.run("predict", "--model", model.toString(), a.toString(), b.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out().lines().filter(l -> l.startsWith("A0001:"))).hasSize(2);
    }

    @Test
    void evaluateRefusesOneFileAsBothReportAndPredictions() throws Exception {
        Path a = TestRecords.challengeRecord(dir, "A0001", 1000, "164889003");
        Path both = dir.resolve("out.csv");
        CliRunner run = CliRunner.run("evaluate", "--model", model.toString(), "--data", a.getParent().toString(),
                "--report", both.toString(), "--predictions", dir.resolve("x/../out.csv").toString());
        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(run.err()).startsWith("error: --report and --predictions name the same file");
        assertThat(both).doesNotExist();
    }
}
