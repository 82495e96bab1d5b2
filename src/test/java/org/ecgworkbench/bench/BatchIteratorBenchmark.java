package org.ecgworkbench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.ecgworkbench.dataset.Augmentation;
import org.ecgworkbench.dataset.CacheBatchIterator;
import org.ecgworkbench.dataset.CachePrecision;
import org.ecgworkbench.dataset.CachedTensors;
import org.ecgworkbench.dataset.DatasetScanner;
import org.ecgworkbench.dataset.LabelledRecord;
import org.ecgworkbench.dataset.TensorCache;
import org.ecgworkbench.dataset.TrainingIndex;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.synth.ClassMix;
import org.ecgworkbench.synth.SynthesisSettings;
import org.ecgworkbench.synth.SyntheticDatasetWriter;
import org.nd4j.linalg.dataset.api.MultiDataSet;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Batches of 32 × 12 × 5000 (float32 INDArrays, with demographics) per second from a tensor cache
 * of 256 synthetic 10-s records, shuffled, with and without the prefetch thread, with and without
 * training augmentation, from a float32 and a float16 cache. With {@code workMs = 0} the consumer
 * does nothing but take batches (prefetch then only adds a hand-off); with 20 ms it sleeps per batch
 * as if a GPU were training, and prefetch overlaps building the next batches with that wait.
 * The records and caches are kept in {@code java.io.tmpdir/ecg-bench-iterator} between runs.
 * Run: {@code mvn -B -q -Pbench,cpu -DskipTests test-compile exec:exec -Dbench.args="BatchIteratorBenchmark"}
 * ({@code cpu} named too: naming any profile turns off the active-by-default ND4J backend profile).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 4, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class BatchIteratorBenchmark {
    private static final int RECORDS = 256;

    @Param({"0", "3"})
    public int prefetch;

    @Param({"none", "train"})
    public String augmentation;

    @Param({"FLOAT32", "FLOAT16"})
    public CachePrecision precision;

    /** Milliseconds the consumer sleeps per batch, standing in for a training step that leaves the CPU free (a GPU). */
    @Param({"0", "20"})
    public int workMs;

    private CachedTensors data;
    private CacheBatchIterator iterator;
    private int epoch;

    @Setup(Level.Trial)
    public void open() throws IOException {
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "ecg-bench-iterator");
        Path records = root.resolve("records");
        if (!SyntheticDatasetWriter.holdsRecords(records)) {
            SyntheticDatasetWriter.write(records, RECORDS, SynthesisSettings.defaults(1), ClassMix.realistic(), true, 2, i -> { });
        }
        List<LabelledRecord> index = TrainingIndex.of(new DatasetScanner(false).scan(List.of(records)), true).records();
        data = TensorCache.open(root.resolve("cache"), "bench", index, Pipeline.defaultRecipe(), precision, p -> { }, () -> false);
        Augmentation aug = augmentation.equals("train") ? new Augmentation(0.1, 0.01, 250, 0.1) : Augmentation.NONE;
        iterator = new CacheBatchIterator(data, 32, true, 7, true, aug, null, prefetch);
    }

    @Benchmark
    public MultiDataSet batch() throws InterruptedException {
        if (!iterator.hasNext()) iterator.setEpoch(++epoch);
        MultiDataSet batch = iterator.next();
        if (workMs > 0) Thread.sleep(workMs);
        return batch;
    }

    @TearDown(Level.Trial)
    public void close() {
        iterator.close();
        data.close();
    }
}
