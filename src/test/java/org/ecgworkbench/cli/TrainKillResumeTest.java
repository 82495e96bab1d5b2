package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.ecgworkbench.Main;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.support.SlowTest;
import org.ecgworkbench.train.TrainingEvent;
import org.ecgworkbench.train.TrainingEventJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The run folder survives the worst: {@code train} in its own JVM is killed with SIGKILL in the
 * middle of an epoch (after a mid-epoch checkpoint), and {@code train --resume} finishes it with
 * the same split and a valid bundle. A second child is stopped with SIGTERM and ends cleanly.
 */
@SlowTest
class TrainKillResumeTest {
    private static final String PIPELINE = """
            {"format":"ecg-workbench-pipeline","version":1,"steps":[
              {"step":"resample","method":"fft","target_hz":100.0},
              {"step":"length","samples":1000,"policy":"end"}]}""";

    @TempDir
    Path tmp;

    @Test
    void killedMidEpochThenResumedFinishesWithTheSameSplitAndAValidBundle() throws Exception {
        Path data = synth();
        Path run = tmp.resolve("run");
        Process child = startTrain(run, data, "--checkpoint-minutes", "0.002");
        // Wait for a mid-epoch checkpoint followed by at least one more batch of the same epoch.
        waitFor(run.resolve("events.jsonl"), events -> {
            boolean checkpointed = false;
            for (TrainingEvent e : events) {
                if (e instanceof TrainingEvent.Checkpoint c && c.epoch() == 2) checkpointed = true;
                if (checkpointed && e instanceof TrainingEvent.Batch b && b.epoch() == 2) return true;
            }
            return false;
        }, child);
        child.destroyForcibly(); // SIGKILL: no hook, no cleanup
        assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
        List<TrainingEvent> before = events(run.resolve("events.jsonl"));
        assertThat(before).noneMatch(TrainingEvent::terminal);
        byte[] split = Files.readAllBytes(run.resolve("split.json"));

        CliRunner resumed = CliRunner.run("train", "--resume", run.toString(), "--progress", "jsonl");
        assertThat(resumed.exitCode()).as(resumed.err()).isZero();
        assertThat(Files.readAllBytes(run.resolve("split.json"))).isEqualTo(split);
        List<TrainingEvent> after = events(run.resolve("events.jsonl")).subList(before.size(), events(run.resolve("events.jsonl")).size());
        assertThat(((TrainingEvent.Started) after.get(0)).resumed()).isTrue();
        assertThat(after.get(after.size() - 1)).isInstanceOf(TrainingEvent.Done.class);
        TrainingEvent.Batch firstResumed = after.stream().filter(TrainingEvent.Batch.class::isInstance)
                .map(TrainingEvent.Batch.class::cast).findFirst().orElseThrow();
        assertThat(firstResumed.epoch()).isEqualTo(2);
        assertThat(firstResumed.batchInEpoch()).isGreaterThan(1);
        assertThat(ModelBundleIO.read(run.resolve("model.ecgmodel")).metadata().thresholds()).hasSize(24);
    }

    @Test
    void sigtermFinishesTheBatchWritesACheckpointAndSaysCancelled() throws Exception {
        Path data = synth();
        Path run = tmp.resolve("run");
        Process child = startTrain(run, data, "--checkpoint-minutes", "0");
        waitFor(run.resolve("events.jsonl"), events -> events.stream().anyMatch(TrainingEvent.Batch.class::isInstance), child);
        child.destroy(); // SIGTERM
        assertThat(child.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(child.exitValue()).as(Files.readString(tmp.resolve("child.log"))).isEqualTo(ExitCodes.CANCELLED);
        List<TrainingEvent> events = events(run.resolve("events.jsonl"));
        assertThat(events.get(events.size() - 1)).isInstanceOfSatisfying(TrainingEvent.Cancelled.class,
                c -> assertThat(Path.of(c.checkpoint())).isRegularFile());
        assertThat(run.resolve("checkpoint.json")).isRegularFile();
    }

    private Path synth() {
        Path data = tmp.resolve("data");
        assertThat(CliRunner.run("synth", "--out", data.toString(), "--count", "40", "--classes", "NSR,AF",
                "--fs", "100", "--seed", "5", "--threads", "2").exitCode()).isZero();
        return data;
    }

    private Process startTrain(Path run, Path data, String... extra) throws IOException {
        Path pipeline = tmp.resolve("pipeline.json");
        Files.writeString(pipeline, PIPELINE);
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-cp", System.getProperty("java.class.path"), Main.class.getName(),
                "train", "--data", data.toString(), "--out", run.toString(), "--arch", "resnet18", "--width", "0.125",
                "--epochs", "3", "--batch", "4", "--patience", "0", "--pipeline", pipeline.toString(),
                "--cache-dir", tmp.resolve("cache").toString(), "--progress", "jsonl"));
        cmd.addAll(List.of(extra));
        return new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(tmp.resolve("child.log").toFile()).start();
    }

    private void waitFor(Path eventsFile, Predicate<List<TrainingEvent>> condition, Process child) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (System.nanoTime() < deadline) {
            if (Files.exists(eventsFile) && condition.test(events(eventsFile))) return;
            if (!child.isAlive()) {
                throw new AssertionError("the training child ended early:\n" + Files.readString(tmp.resolve("child.log")));
            }
            Thread.sleep(100);
        }
        child.destroyForcibly();
        throw new AssertionError("the training child never got there:\n" + Files.readString(tmp.resolve("child.log")));
    }

    private static List<TrainingEvent> events(Path file) throws IOException {
        List<TrainingEvent> events = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            // The last line may be half-written while the child runs.
            try {
                events.add(TrainingEventJson.read(line));
            } catch (IllegalArgumentException partial) {
                break;
            }
        }
        return events;
    }
}
