package org.ecgworkbench.synth;

/**
 * One Gaussian term of the dynamical model for one VCG component: McSharry's (θi, ai, bi) held
 * in time units (offset from the beat's fiducial point and width in seconds, peak in mV) so
 * that clinical intervals stay in milliseconds whatever the heart rate; the integrator turns
 * them into phase units beat by beat.
 *
 * @param component      0 = X, 1 = Y, 2 = Z
 * @param offset         centre relative to the beat's fiducial point, s
 * @param sigma          width, s
 * @param amplitude      peak, mV
 * @param repolarisation whether the term belongs to the T wave, whose distance from the QRS
 *                       onset follows the preceding RR interval (Bazett), as McSharry's
 *                       sqrt(heart rate) scaling of the T wave's phase does
 */
record GaussianTerm(int component, double offset, double sigma, double amplitude, boolean repolarisation) {
}
