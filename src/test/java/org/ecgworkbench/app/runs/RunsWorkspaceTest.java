package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.runs.EventLines;
import org.ecgworkbench.runs.RunMetadata;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.runs.RunWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reopening the workbench: every run folder of the workspace listed with its status and its charts rebuilt. */
class RunsWorkspaceTest {
    @TempDir
    Path tmp;

    private List<String> finishedRun(Path folder) {
        return List.of(EventLines.start(false), EventLines.prepared(2, 2),
                EventLines.batch(1, 1, 0.9, 1, 2), EventLines.batch(1, 2, 0.8, 2, 2),
                EventLines.epoch(1, 0.85, 0.8, 0.1, 0.2, 0.6, true),
                EventLines.batch(2, 3, 0.7, 1, 2), EventLines.batch(2, 4, 0.6, 2, 2),
                EventLines.epoch(2, 0.65, 0.7, 0.2, 0.3, 0.7, true), EventLines.done(folder, 2));
    }

    private Map<String, RunViewModel> open() {
        RunsViewModel vm = new RunsViewModel(new RunWorkspace(tmp), args -> {
            throw new AssertionError("reopening starts no process");
        }, BackgroundWork.direct(), System::nanoTime);
        vm.loadWorkspace();
        return vm.runs().stream().collect(Collectors.toMap(RunViewModel::label, Function.identity()));
    }

    @Test
    void everyStatusIsRecognisedFromTheFolder() throws Exception {
        Path runs = tmp.resolve("runs");
        Path done = EventLines.runFolder(runs, "20261126-100000-a", finishedRun(runs.resolve("20261126-100000-a")));
        new RunMetadata("resnet18 · adam", List.of("--arch", "resnet18"), null).write(done);
        Path ckpt = runs.resolve("20261126-100100-b/checkpoints/ckpt-1.zip");
        EventLines.runFolder(runs, "20261126-100100-b", List.of(EventLines.start(false), EventLines.prepared(2, 2),
                EventLines.batch(1, 1, 0.9, 1, 2), EventLines.cancelled(ckpt, 1, 1)));
        EventLines.runFolder(runs, "20261126-100200-c", List.of(EventLines.start(false), EventLines.batch(1, 1, 0.9, 1, 2)));
        Path died = EventLines.runFolder(runs, "20261126-100300-d", List.of(EventLines.start(false)));
        new RunMetadata("died", List.of(), "the training process ended with exit code 137 (killed by signal 9)").write(died);
        Path locked = EventLines.runFolder(runs, "20261126-100400-e", List.of(EventLines.start(false)));
        // Resumed after a cancel, then finished: the last terminal event counts.
        Path resumed = runs.resolve("20261126-100500-f");
        EventLines.runFolder(runs, "20261126-100500-f", List.of(EventLines.start(false), EventLines.cancelled(ckpt, 1, 1),
                EventLines.start(true), EventLines.done(resumed, 1)));
        // Resumed after a cancel, then the machine went down: interrupted, not cancelled.
        EventLines.runFolder(runs, "20261126-100600-g", List.of(EventLines.start(false), EventLines.cancelled(ckpt, 1, 1),
                EventLines.start(true), EventLines.batch(1, 2, 0.5, 2, 2)));
        Files.createDirectories(runs.resolve("20261126-100700-never-started"));

        Map<String, RunViewModel> found;
        try (FileChannel channel = FileChannel.open(locked.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
             FileLock lock = channel.lock()) {
            found = open();
        }
        assertThat(found.keySet()).containsExactlyInAnyOrder("resnet18 · adam", "20261126-100100-b", "20261126-100200-c", "died",
                "20261126-100400-e", "20261126-100500-f", "20261126-100600-g");
        assertThat(found.get("resnet18 · adam").statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(found.get("20261126-100100-b").statusProperty().get()).isEqualTo(RunStatus.CANCELLED);
        assertThat(found.get("20261126-100100-b").lastCheckpointProperty().get()).isEqualTo(ckpt);
        assertThat(found.get("20261126-100200-c").statusProperty().get()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(found.get("died").statusProperty().get()).isEqualTo(RunStatus.FAILED);
        assertThat(found.get("died").problemProperty().get()).contains("killed by signal 9");
        assertThat(found.get("20261126-100400-e").statusProperty().get()).isEqualTo(RunStatus.RUNNING);
        assertThat(found.get("20261126-100400-e").progressTextProperty().get()).isEqualTo("training in another process");
        assertThat(found.get("20261126-100500-f").statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(found.get("20261126-100600-g").statusProperty().get()).isEqualTo(RunStatus.INTERRUPTED);
        // Without the lock the same folder is interrupted; reading it never created or kept a lock.
        assertThat(open().get("20261126-100400-e").statusProperty().get()).isEqualTo(RunStatus.INTERRUPTED);
        assertThat(Files.exists(runs.resolve("20261126-100200-c/.lock"))).isFalse();
    }

    @Test
    void chartsAreRebuiltFromEventsAndAMalformedLineIsSkippedAndNoted() throws Exception {
        Path runs = tmp.resolve("runs");
        Path folder = runs.resolve("20261126-110000-x");
        List<String> lines = new ArrayList<>(finishedRun(folder));
        lines.add(3, "{\"type\":\"batch\",\"epoch\":1,"); // half-written
        lines.add(5, "not json at all");
        lines.add(6, "{\"type\":\"telemetry\"}");
        EventLines.runFolder(runs, "20261126-110000-x", lines);

        RunViewModel run = open().get("20261126-110000-x");
        assertThat(run.statusProperty().get()).isEqualTo(RunStatus.FINISHED);
        assertThat(run.batchLoss().xs()).containsExactly(0.5, 1.0, 1.5, 2.0);
        assertThat(run.batchLoss().ys()).containsExactly(0.9, 0.8, 0.7, 0.6);
        assertThat(run.smoothedLoss().size()).isEqualTo(4);
        assertThat(run.validationLoss().ys()).containsExactly(0.8, 0.7);
        assertThat(run.epochs()).hasSize(2);
        assertThat(run.timeLeftProperty().get()).as("no ETA from replayed events").isNull();
        assertThat(run.logTail()).hasSize(3).allSatisfy(note -> assertThat(note).contains(folder.resolve("events.jsonl").toString()));
        assertThat(run.logTail().get(0)).contains("line 4 skipped");
        assertThat(run.logTail().get(1)).contains("line 6 skipped");
        assertThat(run.logTail().get(2)).contains("line 7 skipped: unknown event type 'telemetry'");
    }
}
