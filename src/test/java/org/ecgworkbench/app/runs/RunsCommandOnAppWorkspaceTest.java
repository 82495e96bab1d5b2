package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.cli.ExitCodes;
import org.ecgworkbench.runs.JvmTrainLauncher;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.runs.RunWorkspace;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * Issue 15, point 3: the {@code runs} command on a workspace made by the runs room itself (real short
 * training in child JVMs, as the app starts them): list and compare in JSON, show, and the room's
 * cancel and resume from the command line.
 */
class RunsCommandOnAppWorkspaceTest {
    private final SerialUi ui = new SerialUi();
    private RunsViewModel vm;

    /** What a command printed, and how it ended. */
    private record Ran(int code, String out, String err) {
    }

    private static Ran runs(Path workspace, String... args) {
        List<String> all = new ArrayList<>(List.of("runs"));
        all.addAll(List.of(args));
        all.addAll(List.of("--workspace", workspace.toString()));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = EcgWorkbenchCommand.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(all.toArray(String[]::new));
        return new Ran(code, out.toString(), err.toString());
    }

    @AfterEach
    void stop() throws Exception {
        if (vm != null) {
            List<ProcessHandle> live = ui.get(() -> vm.runs().stream().flatMap(r -> vm.process(r).stream()).toList());
            ui.get(() -> {
                vm.stopAll();
                return null;
            });
            for (ProcessHandle p : live) p.onExit().get();
        }
        ui.close();
    }

    @Test
    void theRoomsRunsAreListedComparedShownCancelledAndResumedFromTheCommandLine() throws Exception {
        Path workspace = TrainingFixtures.newWorkspace();
        vm = new RunsViewModel(new RunWorkspace(workspace), new JvmTrainLauncher(), ui, System::nanoTime);
        ui.get(() -> {
            vm.enqueue(List.of(TrainingFixtures.request("lr 1e-3", 1, "1e-3"), TrainingFixtures.request("lr 3e-4", 1, "3e-4")));
            return null;
        });
        ui.waitUntil("both runs finished", () -> vm.runs().size() == 2
                && vm.runs().stream().allMatch(r -> r.statusProperty().get() == RunStatus.FINISHED), 600);
        List<Path> folders = ui.get(() -> vm.runs().stream().map(RunViewModel::folder).toList());
        ObjectMapper json = new ObjectMapper();

        Ran list = runs(workspace, "list", "--json");
        assertThat(list.code()).as(list.err()).isZero();
        JsonNode listed = json.readTree(list.out());
        assertThat(listed.get("workspace").asText()).isEqualTo(workspace.toAbsolutePath().normalize().toString());
        assertThat(listed.get("runs")).hasSize(2);
        for (int i = 0; i < 2; i++) {
            JsonNode run = listed.get("runs").get(i);
            assertThat(run.get("name").asText()).isEqualTo(folders.get(i).getFileName().toString());
            assertThat(run.get("label").asText()).isEqualTo(i == 0 ? "lr 1e-3" : "lr 3e-4");
            assertThat(run.get("status").asText()).isEqualTo("finished");
            assertThat(run.get("epochs").asInt()).isEqualTo(1);
            assertThat(run.get("best_epoch").asInt()).isEqualTo(1);
            assertThat(run.get("best_validation").get("val_loss").isNumber()).isTrue();
            assertThat(run.get("test").get("challenge_score").isNumber()).isTrue();
        }

        Ran compare = runs(workspace, "compare", "--json", folders.get(0).getFileName().toString(), folders.get(1).toString());
        assertThat(compare.code()).as(compare.err()).isZero();
        JsonNode rows = json.readTree(compare.out()).get("runs");
        assertThat(rows).hasSize(2);
        // The same numbers as the room's comparison table.
        ui.get(() -> {
            vm.compare(List.copyOf(vm.runs()));
            return null;
        });
        ui.waitUntil("the room's comparison", () -> vm.comparison().size() == 2, 30);
        for (int i = 0; i < 2; i++) {
            var row = ui.get(() -> vm.comparison()).get(i);
            JsonNode n = rows.get(i);
            assertThat(n.get("label").asText()).isEqualTo(row.label());
            assertThat(n.get("architecture").asText()).isEqualTo(row.architecture()).isEqualTo("resnet18 ×0.25");
            assertThat(n.get("learning_rate").asDouble()).isEqualTo(row.learningRate());
            assertThat(n.get("optimiser").asText()).isEqualTo(row.optimiser());
            assertThat(n.get("val_loss").asDouble()).isEqualTo(row.validationLoss());
            assertThat(n.get("test_f1_macro").asDouble()).isEqualTo(row.testF1Macro());
            assertThat(n.get("test_challenge_score").asDouble()).isEqualTo(row.challengeScore());
            assertThat(n.get("test_auroc_macro").asDouble()).isEqualTo(row.aurocMacro());
        }
        Ran table = runs(workspace, "compare");
        assertThat(table.out().lines().findFirst().orElseThrow()).startsWith("Run").contains("Test F1 macro", "Challenge", "Test AUROC");
        assertThat(table.out()).contains("lr 1e-3", "lr 3e-4", "resnet18 ×0.25", "1e-3", "3e-4");

        Ran show = runs(workspace, "show", folders.get(0).getFileName().toString());
        assertThat(show.code()).as(show.err()).isZero();
        assertThat(show.out()).startsWith("lr 1e-3  (" + folders.get(0) + ")").contains("status: finished, epoch 1 of 1",
                "arguments: --config ", "model: ", "test: challenge ");
        assertThat(show.out().lines().filter(l -> l.matches("\\s+1\\s+\\d\\.\\d{4}\\s+\\d\\.\\d{4}.*\\*"))).hasSize(1);

        Ran nothing = runs(workspace, "resume", folders.get(0).getFileName().toString());
        assertThat(nothing.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(nothing.err()).startsWith("error: ").contains("the run is finished: nothing to resume");
        Ran missing = runs(workspace, "show", "no-such-run");
        assertThat(missing.code()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(missing.err()).startsWith("error: no-such-run: no such run in " + workspace.resolve("runs"));

        // A run the room trains: cancelled from the command line as the room's Cancel does it.
        ui.get(() -> {
            vm.enqueue(List.of(TrainingFixtures.request("long one", 3, "1e-3")));
            return null;
        });
        RunViewModel longOne = ui.get(() -> vm.runs().get(2));
        ui.waitUntil("the long run's first batch", () -> longOne.batchLoss().size() > 0, 600);
        String name = longOne.folder().getFileName().toString();
        Ran cancel = runs(workspace, "cancel", name);
        assertThat(cancel.code()).as(cancel.err()).isZero();
        assertThat(cancel.out()).contains("cancelling long one (process ", "long one: cancelled in epoch 1, checkpoint saved");
        ui.waitUntil("the room sees it cancelled", () -> longOne.statusProperty().get() == RunStatus.CANCELLED, 60);
        assertThat(runs(workspace, "cancel", name).err()).contains("the run is cancelled: nothing to cancel");

        // ... and resumed from the command line, in the foreground, to the end.
        Ran resume = runs(workspace, "resume", name, "--progress", "none");
        assertThat(resume.code()).as(resume.err()).isZero();
        assertThat(resume.out()).contains("resumed, training on", "done: best epoch");
        JsonNode after = json.readTree(runs(workspace, "list", "--json").out()).get("runs").get(2);
        assertThat(after.get("status").asText()).isEqualTo("finished");
        assertThat(after.get("epochs").asInt()).isEqualTo(3);
    }
}
