package org.ecgworkbench.synth;

/**
 * McSharry's RR-interval process: a time series whose power spectrum is the sum of two
 * Gaussians, one at the Mayer-wave frequency (LF, about 0.1 Hz) and one at the respiratory
 * frequency (HF, about 0.25 Hz), both 0.01 Hz wide, with power ratio LF/HF; random phases.
 * Evaluated directly as a sum of cosines at the beat times (a 10-s record has a dozen beats,
 * so no FFT is needed), then scaled to the requested mean and standard deviation.
 */
final class RrTachogram {
    /** Spectral resolution: 1/256 Hz resolves the 0.01-Hz-wide peaks. */
    private static final double DF = 1.0 / 256;
    private static final int COMPONENTS = 128; // up to 0.5 Hz
    private static final double PEAK_WIDTH = 0.01;

    private final double[] amplitude = new double[COMPONENTS];
    private final double[] phase = new double[COMPONENTS];

    RrTachogram(double mayerHz, double respiratoryHz, double lfHfRatio, SplitMix64 random) {
        for (int j = 0; j < COMPONENTS; j++) {
            double f = (j + 1) * DF;
            double lf = lfHfRatio * gaussian(f, mayerHz);
            double hf = gaussian(f, respiratoryHz);
            amplitude[j] = StrictMath.sqrt(lf + hf);
            phase[j] = random.uniform(0, 2 * Math.PI);
        }
    }

    private static double gaussian(double f, double centre) {
        double u = (f - centre) / PEAK_WIDTH;
        return StrictMath.exp(-0.5 * u * u) / (PEAK_WIDTH * Math.sqrt(2 * Math.PI));
    }

    /** The zero-mean, unnormalised process at time t, s. */
    double at(double t) {
        double sum = 0;
        for (int j = 0; j < COMPONENTS; j++) {
            sum += amplitude[j] * StrictMath.cos(2 * Math.PI * (j + 1) * DF * t + phase[j]);
        }
        return sum;
    }
}
