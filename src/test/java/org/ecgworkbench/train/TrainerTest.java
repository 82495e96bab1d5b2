package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.assertj.core.api.Assertions;
import org.ecgworkbench.dataset.SplitManifest;
import org.ecgworkbench.dataset.SplitManifestJson;
import org.ecgworkbench.eval.EvaluationReportJson;
import org.ecgworkbench.eval.PredictionTable;
import org.ecgworkbench.eval.PredictionTableCsv;
import org.ecgworkbench.model.BundleProvenance;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@SlowTest
class TrainerTest {
    @TempDir
    static Path shared;
    static Path data;

    @TempDir
    Path tmp;

    @BeforeAll
    static void data() {
        data = TinyRuns.synth(shared.resolve("data"), 60, "NSR,AF,LBBB", 3);
    }

    @Test
    void aRunReportsInOrderAndLeavesItsFilesAndABundle() throws Exception {
        List<TrainingEvent> events = new ArrayList<>();
        Path runDir = tmp.resolve("run");
        TrainingEvent last = Trainer.start(TinyRuns.config(data, tmp.resolve("cache")).build(), runDir, events::add,
                new AtomicBoolean()).run();

        assertThat(last).isInstanceOf(TrainingEvent.Done.class);
        assertThat(events.get(0)).isInstanceOfSatisfying(TrainingEvent.Started.class, s -> {
            assertThat(s.backend()).contains("nd4j");
            assertThat(s.device()).contains("CPU");
            assertThat(s.resumed()).isFalse();
        });
        TrainingEvent.Prepared prepared = only(events, TrainingEvent.Prepared.class).get(0);
        assertThat(prepared.trainRecords() + prepared.validationRecords() + prepared.testRecords()).isEqualTo(60);
        assertThat(prepared.trainRecords()).isEqualTo(36);
        List<TrainingEvent.Batch> batches = only(events, TrainingEvent.Batch.class);
        assertThat(batches).hasSize(2 * prepared.batchesPerEpoch());
        assertThat(batches.get(batches.size() - 1).iteration()).isEqualTo(batches.size());
        assertThat(batches).allSatisfy(b -> assertThat(b.loss()).isFinite().isPositive());
        assertThat(only(events, TrainingEvent.Epoch.class)).extracting(TrainingEvent.Epoch::epoch).containsExactly(1, 2);
        assertThat(only(events, TrainingEvent.Checkpoint.class)).hasSize(2);
        assertThat(events.get(events.size() - 1)).isEqualTo(last);

        RunFolder run = new RunFolder(runDir);
        for (Path p : List.of(run.config(), run.split(), run.events(), run.checkpointState(), run.model(), run.report())) {
            assertThat(p).isRegularFile();
        }
        assertThat(Files.readAllLines(run.events())).hasSize(events.size());
        assertThat(TrainingEventJson.read(Files.readAllLines(run.events()).get(0))).isEqualTo(events.get(0));
        ModelBundle bundle = ModelBundleIO.read(run.model());
        assertThat(bundle.metadata().thresholds()).hasSize(24);
        for (double t : bundle.metadata().thresholds()) assertThat(t).isBetween(0.0, 1.0);
        assertThat(bundle.metadata().trainingConfig().get("format").asText()).isEqualTo(TrainingConfigJson.FORMAT);
        // Where the bundle comes from: the data folder and its usable records, the split file's hash, the device.
        BundleProvenance provenance = bundle.metadata().provenance();
        assertThat(provenance).isNotNull();
        assertThat(provenance.data()).hasSize(1);
        assertThat(provenance.data().get(0).records()).isEqualTo(60);
        assertThat(provenance.splitSha256()).isEqualTo(BundleProvenance.sha256(run.split()));
        assertThat(provenance.backend()).isNotBlank();
        assertThat(Instant.parse(provenance.created())).isBeforeOrEqualTo(Instant.now());
        JsonNode report = new ObjectMapper().readTree(run.report().toFile());
        assertThat(report.get("test").get("records").asInt()).isEqualTo(prepared.testRecords());
        assertThat(report.get("test").get("per_class")).hasSize(24);
        assertThat(report.get("history")).hasSize(2);
        // The training part is scored too (Table 4's training F1), shaped like the test section.
        JsonNode train = report.get("train");
        assertThat(train).isNotNull();
        assertThat(fieldNames(train)).isEqualTo(fieldNames(report.get("test"))).isEqualTo(fieldNames(report.get("validation")));
        assertThat(train.get("records").asInt()).as("each training record once").isEqualTo(prepared.trainRecords());
        assertThat(train.get("per_class")).hasSize(24);
        for (String key : List.of("f1_macro", "f1_micro", "f1_weighted", "f1_samples", "accuracy", "auroc_macro", "auprc_macro")) {
            assertThat(train.get(key).isNumber()).as(key).isTrue();
            assertThat(train.get(key).asDouble()).as(key).isBetween(0.0, 1.0);
        }
        assertThat(train.get("challenge_score").asDouble()).isLessThanOrEqualTo(1.0);
        for (int c = 0; c < 24; c++) {
            assertThat(train.get("per_class").get(c).get("threshold")).as("the thresholds tuned on validation")
                    .isEqualTo(report.get("test").get("per_class").get(c).get("threshold"));
        }
        assertThat(bundle.metadata().metrics().get("train")).isEqualTo(train);

        // The test part's predictions are kept: re-scoring them gives the report's test section exactly.
        PredictionTable predictions = PredictionTableCsv.read(run.testPredictions());
        assertThat(predictions.records()).hasSize(prepared.testRecords());
        assertThat(predictions.thresholds()).containsExactly(bundle.metadata().thresholds());
        assertThat(predictions.records()).allSatisfy(r -> assertThat(Path.of(r.path())).isRegularFile()
                .hasFileName(r.id() + ".hea"));
        assertThat(new ObjectMapper().readTree(EvaluationReportJson.write(predictions.evaluate()))).isEqualTo(report.get("test"));
        assertThat(TrainingConfigJson.read(run.config())).usingRecursiveComparison().isEqualTo(Trainer.resume(runDir, e -> { }, new AtomicBoolean()).config());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void cancelStopsAfterTheBatchWithACheckpointAndResumeFinishesWithTheSameSplit() throws Exception {
        Path runDir = tmp.resolve("run");
        AtomicBoolean cancel = new AtomicBoolean();
        List<TrainingEvent> first = new ArrayList<>();
        TrainingListener cancelAtThirdBatch = e -> {
            first.add(e);
            if (e instanceof TrainingEvent.Batch b && b.iteration() == 3) cancel.set(true);
        };
        TrainingEvent stopped = Trainer.start(TinyRuns.config(data, tmp.resolve("cache")).build(), runDir,
                cancelAtThirdBatch, cancel).run();

        assertThat(stopped).isInstanceOfSatisfying(TrainingEvent.Cancelled.class, c -> {
            assertThat(c.iteration()).isEqualTo(3);
            assertThat(Path.of(c.checkpoint())).isRegularFile();
        });
        assertThat(only(first, TrainingEvent.Batch.class)).hasSize(3);
        byte[] split = Files.readAllBytes(runDir.resolve("split.json"));

        List<TrainingEvent> second = new ArrayList<>();
        TrainingEvent done = Trainer.resume(runDir, second::add, new AtomicBoolean()).run();
        assertThat(done).isInstanceOf(TrainingEvent.Done.class);
        assertThat(((TrainingEvent.Started) second.get(0)).resumed()).isTrue();
        List<TrainingEvent.Batch> resumedBatches = only(second, TrainingEvent.Batch.class);
        assertThat(resumedBatches.get(0).iteration()).isEqualTo(4);
        int perEpoch = only(second, TrainingEvent.Prepared.class).get(0).batchesPerEpoch();
        assertThat(resumedBatches).hasSize(2 * perEpoch - 3);
        assertThat(Files.readAllBytes(runDir.resolve("split.json"))).isEqualTo(split);
        assertThat(ModelBundleIO.read(runDir.resolve("model.ecgmodel")).metadata().thresholds()).hasSize(24);
    }

    @Test
    void cancelWhileFinishingKeepsTheLastEpochsCheckpointAndResumeOnlyFinishes() throws Exception {
        Path runDir = tmp.resolve("run");
        AtomicBoolean cancel = new AtomicBoolean();
        List<TrainingEvent> first = new ArrayList<>();
        TrainingListener cancelWhileFinishing = e -> {
            first.add(e);
            if (e instanceof TrainingEvent.Preparing p && p.stage().startsWith("finishing: training")) cancel.set(true);
        };
        TrainingEvent stopped = Trainer.start(TinyRuns.config(data, tmp.resolve("cache")).build(), runDir,
                cancelWhileFinishing, cancel).run();

        // The final passes report progress per part, and a cancel there ends the run at the last epoch's checkpoint.
        assertThat(only(first, TrainingEvent.Preparing.class)).extracting(TrainingEvent.Preparing::stage)
                .contains("finishing: validation part", "finishing: training part");
        TrainingEvent.Checkpoint lastCheckpoint = only(first, TrainingEvent.Checkpoint.class).get(1);
        assertThat(stopped).isInstanceOfSatisfying(TrainingEvent.Cancelled.class, c -> {
            assertThat(c.epoch()).isEqualTo(2);
            assertThat(c.checkpoint()).isEqualTo(lastCheckpoint.path());
            assertThat(Path.of(c.checkpoint())).isRegularFile();
        });
        assertThat(runDir.resolve("model.ecgmodel")).doesNotExist();
        assertThat(runDir.resolve("report.json")).doesNotExist();

        // Resume: no epoch left, so straight to the final evaluation and the bundle.
        List<TrainingEvent> second = new ArrayList<>();
        TrainingEvent done = Trainer.resume(runDir, second::add, new AtomicBoolean()).run();
        assertThat(done).isInstanceOf(TrainingEvent.Done.class);
        assertThat(only(second, TrainingEvent.Batch.class)).isEmpty();
        assertThat(only(second, TrainingEvent.Epoch.class)).isEmpty();
        assertThat(ModelBundleIO.read(runDir.resolve("model.ecgmodel")).metadata().thresholds()).hasSize(24);
    }

    @Test
    void aResumeAfterEventsWereCutMidLineStartsItsEventsOnANewLine() throws Exception {
        Path runDir = tmp.resolve("run");
        AtomicBoolean cancel = new AtomicBoolean();
        TrainingConfig.Builder config = TinyRuns.config(data, tmp.resolve("cache"));
        config.epochs(1);
        Trainer.start(config.build(), runDir, e -> {
            if (e instanceof TrainingEvent.Batch b && b.iteration() == 2) cancel.set(true);
        }, cancel).run();
        // A kill while the last event was being written: the file ends inside that line.
        Path events = new RunFolder(runDir).events();
        byte[] bytes = Files.readAllBytes(events);
        int cut = bytes.length - 12;
        Files.write(events, Arrays.copyOf(bytes, cut));
        int linesBefore = Files.readAllLines(events).size();

        List<TrainingEvent> second = new ArrayList<>();
        assertThat(Trainer.resume(runDir, second::add, new AtomicBoolean()).run()).isInstanceOf(TrainingEvent.Done.class);

        List<String> lines = Files.readAllLines(events);
        assertThat(lines).hasSize(linesBefore + second.size());
        assertThat(lines.get(linesBefore - 1)).as("the cut line stays cut, alone").isEqualTo(new String(bytes, 0, cut,
                StandardCharsets.UTF_8).lines().reduce((a, b) -> b).orElseThrow());
        for (int i = linesBefore; i < lines.size(); i++) {
            assertThat(TrainingEventJson.read(lines.get(i))).isEqualTo(second.get(i - linesBefore));
        }
        assertThat(TrainingEventJson.read(lines.get(linesBefore))).isInstanceOfSatisfying(TrainingEvent.Started.class,
                s -> assertThat(s.resumed()).isTrue());
    }

    @Test
    void aResumeRefusesAMissingOrStaleSplitAndResplitRestartsWithTheOldFilesMovedAside() throws Exception {
        Path mine = Files.createDirectories(tmp.resolve("data"));
        try (var files = Files.list(data)) {
            for (Path f : files.toList()) Files.copy(f, mine.resolve(f.getFileName()));
        }
        Path runDir = tmp.resolve("run");
        RunFolder run = new RunFolder(runDir);
        AtomicBoolean cancel = new AtomicBoolean();
        TrainingConfig.Builder config = TinyRuns.config(mine, tmp.resolve("cache"));
        config.epochs(1);
        Trainer.start(config.build(), runDir, e -> {
            if (e instanceof TrainingEvent.Batch b && b.iteration() == 2) cancel.set(true);
        }, cancel).run();
        byte[] split = Files.readAllBytes(run.split());
        byte[] checkpoint = Files.readAllBytes(run.checkpointState());

        // split.json gone after training began: no silent re-split.
        Files.delete(run.split());
        TrainingEvent missing = Trainer.resume(runDir, e -> { }, new AtomicBoolean()).run();
        assertThat(missing).isInstanceOfSatisfying(TrainingEvent.Failed.class, f -> assertThat(f.message())
                .startsWith(run.split() + ": missing").contains("--resplit"));
        assertThat(run.split()).doesNotExist();

        // The data changed under the split: three records gone, one new.
        Files.write(run.split(), split);
        SplitManifest manifest = SplitManifestJson.read(run.split());
        List<String> gone = manifest.part("test").subList(0, 3);
        for (String id : gone) {
            Files.delete(mine.resolve(id + ".hea"));
            Files.delete(mine.resolve(id + ".mat"));
        }
        String trained = manifest.part("train").get(0);
        Files.writeString(mine.resolve("NEW00001.hea"), Files.readString(mine.resolve(trained + ".hea")).replace(trained, "NEW00001"));
        Files.copy(mine.resolve(trained + ".mat"), mine.resolve("NEW00001.mat"));
        TrainingEvent stale = Trainer.resume(runDir, e -> { }, new AtomicBoolean()).run();
        assertThat(stale).isInstanceOfSatisfying(TrainingEvent.Failed.class, f -> assertThat(f.message())
                .startsWith(run.split() + ": does not match the data")
                .contains("3 records of the split (of 60) are no longer in the data: " + String.join(", ", gone))
                .contains("1 record in the data is not in the split: NEW00001"));
        assertThat(Files.readAllBytes(run.split())).isEqualTo(split);
        assertThat(Files.readAllBytes(run.checkpointState())).isEqualTo(checkpoint);

        // A record whose id is no record name (crafted header) cannot enter a split: left out with a note.
        Files.writeString(mine.resolve("BAD$1.hea"), Files.readString(mine.resolve(trained + ".hea")).replace(trained, "BAD$1"));
        Files.copy(mine.resolve(trained + ".mat"), mine.resolve("BAD$1.mat"));

        // --resplit: a new split of the data as it is, from epoch 1, the old files kept aside.
        List<TrainingEvent> events = new ArrayList<>();
        TrainingEvent done = Trainer.resume(runDir, true, events::add, new AtomicBoolean()).run();
        assertThat(done).isInstanceOf(TrainingEvent.Done.class);
        TrainingEvent.Prepared prepared = only(events, TrainingEvent.Prepared.class).get(0);
        assertThat(prepared.startEpoch()).isEqualTo(1);
        assertThat(prepared.trainRecords() + prepared.validationRecords() + prepared.testRecords()).isEqualTo(58);
        assertThat(only(events, TrainingEvent.Batch.class).get(0).iteration()).isEqualTo(1);
        SplitManifest resplit = SplitManifestJson.read(run.split());
        assertThat(resplit.size()).isEqualTo(58);
        assertThat(resplit.parts().values().stream().flatMap(List::stream)).contains("NEW00001").doesNotContainAnyElementsOf(gone);
        Path superseded;
        try (var files = Files.list(runDir)) {
            superseded = files.filter(f -> f.getFileName().toString().startsWith("superseded-")).findFirst().orElseThrow();
        }
        assertThat(prepared.notes().get(0)).contains("--resplit").contains(superseded.toString());
        assertThat(prepared.notes()).anySatisfy(n -> assertThat(n).startsWith("malformed record id \"BAD$1\", left out"));
        assertThat(Files.readAllBytes(superseded.resolve("split.json"))).isEqualTo(split);
        assertThat(Files.readAllBytes(superseded.resolve("checkpoint.json"))).isEqualTo(checkpoint);
        assertThat(superseded.resolve("events.jsonl")).isRegularFile();
        assertThat(superseded.resolve("checkpoints")).isDirectory();
        assertThat(TrainingEventJson.read(Files.readAllLines(run.events()).get(0))).isInstanceOf(TrainingEvent.Started.class);
        assertThat(Files.readAllLines(run.events())).hasSize(events.size());
    }

    @Test
    void theSameSeedGivesTheSameLossesOnCpu() throws Exception {
        List<Double> a = firstLosses(tmp.resolve("a"));
        List<Double> b = firstLosses(tmp.resolve("b"));
        assertThat(a).hasSize(3);
        for (int i = 0; i < a.size(); i++) assertThat(b.get(i)).isCloseTo(a.get(i), Assertions.within(1e-5));
    }

    private List<Double> firstLosses(Path runDir) throws Exception {
        AtomicBoolean cancel = new AtomicBoolean();
        List<Double> losses = new ArrayList<>();
        TrainingConfig.Builder config = TinyRuns.config(data, tmp.resolve("cache"));
        config.epochs(1);
        Trainer.start(config.build(), runDir, e -> {
            if (e instanceof TrainingEvent.Batch b) {
                losses.add(b.loss());
                if (b.iteration() == 3) cancel.set(true);
            }
        }, cancel).run();
        return losses;
    }

    @Test
    void aUsedFolderIsRefusedAndAFolderWithoutConfigCannotBeResumed() throws Exception {
        Files.writeString(tmp.resolve("notes.txt"), "mine");
        assertThatThrownBy(() -> Trainer.start(TinyRuns.config(data, tmp.resolve("cache")).build(), tmp, e -> { }, new AtomicBoolean()))
                .hasMessageContaining("holds files already");
        assertThat(Files.readString(tmp.resolve("notes.txt"))).isEqualTo("mine");
        assertThatThrownBy(() -> Trainer.resume(tmp, e -> { }, new AtomicBoolean())).hasMessageContaining("no config.json");
    }

    @Test
    void aFolderWithNoRecordsEndsInAFailedEventThatSaysSo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        List<TrainingEvent> events = new ArrayList<>();
        TrainingEvent last = Trainer.start(TinyRuns.config(empty, tmp.resolve("cache")).build(), tmp.resolve("run"),
                events::add, new AtomicBoolean()).run();
        assertThat(last).isInstanceOfSatisfying(TrainingEvent.Failed.class, f -> assertThat(f.message()).contains("no usable records"));
        assertThat(events.get(0)).isInstanceOf(TrainingEvent.Started.class);
    }

    @Test
    void rareClassesAreToppedUpWithSyntheticRecordsInTheTrainingPartOnly() throws Exception {
        TrainingConfig.Builder config = TinyRuns.config(data, tmp.resolve("cache"));
        config.epochs(1);
        config.syntheticTopUp(15); // each of the three classes has 12 training records
        List<TrainingEvent> events = new ArrayList<>();
        TrainingEvent last = Trainer.start(config.build(), tmp.resolve("run"), events::add, new AtomicBoolean()).run();

        assertThat(last).isInstanceOf(TrainingEvent.Done.class);
        TrainingEvent.Prepared prepared = only(events, TrainingEvent.Prepared.class).get(0);
        assertThat(prepared.trainRecords()).isEqualTo(36 + 9);
        assertThat(prepared.validationRecords() + prepared.testRecords()).isEqualTo(24);
        assertThat(prepared.notes()).anySatisfy(n -> assertThat(n).contains("9 synthetic records").contains("AF 3").contains("LBBB 3"));
        try (var files = Files.list(tmp.resolve("run").resolve("synthetic"))) {
            assertThat(files.filter(f -> f.toString().endsWith(".hea"))).hasSize(9);
        }
    }

    private static <T extends TrainingEvent> List<T> only(List<TrainingEvent> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
