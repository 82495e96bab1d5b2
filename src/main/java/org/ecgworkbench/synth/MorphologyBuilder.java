package org.ecgworkbench.synth;

import java.util.ArrayList;
import java.util.List;

/**
 * Builds a record's beats from its {@link BeatSpec}: the P, QRS and T waves as dipoles, the
 * class rules applied to them (bundle-branch patterns, axis, voltage, T-wave variants), then
 * each dipole split into its three VCG components, each with its own small timing offset and
 * width, so the three components are three PQRST parameter sets on one shared beat timing.
 */
final class MorphologyBuilder {
    static final long MORPHOLOGY_STREAM = 2;
    private static final double MS = 0.001;

    private final RecordSpec spec;
    private final BeatSpec beat;
    private final SplitMix64 random;
    /** Per-component timing offsets (s) for QRS waves and for P/T waves, and width factors for P/T. */
    private final double[] qrsShift = new double[3];
    private final double[] slowShift = new double[3];
    private final double[] slowWidth = new double[3];
    /** Low voltage shrinks P and T too, by the square root of the QRS factor (set with the QRS). */
    private double slowWaveScale = 1;

    private MorphologyBuilder(RecordSpec spec) {
        this.spec = spec;
        this.beat = spec.beat();
        this.random = SplitMix64.forRecord(spec.settings().seed(), spec.index(), MORPHOLOGY_STREAM);
        for (int c = 0; c < 3; c++) {
            qrsShift[c] = random.uniform(-1.5, 1.5) * MS;
            slowShift[c] = random.uniform(-6, 6) * MS;
            slowWidth[c] = random.uniform(0.9, 1.1);
        }
    }

    /** The record's kinds of beat. */
    record Morphologies(BeatMorphology conducted, BeatMorphology prematureVentricular,
                        BeatMorphology prematureAtrial, BeatMorphology paced) {
    }

    static Morphologies build(RecordSpec spec) {
        return new MorphologyBuilder(spec).build();
    }

    private Morphologies build() {
        double d = beat.qrsMs() * MS;
        double onset = -d / 2;
        double qt = beat.qtSeconds(spec.rhythm().meanRr());
        List<DipoleWave> qrs = ventricularQrs(d);
        List<DipoleWave> t = List.of(tWave(qrs, onset, d, qt));
        boolean sinus = spec.rhythm().kind() == RhythmSpec.Kind.SINUS;
        List<DipoleWave> p = sinus ? List.of(pWave(onset, beat.prMs() * MS, random.uniform(30, 70))) : List.of();
        BeatMorphology conducted = morphology(p, qrs, t, onset, d, qt, null);

        BeatMorphology paced = null;
        if (beat.conduction() == BeatSpec.Conduction.PACED) {
            double[] spike = random.unitVector();
            double amplitude = random.uniform(1.5, 4.0);
            for (int c = 0; c < 3; c++) spike[c] *= amplitude;
            paced = morphology(List.of(), qrs, t, onset, d, qt, spike);
        }
        BeatMorphology pac = null;
        if (spec.rhythm().prematureAtrial() > 0) {
            // An ectopic atrial focus low in the atria: P axis -90 to -30 degrees (inverted in II, III, aVF).
            List<DipoleWave> ectopicP = List.of(pWave(onset, random.uniform(120, 180) * MS, random.uniform(-90, -30)));
            pac = morphology(ectopicP, qrs, t, onset, d, qt, null);
        }
        BeatMorphology pvc = spec.rhythm().prematureVentricular() > 0 ? prematureVentricular(d, qt) : null;
        return new Morphologies(conducted, pvc, pac, paced);
    }

    /** The QRS of conducted (or paced) beats: the conduction pattern, then axis and voltage rules. */
    private List<DipoleWave> ventricularQrs(double d) {
        double onset = -d / 2;
        double a = beat.qrsAmplitude();
        double[] main = DipoleWave.unit(1, 1, random.uniform(0.2, 0.6));
        double[] septal = jittered(-0.55, 0.25, -0.80);
        double[] terminal = jittered(-0.35, -0.45, 0.82);
        double[] lateRight = jittered(-0.65, -0.10, -0.75);
        List<DipoleWave> rotatable = new ArrayList<>();
        List<DipoleWave> fixed = new ArrayList<>();
        switch (beat.conduction()) {
            case NORMAL -> normalActivation(rotatable, onset, d, a, main, septal, terminal);
            case INCOMPLETE_RBBB -> {
                // Left ventricle as usual in the first 78 % of the QRS, then a small late rightward-anterior force (r').
                normalActivation(rotatable, onset, 0.78 * d, a, main, septal, terminal);
                double sigma = 0.085 * d;
                fixed.add(DipoleWave.of(onset + d - 2.5 * sigma, sigma, lateRight, a * random.uniform(0.20, 0.32)));
            }
            case RBBB -> {
                // Left ventricle in 62 % of the QRS, then the right ventricle activated late and slowly:
                // a broad rightward-anterior force gives R' in V1 and the wide S in I and V6.
                normalActivation(rotatable, onset, 0.62 * d, a, main, septal, terminal);
                double sigma = 0.12 * d;
                fixed.add(DipoleWave.of(onset + d - 2.5 * sigma, sigma, lateRight, a * random.uniform(0.35, 0.55)));
            }
            case LBBB, PACED -> {
                // No septal q: the whole QRS is one slow leftward-posterior sweep in three overlapping
                // waves whose dip makes the notch of the broad R in I, aVL, V5-V6 (QS or rS in V1).
                boolean paced = beat.conduction() == BeatSpec.Conduction.PACED;
                double[] early = DipoleWave.unit(0.70, 0.15, 0.55 + random.uniform(-0.1, 0.1));
                double[] late = DipoleWave.unit(0.75, -0.05, 0.65 + random.uniform(-0.1, 0.1));
                double s1 = (paced ? 0.12 : 0.10) * d;
                double s3 = (paced ? 0.12 : 0.11) * d;
                rotatable.add(DipoleWave.of(onset + 2.5 * s1, s1, early, a * (paced ? 0.75 : 1.0)));
                rotatable.add(DipoleWave.of(onset + 0.5 * d, 0.11 * d, DipoleWave.unit(0.72, 0.05, 0.6), a * 0.55));
                rotatable.add(DipoleWave.of(onset + d - 2.5 * s3, s3, late, a * random.uniform(0.8, 1.0)));
            }
        }
        List<DipoleWave> all = new ArrayList<>(FrontalAxis.rotateTo(rotatable, fixed, beat.axisDegrees()));
        double[] limb = FrontalAxis.limbPeakToPeaks(all);
        double largest = 0;
        for (double v : limb) largest = Math.max(largest, v);
        double scale = 1;
        if (!Double.isNaN(beat.lowVoltageTarget())) {
            scale = beat.lowVoltageTarget() / largest;
        } else {
            // Never low voltage by accident, and lead II (the rhythm lead) never nearly isoelectric.
            if (largest < 0.7) scale = 0.75 / largest;
            if (limb[1] * scale < 0.4) scale = Math.min(2.5, 0.45 / limb[1]);
        }
        final double f = scale;
        all.replaceAll(w -> w.scaled(f));
        if (scale < 1) slowWaveScale = Math.sqrt(scale);
        return all;
    }

    /** Septal q (rightward-anterior), main R along the axis, terminal s (rightward-superior-posterior). */
    private void normalActivation(List<DipoleWave> out, double onset, double d, double a,
                                  double[] main, double[] septal, double[] terminal) {
        out.add(DipoleWave.of(onset + 0.20 * d, 0.075 * d, septal, random.uniform(0.10, 0.25)));
        out.add(DipoleWave.of(onset + 0.48 * d, 0.125 * d, main, a));
        out.add(DipoleWave.of(onset + 0.78 * d, 0.085 * d, terminal, random.uniform(0.15, 0.40)));
    }

    private double[] jittered(double x, double y, double z) {
        return DipoleWave.unit(x + random.uniform(-0.1, 0.1), y + random.uniform(-0.1, 0.1), z + random.uniform(-0.1, 0.1));
    }

    /** A P wave starting {@code pr} before the QRS onset (visible onset: centre − 2.5σ), 80-110 ms long. */
    private DipoleWave pWave(double qrsOnset, double pr, double axisDegrees) {
        double sigma = random.uniform(80, 110) * MS / 5;
        double axis = Math.toRadians(axisDegrees);
        double[] dir = DipoleWave.unit(StrictMath.cos(axis), StrictMath.sin(axis), random.uniform(-0.3, 0.1));
        return DipoleWave.of(qrsOnset - pr + 2.5 * sigma, sigma, dir, beat.pAmplitude() * slowWaveScale);
    }

    /**
     * The T wave ends at QRS onset + QT. Its direction: normally left, inferior and anterior
     * (upright in I, II, V2-V6); reversed for TInv, small for TAb; otherwise discordant to the
     * QRS for LBBB and paced beats and pulled away from the late right forces in RBBB.
     */
    private DipoleWave tWave(List<DipoleWave> qrs, double onset, double d, double qt) {
        double tAxis = Math.toRadians(random.uniform(20, 60));
        double[] normal = DipoleWave.unit(StrictMath.cos(tAxis), StrictMath.sin(tAxis), random.uniform(-0.6, -0.2));
        double[] dir = normal;
        switch (beat.tWave()) {
            case INVERTED -> dir = new double[] {-normal[0], -normal[1], -normal[2]};
            case FLAT -> dir = normal;
            case NORMAL -> {
                if (beat.conduction() == BeatSpec.Conduction.LBBB || beat.conduction() == BeatSpec.Conduction.PACED) {
                    double[] m = meanVector(qrs);
                    dir = DipoleWave.unit(-m[0], -m[1], -m[2]);
                } else if (beat.conduction() == BeatSpec.Conduction.RBBB) {
                    DipoleWave late = qrs.get(qrs.size() - 1); // the fixed late right-ventricular force comes last
                    double mag = late.magnitude();
                    dir = DipoleWave.unit(0.6 * normal[0] - 0.4 * late.x() / mag, 0.6 * normal[1] - 0.4 * late.y() / mag,
                            0.6 * normal[2] - 0.4 * late.z() / mag);
                }
            }
        }
        return tWaveAt(onset, d, qt, dir, beat.tAmplitude() * slowWaveScale, beat.qtcMs() > 460 ? 0.060 : 0.050);
    }

    /**
     * T end is where the tangent at the T wave's steepest descent meets the baseline, the way QT
     * is measured clinically: for a Gaussian of width σ that is the centre + 2σ.
     */
    private static DipoleWave tWaveAt(double onset, double d, double qt, double[] dir, double amplitude, double maxSigma) {
        double sigma = Math.max(0.018, Math.min(maxSigma, 0.15 * (qt - d)));
        // Keep an ST segment of at least 20 ms at fast rates (the T wave rises from centre - 2.5σ).
        sigma = Math.max(0.012, Math.min(sigma, (qt - d - 0.020) / 4.5));
        return DipoleWave.of(onset + qt - 2 * sigma, sigma, dir, amplitude);
    }

    /** Area-weighted mean QRS vector. */
    private static double[] meanVector(List<DipoleWave> waves) {
        double[] m = new double[3];
        for (DipoleWave w : waves) {
            double a = w.areaFactor();
            m[0] += a * w.x();
            m[1] += a * w.y();
            m[2] += a * w.z();
        }
        return m;
    }

    /**
     * A unifocal premature ventricular beat: wide (130-170 ms), from a random focus (any
     * direction, 1.5-2.8 mV) in two slow waves, no P, T discordant to the QRS.
     */
    private BeatMorphology prematureVentricular(double sinusQrs, double qt) {
        double d = random.uniform(130, 170) * MS;
        double onset = -d / 2;
        double[] focus = random.unitVector();
        double[] bend = random.unitVector();
        double[] second = DipoleWave.unit(focus[0] + 0.8 * bend[0], focus[1] + 0.8 * bend[1], focus[2] + 0.8 * bend[2]);
        double a = random.uniform(1.5, 2.8);
        List<DipoleWave> qrs = List.of(
                DipoleWave.of(onset + 0.30 * d, 0.12 * d, focus, a),
                DipoleWave.of(onset + d - 0.325 * d, 0.13 * d, second, 0.7 * a));
        double[] m = meanVector(qrs);
        DipoleWave t = tWaveAt(onset, d, qt + (d - sinusQrs), DipoleWave.unit(-m[0], -m[1], -m[2]),
                random.uniform(0.3, 0.6), 0.060);
        return morphology(List.of(), qrs, List.of(t), onset, d, qt + (d - sinusQrs), null);
    }

    /** Splits the dipoles into per-component Gaussian terms with the record's component offsets. */
    private BeatMorphology morphology(List<DipoleWave> p, List<DipoleWave> qrs, List<DipoleWave> t, double onset,
                                      double d, double qt, double[] spike) {
        List<GaussianTerm> terms = new ArrayList<>();
        for (DipoleWave w : p) addTerms(terms, w, slowShift, slowWidth, false);
        for (DipoleWave w : qrs) addTerms(terms, w, qrsShift, null, false);
        for (DipoleWave w : t) addTerms(terms, w, slowShift, slowWidth, true);
        double pOnset = p.isEmpty() ? Double.NaN : p.get(0).offset() - 2.5 * p.get(0).sigma();
        return new BeatMorphology(terms, onset, onset + d, pOnset, onset + qt, spike);
    }

    private static void addTerms(List<GaussianTerm> out, DipoleWave w, double[] shift, double[] width, boolean repolarisation) {
        for (int c = 0; c < 3; c++) {
            double amplitude = w.component(c);
            if (amplitude == 0) continue;
            double sigma = width == null ? w.sigma() : w.sigma() * width[c];
            out.add(new GaussianTerm(c, w.offset() + shift[c], sigma, amplitude, repolarisation));
        }
    }
}
