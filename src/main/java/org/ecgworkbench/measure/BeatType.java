package org.ecgworkbench.measure;

/** What a detected beat is taken to be (a first typing: prematurity and morphology against the dominant beat). */
public enum BeatType {
    /** Of the dominant morphology, not premature: used for the median beats. */
    DOMINANT,
    /** Of the dominant morphology but premature (RR below 80 % of the median RR). */
    PREMATURE,
    /** A different QRS morphology (correlation to the dominant template below 0.9): ventricular, aberrant or wide. */
    OTHER_MORPHOLOGY,
    /** Too close to the record's edge to be typed. */
    UNTYPED
}
