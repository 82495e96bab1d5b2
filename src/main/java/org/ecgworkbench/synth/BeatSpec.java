package org.ecgworkbench.synth;

/**
 * The clinical intervals, axis and amplitudes of the record's conducted beats.
 *
 * @param conduction      ventricular activation pattern
 * @param tWave           T-wave variant
 * @param prMs            PR interval (P onset to QRS onset), ms; NaN without a conducted P wave
 * @param qrsMs           QRS duration, ms
 * @param qtcMs           QTc by Bazett (QT / sqrt(RR)), ms
 * @param axisDegrees     frontal QRS axis (hexaxial: lead I at 0, aVF at +90), from the net QRS area in I and aVF
 * @param qrsAmplitude    main QRS dipole, mV
 * @param tAmplitude      T dipole, mV
 * @param pAmplitude      P dipole, mV (0 without P)
 * @param lowVoltageTarget largest limb-lead QRS peak-to-peak after scaling, mV; NaN when not low voltage
 */
public record BeatSpec(Conduction conduction, TWave tWave, double prMs, double qrsMs, double qtcMs, double axisDegrees,
                       double qrsAmplitude, double tAmplitude, double pAmplitude, double lowVoltageTarget) {

    /** How the ventricles are activated. */
    public enum Conduction { NORMAL, INCOMPLETE_RBBB, RBBB, LBBB, PACED }

    /** T-wave variant. */
    public enum TWave { NORMAL, INVERTED, FLAT }

    /** QT for a given RR (s), by Bazett. */
    public double qtSeconds(double rrSeconds) {
        return qtcMs / 1000.0 * Math.sqrt(rrSeconds);
    }
}
