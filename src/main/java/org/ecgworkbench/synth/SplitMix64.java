package org.ecgworkbench.synth;

/**
 * A small deterministic random source (Steele, Lea and Flood's SplitMix64 mixing), written out
 * here rather than borrowed from {@code java.util} so a (seed, record index) pair gives the same
 * ECG on every JVM, thread count and platform. Not thread-safe: one instance per record.
 */
final class SplitMix64 {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

    private long state;
    private double spareGaussian = Double.NaN;

    SplitMix64(long seed) {
        this.state = seed;
    }

    /** An independent stream for one record: the dataset seed and the record index mixed together. */
    static SplitMix64 forRecord(long datasetSeed, long index, long purpose) {
        return new SplitMix64(mix(mix(datasetSeed ^ mix(index + GOLDEN_GAMMA)) + purpose * GOLDEN_GAMMA));
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    long nextLong() {
        state += GOLDEN_GAMMA;
        return mix(state);
    }

    /** Uniform in [0, 1) with 53 random bits. */
    double nextDouble() {
        return (nextLong() >>> 11) * 0x1.0p-53;
    }

    /** Uniform in [lo, hi). */
    double uniform(double lo, double hi) {
        return lo + (hi - lo) * nextDouble();
    }

    /** Uniform integer in [lo, hi] inclusive. */
    int uniformInt(int lo, int hi) {
        return lo + (int) Math.floor(nextDouble() * (hi - lo + 1));
    }

    boolean chance(double probability) {
        return nextDouble() < probability;
    }

    /** Standard normal by the polar Box–Muller method, StrictMath only so results never depend on intrinsics. */
    double nextGaussian() {
        if (!Double.isNaN(spareGaussian)) {
            double g = spareGaussian;
            spareGaussian = Double.NaN;
            return g;
        }
        double u;
        double v;
        double s;
        do {
            u = 2 * nextDouble() - 1;
            v = 2 * nextDouble() - 1;
            s = u * u + v * v;
        } while (s >= 1 || s == 0);
        double f = StrictMath.sqrt(-2 * StrictMath.log(s) / s);
        spareGaussian = v * f;
        return u * f;
    }

    /** A unit vector drawn uniformly on the sphere. */
    double[] unitVector() {
        double z = uniform(-1, 1);
        double phi = uniform(0, 2 * Math.PI);
        double r = StrictMath.sqrt(1 - z * z);
        return new double[] {r * StrictMath.cos(phi), r * StrictMath.sin(phi), z};
    }
}
