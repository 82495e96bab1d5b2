package org.ecgworkbench.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.ecgworkbench.measure.LeadMatrix;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.record.EcgRecordReader;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * {@code Measurement.of} on one 10-s, 500-Hz, 12-lead sample record (read once): detection, typing, median beats,
 * delineation and every measurement after them, warm. Target (issue 16): ≤ 15 ms. SampleTime, so the median is
 * reported (p0.50). The measurement iterations are given on the command line (JMH's annotation shares the name of
 * the engine's result): {@code mvn -B -q -Pbench -DskipTests test-compile exec:exec -Dbench.args="MeasurementBenchmark -i 5 -r 2"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Fork(value = 1, jvmArgs = {"-Xmx512m"})
public class MeasurementBenchmark {
    @Param({"A5432", "HR00599", "E00009"})
    public String record;

    private LeadMatrix leads;

    @Setup
    public void read() throws IOException {
        leads = LeadMatrix.of(EcgRecordReader.read(Path.of("resources/samples").resolve(record + ".hea")));
    }

    @Benchmark
    public Measurement measureOneRecord() {
        return Measurement.of(leads);
    }
}
