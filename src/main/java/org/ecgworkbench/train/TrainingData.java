package org.ecgworkbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ecgworkbench.dataset.CachedTensors;
import org.ecgworkbench.dataset.DatasetScanner;
import org.ecgworkbench.dataset.IterativeStratifier;
import org.ecgworkbench.dataset.LabelledRecord;
import org.ecgworkbench.dataset.ScanResult;
import org.ecgworkbench.dataset.SplitManifest;
import org.ecgworkbench.dataset.SplitManifestJson;
import org.ecgworkbench.dataset.TensorCache;
import org.ecgworkbench.dataset.TrainingIndex;
import org.ecgworkbench.record.TerminalText;
import org.ecgworkbench.signal.Pipeline;

/**
 * A run's data: the folders scanned, the split (made once and saved in {@code split.json}, read back
 * on resume and checked against the data by {@link SplitCheck}) and one tensor cache per part. Notes say what was left out and why.
 */
final class TrainingData implements AutoCloseable {
    final SplitManifest split;
    final CachedTensors train;
    final CachedTensors validation;
    final CachedTensors test;
    final List<String> notes;
    /** The file of each test record by id, for the run's {@code test-predictions.csv}. */
    final Map<String, Path> testPaths;
    /** Usable records found under each data folder, in the configuration's order (a bundle's provenance). */
    final Map<Path, Integer> recordsPerRoot;

    private TrainingData(SplitManifest split, CachedTensors train, CachedTensors validation, CachedTensors test, List<String> notes,
                         Map<String, Path> testPaths, Map<Path, Integer> recordsPerRoot) {
        this.split = split;
        this.train = train;
        this.validation = validation;
        this.test = test;
        this.notes = List.copyOf(notes);
        this.testPaths = Map.copyOf(testPaths);
        this.recordsPerRoot = Collections.unmodifiableMap(new LinkedHashMap<>(recordsPerRoot));
    }

    static TrainingData prepare(TrainingConfig config, RunFolder run, TrainingListener listener, AtomicBoolean cancel)
            throws IOException {
        List<String> notes = new ArrayList<>();
        DatasetScanner scanner = new DatasetScanner(false,
                p -> listener.on(new TrainingEvent.Preparing("scan", p.done(), p.total())), cancel);
        ScanResult scan = scanner.scan(config.data());
        throwIfCancelled(cancel);
        scan.failed().forEach(f -> notes.add("unreadable, skipped: " + f.line()));
        TrainingIndex index = TrainingIndex.of(scan, config.keepUnlabelled());
        notes.addAll(index.notes());
        // A split names records by id; an id that is not a record name (a crafted header or MAT id) cannot be saved in it.
        List<LabelledRecord> usable = new ArrayList<>();
        for (LabelledRecord r : index.records()) {
            if (SplitManifest.isRecordId(r.id())) usable.add(r);
            else notes.add("malformed record id " + TerminalText.quoted(r.id()) + ", left out: " + r.record().path());
        }
        if (usable.isEmpty()) {
            throw new IOException("no usable records under " + config.data().stream().map(Path::toString).collect(Collectors.joining(", "))
                    + (config.keepUnlabelled() ? "" : " with a scored label"));
        }

        SplitManifest split;
        if (Files.exists(run.split())) {
            split = SplitManifestJson.read(run.split());
            // Resumed: the saved split must still describe exactly these records.
            SplitCheck.requireMatches(split, config, usable.stream().map(LabelledRecord::id).toList(), run.split());
        } else {
            split = config.splitMethod() == SplitMethod.KFOLD
                    ? IterativeStratifier.kfold(usable, config.folds(), config.fold(), config.seed())
                    : IterativeStratifier.holdout(usable, config.fractions(), config.seed());
            SplitManifestJson.write(split, run.split());
        }

        Pipeline pipeline = config.pipeline();
        Path cacheDir = config.cacheDir();
        CachedTensors[] caches = new CachedTensors[SplitManifest.PART_NAMES.size()];
        Map<String, Path> testPaths = new HashMap<>();
        try {
            for (int i = 0; i < SplitManifest.PART_NAMES.size(); i++) {
                String part = SplitManifest.PART_NAMES.get(i);
                List<LabelledRecord> records = recordsOf(split, part, index);
                if (part.equals("test")) records.forEach(r -> testPaths.put(r.id(), r.record().path()));
                if (i == 0 && config.syntheticTopUp() > 0) {
                    RareClassTopUp.TopUp topUp = RareClassTopUp.create(records, config.syntheticTopUp(), run.synthetic(),
                            config.seed(), listener, cancel);
                    records = new ArrayList<>(records);
                    records.addAll(topUp.records());
                    notes.add(topUp.note());
                }
                caches[i] = TensorCache.open(cacheDir, part, records, pipeline, config.precision(),
                        p -> listener.on(new TrainingEvent.Preparing("cache-" + part, p.done(), p.total())), cancel::get);
                throwIfCancelled(cancel);
                caches[i].failures().forEach(f -> notes.add(part + ": not cached, skipped: " + f));
            }
        } catch (IOException | RuntimeException e) {
            for (CachedTensors c : caches) if (c != null) c.close();
            throw e;
        }
        if (caches[0].size() == 0) throw new IOException("the training part holds no usable record");
        if (caches[1].size() == 0) throw new IOException("the validation part holds no usable record: use more data or a larger validation share");
        return new TrainingData(split, caches[0], caches[1], caches[2], notes, testPaths, recordsPerRoot(config.data(), usable));
    }

    private static Map<Path, Integer> recordsPerRoot(List<Path> roots, List<LabelledRecord> usable) {
        Map<Path, Integer> counts = new LinkedHashMap<>();
        for (Path root : roots) {
            Path folder = root.toAbsolutePath().normalize();
            counts.put(root, (int) usable.stream()
                    .filter(r -> r.record().path().toAbsolutePath().normalize().startsWith(folder)).count());
        }
        return counts;
    }

    /** The records of one part; {@link SplitCheck} made sure every id is in the index. */
    private static List<LabelledRecord> recordsOf(SplitManifest split, String part, TrainingIndex index) {
        return index.part(split, part);
    }

    static void throwIfCancelled(AtomicBoolean cancel) {
        if (cancel.get()) throw new CancelledBeforeTraining();
    }

    /** Cancelled while data was being prepared: nothing to checkpoint yet. */
    static final class CancelledBeforeTraining extends RuntimeException {
        CancelledBeforeTraining() {
            super("cancelled before training started", null, false, false);
        }
    }

    @Override
    public void close() {
        train.close();
        validation.close();
        test.close();
    }
}
