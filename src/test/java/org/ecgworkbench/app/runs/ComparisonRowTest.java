package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.EvaluationReportJson;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.runs.ComparisonRow;
import org.ecgworkbench.runs.EventLines;
import org.ecgworkbench.runs.RunFormats;
import org.ecgworkbench.runs.RunWorkspace;
import org.ecgworkbench.train.OptimizerKind;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Table 4 rows from real run-folder files (config.json and report.json written by the engine's own writers). */
class ComparisonRowTest {
    @TempDir
    Path tmp;

    private Path run(String name, Architecture arch, double width, OptimizerKind optimiser, double lr, boolean withReport) throws Exception {
        return run(name, arch, width, optimiser, lr, withReport, false);
    }

    private Path run(String name, Architecture arch, double width, OptimizerKind optimiser, double lr, boolean withReport,
                     boolean withTrainSection) throws Exception {
        Path folder = EventLines.runFolder(tmp.resolve("runs"), name, List.of(EventLines.start(false), EventLines.prepared(2, 1),
                EventLines.batch(1, 1, 0.9, 1, 1), EventLines.epoch(1, 0.81, 0.72, 0.3, 0.4, 0.8, true),
                EventLines.batch(2, 2, 0.6, 1, 1), EventLines.epoch(2, 0.61, 0.75, 0.25, 0.35, 0.78, false)));
        TrainingConfig.Builder b = TrainingConfig.builder(List.of(tmp.resolve("data")));
        b.architecture(arch).width(width).optimizer(optimiser).learningRate(lr);
        TrainingConfigJson.write(b.build(), folder.resolve("config.json"));
        if (withReport) {
            ObjectMapper mapper = new ObjectMapper();
            ObjectNode report = mapper.createObjectNode();
            report.put("format", "ecg-workbench-run-report");
            report.put("version", 1);
            report.put("best_epoch", 1);
            EvaluationReport test = new EvaluationReport(120, 0.41, 0.83, 0.5, 0.44, 0.5, 0.3, 0.2, 0.47, 0.419, 0.45, 0.52, List.of());
            report.set("test", EvaluationReportJson.toJson(test));
            if (withTrainSection) {
                EvaluationReport train = new EvaluationReport(540, 0.66, 0.93, 0.7, 0.64, 0.7, 0.5, 0.4, 0.69, 0.637, 0.66, 0.71, List.of());
                report.set("train", EvaluationReportJson.toJson(train));
            }
            Files.writeString(folder.resolve("report.json"), mapper.writeValueAsString(report));
        }
        return folder;
    }

    @Test
    void aFinishedRunGivesTheBestEpochsLossesAndTheTestMetrics() throws Exception {
        Path folder = run("a", Architecture.RESNET34, 1.0, OptimizerKind.ADAM, 1e-3, true);
        ComparisonRow row = ComparisonRow.read("resnet34 adam", folder);
        assertThat(row.architecture()).isEqualTo("resnet34");
        assertThat(row.optimiser()).isEqualTo("adam");
        assertThat(row.learningRate()).isEqualTo(1e-3);
        assertThat(row.trainF1()).as("a report written before train sections existed").isNaN();
        assertThat(row.trainLoss()).isEqualTo(0.81);
        assertThat(row.validationLoss()).isEqualTo(0.72);
        assertThat(row.testF1Macro()).isEqualTo(0.419);
        assertThat(row.testF1Samples()).isEqualTo(0.52);
        assertThat(row.challengeScore()).isEqualTo(0.41);
        assertThat(row.aurocMacro()).isEqualTo(0.83);
        assertThat(row.notes()).isEmpty();
        assertThat(RunFormats.number(row.trainF1(), 3)).isEmpty();
        assertThat(RunFormats.rate(row.learningRate())).isEqualTo("1e-3");
    }

    @Test
    void aReportWithATrainSectionGivesTheTrainingMacroF1() throws Exception {
        Path folder = run("t", Architecture.RESNET18, 1.0, OptimizerKind.ADAM, 1e-3, true, true);
        ComparisonRow row = ComparisonRow.read("t", folder);
        assertThat(row.trainF1()).as("the train section's f1_macro, the average of the test F1 macro column").isEqualTo(0.637);
        assertThat(row.testF1Macro()).isEqualTo(0.419);
        assertThat(RunFormats.number(row.trainF1(), 3)).isEqualTo("0.637");
        assertThat(row.notes()).isEmpty();

        // A malformed train section is noted and leaves the test numbers in place.
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode report = (ObjectNode) mapper.readTree(folder.resolve("report.json").toFile());
        ((ObjectNode) report.get("train")).remove("f1_macro");
        Files.writeString(folder.resolve("report.json"), mapper.writeValueAsString(report));
        ComparisonRow broken = ComparisonRow.read("t", folder);
        assertThat(broken.trainF1()).isNaN();
        assertThat(broken.testF1Macro()).isEqualTo(0.419);
        assertThat(broken.notes()).singleElement().asString().startsWith(folder.resolve("report.json") + ": ").contains("f1_macro");
    }

    @Test
    void anUnfinishedRunGivesItsLastEpochAndBlankTestMetricsAndAMissingConfigIsNoted() throws Exception {
        Path folder = run("b", Architecture.RESNET18, 0.25, OptimizerKind.SGD, 3e-4, false);
        ComparisonRow row = ComparisonRow.read("b", folder);
        assertThat(row.architecture()).isEqualTo("resnet18 ×0.25");
        assertThat(row.optimiser()).isEqualTo("sgd");
        assertThat(RunFormats.rate(row.learningRate())).isEqualTo("3e-4");
        assertThat(row.trainLoss()).isEqualTo(0.61);
        assertThat(row.validationLoss()).isEqualTo(0.75);
        assertThat(row.testF1Macro()).isNaN();
        assertThat(row.challengeScore()).isNaN();

        Files.delete(folder.resolve("config.json"));
        Files.writeString(folder.resolve("report.json"), "{ not json");
        ComparisonRow broken = ComparisonRow.read("b", folder);
        assertThat(broken.architecture()).isEmpty();
        assertThat(broken.notes()).hasSize(2);
        assertThat(broken.notes().get(0)).isEqualTo(folder.resolve("config.json") + ": missing");
        assertThat(broken.notes().get(1)).startsWith(folder.resolve("report.json") + ": ");
    }

    @Test
    void comparingRunsFillsTheTableAndOverlaysOneSmoothedLossLinePerRun() throws Exception {
        run("20261126-100000-a", Architecture.RESNET34, 1.0, OptimizerKind.ADAM, 1e-3, true);
        run("20261126-100100-b", Architecture.RESNET18, 1.0, OptimizerKind.SGD, 1e-2, false);
        RunsViewModel vm = new RunsViewModel(new RunWorkspace(tmp), args -> {
            throw new AssertionError();
        }, BackgroundWork.direct(), System::nanoTime);
        vm.loadWorkspace();
        vm.compare(vm.runs());
        assertThat(vm.comparison()).extracting(ComparisonRow::architecture).containsExactly("resnet34", "resnet18");
        assertThat(vm.comparedCurves()).extracting(PlotSeries::name).containsExactly("20261126-100000-a", "20261126-100100-b");
        assertThat(vm.comparedCurves().get(0).xs()).containsExactly(1.0, 2.0);
        assertThat(vm.comparedCurves().get(1).ys()).containsExactly(vm.runs().get(1).smoothedLoss().ys());
    }
}
