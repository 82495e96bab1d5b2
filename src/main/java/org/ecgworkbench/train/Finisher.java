package org.ecgworkbench.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.ecgworkbench.dataset.CachedTensors;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.EvaluationReportJson;
import org.ecgworkbench.eval.Evaluator;
import org.ecgworkbench.eval.Metric;
import org.ecgworkbench.eval.PredictedRecord;
import org.ecgworkbench.eval.PredictionTable;
import org.ecgworkbench.eval.PredictionTableCsv;
import org.ecgworkbench.eval.ThresholdTuner;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.model.BundleMetadata;
import org.ecgworkbench.model.BundleProvenance;
import org.ecgworkbench.model.ComputeDevice;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.OneDnnHelpers;
import org.ecgworkbench.model.SoftwareVersion;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.signal.PipelineJson;

/**
 * The end of a run: the best network back, one threshold per class tuned on the validation part
 * (best F1 per class), the training and test parts evaluated with those thresholds, then
 * {@code model.ecgmodel}, {@code report.json} and {@code test-predictions.csv} (each test record's
 * probabilities and labels, so the report can be reopened and drawn without the network).
 */
final class Finisher {
    private final TrainingConfig config;
    private final RunFolder run;
    private final NetworkSpec spec;
    private final TrainingData data;
    private final TrainingListener events;
    private final BooleanSupplier cancelled;

    /** @param cancelled checked before each inference batch: the final passes can take minutes on the full data */
    Finisher(TrainingConfig config, RunFolder run, NetworkSpec spec, TrainingData data, TrainingListener events,
             BooleanSupplier cancelled) {
        this.config = config;
        this.run = run;
        this.spec = spec;
        this.data = data;
        this.events = events;
        this.cancelled = cancelled;
    }

    /** One part through the best network, reported as "finishing: PART" progress, cancellable. */
    private PooledPredictions predict(ComputationGraph network, String part, CachedTensors tensors) {
        return PooledPredictions.of(network, tensors, config.batch(), config.demographics(), cancelled,
                (done, total) -> events.on(new TrainingEvent.Preparing("finishing: " + part + " part", done, total)));
    }

    /** @throws java.util.concurrent.CancellationException when cancelled (nothing written; the last checkpoint stands) */
    TrainingEvent finish(ComputationGraph last, TrainerState state) throws IOException {
        ComputationGraph best = last;
        if (Files.exists(run.bestNetwork())) {
            best = ModelSerializer.restoreComputationGraph(run.bestNetwork().toFile(), false);
            OneDnnHelpers.install(best);
        }
        PooledPredictions val = predict(best, "validation", data.validation);
        double[] thresholds = ThresholdTuner.tune(val.labels(), val.probabilities());
        EvaluationReport validation = Evaluator.evaluate(val.labels(), val.probabilities(), thresholds);
        // Training F1 (Table 4) costs one more inference pass over the training part, the largest one:
        // each cached record once, no augmentation or oversampling (synthetic top-up records included,
        // as the network trained on them). Like the test part, it runs once training is over.
        PooledPredictions tr = predict(best, "training", data.train);
        EvaluationReport train = Evaluator.evaluate(tr.labels(), tr.probabilities(), thresholds);
        EvaluationReport test = null;
        if (data.test.size() > 0) {
            PooledPredictions t = predict(best, "test", data.test);
            test = Evaluator.evaluate(t.labels(), t.probabilities(), thresholds);
            PredictionTableCsv.write(testPredictions(t, thresholds), run.testPredictions(), true);
        }
        int bestEpoch = state.bestEpoch() > 0 ? state.bestEpoch() : state.epoch();

        ObjectNode metrics = TrainingConfigJson.MAPPER.createObjectNode();
        metrics.set("train", tree(train));
        metrics.set("validation", tree(validation));
        if (test != null) metrics.set("test", tree(test));
        ModelBundleIO.write(new ModelBundle(best, metadata(thresholds, metrics)), run.model());
        writeReport(bestEpoch, thresholds, train, validation, test, state);
        return new TrainingEvent.Done(bestEpoch, run.model().toString(), run.report().toString(),
                test == null ? Map.of() : metricsOf(test));
    }

    /** The test part's pooled outputs with the record files they came from, for the report room. */
    private PredictionTable testPredictions(PooledPredictions t, double[] thresholds) {
        List<PredictedRecord> records = new ArrayList<>(t.recordIds().size());
        for (int i = 0; i < t.recordIds().size(); i++) {
            String id = t.recordIds().get(i);
            Path path = data.testPaths.get(id);
            records.add(new PredictedRecord(id, path == null ? "" : path.toString(), t.probabilities()[i], t.labels()[i]));
        }
        return new PredictionTable(thresholds, records);
    }

    private BundleMetadata metadata(double[] thresholds, JsonNode metrics) throws IOException {
        ObjectNode fingerprint = TrainingConfigJson.MAPPER.createObjectNode();
        fingerprint.put("records", data.train.size() + data.validation.size() + data.test.size());
        fingerprint.put("train", data.train.size());
        fingerprint.put("validation", data.validation.size());
        fingerprint.put("test", data.test.size());
        fingerprint.put("split_method", data.split.method());
        fingerprint.put("split_seed", data.split.seed());
        return BundleMetadata.standard(spec, PipelineJson.write(config.pipeline()))
                .withThresholds(thresholds)
                .withTraining(TrainingConfigJson.toTree(config), fingerprint, metrics)
                .withProvenance(provenance());
    }

    /** Where the bundle comes from: software, data folders and their counts, the split's hash, backend, device, time. */
    private BundleProvenance provenance() throws IOException {
        List<BundleProvenance.DataRoot> roots = new ArrayList<>();
        data.recordsPerRoot.forEach((root, records) -> roots.add(new BundleProvenance.DataRoot(root.toString(), records)));
        ComputeDevice device = ComputeDevice.select(config.device().key());
        return new BundleProvenance(SoftwareVersion.current(), SoftwareVersion.commit(), roots,
                BundleProvenance.sha256(run.split()), device.backend(), device.device(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }

    private void writeReport(int bestEpoch, double[] thresholds, EvaluationReport train, EvaluationReport validation,
                             EvaluationReport test, TrainerState state) throws IOException {
        ObjectNode report = TrainingConfigJson.MAPPER.createObjectNode();
        report.put("format", "ecg-workbench-run-report");
        report.put("version", 1);
        report.put("best_epoch", bestEpoch);
        report.put("metric", config.metric().key());
        ArrayNode t = report.putArray("thresholds");
        Arrays.stream(thresholds).forEach(t::add);
        report.set("train", tree(train));
        report.set("validation", tree(validation));
        if (test != null) report.set("test", tree(test));
        ArrayNode history = report.putArray("history");
        for (TrainerState.EpochSummary e : state.history()) {
            ObjectNode h = history.addObject();
            h.put("epoch", e.epoch());
            TrainingEventJson.number(h, "train_loss", e.trainLoss());
            TrainingEventJson.number(h, "val_loss", e.validationLoss());
            TrainingEventJson.number(h, config.metric().key(), e.metric());
        }
        byte[] bytes = TrainingConfigJson.MAPPER.writeValueAsString(report).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(run.report(), true, out -> out.write(bytes));
    }

    private static JsonNode tree(EvaluationReport report) throws IOException {
        return TrainingConfigJson.MAPPER.readTree(EvaluationReportJson.write(report));
    }

    /** The headline metrics of events ({@code epoch}'s validation, {@code done}'s test), in this order. */
    private static final List<Metric> EVENT_METRICS = List.of(Metric.CHALLENGE_SCORE, Metric.F1_MACRO, Metric.F1_MICRO,
            Metric.F1_WEIGHTED, Metric.AUROC_MACRO, Metric.AUPRC_MACRO, Metric.ACCURACY);

    /** The headline metrics of a report by their JSON keys, for events. */
    static Map<String, Double> metricsOf(EvaluationReport r) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (Metric metric : EVENT_METRICS) m.put(metric.key(), metric.of(r));
        return m;
    }

    /** 0.5 for every class: the per-epoch validation view, before thresholds are tuned. */
    static double[] halves(boolean[][] labels) {
        int classes = labels.length == 0 ? DiagnosisCatalogue.standard().scoredClasses().size() : labels[0].length;
        double[] t = new double[classes];
        Arrays.fill(t, 0.5);
        return t;
    }
}
