package org.ecgworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.BundleMetadata;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.Predictor;
import org.ecgworkbench.model.RecordPrediction;
import org.ecgworkbench.model.ResNet1d;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.nd4j.linalg.learning.config.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
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
 * What {@code predict} does per record once the JVM and the model are loaded: read a 10-s 500 Hz
 * sample record (A5432, MAT v4), run the bundle's default pipeline and the network (batch 1), pool
 * and sort. The bundle is written and read back through {@link ModelBundleIO}, as {@code predict}
 * loads it. Target: ≤ 150 ms.
 * Run: {@code mvn -B -q -Pbench,cpu -DskipTests test-compile exec:exec -Dbench.args="PredictRecordBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 3)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class PredictRecordBenchmark {
    @Param({"RESNET18", "RESNET34"})
    public Architecture arch;

    private Path dir;
    private Predictor predictor;
    private final Path record = Path.of("resources/samples/A5432.hea");

    @Setup
    public void load() throws IOException {
        dir = Files.createTempDirectory("predict-bench");
        NetworkSpec spec = NetworkSpec.of(arch, 1.0, Pipeline.DEFAULT_LENGTH, false);
        Path bundle = dir.resolve("bench.ecgmodel");
        ModelBundleIO.write(new ModelBundle(ResNet1d.build(spec, new Adam(1e-3), 0, null, 1),
                BundleMetadata.standard(spec, PipelineJson.write(Pipeline.defaultRecipe()))), bundle);
        predictor = new Predictor(ModelBundleIO.read(bundle));
    }

    @Benchmark
    public RecordPrediction predictOneRecord() throws IOException {
        return predictor.predict(EcgRecordReader.read(record));
    }

    @TearDown
    public void clean() throws IOException {
        try (var files = Files.list(dir)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(dir);
    }
}
