package org.ecgworkbench.measure.reference;

/** The waves LUDB's cardiologists annotated, with the annotation code of their peak mark. */
public enum WaveKind {
    P(AnnotationCodes.P_WAVE), QRS(AnnotationCodes.NORMAL), T(AnnotationCodes.T_WAVE);

    private final int peakCode;

    WaveKind(int peakCode) {
        this.peakCode = peakCode;
    }

    /** The kind whose peak carries {@code code}, or null. */
    public static WaveKind ofPeakCode(int code) {
        for (WaveKind k : values()) {
            if (k.peakCode == code) return k;
        }
        return null;
    }
}
