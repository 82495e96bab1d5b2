package org.ecgworkbench.measure;

import java.util.Locale;

/** What a detected beat is taken to be: prematurity and morphology against the dominant beat. */
public enum BeatType {
    /** Of the dominant morphology, not premature: used for the median beats. */
    DOMINANT,
    /** Of the dominant morphology but premature (RR below 80 % of the median RR): supraventricular. */
    PREMATURE_SUPRAVENTRICULAR,
    /**
     * A different QRS morphology (correlation to the dominant template below 0.9) or a QRS 30 ms or more wider than
     * the dominant beats': ventricular, aberrant or wide, premature or not.
     */
    VENTRICULAR_OR_WIDE,
    /** Preceded by a pacing spike (at a spike-to-QRS delay another beat shares). */
    PACED,
    /** Noise or an artefact taken for a beat: inside a noise burst, or a QRS seen in few leads only. */
    ARTEFACT,
    /** Too close to the record's edge to be typed. */
    UNTYPED;

    /** The lower-case name used in JSON and CSV. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
