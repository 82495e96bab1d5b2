package org.ecgworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run folder read from disk alone: its status, its epochs and its line in the runs list. */
class PastRunTest {
    @TempDir
    Path tmp;

    @Test
    void theStatusComesFromTheLastEventTheLockAndTheMetadata() throws Exception {
        Path finished = EventLines.runFolder(tmp, "finished", List.of(EventLines.start(false), EventLines.done(tmp, 1)));
        Path failed = EventLines.runFolder(tmp, "failed", List.of(EventLines.start(false), EventLines.failed("no data")));
        Path cancelled = EventLines.runFolder(tmp, "cancelled", List.of(EventLines.start(false),
                EventLines.cancelled(tmp.resolve("ckpt.zip"), 1, 3)));
        Path resumedAfterCancel = EventLines.runFolder(tmp, "resumed", List.of(EventLines.start(false),
                EventLines.cancelled(tmp.resolve("ckpt.zip"), 1, 3), EventLines.start(true)));
        Path died = EventLines.runFolder(tmp, "died", List.of(EventLines.start(false)));
        new RunMetadata("died", List.of(), "exit code 137").write(died);
        Path locked = EventLines.runFolder(tmp, "locked", List.of(EventLines.start(false)));
        Path empty = Files.createDirectories(tmp.resolve("empty"));

        assertThat(PastRun.read(finished).status()).isEqualTo(RunStatus.FINISHED);
        assertThat(PastRun.read(failed).status()).isEqualTo(RunStatus.FAILED);
        assertThat(PastRun.read(cancelled).status()).isEqualTo(RunStatus.CANCELLED);
        assertThat(PastRun.read(resumedAfterCancel).status()).as("no process trains it now").isEqualTo(RunStatus.INTERRUPTED);
        assertThat(PastRun.read(died).status()).isEqualTo(RunStatus.FAILED);
        assertThat(RunSummary.of(PastRun.read(died)).problem()).isEqualTo("exit code 137");
        assertThat(PastRun.read(empty).status()).isEqualTo(RunStatus.QUEUED);
        try (FileChannel channel = FileChannel.open(locked.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            assertThat(PastRun.read(locked).status()).isEqualTo(RunStatus.RUNNING);
        }
        assertThat(PastRun.read(locked).status()).isEqualTo(RunStatus.INTERRUPTED);
    }

    @Test
    void aRepeatedEpochReplacesTheOneBeforeAndTheSummaryTakesTheDoneEventsBestEpoch() throws Exception {
        Path run = EventLines.runFolder(tmp, "run", List.of(EventLines.start(false), EventLines.prepared(3, 2),
                EventLines.epoch(1, 0.9, 0.8, 0.1, 0.2, 0.6, true),
                EventLines.epoch(2, 0.8, 0.7, 0.2, 0.3, 0.7, true),
                // killed after epoch 2's event but before its checkpoint: the resumed run trains epoch 2 again
                EventLines.start(true), EventLines.epoch(2, 0.7, 0.75, 0.15, 0.25, 0.65, false),
                EventLines.epoch(3, 0.6, 0.72, 0.18, 0.28, 0.68, false), EventLines.done(tmp, 1)));
        PastRun past = PastRun.read(run);
        assertThat(past.epochRows()).extracting(EpochRow::epoch).containsExactly(1, 2, 3);
        assertThat(past.epochRows().get(1).trainLoss()).isEqualTo(0.7);
        RunSummary summary = RunSummary.of(past);
        assertThat(summary.name()).isEqualTo("run");
        assertThat(summary.status()).isEqualTo(RunStatus.FINISHED);
        assertThat(summary.epochs()).isEqualTo(3);
        assertThat(summary.plannedEpochs()).isEqualTo(3);
        assertThat(summary.best().epoch()).isEqualTo(1);
        assertThat(summary.best().challengeScore()).isEqualTo(0.1);
        assertThat(summary.test()).containsEntry("challenge_score", 0.3);
        assertThat(summary.problem()).isNull();
    }
}
