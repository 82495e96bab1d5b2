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
            for (int i = 0; i < lead.length; i++) {
                double t = i / fs;
                double v = 0;
                if (wander > 0) v += wander * StrictMath.sin(2 * Math.PI * respiratory * t + wanderPhase);
                if (drift > 0) v += drift * StrictMath.sin(2 * Math.PI * noise.driftHz() * t + driftPhase);
                if (mains > 0) v += mains * StrictMath.sin(2 * Math.PI * noise.powerlineHz() * t + mainsPhase);
                if (white > 0) v += white * random.nextGaussian();
                lead[i] += v;
            }
        }
    }
}
