package org.ecgworkbench.synth;

/**
 * Noise added to each independent lead (I, II, V1-V6) after projection, as electrodes and
 * amplifiers add it: white noise, respiratory baseline wander, slow drift and, when asked for,
 * mains interference. Each lead gets its own amplitudes (0.5-1.5 times the record's) and
 * phases; mains shares one phase, as it does in a room. III, aVR, aVL and aVF inherit the noise
 * of I and II through their definitions.
 */
final class MeasurementNoise {
    static final long NOISE_STREAM = 4;

    private MeasurementNoise() {
    }

    static void add(RecordSpec spec, double[][] leads) {
        NoiseSpec noise = spec.noise();
        SplitMix64 random = SplitMix64.forRecord(spec.settings().seed(), spec.index(), NOISE_STREAM);
        double fs = spec.settings().fs();
        double respiratory = spec.rhythm().respiratoryHz();
        double mainsPhase = random.uniform(0, 2 * Math.PI);
        for (double[] lead : leads) {
            double wander = noise.wanderMv() * random.uniform(0.5, 1.5);
            double wanderPhase = random.uniform(0, 2 * Math.PI);
            double drift = noise.driftMv() * random.uniform(0.5, 1.5);
            double driftPhase = random.uniform(0, 2 * Math.PI);
            double mains = noise.powerlineMv() * random.uniform(0.5, 1.5);
            double white = noise.whiteMv() * random.uniform(0.5, 1.5);
            if (wander > 0) addSinusoid(lead, wander, respiratory / fs, wanderPhase);
            if (drift > 0) addSinusoid(lead, drift, noise.driftHz() / fs, driftPhase);
            if (mains > 0) addSinusoid(lead, mains, noise.powerlineHz() / fs, mainsPhase);
            if (white > 0) {
                for (int i = 0; i < lead.length; i++) lead[i] += white * random.nextGaussian();
            }
        }
    }

    /**
     * Adds a·sin(2π f i + φ) (f in cycles per sample), stepping a unit phasor by one rotation
     * per sample instead of calling sin for each (it drifts from the exact value by under
     * 1e-12 over a two-minute record).
     */
    static void addSinusoid(double[] x, double amplitude, double cyclesPerSample, double phase) {
        double stepCos = StrictMath.cos(2 * Math.PI * cyclesPerSample);
        double stepSin = StrictMath.sin(2 * Math.PI * cyclesPerSample);
        double c = StrictMath.cos(phase);
        double s = StrictMath.sin(phase);
        for (int i = 0; i < x.length; i++) {
            x[i] += amplitude * s;
            double nc = c * stepCos - s * stepSin;
            s = s * stepCos + c * stepSin;
            c = nc;
        }
    }
}
