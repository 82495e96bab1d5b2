package org.ecgworkbench.synth;

/**
 * The rhythm of one record.
 *
 * @param kind             what drives the ventricles
 * @param heartRate        mean ventricular rate over the record, bpm (exact for regular rhythms and AF;
 *                         premature atrial beats shorten the mean RR a little, the median stays)
 * @param rrCv             coefficient of variation of the RR intervals inside the record
 * @param lfHfRatio        McSharry's LF/HF power ratio of the RR spectrum (sinus rhythms)
 * @param mayerHz          low-frequency (Mayer wave) peak of the RR spectrum, Hz
 * @param respiratoryHz    high-frequency (respiratory) peak, also the rate of baseline wander and amplitude modulation
 * @param atrialRateHz     AF: dominant f-wave frequency; flutter: F-wave rate; otherwise 0
 * @param conductionRatio  flutter: F-waves per QRS (2 or 4); otherwise 1
 * @param atrialAmplitude  f/F-wave dipole amplitude, mV (0 without atrial fibrillation or flutter)
 * @param prematureVentricular premature ventricular beats to place in the record
 * @param prematureAtrial  premature atrial beats to place in the record
 */
public record RhythmSpec(Kind kind, double heartRate, double rrCv, double lfHfRatio, double mayerHz,
                         double respiratoryHz, double atrialRateHz, int conductionRatio, double atrialAmplitude,
                         int prematureVentricular, int prematureAtrial) {

    /** The pacemaker of the ventricles. */
    public enum Kind { SINUS, ATRIAL_FIBRILLATION, ATRIAL_FLUTTER, VENTRICULAR_PACING }

    public double meanRr() {
        return 60.0 / heartRate;
    }
}
