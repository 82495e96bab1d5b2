package org.ecgworkbench.synth;

/**
 * Measurement noise of one record, per lead amplitudes in mV.
 *
 * @param whiteMv      standard deviation of white (electronic, quantisation-like) noise
 * @param wanderMv     respiratory baseline wander amplitude (at the respiratory rate)
 * @param driftMv      slow electrode drift amplitude (0.03-0.1 Hz)
 * @param driftHz      drift frequency
 * @param powerlineHz  mains frequency, 0 for none
 * @param powerlineMv  mains amplitude
 */
public record NoiseSpec(double whiteMv, double wanderMv, double driftMv, double driftHz, double powerlineHz,
                        double powerlineMv) {
    public static final NoiseSpec NONE = new NoiseSpec(0, 0, 0, 0.05, 0, 0);
}
