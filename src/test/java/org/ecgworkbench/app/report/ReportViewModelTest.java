package org.ecgworkbench.app.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import org.assertj.core.data.Offset;
import org.ecgworkbench.app.BackgroundWork;
import org.ecgworkbench.eval.ClassMetrics;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.EvaluationReportJson;
import org.ecgworkbench.eval.PredictedRecord;
import org.ecgworkbench.eval.PredictionTable;
import org.ecgworkbench.eval.PredictionTableCsv;
import org.ecgworkbench.eval.RocCurve;
import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.train.RunFolder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report room's view model without the toolkit: loads run folders and predictions files directly. */
class ReportViewModelTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path tmp;

    @Test
    void aRealRunFolderShowsItsTestReportAndTheRecordsItWasComputedFrom() throws Exception {
        Path runDir = ReportFixtures.tinyRun();
        RunFolder run = new RunFolder(runDir);
        ReportViewModel vm = new ReportViewModel(BackgroundWork.direct());
        vm.load(runDir);

        assertThat(vm.statusProperty().get()).isEqualTo(runDir.toString());
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.titleProperty().get()).isEqualTo("Report · run-tiny");
        assertThat(vm.descriptionProperty().get()).contains("resnet18 ×0.125", "1 epoch", "test part", "12 records");
        JsonNode test = MAPPER.readTree(run.report().toFile()).get("test");
        EvaluationReport expected = EvaluationReportJson.fromJson(test);
        assertThat(vm.classRows()).hasSize(24);
        for (int c = 0; c < 24; c++) {
            ClassMetrics m = expected.perClass().get(c);
            ClassRow row = vm.classRows().get(c);
            assertThat(row.abbrev()).isEqualTo(m.abbrev());
            assertThat(Double.compare(row.f1(), m.f1())).as("f1 of %s (NaN where undefined)", m.abbrev()).isZero();
            assertThat(row.support()).isEqualTo(m.support());
            assertThat(row.threshold()).isEqualTo(m.threshold());
        }
        assertThat(vm.averages()).extracting(AverageRow::name).contains("challenge score", "F1 micro", "F1 macro", "F1 weighted", "F1 samples");
        assertThat(vm.averages()).filteredOn(a -> a.name().equals("F1 samples")).singleElement()
                .extracting(AverageRow::value).isEqualTo(expected.f1Samples());
        assertThat(vm.records()).hasSize(12);
        // Only NSR, AF and LBBB were synthesised: every record's truth is one of them.
        assertThat(vm.records()).allSatisfy(r -> assertThat(r.truth()).hasSize(1).isSubsetOf("NSR", "AF", "LBBB"));
        // The first class with records is selected, and its counts add up to the test part.
        ClassRow selected = vm.selectedClassProperty().get();
        assertThat(selected.support()).isPositive();
        assertThat(vm.confusionProperty().get().total()).isEqualTo(12);
        assertThat(vm.confusionProperty().get().truePositives() + vm.confusionProperty().get().falseNegatives()).isEqualTo(selected.support());
    }

    @Test
    void selectingAClassShowsItsCountsAndCurvesAndTheHeatMapNormalisesByRow() throws Exception {
        PredictionTable table = ReportFixtures.randomTable(80, 1);
        ReportViewModel vm = new ReportViewModel(BackgroundWork.direct());
        vm.load(ReportFixtures.predictionsFile(tmp, table));
        assertThat(vm.titleProperty().get()).isEqualTo("Report · evaluation.csv");

        ClassRow af = vm.classRows().stream().filter(r -> r.index() == 3).findFirst().orElseThrow();
        vm.selectedClassProperty().set(af);
        assertThat(vm.confusionProperty().get()).isEqualTo(table.confusion(3));
        RocCurve roc = table.roc(3);
        CurvePoints drawn = vm.rocProperty().get();
        assertThat(drawn.size()).isBetween(2, roc.size());
        assertThat(drawn.x()[0]).isZero();
        assertThat(drawn.x()[drawn.size() - 1]).isEqualTo(1.0);
        assertThat(drawn.y()[drawn.size() - 1]).isEqualTo(1.0);
        // Thinning keeps the drawn line: its trapezoid area is still the class's AUROC.
        assertThat(area(drawn.x(), drawn.y())).isCloseTo(af.auroc(), Offset.offset(1e-12));
        assertThat(drawn.note()).startsWith("AUROC ");
        assertThat(vm.precisionRecallProperty().get().x()[vm.precisionRecallProperty().get().size() - 1]).isZero();

        // A class nobody has: ROC undefined, said so.
        ClassRow empty = vm.classRows().stream().filter(r -> r.support() == 0).findFirst().orElseThrow();
        vm.selectedClassProperty().set(empty);
        assertThat(vm.rocProperty().get().size()).isZero();
        assertThat(vm.rocProperty().get().note()).contains("ROC undefined");

        HeatMap counts = vm.heatMapProperty().get();
        assertThat(counts.normalised()).isFalse();
        assertThat(counts.counts()[3][3]).isEqualTo(table.confusion(3).truePositives());
        vm.normalisedProperty().set(true);
        HeatMap shares = vm.heatMapProperty().get();
        assertThat(shares.normalised()).isTrue();
        assertThat(shares.values()[3][3]).isEqualTo(table.confusion(3).truePositives() / (double) af.support());
        assertThat(shares.max()).isLessThanOrEqualTo(1.0);
    }

    @Test
    void recordsShowDisagreementsAndDoubleClickingOpensTheRecordFile() throws Exception {
        PredictionTable table = ReportFixtures.randomTable(50, 2);
        ReportViewModel vm = new ReportViewModel(BackgroundWork.direct());
        vm.load(ReportFixtures.predictionsFile(tmp, table));
        assertThat(vm.records()).hasSize(50);
        boolean[][] decisions = table.decisions();
        boolean[][] labels = table.labels();
        int agreeing = 0;
        for (int i = 0; i < 50; i++) if (Arrays.equals(decisions[i], labels[i])) agreeing++;
        vm.onlyDisagreementsProperty().set(true);
        assertThat(vm.records()).hasSize(50 - agreeing).allSatisfy(r -> assertThat(r.agrees()).isFalse());
        RecordRow r = vm.records().get(0);
        assertThat(r.disagreements()).isEqualTo(r.missed().size() + r.extra().size()).isPositive();

        List<Path> opened = new ArrayList<>();
        vm.setOnOpenRecord(opened::add);
        vm.openRecord(r);
        assertThat(opened).containsExactly(Path.of(table.records().stream().filter(p -> p.id().equals(r.id())).findFirst().orElseThrow().path()));
    }

    @Test
    void exportsWriteCsvJsonAndSelfContainedHtmlOfTheShownReport() throws Exception {
        PredictionTable table = ReportFixtures.randomTable(30, 3);
        ReportViewModel vm = new ReportViewModel(BackgroundWork.direct());
        vm.load(ReportFixtures.predictionsFile(tmp, table));
        Path json = tmp.resolve("out/r.json");
        vm.export(ReportFormat.JSON, json);
        assertThat(vm.statusProperty().get()).isEqualTo("Wrote " + json);
        assertThat(EvaluationReportJson.read(Files.readString(json))).isEqualTo(table.evaluate());
        Path csv = tmp.resolve("out/r.csv");
        vm.export(ReportFormat.CSV, csv);
        assertThat(Files.readAllLines(csv)).first().isEqualTo("metric,code,abbrev,value");
        assertThat(Files.readAllLines(csv)).hasSize(1 + 12 + 24 * 7);
        Path html = tmp.resolve("out/r.html");
        vm.export(ReportFormat.HTML, html);
        assertThat(Files.readString(html)).contains("<table", "Report · evaluation.csv").doesNotContain("http://", "https://");
        try (var files = Files.list(tmp.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("r.json", "r.csv", "r.html");
        }
        assertThat(vm.suggestedFileName(ReportFormat.HTML)).isEqualTo("evaluation-report.html");
    }

    @Test
    void inTheWorkbenchAnExportNeverReplacesTheFileTheReportWasReadFrom() throws Exception {
        Path predictions = ReportFixtures.predictionsFile(tmp, ReportFixtures.randomTable(30, 3));
        byte[] before = Files.readAllBytes(predictions);
        try (OutputGuard.Scope session = OutputGuard.openForDesktop()) {
            ReportViewModel vm = new ReportViewModel(BackgroundWork.direct());
            vm.load(predictions);
            vm.export(ReportFormat.CSV, predictions);
            assertThat(vm.statusProperty().get()).startsWith("Cannot write " + predictions)
                    .contains("is one of the files open in the workbench", "an input is never replaced").doesNotContain("--force");
            assertThat(Files.readAllBytes(predictions)).isEqualTo(before);
            Path other = tmp.resolve("other.csv");
            vm.export(ReportFormat.CSV, other);
            assertThat(vm.statusProperty().get()).isEqualTo("Wrote " + other);
        }
    }

    @Test
    void aBrokenFileIsReportedByNameAndLineAndTheShownReportStays() throws Exception {
        Path good = ReportFixtures.predictionsFile(tmp, ReportFixtures.randomTable(10, 4));
        ReportViewModel vm = new ReportViewModel(BackgroundWork.direct());
        vm.load(good);
        List<String> lines = new ArrayList<>(Files.readAllLines(good));
        lines.set(5, lines.get(5).replaceFirst(",0\\.", ",x."));
        Path bad = Files.write(tmp.resolve("bad.csv"), lines);

        vm.load(bad);
        assertThat(vm.statusProperty().get()).startsWith("Cannot open the report: " + bad).contains("line 6");
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(vm.loadedProperty().get().source()).isEqualTo(good);
        assertThat(vm.classRows()).hasSize(24);

        Path notARun = Files.createDirectories(tmp.resolve("empty-run"));
        vm.load(notARun);
        assertThat(vm.statusProperty().get()).contains("not a finished run");

        // A run's report with another evaluation's predictions beside it is refused, not shown half-right.
        RunFolder mixed = new RunFolder(Files.createDirectories(tmp.resolve("mixed-run")));
        Files.copy(new RunFolder(ReportFixtures.tinyRun()).report(), mixed.report());
        PredictionTableCsv.write(ReportFixtures.randomTable(12, 6), mixed.testPredictions(), false);
        vm.load(mixed.root());
        assertThat(vm.statusProperty().get()).contains(mixed.testPredictions().toString(), "from different runs");
        assertThat(vm.loadedProperty().get().source()).isEqualTo(good);
    }

    @Test
    void cancellingALoadKeepsItsResultAway() throws Exception {
        Path file = ReportFixtures.predictionsFile(tmp, ReportFixtures.randomTable(10, 5));
        List<Runnable> pending = new ArrayList<>();
        BackgroundWork later = new BackgroundWork() {
            @Override
            public <T> void run(String title, Callable<T> work, Consumer<T> onSuccess, Consumer<Throwable> onFailure) {
                pending.add(() -> {
                    try {
                        onSuccess.accept(work.call());
                    } catch (Exception e) {
                        onFailure.accept(e);
                    }
                });
            }
        };
        ReportViewModel vm = new ReportViewModel(later);
        vm.load(file);
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.progressProperty().get()).isEqualTo(-1);
        vm.cancel();
        pending.forEach(Runnable::run);
        assertThat(vm.statusProperty().get()).isEqualTo("Cancelled");
        assertThat(vm.loadedProperty().get()).isNull();
        assertThat(vm.classRows()).isEmpty();
        assertThat(PredictionTableCsv.read(file).records()).hasSize(10);
    }

    private static double area(double[] x, double[] y) {
        double a = 0;
        for (int i = 1; i < x.length; i++) a += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
        return a;
    }

    /** A class with no positive record and no prediction reads "—" in the table, as an undefined AUROC does; defined numbers stay. */
    @Test
    void aClassWithNoPositiveAndNoPredictionShowsADashNotZero() throws Exception {
        int classes = 24;
        double[] thresholds = new double[classes];
        Arrays.fill(thresholds, 0.5);
        List<PredictedRecord> rows = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            float[] p = new float[classes];
            boolean[] y = new boolean[classes];
            y[0] = i % 2 == 0;
            p[0] = y[0] ? 0.9f : 0.1f;
            p[1] = i == 3 ? 0.8f : 0.2f; // class 1: no positive record, one false alarm
            rows.add(new PredictedRecord("R" + i, "/records/R" + i + ".hea", p, y));
        }
        Path file = ReportFixtures.predictionsFile(tmp, new PredictionTable(thresholds, rows));
        ReportViewModel vm = new ReportViewModel(BackgroundWork.direct());
        vm.load(file);

        ClassRow present = vm.classRows().get(0);
        ClassRow falseAlarm = vm.classRows().get(1);
        ClassRow absent = vm.classRows().get(2);
        assertThat(MetricText.of(present.f1(), "%.4f")).isEqualTo("1.0000");
        assertThat(MetricText.of(falseAlarm.precision(), "%.4f")).isEqualTo("0.0000"); // defined: 0 of 1 right
        for (double undefined : new double[] {absent.precision(), absent.recall(), absent.f1(), absent.auroc()}) {
            assertThat(MetricText.of(undefined, "%.4f")).isEqualTo("—");
        }
    }
}
