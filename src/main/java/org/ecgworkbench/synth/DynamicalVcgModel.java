package org.ecgworkbench.synth;

import java.util.Arrays;
import java.util.List;

/**
 * McSharry's dynamical model extended to three VCG components (as Sameni et al. did for
 * multichannel ECGs): a point circling the limit cycle x² + y² = 1 with angular velocity ω
 * drives three components z_X, z_Y, z_Z, each through its own Gaussian terms:
 * <pre>
 *   dx/dt = α x − ω y,   dy/dt = α y + ω x,   α = 1 − sqrt(x² + y²)
 *   dz_c/dt = − Σ_i a_i Δθ_i exp(−Δθ_i² / 2 b_i²) − (z_c − z0),   Δθ_i = (θ − θ_i) on the current beat's phase
 * </pre>
 * Integrated with the classical fourth-order Runge–Kutta method at an internal rate of at least
 * 1 kHz (a whole multiple of fs) and sampled at fs. ω is set beat by beat: 2π / RR of the beat
 * the trajectory is in, switching when the phase crosses zero (the fiducial point, QRS midpoint).
 * The Gaussian terms are kept in time units and converted to phase with that beat's ω
 * (θ_i = ω·t_i, b_i = ω·σ_i, a_i = A_i·ω / b_i²), which makes each term contribute a Gaussian
 * of peak A_i and width σ_i seconds to z whatever the heart rate. z0 = 0: baseline wander is
 * added with the measurement noise.
 */
final class DynamicalVcgModel {
    /** McSharry's relaxation of z towards z0, 1/s: a gentle high-pass like an AC-coupled amplifier's. */
    static final double RELAXATION = 1.0;
    private static final double TWO_PI = 2 * Math.PI;
    /** Terms further than this many widths from the current phase contribute under 1e-7 of their peak. */
    private static final double REACH = 6;

    private final List<Beat> beats;
    private final MorphologyBuilder.Morphologies morphologies;

    // The current beat interval's terms in phase units.
    private int interval = -1;
    private double omega;
    private int termCount;
    private int[] component = new int[64];
    private double[] centre = new double[64];
    private double[] width = new double[64];
    private double[] gain = new double[64];
    private double[] reach = new double[64];

    // Phase bookkeeping for one step: unwrapped phase and the angle it was measured at.
    private double phaseAtStepStart;
    private double angleAtStepStart;

    private DynamicalVcgModel(List<Beat> beats, MorphologyBuilder.Morphologies morphologies) {
        this.beats = beats;
        this.morphologies = morphologies;
    }

    /** The VCG (3 × samples, mV) of a record starting at time 0. */
    static double[][] integrate(List<Beat> beats, MorphologyBuilder.Morphologies morphologies, int fs, int samples) {
        return new DynamicalVcgModel(beats, morphologies).run(fs, samples);
    }

    static BeatMorphology morphologyOf(Beat beat, MorphologyBuilder.Morphologies m) {
        return switch (beat.kind()) {
            case CONDUCTED -> m.conducted();
            case PREMATURE_VENTRICULAR -> m.prematureVentricular();
            case PREMATURE_ATRIAL -> m.prematureAtrial();
            case PACED -> m.paced();
        };
    }

    private double[][] run(int fs, int samples) {
        int oversampling = Math.max(1, (int) Math.ceil(1000.0 / fs));
        double h = 1.0 / (fs * (double) oversampling);
        int k = 0;
        while (k + 2 < beats.size() && beats.get(k + 1).time() <= 0) k++;
        if (beats.get(k).time() > 0 || k + 2 >= beats.size()) {
            throw new IllegalStateException("beat schedule does not cover the record's start");
        }
        loadInterval(k);
        double phase = omega * (0 - beats.get(k).time());
        double[] s = {StrictMath.cos(phase), StrictMath.sin(phase), 0, 0, 0};
        double[] initial = valuesAt(0);
        System.arraycopy(initial, 0, s, 2, 3);

        double[][] vcg = new double[3][samples];
        double[] k1 = new double[5];
        double[] k2 = new double[5];
        double[] k3 = new double[5];
        double[] k4 = new double[5];
        double[] tmp = new double[5];
        long steps = (long) samples * oversampling;
        double angle = StrictMath.atan2(s[1], s[0]);
        for (long step = 0; step < steps; step++) {
            if (step % oversampling == 0) {
                int i = (int) (step / oversampling);
                vcg[0][i] = s[2];
                vcg[1][i] = s[3];
                vcg[2][i] = s[4];
            }
            phaseAtStepStart = phase;
            angleAtStepStart = angle;
            derivative(s, k1);
            for (int j = 0; j < 5; j++) tmp[j] = s[j] + 0.5 * h * k1[j];
            derivative(tmp, k2);
            for (int j = 0; j < 5; j++) tmp[j] = s[j] + 0.5 * h * k2[j];
            derivative(tmp, k3);
            for (int j = 0; j < 5; j++) tmp[j] = s[j] + h * k3[j];
            derivative(tmp, k4);
            for (int j = 0; j < 5; j++) s[j] += h / 6 * (k1[j] + 2 * k2[j] + 2 * k3[j] + k4[j]);
            angle = StrictMath.atan2(s[1], s[0]);
            phase = unwrapped(angle);
            if (phase >= TWO_PI) {
                // The trajectory crossed the fiducial point: the next beat sets ω and the terms.
                phase -= TWO_PI;
                loadInterval(interval + 1);
            }
        }
        return vcg;
    }

    private double unwrappedPhase(double x, double y) {
        return unwrapped(StrictMath.atan2(y, x));
    }

    private double unwrapped(double angle) {
        double d = angle - angleAtStepStart;
        if (d > Math.PI) d -= TWO_PI;
        else if (d < -Math.PI) d += TWO_PI;
        return phaseAtStepStart + d;
    }

    /** The right-hand side of the model at state s = (x, y, zX, zY, zZ). */
    private void derivative(double[] s, double[] out) {
        double x = s[0];
        double y = s[1];
        double alpha = 1 - Math.sqrt(x * x + y * y);
        out[0] = alpha * x - omega * y;
        out[1] = alpha * y + omega * x;
        double dz0 = -RELAXATION * s[2];
        double dz1 = -RELAXATION * s[3];
        double dz2 = -RELAXATION * s[4];
        double theta = unwrappedPhase(x, y);
        for (int i = 0; i < termCount; i++) {
            double d = theta - centre[i];
            if (d > reach[i] || d < -reach[i]) continue;
            double b = width[i];
            double v = gain[i] * d * StrictMath.exp(-0.5 * d * d / (b * b));
            switch (component[i]) {
                case 0 -> dz0 -= v;
                case 1 -> dz1 -= v;
                default -> dz2 -= v;
            }
        }
        out[2] = dz0;
        out[3] = dz1;
        out[4] = dz2;
    }

    /** Converts the terms of the beats around interval k (beat k to beat k+1) to phase units with ω = 2π/RR_k. */
    private void loadInterval(int k) {
        if (k < 1 || k + 2 >= beats.size()) throw new IllegalStateException("beat schedule too short for the record");
        interval = k;
        double start = beats.get(k).time();
        omega = TWO_PI / (beats.get(k + 1).time() - start);
        termCount = 0;
        for (int j = k - 1; j <= k + 2; j++) {
            Beat beat = beats.get(j);
            BeatMorphology m = morphologyOf(beat, morphologies);
            for (GaussianTerm term : m.terms()) {
                double offset = effectiveOffset(term, m, beat);
                ensureCapacity(termCount + 1);
                double b = omega * term.sigma();
                component[termCount] = term.component();
                centre[termCount] = omega * (beat.time() + offset - start);
                width[termCount] = b;
                gain[termCount] = term.amplitude() * beat.amplitudeScale() * omega / (b * b);
                reach[termCount] = REACH * b;
                termCount++;
            }
        }
    }

    static double effectiveOffset(GaussianTerm term, BeatMorphology m, Beat beat) {
        return term.repolarisation() ? m.qrsOnset() + (term.offset() - m.qrsOnset()) * beat.qtScale() : term.offset();
    }

    /**
     * The initial z: the Gaussian sum at time t minus what the relaxation has already taken
     * away, λ∫ e^(λ(s−t)) g(s) ds over the past, with each earlier wave counted as its area at
     * its centre. Starting from this steady state avoids a one-second settling drift.
     */
    private double[] valuesAt(double t) {
        double[] z = new double[3];
        for (Beat beat : beats) {
            if (beat.time() > t + 1 || beat.time() < t - 8 / RELAXATION) continue;
            BeatMorphology m = morphologyOf(beat, morphologies);
            for (GaussianTerm term : m.terms()) {
                double centre = beat.time() + effectiveOffset(term, m, beat);
                if (centre >= t) continue;
                double area = term.amplitude() * beat.amplitudeScale() * term.sigma() * Math.sqrt(2 * Math.PI);
                z[term.component()] -= RELAXATION * area * StrictMath.exp(RELAXATION * (centre - t));
            }
        }
        for (int j = interval - 1; j <= interval + 2; j++) {
            Beat beat = beats.get(j);
            BeatMorphology m = morphologyOf(beat, morphologies);
            for (GaussianTerm term : m.terms()) {
                double u = (t - beat.time() - effectiveOffset(term, m, beat)) / term.sigma();
                z[term.component()] += term.amplitude() * beat.amplitudeScale() * StrictMath.exp(-0.5 * u * u);
            }
        }
        return z;
    }

    private void ensureCapacity(int n) {
        if (n <= component.length) return;
        int size = Math.max(n, component.length * 2);
        component = Arrays.copyOf(component, size);
        centre = Arrays.copyOf(centre, size);
        width = Arrays.copyOf(width, size);
        gain = Arrays.copyOf(gain, size);
        reach = Arrays.copyOf(reach, size);
    }
}
