package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.assertj.core.api.Assertions;
import org.ecgworkbench.runs.EpochRow;
import org.ecgworkbench.runs.EventLines;
import org.ecgworkbench.runs.ExponentialSmoother;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.train.TrainingEventJson;
import org.junit.jupiter.api.Test;

/** The dashboard of one run, fed the event lines train writes: no toolkit, no process. */
class RunViewModelTest {
    private final AtomicLong nanos = new AtomicLong();
    private final RunViewModel run = new RunViewModel("resnet18 · adam", Path.of("/w/runs/x"), nanos::get);

    private void feed(String line) {
        run.apply(TrainingEventJson.read(line), true);
    }

    @Test
    void batchesAndEpochsBecomeLinesInEpochUnitsWithASmoothedLoss() {
        feed(EventLines.start(false));
        assertThat(run.statusProperty().get()).isEqualTo(RunStatus.RUNNING);
        assertThat(run.backendProperty().get()).isEqualTo("nd4j-native (OpenBLAS + oneDNN) · CPU: test, 2 threads");
        feed(EventLines.prepared(2, 4));
        double[] losses = {0.8, 0.6, 0.7, 0.5};
        for (int b = 1; b <= 4; b++) feed(EventLines.batch(1, b, losses[b - 1], b, 4));
        feed(EventLines.epoch(1, 0.65, 0.62, 0.1, 0.2, 0.55, true));

        assertThat(run.batchLoss().xs()).containsExactly(0.25, 0.5, 0.75, 1.0);
        assertThat(run.batchLoss().ys()).containsExactly(losses);
        // Bias-corrected EMA (weight 0.9): the first value is the first loss, the second (0.9·0.08 + 0.1·0.6)/(1 − 0.81).
        assertThat(run.smoothedLoss().y(0)).isCloseTo(0.8, within(1e-12));
        assertThat(run.smoothedLoss().y(1)).isCloseTo((0.09 * 0.8 + 0.1 * 0.6) / 0.19, within(1e-12));
        assertThat(run.trainLoss().xs()).containsExactly(1.0);
        assertThat(run.validationLoss().ys()).containsExactly(0.62);
        assertThat(run.challengeScore().ys()).containsExactly(0.1);
        assertThat(run.f1Macro().ys()).containsExactly(0.2);
        assertThat(run.aurocMacro().ys()).containsExactly(0.55);
        assertThat(run.epochs()).singleElement().satisfies(e -> {
            assertThat(e.epoch()).isEqualTo(1);
            assertThat(e.best()).isTrue();
        });
        assertThat(run.progressProperty().get()).isEqualTo(0.5);
        assertThat(run.progressTextProperty().get()).isEqualTo("epoch 1/2 · batch 4/4");
        assertThat(run.samplesPerSecondProperty().get()).isEqualTo(12.5);
    }

    @Test
    void aNullLossIsLeftOutOfTheLinesButTheBatchStillCounts() {
        feed(EventLines.prepared(1, 2));
        feed("{\"type\":\"batch\",\"epoch\":1,\"iteration\":1,\"loss\":null,\"samples_per_s\":null,\"learning_rate\":0.001,\"batch\":1,\"batches\":2}");
        assertThat(run.batchLoss().size()).isZero();
        assertThat(run.smoothedLoss().size()).isZero();
        assertThat(run.progressProperty().get()).isEqualTo(0.5);
    }

    @Test
    void timeLeftFollowsTheMeasuredBatchIntervalAndTheValidationPause() {
        feed(EventLines.prepared(2, 4));
        nanos.set(0);
        feed(EventLines.batch(1, 1, 0.8, 1, 4));
        assertThat(run.timeLeftProperty().get()).isNull(); // one batch times nothing
        nanos.set(2_000_000_000L);
        feed(EventLines.batch(1, 2, 0.7, 2, 4));
        // 2 s per batch, 2 batches left in epoch 1 and 4 in epoch 2.
        assertThat(run.timeLeftProperty().get()).isEqualTo(Duration.ofSeconds(12));
        nanos.addAndGet(2_000_000_000L);
        feed(EventLines.batch(1, 3, 0.7, 3, 4));
        nanos.addAndGet(2_000_000_000L);
        feed(EventLines.batch(1, 4, 0.7, 4, 4));
        // The epoch took 12 s: 8 s of batches and a 4 s validation pause, which every epoch still to end pays again.
        feed(EventLines.epoch(1, 0.7, 0.7, 0, 0, 0.5, true, 12.0));
        nanos.addAndGet(5_000_000_000L);
        feed(EventLines.batch(2, 5, 0.6, 1, 4));
        assertThat(run.timeLeftProperty().get()).as("3 batches of 2 s (no interval across the pause) + one 4 s validation")
                .isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void doneFinishesCancelledKeepsTheCheckpointFailedSaysWhy() {
        feed(EventLines.done(Path.of("/w/runs/x"), 1));
        assertThat(run.statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.reportAvailableProperty().get()).isTrue();
        run.exited(0);
        assertThat(run.statusProperty().get()).isEqualTo(RunStatus.FINISHED);

        RunViewModel cancelled = new RunViewModel("c", Path.of("/w/runs/c"), nanos::get);
        cancelled.apply(TrainingEventJson.read(EventLines.cancelled(Path.of("/w/runs/c/checkpoints/ckpt-3.zip"), 1, 3)), true);
        cancelled.exited(4);
        assertThat(cancelled.statusProperty().get()).isEqualTo(RunStatus.CANCELLED);
        assertThat(cancelled.lastCheckpointProperty().get()).isEqualTo(Path.of("/w/runs/c/checkpoints/ckpt-3.zip"));
        assertThat(cancelled.reportAvailableProperty().get()).isFalse();

        RunViewModel failed = new RunViewModel("f", Path.of("/w/runs/f"), nanos::get);
        failed.apply(TrainingEventJson.read(EventLines.failed("data: no records")), true);
        failed.exited(2);
        assertThat(failed.statusProperty().get()).isEqualTo(RunStatus.FAILED);
        assertThat(failed.problemProperty().get()).isEqualTo("data: no records");
    }

    @Test
    void aProcessThatEndsWithoutATerminalEventDiedAndTheErrorTailSaysHow() {
        feed(EventLines.start(false));
        for (int i = 0; i < 30; i++) run.log("line " + i);
        run.log("java.lang.OutOfMemoryError: Physical memory usage is too high");
        run.exited(137);
        assertThat(run.statusProperty().get()).isEqualTo(RunStatus.FAILED);
        assertThat(run.problemProperty().get())
                .startsWith("the training process ended with exit code 137 (killed by signal 9) without a final event:")
                .endsWith("line 29\njava.lang.OutOfMemoryError: Physical memory usage is too high")
                .doesNotContain("line 18");
    }

    @Test
    void aResumedRunReplacesTheBatchesAndEpochsItRepeatsAfterItsCheckpoint() {
        feed(EventLines.start(false));
        feed(EventLines.prepared(2, 2));
        feed(EventLines.batch(1, 1, 0.9, 1, 2));
        feed(EventLines.batch(1, 2, 0.8, 2, 2));
        feed(EventLines.epoch(1, 0.85, 0.8, 0.1, 0.2, 0.6, true));
        // Killed after the epoch event, before its checkpoint: the resumed process redoes epoch 1's last batch and epoch 1.
        feed(EventLines.batch(2, 3, 0.7, 1, 2));
        feed(EventLines.start(true));
        feed(EventLines.batch(1, 2, 0.75, 2, 2));
        assertThat(run.batchLoss().xs()).containsExactly(0.5, 1.0);
        assertThat(run.batchLoss().ys()).containsExactly(0.9, 0.75);
        assertThat(run.smoothedLoss().ys()).containsExactly(0.9, (0.09 * 0.9 + 0.1 * 0.75) / 0.19);
        assertThat(run.epochs()).isEmpty();
        assertThat(run.validationLoss().size()).isZero();
        feed(EventLines.epoch(1, 0.83, 0.78, 0.1, 0.2, 0.6, true));
        feed(EventLines.epoch(1, 0.83, 0.77, 0.1, 0.2, 0.6, true)); // an epoch event repeated replaces the first
        assertThat(run.epochs()).singleElement().extracting(EpochRow::validationLoss).isEqualTo(0.77);
        assertThat(run.validationLoss().ys()).containsExactly(0.77);
    }

    @Test
    void theLogKeepsItsTail() {
        for (int i = 0; i < RunViewModel.LOG_TAIL_LINES + 50; i++) run.log("line " + i);
        assertThat(run.logTail()).hasSize(RunViewModel.LOG_TAIL_LINES).startsWith("line 50").endsWith("line 249");
    }

    @Test
    void smootherIgnoresNonFiniteValuesAndRejectsABadWeight() {
        ExponentialSmoother s = new ExponentialSmoother(0.5);
        assertThat(s.add(Double.NaN)).isNaN();
        assertThat(s.add(2)).isEqualTo(2);
        assertThat(s.add(Double.POSITIVE_INFINITY)).isEqualTo(2);
        assertThat(s.add(4)).isCloseTo((0.25 * 2 + 0.5 * 4) / 0.75, within(1e-12));
        Assertions.assertThatThrownBy(() -> new ExponentialSmoother(1)).isInstanceOf(IllegalArgumentException.class);
    }
}
