package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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
}
