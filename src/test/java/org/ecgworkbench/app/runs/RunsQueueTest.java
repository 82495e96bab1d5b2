package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.runs.AppConfigDir;
import org.ecgworkbench.runs.EventLines;
import org.ecgworkbench.runs.QueueFile;
import org.ecgworkbench.runs.RunMetadata;
import org.ecgworkbench.runs.RunRequest;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.runs.RunWorkspace;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The queue and the process protocol of the runs room with real child processes: small shell scripts
 * that speak train's protocol (event lines on stdout, SIGTERM answered with a cancelled event and exit 4),
 * so the ordering, cancelling and crash handling are tested in milliseconds; the real train child is
 * tested in {@code RunsRoomAppTest}.
 */
class RunsQueueTest {
    @TempDir
    Path tmp;
    private final SerialUi ui = new SerialUi();

    private static final List<String> SCRIPTS = List.of("quick", "slow", "crash");

    /** A request whose configuration names the script by its epochs (1 quick, 2 slow, 3 crash). */
    private RunRequest request(String label, String script) {
        return new RunRequest(label, config(script));
    }

    private TrainingConfig config(String script) {
        return TrainingConfig.builder(List.of(tmp.resolve("data"))).epochs(SCRIPTS.indexOf(script) + 1).build();
    }

    /**
     * The script a child runs: named by the epochs of the config.json the room wrote into the run folder
     * ({@code --config}), or by the first argument of a run queued as arguments (a version-1 queue file).
     */
    private ProcessBuilder script(List<String> args) {
        String start = EventLines.start(false);
        String name;
        if (args.get(0).equals("--config")) {
            try {
                name = SCRIPTS.get(TrainingConfigJson.read(Path.of(args.get(1))).epochs() - 1);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            assertThat(Path.of(args.get(1))).isEqualTo(Path.of(args.get(args.indexOf("--out") + 1), "config.json"));
        } else {
            name = args.get(0);
        }
        String body = switch (name) {
            case "quick" -> "echo '" + start + "'; echo '" + EventLines.prepared(1, 2) + "'; echo '" + EventLines.batch(1, 1, 0.7, 1, 2)
                    + "'; echo 'a plain line'; echo '" + EventLines.batch(1, 2, 0.6, 2, 2) + "'; echo '"
                    + EventLines.epoch(1, 0.65, 0.6, 0.1, 0.2, 0.5, true) + "'; echo '" + EventLines.done(tmp, 1) + "'";
            // The trap also ends the background sleep: it holds the output pipe open.
            case "slow" -> "stop() { kill $! 2>/dev/null; echo '" + EventLines.cancelled(tmp.resolve("ckpt.zip"), 1, 1)
                    + "'; exit 4; }; trap stop TERM; echo '" + start
                    + "'; sleep 30 & wait";
            case "crash" -> "echo '" + start + "'; echo 'Exception in thread \"main\" java.lang.IllegalStateException: native crash' >&2; exit 3";
            default -> throw new IllegalArgumentException(args.get(0));
        };
        assertThat(args).containsSequence("--progress", "jsonl");
        assertThat(args.subList(args.indexOf("--out") + 1, args.indexOf("--out") + 2).get(0)).startsWith(tmp.resolve("runs").toString());
        return new ProcessBuilder("sh", "-c", body);
    }

    private RunsViewModel viewModel() {
        return new RunsViewModel(new RunWorkspace(tmp), this::script, ui, System::nanoTime);
    }

    @AfterEach
    void close() throws Exception {
        ui.close();
    }

    @Test
    void runsOneAtATimeAndCancelStopsTheRunningOneWhichSaysCancelled() throws Exception {
        RunsViewModel vm = viewModel();
        ui.get(() -> {
            vm.enqueue(List.of(request("slow one", "slow"), request("quick one", "quick")));
            return null;
        });
        RunViewModel slow = ui.get(() -> vm.runs().get(0));
        RunViewModel quick = ui.get(() -> vm.runs().get(1));
        ui.waitUntil("the slow run's start event", () -> !slow.backendProperty().get().isEmpty(), 20);
        assertThat(ui.get(() -> quick.statusProperty().get())).isEqualTo(RunStatus.QUEUED);
        assertThat(ui.get(() -> slow.statusProperty().get())).isEqualTo(RunStatus.RUNNING);
        assertThat(ui.get(() -> vm.canCancel(slow))).isTrue();

        ui.get(() -> {
            vm.cancel(slow);
            return null;
        });
        ui.waitUntil("the quick run to finish", () -> quick.statusProperty().get() == RunStatus.FINISHED, 20);
        assertThat(ui.get(() -> slow.statusProperty().get())).as(() -> slow.problemProperty().get()).isEqualTo(RunStatus.CANCELLED);
        assertThat(ui.get(() -> slow.lastCheckpointProperty().get())).isEqualTo(tmp.resolve("ckpt.zip"));
        assertThat(ui.get(() -> quick.batchLoss().size())).isEqualTo(2);
        assertThat(ui.get(() -> List.copyOf(quick.logTail()))).contains("a plain line");
        assertThat(ui.get(() -> quick.reportAvailableProperty().get())).isTrue();
        ui.waitUntil("the label saved", () -> Files.isRegularFile(quick.folder().resolve(RunMetadata.FILE)), 10);
        assertThat(RunMetadata.read(quick.folder()).label()).isEqualTo("quick one");
        assertThat(quick.folder().getFileName().toString()).endsWith("-quick-one");
    }

    @Test
    void waitingRunsAreKeptInTheQueueFileAndAReopenedWorkbenchTrainsThem() throws Exception {
        RunsViewModel vm = viewModel();
        ui.get(() -> {
            vm.enqueue(List.of(request("first", "slow"), request("waiting", "quick")));
            return null;
        });
        RunViewModel waiting = ui.get(() -> vm.runs().get(1));
        assertThat(QueueFile.read(tmp.resolve("runs"))).singleElement()
                .isEqualTo(QueueFile.Entry.of(waiting.folder(), "waiting", config("quick")));
        ui.get(() -> {
            vm.stopAll();
            return null;
        });
        assertThat(QueueFile.read(tmp.resolve("runs"))).isEmpty();

        // As the file stands when a workbench closed with a run waiting: its reserved folder is empty.
        Path reserved = Files.createDirectories(tmp.resolve("runs/20261126-120000-left-waiting"));
        QueueFile.write(tmp.resolve("runs"), List.of(QueueFile.Entry.of(reserved, "left waiting", config("quick"))));
        RunsViewModel reopened = viewModel();
        ui.get(() -> {
            reopened.loadWorkspace();
            return null;
        });
        ui.waitUntil("the waiting run to train", () -> reopened.runs().stream()
                .anyMatch(r -> r.label().equals("left waiting") && r.statusProperty().get() == RunStatus.FINISHED), 20);
        assertThat(ui.get(() -> reopened.runs().stream().filter(r -> r.label().equals("left waiting")).findFirst().orElseThrow().folder()))
                .isEqualTo(reserved);
        assertThat(QueueFile.read(tmp.resolve("runs"))).isEmpty();
    }

    @Test
    void aVersionOneQueueFileOfArgumentsIsStillReadAndItsRunsTrainWithThem() throws Exception {
        Path reserved = Files.createDirectories(tmp.resolve("runs/20261126-120000-from-version-1"));
        // queue.json as a workbench wrote it before configurations were typed.
        Files.writeString(tmp.resolve("runs/queue.json"), """
                {
                  "format" : "ecg-workbench-run-queue",
                  "version" : 1,
                  "queued" : [ {
                    "folder" : "%s",
                    "label" : "from version 1",
                    "arguments" : [ "quick", "--epochs", "1" ]
                  } ]
                }""".formatted(reserved));
        assertThat(QueueFile.read(tmp.resolve("runs"))).containsExactly(
                QueueFile.Entry.ofArguments(reserved, "from version 1", List.of("quick", "--epochs", "1")));

        RunsViewModel reopened = viewModel();
        ui.get(() -> {
            reopened.loadWorkspace();
            return null;
        });
        ui.waitUntil("the version-1 run to train", () -> reopened.runs().stream()
                .anyMatch(r -> r.label().equals("from version 1") && r.statusProperty().get() == RunStatus.FINISHED), 20);
        assertThat(QueueFile.read(tmp.resolve("runs"))).isEmpty();
    }

    @Test
    void aNewRunsFolderGetsItsConfigJsonAndTheChildIsAskedToTrainIt() throws Exception {
        RunsViewModel vm = viewModel();
        TrainingConfig quick = config("quick");
        ui.get(() -> {
            vm.enqueue(List.of(new RunRequest("with config", quick)));
            return null;
        });
        RunViewModel run = ui.get(() -> vm.runs().get(0));
        ui.waitUntil("the run to finish", () -> run.statusProperty().get() == RunStatus.FINISHED, 20);
        assertThat(TrainingConfigJson.read(run.folder().resolve("config.json"))).isEqualTo(quick);
        assertThat(RunMetadata.read(run.folder()).arguments())
                .containsExactly("--config", run.folder().resolve("config.json").toString(), "--out", run.folder().toString());
    }

    @Test
    void twoRunsAtOnceWhenAsked() throws Exception {
        RunsViewModel vm = viewModel();
        ui.get(() -> {
            vm.parallelRunsProperty().set(2);
            vm.enqueue(List.of(request("one", "slow"), request("two", "slow"),
                    request("three", "quick")));
            return null;
        });
        assertThat(ui.get(() -> vm.runs().stream().map(r -> r.statusProperty().get()).toList()))
                .containsExactly(RunStatus.RUNNING, RunStatus.RUNNING, RunStatus.QUEUED);
        ui.get(() -> {
            vm.cancel(vm.runs().get(0));
            return null;
        });
        RunViewModel three = ui.get(() -> vm.runs().get(2));
        ui.waitUntil("the third run in the freed slot", () -> three.statusProperty().get() == RunStatus.FINISHED, 20);
        assertThat(ui.get(() -> vm.runs().get(1).statusProperty().get())).isEqualTo(RunStatus.RUNNING);
        ui.get(() -> {
            vm.stopAll();
            return null;
        });
        ui.waitUntil("the second run cancelled", () -> !vm.runs().get(1).cancellableProperty().get(), 20);
    }

    @Test
    void aQueuedRunCancelledNeverStartsAndItsEmptyFolderIsNotListedLater() throws Exception {
        RunsViewModel vm = viewModel();
        ui.get(() -> {
            vm.enqueue(List.of(request("first", "slow"), request("second", "quick")));
            vm.cancel(vm.runs().get(1));
            return null;
        });
        RunViewModel second = ui.get(() -> vm.runs().get(1));
        assertThat(ui.get(() -> second.statusProperty().get())).isEqualTo(RunStatus.CANCELLED);
        assertThat(ui.get(() -> second.progressTextProperty().get())).isEqualTo("cancelled before it started");
        RunViewModel first = ui.get(() -> vm.runs().get(0));
        ui.waitUntil("the first run's start", () -> !first.backendProperty().get().isEmpty(), 20);
        ui.get(() -> {
            vm.stopAll();
            return null;
        });
        ui.waitUntil("the first run cancelled", () -> first.statusProperty().get() == RunStatus.CANCELLED, 20);
        try (var entries = Files.list(second.folder())) {
            assertThat(entries).isEmpty();
        }

        RunsViewModel reopened = viewModel();
        ui.get(() -> {
            reopened.loadWorkspace();
            return null;
        });
        ui.waitUntil("the workspace read", () -> reopened.messageProperty().get().startsWith("1 runs"), 10);
        assertThat(ui.get(() -> reopened.runs().get(0).label())).isEqualTo("first");
    }

    @Test
    void aProcessThatDiesWithoutAFinalEventIsReportedWithItsErrorTailAndStaysFailedAfterReopening() throws Exception {
        RunsViewModel vm = viewModel();
        ui.get(() -> {
            vm.enqueue(List.of(request("crashing", "crash"), request("after it", "quick")));
            return null;
        });
        RunViewModel crash = ui.get(() -> vm.runs().get(0));
        RunViewModel after = ui.get(() -> vm.runs().get(1));
        ui.waitUntil("the next run to finish", () -> after.statusProperty().get() == RunStatus.FINISHED, 20);
        assertThat(ui.get(() -> crash.statusProperty().get())).isEqualTo(RunStatus.FAILED);
        String problem = ui.get(() -> crash.problemProperty().get());
        assertThat(problem).startsWith("the training process ended with exit code 3 without a final event:")
                .contains("java.lang.IllegalStateException: native crash");
        ui.waitUntil("the death recorded", () -> {
            try {
                return RunMetadata.read(crash.folder()).deathReason() != null;
            } catch (IOException e) {
                return false;
            }
        }, 10);

        RunsViewModel reopened = viewModel();
        ui.get(() -> {
            reopened.loadWorkspace();
            return null;
        });
        ui.waitUntil("the workspace read", () -> reopened.runs().size() == 2, 10);
        RunViewModel again = ui.get(() -> reopened.runs().stream().filter(r -> r.label().equals("crashing")).findFirst().orElseThrow());
        assertThat(ui.get(() -> again.statusProperty().get())).isEqualTo(RunStatus.FAILED);
        assertThat(ui.get(() -> again.problemProperty().get())).isEqualTo(problem);
    }

    @Test
    void anotherWorkspaceIsRefusedWhileARunTrainsThenOpensAndIsRememberedForNextTime() throws Exception {
        String oldWorkspace = System.getProperty(RunWorkspace.PROPERTY);
        String oldConfig = System.getProperty(AppConfigDir.PROPERTY);
        Path other = Files.createDirectories(tmp.resolve("other"));
        Path otherRun = EventLines.runFolder(other.resolve("runs"), "20261126-090000-elsewhere",
                List.of(EventLines.start(false), EventLines.done(other, 1)));
        try {
            System.setProperty(AppConfigDir.PROPERTY, tmp.resolve("config").toString());
            RunsViewModel vm = viewModel();
            ui.get(() -> {
                vm.enqueue(List.of(request("slow one", "slow")));
                return null;
            });
            RunViewModel slow = ui.get(() -> vm.runs().get(0));
            ui.waitUntil("the slow run's start event", () -> !slow.backendProperty().get().isEmpty(), 20);
            assertThat(ui.get(() -> vm.switchWorkspace(other))).isFalse();
            assertThat(ui.get(() -> vm.messageProperty().get())).startsWith("finish or cancel the runs of");
            assertThat(ui.get(() -> vm.workspace().root())).isEqualTo(tmp.toAbsolutePath().normalize());

            ui.get(() -> {
                vm.cancel(slow);
                return null;
            });
            ui.waitUntil("the slow run cancelled", () -> slow.statusProperty().get() == RunStatus.CANCELLED, 20);
            assertThat(ui.get(() -> vm.switchWorkspace(other))).isTrue();
            ui.waitUntil("the other workspace's run listed", () -> vm.runs().size() == 1
                    && vm.runs().get(0).folder().equals(otherRun), 20);
            assertThat(ui.get(() -> vm.runs().get(0).statusProperty().get())).isEqualTo(RunStatus.FINISHED);

            // Next start, with no -Decg.workspace: the chosen one.
            System.clearProperty(RunWorkspace.PROPERTY);
            assertThat(RunWorkspace.resolve().root()).isEqualTo(other.toAbsolutePath().normalize());
        } finally {
            restore(RunWorkspace.PROPERTY, oldWorkspace);
            restore(AppConfigDir.PROPERTY, oldConfig);
        }
    }

    private static void restore(String key, String value) {
        if (value == null) System.clearProperty(key);
        else System.setProperty(key, value);
    }
}
