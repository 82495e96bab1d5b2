package org.ecgworkbench.synth;

import java.util.List;

/**
 * Atrial activity that is not a P wave, added to the VCG along an atrial dipole direction.
 * Fibrillatory f-waves: a quasi-sinusoid whose frequency wanders ±0.5 Hz around a dominant
 * 5-8 Hz (so always within 4-9 Hz) and whose amplitude varies ±35 %, with a weaker second
 * harmonic. Flutter F-waves: a band-limited sawtooth (slow descent, quick return) at the flutter
 * rate, phase-locked to the QRS complexes so conduction is a fixed 2:1 or 4:1.
 */
final class AtrialWaves {
    static final long ATRIAL_STREAM = 5;
    private static final double FREQUENCY_WANDER_HZ = 0.5;

    private AtrialWaves() {
    }

    static void add(RecordSpec spec, List<Beat> beats, double[][] vcg) {
        RhythmSpec rhythm = spec.rhythm();
        if (rhythm.kind() != RhythmSpec.Kind.ATRIAL_FIBRILLATION && rhythm.kind() != RhythmSpec.Kind.ATRIAL_FLUTTER) return;
        SplitMix64 random = SplitMix64.forRecord(spec.settings().seed(), spec.index(), ATRIAL_STREAM);
        int fs = spec.settings().fs();
        double[] wave = rhythm.kind() == RhythmSpec.Kind.ATRIAL_FIBRILLATION
                ? fibrillation(rhythm, fs, vcg[0].length, random)
                : flutter(rhythm, beats, fs, vcg[0].length, random);
        // Right atrium and septum: anterior and inferior, so f/F-waves are clearest in V1 and II, III, aVF.
        double[] dir = rhythm.kind() == RhythmSpec.Kind.ATRIAL_FIBRILLATION
                ? DipoleWave.unit(-0.35 + random.uniform(-0.1, 0.1), 0.5 + random.uniform(-0.1, 0.1), -0.8)
                : DipoleWave.unit(random.uniform(-0.1, 0.1), 1.0, -0.3 + random.uniform(-0.1, 0.1));
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < wave.length; i++) vcg[c][i] += dir[c] * wave[i];
        }
    }

    private static double[] fibrillation(RhythmSpec rhythm, int fs, int n, SplitMix64 random) {
        SlowModulation frequency = new SlowModulation(random);
        SlowModulation amplitude = new SlowModulation(random);
        double harmonicPhase = random.uniform(0, 2 * Math.PI);
        double harmonic = random.uniform(0.1, 0.3);
        double phase = random.uniform(0, 2 * Math.PI);
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double t = i / (double) fs;
            double a = rhythm.atrialAmplitude() * (1 + 0.35 * amplitude.at(t));
            out[i] = a * (StrictMath.sin(phase) + harmonic * StrictMath.sin(2 * phase + harmonicPhase)) / (1 + harmonic);
            phase += 2 * Math.PI * (rhythm.atrialRateHz() + FREQUENCY_WANDER_HZ * frequency.at(t)) / fs;
        }
        return out;
    }

    private static double[] flutter(RhythmSpec rhythm, List<Beat> beats, int fs, int n, SplitMix64 random) {
        double f = rhythm.atrialRateHz();
        int harmonics = Math.max(1, Math.min(4, (int) Math.floor(0.45 * fs / f)));
        // The F-wave's return precedes every conducted QRS by the same atrioventricular delay.
        double reference = beats.get(0).time() - random.uniform(0.18, 0.26);
        double peak = 0;
        for (int i = 0; i < 200; i++) peak = Math.max(peak, Math.abs(sawtooth(i / 200.0 * 2 * Math.PI, harmonics)));
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double x = 2 * Math.PI * f * (i / (double) fs - reference);
            out[i] = rhythm.atrialAmplitude() / 2 * sawtooth(x, harmonics) / peak;
        }
        return out;
    }

    /** Fourier series of a falling ramp: sum of sin(kx)/k. */
    private static double sawtooth(double x, int harmonics) {
        double s = 0;
        for (int k = 1; k <= harmonics; k++) s += StrictMath.sin(k * x) / k;
        return s;
    }

    /** A smooth random signal in [-1, 1]: three slow sinusoids (0.05-0.4 Hz) with random phases. */
    private static final class SlowModulation {
        private final double[] f = new double[3];
        private final double[] p = new double[3];

        SlowModulation(SplitMix64 random) {
            for (int j = 0; j < 3; j++) {
                f[j] = random.uniform(0.05, 0.4);
                p[j] = random.uniform(0, 2 * Math.PI);
            }
        }

        double at(double t) {
            double s = 0;
            for (int j = 0; j < 3; j++) s += StrictMath.sin(2 * Math.PI * f[j] * t + p[j]);
            return s / 3;
        }
    }
}
