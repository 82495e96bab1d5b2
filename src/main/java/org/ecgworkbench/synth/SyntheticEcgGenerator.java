package org.ecgworkbench.synth;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;

/**
 * Generates synthetic 12-lead ECGs with known diagnoses. A record is a pure function of
 * (settings, index, class mix): parameters drawn by {@link RecordSpecSampler}, beats timed by
 * {@link BeatSchedule}, waves shaped by {@link MorphologyBuilder}, the VCG integrated by
 * {@link DynamicalVcgModel}, atrial f/F-waves and pacing spikes added, projected to the leads by
 * {@link DowerTransform}, noise added ({@link MeasurementNoise}) and quantised
 * ({@link TwelveLeadQuantiser}). Thread-safe: it holds no state.
 */
public final class SyntheticEcgGenerator {
    static final long CLASS_STREAM = 0;

    private SyntheticEcgGenerator() {
    }

    /** Record {@code index} of a dataset whose classes come from {@code mix}. */
    public static SyntheticEcg generate(SynthesisSettings settings, long index, ClassMix mix) {
        ClassSet classes = mix.classesFor(index, SplitMix64.forRecord(settings.seed(), index, CLASS_STREAM));
        if (mix instanceof ClassMix.Realistic) classes = classes.fittedTo(settings.durationSeconds());
        return generate(settings, index, classes);
    }

    /**
     * Record {@code index} with the given classes.
     *
     * @throws IllegalArgumentException when the record is too short for the classes
     *                                  ({@link ClassSet#minimumDurationSeconds()})
     */
    public static SyntheticEcg generate(SynthesisSettings settings, long index, ClassSet classes) {
        if (settings.durationSeconds() < classes.minimumDurationSeconds()) {
            throw new IllegalArgumentException(classes + " needs records of at least "
                    + classes.minimumDurationSeconds() + " s (premature beats of both kinds), not " + settings.durationSeconds() + " s");
        }
        return generate(RecordSpecSampler.draw(settings, index, classes));
    }

    public static SyntheticEcg generate(RecordSpec spec) {
        int fs = spec.settings().fs();
        int n = spec.settings().samples();
        MorphologyBuilder.Morphologies morphologies = MorphologyBuilder.build(spec);
        List<Beat> beats = BeatSchedule.build(spec);
        double[][] vcg = DynamicalVcgModel.integrate(beats, morphologies, fs, n);
        AtrialWaves.add(spec, beats, vcg);
        addPacingSpikes(beats, morphologies, fs, vcg);
        double[][] leads = DowerTransform.project(vcg);
        MeasurementNoise.add(spec, leads);
        List<Lead> twelve = TwelveLeadQuantiser.quantise(leads);
        EcgRecord record = new EcgRecord(spec.id(), Path.of(spec.id() + ".hea"), fs, twelve,
                OptionalDouble.of(spec.age()), Optional.of(spec.sex()), spec.classes().snomedCodes(), false,
                List.of(), Optional.empty());
        return new SyntheticEcg(spec, record, beats);
    }

    /**
     * Pacemaker spikes are not heart dipoles, so they are added after integration, sampled
     * analytically: a Gaussian of 0.6 ms (or half a sample, whichever is wider, so no spike
     * falls between samples) 4 ms before each paced QRS.
     */
    private static void addPacingSpikes(List<Beat> beats, MorphologyBuilder.Morphologies m, int fs, double[][] vcg) {
        if (m.paced() == null) return;
        double[] spike = m.paced().pacingSpike();
        double sigma = Math.max(0.0006, 0.5 / fs);
        int n = vcg[0].length;
        for (Beat beat : beats) {
            if (beat.kind() != Beat.Kind.PACED) continue;
            double centre = beat.time() + m.paced().spikeOffset();
            int from = Math.max(0, (int) Math.floor((centre - 6 * sigma) * fs));
            int to = Math.min(n - 1, (int) Math.ceil((centre + 6 * sigma) * fs));
            for (int i = from; i <= to; i++) {
                double u = (i / (double) fs - centre) / sigma;
                double g = StrictMath.exp(-0.5 * u * u);
                for (int c = 0; c < 3; c++) vcg[c][i] += spike[c] * g;
            }
        }
    }
}
