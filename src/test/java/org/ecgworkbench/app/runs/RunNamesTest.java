package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.runs.ComparisonRow;
import org.ecgworkbench.runs.EventLines;
import org.ecgworkbench.runs.RunMetadata;
import org.ecgworkbench.runs.RunWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;

/** Runs a researcher can tell apart and repeat: renaming kept across a restart, "Run again" with the run's arguments, failed runs marked in the comparison. */
class RunNamesTest {
    @TempDir
    Path tmp;

    private final List<TrainingConfig> runAgain = new ArrayList<>();

    private RunsViewModel open() {
        RunsViewModel vm = new RunsViewModel(new RunWorkspace(tmp), args -> {
            throw new AssertionError("no process in this test");
        }, BackgroundWork.direct(), System::nanoTime);
        vm.setOnRunAgain(runAgain::add);
        vm.loadWorkspace();
        return vm;
    }

    private static RunViewModel named(RunsViewModel vm, String name) {
        return vm.runs().stream().filter(r -> r.label().equals(name)).findFirst().orElseThrow();
    }

    private Path finished(String folder, String label, List<String> arguments) throws Exception {
        Path runs = tmp.resolve("runs");
        Path f = EventLines.runFolder(runs, folder, List.of(EventLines.start(false), EventLines.prepared(1, 1),
                EventLines.batch(1, 1, 0.9, 1, 1), EventLines.epoch(1, 0.85, 0.8, 0.1, 0.2, 0.6, true), EventLines.done(runs.resolve(folder), 1)));
        if (label != null) new RunMetadata(label, arguments, null).write(f);
        return f;
    }

    @Test
    void aRenamedRunKeepsItsNameAfterARestart() throws Exception {
        List<String> args = List.of("--data", "/data", "--arch", "resnet18", "--width", "0.25");
        Path folder = finished("20261126-140500-a", "14:05 ResNet18×0.25 Adam lr 1e-3", args);
        finished("20261126-150000-cli", null, List.of());
        RunsViewModel vm = open();
        RunViewModel run = named(vm, "14:05 ResNet18×0.25 Adam lr 1e-3");
        List<String> seen = new ArrayList<>();
        run.nameProperty().addListener((o, was, now) -> seen.add(now));

        assertThat(vm.rename(run, "  baseline, quarter width ")).isTrue();
        assertThat(run.label()).isEqualTo("baseline, quarter width");
        assertThat(seen).containsExactly("baseline, quarter width");
        assertThat(RunMetadata.read(folder)).isEqualTo(new RunMetadata("baseline, quarter width", args, null));
        assertThat(vm.rename(run, "   ")).isFalse();
        assertThat(run.label()).isEqualTo("baseline, quarter width");

        // A run trained from the command line has no metadata yet: renaming writes it.
        RunViewModel cli = named(vm, "20261126-150000-cli");
        assertThat(vm.rename(cli, "from the shell")).isTrue();

        RunsViewModel reopened = open();
        assertThat(reopened.runs()).extracting(RunViewModel::label).containsExactly("baseline, quarter width", "from the shell");
    }

    @Test
    void runAgainHandsTheRunsConfigurationToTheWizard() throws Exception {
        TrainingConfig config = TrainingConfig.builder(List.of(Path.of("/data"))).architecture(Architecture.RESNET34).learningRate(3e-3).build();
        Path folder = finished("20261126-140500-a", "mine", List.of("--config", "config.json"));
        TrainingConfigJson.write(config, folder.resolve("config.json"));
        finished("20261126-150000-cli", null, List.of());
        RunsViewModel vm = open();
        RunViewModel mine = named(vm, "mine");
        assertThat(vm.canRunAgain(mine)).isTrue();
        vm.runAgain(mine);
        assertThat(runAgain).containsExactly(config);

        // A run folder without config.json (as EventLines makes them) has nothing to fill the wizard with.
        RunViewModel other = named(vm, "20261126-150000-cli");
        assertThat(vm.canRunAgain(other)).isFalse();
        vm.runAgain(other);
        assertThat(runAgain).hasSize(1);
        assertThat(vm.messageProperty().get()).contains("has no readable config.json");
    }

    @Test
    void aFailedRunIsMarkedInTheComparison() throws Exception {
        finished("20261126-140500-a", "good", List.of("--arch", "resnet18"));
        Path runs = tmp.resolve("runs");
        Path bad = EventLines.runFolder(runs, "20261126-141000-b", List.of(EventLines.start(false), EventLines.failed("out of memory")));
        new RunMetadata("bad", List.of("--arch", "resnet34"), null).write(bad);
        RunsViewModel vm = open();
        vm.compare(List.copyOf(vm.runs()));
        assertThat(vm.comparison()).extracting(ComparisonRow::label).containsExactly("good", "✗ bad (failed)");
        assertThat(vm.comparedCurves()).extracting(PlotSeries::name).containsExactly("good", "✗ bad (failed)");
        // A failed run can be run again, too.
        TrainingConfigJson.write(TrainingConfig.builder(List.of(Path.of("/data"))).build(), bad.resolve("config.json"));
        assertThat(vm.canRunAgain(named(vm, "bad"))).isTrue();
    }
}
