package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.support.SlowTest;
import org.ecgworkbench.train.TrainingEvent;
import org.ecgworkbench.train.TrainingEventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code train}'s refusals: each says what is wrong before any work is done. */
class TrainCommandTest {
    @TempDir
    Path tmp;

    @Test
    void gpuOnACpuBuildFailsAtOnceSayingWhatIsMissing() throws Exception {
        Path run = tmp.resolve("run");
        CliRunner r = CliRunner.run("train", "--data", tmp.toString(), "--out", run.toString(), "--device", "gpu",
                "--progress", "jsonl");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        List<String> lines = Files.readAllLines(run.resolve("events.jsonl"));
        assertThat(lines).hasSize(1);
        TrainingEvent failed = TrainingEventJson.read(lines.get(0));
        assertThat(failed).isInstanceOfSatisfying(TrainingEvent.Failed.class,
                f -> assertThat(f.message()).contains("-Pcuda").contains("CUDA 11.6"));
        assertThat(r.out().strip()).isEqualTo(lines.get(0));
    }

    @Test
    void badOptionsAreRefusedBeforeAnythingIsWritten() {
        Path run = tmp.resolve("run");
        assertThat(CliRunner.run("train", "--data", tmp.toString()).err()).contains("--out RUN_DIR is required");
        CliRunner split = CliRunner.run("train", "--data", tmp.toString(), "--out", run.toString(), "--split", "50/20/20");
        assertThat(split.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(split.err()).contains("--split").contains("100");
        assertThat(CliRunner.run("train", "--data", tmp.toString(), "--out", run.toString(), "--schedule", "linear").err())
                .contains("--schedule").doesNotContain("Exception");
        assertThat(CliRunner.run("train", "--data", tmp.toString(), "--out", run.toString(), "--folds", "2").err())
                .contains("--folds");
        assertThat(CliRunner.run("train", "--resume", tmp.toString(), "--data", tmp.toString()).err()).contains("--resume");
        assertThat(CliRunner.run("train", "--resume", tmp.toString()).err()).contains("no config.json");
        assertThat(run).doesNotExist();
    }

    @SlowTest
    @Test
    void resumeRefusesAMissingSplitWithExit2NamingItAndResplitRestarts() throws Exception {
        assertThat(CliRunner.run("train", "--data", tmp.toString(), "--out", tmp.resolve("x").toString(), "--resplit").err())
                .contains("--resplit goes with --resume");
        Path data = tmp.resolve("data");
        assertThat(CliRunner.run("synth", "--out", data.toString(), "--count", "30", "--classes", "NSR,AF", "--fs", "100",
                "--seed", "2", "--threads", "2").exitCode()).isZero();
        Path pipeline = tmp.resolve("pipeline.json");
        Files.writeString(pipeline, """
                {"format":"ecg-workbench-pipeline","version":1,"steps":[
                  {"step":"resample","method":"fft","target_hz":100.0},
                  {"step":"length","samples":1000,"policy":"end"}]}""");
        Path run = tmp.resolve("run");
        CliRunner first = CliRunner.run("train", "--data", data.toString(), "--out", run.toString(), "--arch", "resnet18",
                "--width", "0.125", "--epochs", "1", "--pipeline", pipeline.toString(), "--cache-dir", tmp.resolve("cache").toString(),
                "--progress", "none");
        assertThat(first.exitCode()).as(first.err()).isZero();

        Files.delete(run.resolve("split.json"));
        CliRunner refused = CliRunner.run("train", "--resume", run.toString(), "--progress", "none");
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("error: training failed: " + run.toAbsolutePath().resolve("split.json") + ": missing")
                .contains("--resplit");
        assertThat(run.resolve("split.json")).doesNotExist();
        // Issue 14: with --progress jsonl the refusal is an event on stdout and, like every failing exit, an error line on stderr.
        CliRunner refusedJsonl = CliRunner.run("train", "--resume", run.toString(), "--progress", "jsonl");
        assertThat(refusedJsonl.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refusedJsonl.out()).contains("split.json");
        assertThat(refusedJsonl.err().lines().filter(l -> l.startsWith("error: training failed: ")))
                .singleElement().asString().contains(run.toAbsolutePath().resolve("split.json") + ": missing");

        CliRunner resplit = CliRunner.run("train", "--resume", run.toString(), "--resplit", "--progress", "none");
        assertThat(resplit.exitCode()).as(resplit.err()).isZero();
        assertThat(resplit.out()).contains("note: split anew (--resplit)").contains("superseded-");
        assertThat(run.resolve("split.json")).isRegularFile();
        try (var files = Files.list(run)) {
            assertThat(files.filter(f -> f.getFileName().toString().startsWith("superseded-")).toList()).singleElement()
                    .satisfies(old -> assertThat(old.resolve("model.ecgmodel")).isRegularFile());
        }
    }
}
