package org.ecgworkbench.measure.reference;

/** The WFDB library's annotation codes (ecgcodes.h) as their one-character mnemonics. */
public final class AnnotationCodes {

    /** Code of {@code N}, a normal beat (LUDB marks every QRS peak with it). */
    public static final int NORMAL = 1;
    /** Code of {@code p}, a P-wave peak. */
    public static final int P_WAVE = 24;
    /** Code of {@code t}, a T-wave peak. */
    public static final int T_WAVE = 27;
    /** Code of {@code (}, a waveform onset. */
    public static final int WAVE_ONSET = 39;
    /** Code of {@code )}, a waveform offset. */
    public static final int WAVE_OFFSET = 40;
    /** Highest code an annotation (rather than a pseudo-annotation) may carry. */
    public static final int MAX_CODE = 49;

    // Index = code. Unused codes are "?<code>" so nothing is silently merged.
    private static final String[] SYMBOLS = {
        " ", "N", "L", "R", "a", "V", "F", "J", "A", "S",
        "E", "j", "/", "Q", "~", "?15", "|", "?17", "s", "T",
        "*", "D", "\"", "=", "p", "B", "^", "t", "+", "u",
        "?", "!", "[", "]", "e", "n", "@", "x", "f", "(",
        ")", "r", "?42", "?43", "?44", "?45", "?46", "?47", "?48", "?49"
    };

    private AnnotationCodes() {
    }

    /** The mnemonic of {@code code}; codes outside 0..49 read as {@code "?<code>"}. */
    public static String symbol(int code) {
        return code >= 0 && code < SYMBOLS.length ? SYMBOLS[code] : "?" + code;
    }
}
