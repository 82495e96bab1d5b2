package org.ecgworkbench.bench;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ecgworkbench.signal.dsp.FftResampler;
import org.ecgworkbench.signal.dsp.PolyphaseResampler;
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
import pl.edu.icm.jlargearrays.ConcurrencyUtils;

/**
 * Resampling one 12-lead record (microseconds per record; sample mode, so the p0.50 line is the median of
 * single calls, which suits this shared, noisy machine), the Java side of
 * {@code src/test/python/bench_resample.py}: 12 x 15000 standard-normal samples at 1000 Hz to 500 Hz by FFT
 * ({@code scipy.signal.resample}) and by polyphase filtering ({@code resample_poly(x, 1, 2)}); for
 * information also 12 x 2570 at 257 Hz to 500 Hz (a 10,001-tap filter; the FFT of 2570 = 2*5*257 points
 * runs JTransforms' Bluestein code) and 12 x 32768 to 16384 (power of two: JTransforms' split radix, which
 * JTransforms itself multithreads above 8192 points).
 *
 * <p>{@code parallel}: the library's per-record call, which spreads leads over the common fork-join pool,
 * against a plain loop over the leads. {@code jtThreads}: JTransforms' own thread count
 * ({@code ConcurrencyUtils.setNumberOfThreads}); the resampler sets 1, 2 is JTransforms' own default here.
 *
 * <p>Run: {@code mvn -B -q -Pbench -DskipTests test-compile exec:exec
 * -Dbench.args="ResampleBenchmark -f 1 -wi 3 -w 1 -i 5 -r 1"}.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class ResampleBenchmark {

    static final int LEADS = 12;

    /** 12 leads of standard-normal noise (the timing does not depend on the values). */
    static double[][] record(int n, long seed) {
        Random random = new Random(seed);
        double[][] x = new double[LEADS][n];
        for (double[] lead : x) {
            for (int i = 0; i < n; i++) {
                lead[i] = random.nextGaussian();
            }
        }
        return x;
    }

    /** JTransforms' own thread count for the trial; restored afterwards. */
    @State(Scope.Benchmark)
    public static class JTransformsThreads {
        @Param({"1", "2"})
        public String jtThreads;
        private int saved;

        @Setup(Level.Trial)
        public void set() {
            FftResampler.resample(new double[] {1, 2, 3}, 2); // loads the plan cache, which sets its default (1)
            saved = ConcurrencyUtils.getNumberOfThreads();
            ConcurrencyUtils.setNumberOfThreads(Integer.parseInt(jtThreads));
        }

        @TearDown(Level.Trial)
        public void restore() {
            ConcurrencyUtils.setNumberOfThreads(saved);
        }
    }

    @State(Scope.Benchmark)
    public static class Records {
        @Param({"true", "false"})
        public boolean parallel;
        double[][] at1000;
        double[][] at257;
        double[][] pow2;
        PolyphaseResampler halve;
        PolyphaseResampler from257;

        @Setup(Level.Trial)
        public void make() {
            at1000 = record(15_000, 1);
            at257 = record(2_570, 2);
            pow2 = record(32_768, 3);
            halve = PolyphaseResampler.forRates(1000, 500);
            from257 = PolyphaseResampler.forRates(257, 500);
        }

        double[][] fft(double[][] x, double fs, double target) {
            if (parallel) {
                return FftResampler.resample(x, fs, target);
            }
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                out[i] = FftResampler.resample(x[i], FftResampler.outputLength(x[i].length, fs, target));
            }
            return out;
        }

        double[][] poly(PolyphaseResampler r, double[][] x) {
            if (parallel) {
                return r.apply(x);
            }
            double[][] out = new double[x.length][];
            for (int i = 0; i < x.length; i++) {
                out[i] = r.apply(x[i]);
            }
            return out;
        }
    }

    @Benchmark
    public double[][] fft1000to500(Records r, JTransformsThreads t) {
        return r.fft(r.at1000, 1000, 500);
    }

    @Benchmark
    public double[][] poly1000to500(Records r) {
        return r.poly(r.halve, r.at1000);
    }

    @Benchmark
    public double[][] fft257to500(Records r, JTransformsThreads t) {
        return r.fft(r.at257, 257, 500);
    }

    @Benchmark
    public double[][] poly257to500(Records r) {
        return r.poly(r.from257, r.at257);
    }

    @Benchmark
    public double[][] fftPow2Halve(Records r, JTransformsThreads t) {
        return r.fft(r.pow2, 2, 1);
    }
}
