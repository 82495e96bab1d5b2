package org.ecgworkbench.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ecgworkbench.signal.IirFilters;
import org.ecgworkbench.signal.ZeroPhaseFilter;
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
import org.openjdk.jmh.annotations.Warmup;

/**
 * Zero-phase filtering of one 12-lead record (12 x 5000 samples at 500 Hz), in microseconds per
 * record: the same calls as {@code src/test/python/bench_filter.py} times in scipy.
 *
 * <ul>
 *   <li>{@code record}: {@code apply(double[][])} on the 12 leads (lanes and threads as the filter chooses);</li>
 *   <li>{@code recordWithDesign}: the design call too, as a pipeline would make it per record;</li>
 *   <li>{@code leadByLead}: {@code apply(double[])} twelve times on the calling thread (no batching).</li>
 * </ul>
 *
 * Run: {@code mvn -B -q -Pbench -DskipTests test-compile exec:exec -Dbench.args="FilterBenchmark -f 1 -wi 3 -w 1 -i 5 -r 1"};
 * add {@code -jvmArgsAppend -XX:ActiveProcessorCount=1} to see the batch on one thread.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FilterBenchmark {

    static final double FS = 500;

    @Param({"highpass-0.5-o2", "bandpass-0.5-40-o2", "notch-50-q30"})
    public String filter;

    private double[][] leads;
    private ZeroPhaseFilter designed;

    @Setup(Level.Trial)
    public void setUp() {
        Random rnd = new Random(500);
        leads = new double[12][5000];
        for (double[] lead : leads) {
            double drift = rnd.nextGaussian();
            for (int i = 0; i < lead.length; i++) {
                lead[i] = 0.8 * Math.sin(2 * Math.PI * 1.2 * i / FS) + drift + 0.05 * rnd.nextGaussian();
            }
        }
        designed = design(filter);
    }

    static ZeroPhaseFilter design(String name) {
        return switch (name) {
            case "highpass-0.5-o2" -> IirFilters.butterworthHighPass(2, 0.5, FS);
            case "bandpass-0.5-40-o2" -> IirFilters.butterworthBandPass(2, 0.5, 40, FS);
            case "notch-50-q30" -> IirFilters.notch(50, 30, FS);
            default -> throw new IllegalArgumentException(name);
        };
    }

    @Benchmark
    public double[][] record() {
        return designed.apply(leads);
    }

    @Benchmark
    public double[][] recordWithDesign() {
        return design(filter).apply(leads);
    }

    @Benchmark
    public double[][] leadByLead() {
        double[][] out = new double[leads.length][];
        for (int i = 0; i < leads.length; i++) {
            out[i] = designed.apply(leads[i]);
        }
        return out;
    }
}
