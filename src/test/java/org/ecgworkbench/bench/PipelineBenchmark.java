package org.ecgworkbench.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.signal.FilterStep;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.NormalizeStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.SignalBlock;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Whole pipelines on one 12-lead record, from an {@link EcgRecord} (float mV) to the model's float
 * input. Reference: {@code src/test/python/bench_pipeline.py} (the same operations in scipy).
 * Run: {@code mvn -B -q -Pbench -DskipTests test-compile exec:exec -Dbench.args="PipelineBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 7, time = 1)
@Fork(1)
public class PipelineBenchmark {
    private EcgRecord record500;
    private EcgRecord record1000;
    private final Pipeline defaultRecipe = Pipeline.defaultRecipe();
    private final Pipeline bandNotchZscore = new Pipeline(List.of(FilterStep.bandPass(0.5, 40, 2), FilterStep.notch(50, 30),
            NormalizeStep.of(NormalizeStep.Kind.ZSCORE), LengthStep.end(5000)));

    @Setup
    public void records() {
        record500 = record(500, 5000);
        record1000 = record(1000, 10000);
    }

    /** An ECG-like test signal: 1.2 Hz beats with a little noise and drift, twelve leads. */
    static EcgRecord record(double fs, int n) {
        Random rnd = new Random(7);
        List<Lead> leads = new ArrayList<>();
        for (LeadName name : LeadName.values()) {
            float[] mv = new float[n];
            for (int i = 0; i < n; i++) {
                double t = i / fs;
                double phase = (t * 1.2) % 1.0;
                mv[i] = (float) (Math.exp(-Math.pow((phase - 0.3) / 0.01, 2)) + 0.2 * Math.sin(2 * Math.PI * 0.3 * t)
                        + 0.02 * rnd.nextGaussian() + 0.05 * Math.sin(2 * Math.PI * 50 * t));
            }
            leads.add(new Lead(name.label(), name.label(), 1000, 0, "mV", mv, null, Optional.empty()));
        }
        return new EcgRecord("bench", null, fs, leads, OptionalDouble.empty(), Optional.empty(), List.of(), false, List.of(),
                Optional.empty());
    }

    /** Default recipe on a 10-s 500 Hz record: the rate already matches, so the work is conversion and length. */
    @Benchmark
    public float[][] defaultRecipe500Hz() {
        return defaultRecipe.apply(record500).get(0).toFloat();
    }

    /** Default recipe on a 10-s 1000 Hz record (PTB): FFT resampling 12 × 10000 → 12 × 5000. */
    @Benchmark
    public float[][] defaultRecipe1000Hz() {
        return defaultRecipe.apply(record1000).get(0).toFloat();
    }

    /** Band-pass 0.5–40 Hz (order 2, SOS) + notch 50 Hz + z-score + length on 12 × 5000 at 500 Hz. */
    @Benchmark
    public float[][] bandpassNotchZscore() {
        return bandNotchZscore.apply(record500).get(0).toFloat();
    }

    /** The block conversion alone (record floats to doubles), to see the pipeline's fixed cost. */
    @Benchmark
    public SignalBlock inputConversion() {
        return SignalBlock.of(record500);
    }
}
