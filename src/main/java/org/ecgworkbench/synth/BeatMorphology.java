package org.ecgworkbench.synth;

import java.util.List;

/**
 * The waves of one kind of beat, relative to its fiducial point (the QRS midpoint, where the
 * limit-cycle phase crosses zero).
 *
 * @param terms      Gaussian terms of the three VCG components
 * @param qrsOnset   QRS onset relative to the fiducial point, s (negative)
 * @param qrsEnd     QRS end relative to the fiducial point, s
 * @param pOnset     P onset relative to the fiducial point, s; NaN without a P wave
 * @param tEnd       T end relative to the fiducial point, s (for a beat at the mean RR)
 * @param pacingSpike dipole of the pacing spike just before the QRS, or null for an intrinsic beat
 */
record BeatMorphology(List<GaussianTerm> terms, double qrsOnset, double qrsEnd, double pOnset, double tEnd,
                      double[] pacingSpike) {
    BeatMorphology {
        terms = List.copyOf(terms);
    }

    /** Time of the pacing spike relative to the fiducial point. */
    double spikeOffset() {
        return qrsOnset - 0.004;
    }
}
