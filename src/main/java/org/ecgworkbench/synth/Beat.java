package org.ecgworkbench.synth;

/**
 * One heartbeat of a record.
 *
 * @param time            fiducial time (QRS midpoint), s from the record's first sample
 * @param kind            which morphology it has
 * @param amplitudeScale  respiratory modulation of the beat's amplitude (about 1)
 * @param qtScale         QT adaptation to the preceding RR: sqrt(RR before / mean RR), clamped to 0.8-1.2
 */
public record Beat(double time, Kind kind, double amplitudeScale, double qtScale) {

    /** Beat kinds. */
    public enum Kind { CONDUCTED, PREMATURE_VENTRICULAR, PREMATURE_ATRIAL, PACED }

    Beat at(double newTime) {
        return new Beat(newTime, kind, amplitudeScale, qtScale);
    }

    Beat withQtScale(double q) {
        return new Beat(time, kind, amplitudeScale, q);
    }

    public boolean premature() {
        return kind == Kind.PREMATURE_VENTRICULAR || kind == Kind.PREMATURE_ATRIAL;
    }
}
