package org.ecgworkbench.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ecgworkbench.signal.dsp.IirFilters;
import org.ecgworkbench.signal.dsp.ZeroPhaseFilter;
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
 * record (sample mode: JMH prints the median, p0.50, beside the mean; the machine is shared and
 * noisy, so compare medians): the same calls as {@code src/test/python/bench_filter.py} times in scipy.
 *
 * <ul>
 *   <li>{@code record}: {@code apply(double[][])} on the 12 leads (lanes and threads as the filter chooses);</li>
 *   <li>{@code recordWithDesign}: the design call too, as a pipeline would make it per record;</li>
 *   <li>{@code leadByLead}: {@code apply(double[])} twelve times on the calling thread (no batching);</li>
 *   <li>{@code bandPassNotchZScore}: band-pass, notch and z-score, the pipeline the Python script also times.</li>
 * </ul>
 *
 * Run: {@code mvn -B -q -Pbench -DskipTests test-compile exec:exec -Dbench.args="FilterBenchmark -f 1 -wi 3 -w 1 -i 5 -r 1"};
 * add {@code -jvmArgsAppend -XX:ActiveProcessorCount=1} to see the batch on one thread.
 *
 * <p>Measured on the 2-core build machine while another build kept the second core mostly busy
 * (medians, us per record; scipy 1.17 from {@code bench_filter.py} in the same session):
 * {@code record} high-pass 97-102, band-pass 136-181, notch 98-103 (one thread: 95, 173, 95);
 * with design 104, 142-184, 100-105 (scipy with design 760-791, 1037-1116, 657-677; without
 * 658-666, 766-795, 652-662); {@code leadByLead} 259, 610, 256; band-pass + notch + z-score
 * 304-307 (scipy 2643-3038).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
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
        leads = twelveLeads();
        designed = design(filter);
    }

    /** 12 leads x 5000 samples: a slow wave, an offset per lead, a little noise. */
    static double[][] twelveLeads() {
        Random rnd = new Random(500);
        double[][] leads = new double[12][5000];
        for (double[] lead : leads) {
            double drift = rnd.nextGaussian();
            for (int i = 0; i < lead.length; i++) {
                lead[i] = 0.8 * Math.sin(2 * Math.PI * 1.2 * i / FS) + drift + 0.05 * rnd.nextGaussian();
            }
        }
        return leads;
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

    /**
     * The later pipeline's shape: band-pass 0.5-40 Hz order 2, notch 50 Hz Q 30 (both designed
     * per record) and a z-score per lead (numpy's population standard deviation), inline here.
     */
    @State(Scope.Benchmark)
    @BenchmarkMode(Mode.SampleTime)
    @OutputTimeUnit(TimeUnit.MICROSECONDS)
    public static class Pipeline {
        private double[][] leads;

        @Setup(Level.Trial)
        public void setUp() {
            leads = twelveLeads();
        }

        @Benchmark
        public double[][] bandPassNotchZScore() {
            double[][] banded = IirFilters.butterworthBandPass(2, 0.5, 40, FS).apply(leads);
            double[][] y = IirFilters.notch(50, 30, FS).apply(banded);
            for (double[] lead : y) {
                double sum = 0;
                for (double v : lead) {
                    sum += v;
                }
                double mean = sum / lead.length;
                double squares = 0;
                for (double v : lead) {
                    squares += (v - mean) * (v - mean);
                }
                double scale = 1 / Math.sqrt(squares / lead.length);
                for (int i = 0; i < lead.length; i++) {
                    lead[i] = (lead[i] - mean) * scale;
                }
            }
            return y;
        }
    }
}
