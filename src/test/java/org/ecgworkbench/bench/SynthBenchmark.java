package org.ecgworkbench.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgworkbench.record.wfdb.ChallengeRecordWriter;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.synth.ClassMix;
import org.ecgworkbench.synth.SynthesisSettings;
import org.ecgworkbench.synth.SyntheticEcgGenerator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One synthetic 10-s, 500-Hz, 12-lead record (realistic class mix, typical noise), generated in
 * memory and generated plus written as challenge files. Each call takes the next record index,
 * so the class mix and parameters vary as they do in a real run. Single thread; milliseconds
 * per record. Run: {@code mvn -B -Pbench -DskipTests test-compile exec:exec -Dbench.args="SynthBenchmark"}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class SynthBenchmark {
    private final SynthesisSettings settings = SynthesisSettings.defaults(2020);
    private final ClassMix mix = ClassMix.realistic();
    private long index;
    private Path dir;

    @Setup(Level.Trial)
    public void createFolder() throws IOException {
        dir = Files.createTempDirectory("ecg-synth-bench");
    }

    /** Generation only: dynamical model, projection, noise, quantisation. */
    @Benchmark
    public EcgRecord generateTenSecondRecord() {
        return SyntheticEcgGenerator.generate(settings, index++, mix).record();
    }

    /** Generation plus the .hea and .mat files (temp file and rename), replacing the previous record's. */
    @Benchmark
    public Path generateAndWriteTenSecondRecord() throws IOException {
        EcgRecord record = SyntheticEcgGenerator.generate(settings, index++, mix).record();
        Path header = dir.resolve("SYN" + (index % 8) + ".hea");
        ChallengeRecordWriter.write(record, header, true);
        return header;
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
