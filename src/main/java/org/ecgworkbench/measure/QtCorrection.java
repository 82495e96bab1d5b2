package org.ecgworkbench.measure;

/**
 * The four heart-rate corrections of QT a cart prints, each under its author's name. RR is in ms; the
 * formulas take it in seconds (Bazett, Fridericia, Framingham) or as a rate (Hodges).
 */
public enum QtCorrection {
    /** Bazett 1920: QT / sqrt(RR). */
    BAZETT("bazett"),
    /** Fridericia 1920: QT / cbrt(RR). */
    FRIDERICIA("fridericia"),
    /** Framingham (Sagie et al. 1992): QT + 154 ms x (1 - RR). */
    FRAMINGHAM("framingham"),
    /** Hodges 1983: QT + 1.75 ms x (rate - 60). */
    HODGES("hodges");

    private final String key;

    QtCorrection(String key) {
        this.key = key;
    }

    /** The name used as a JSON key and CSV column suffix. */
    public String key() {
        return key;
    }

    /** QTc in ms from QT and RR in ms. */
    public double correct(double qtMs, double rrMs) {
        if (!(rrMs > 0)) throw new IllegalArgumentException("RR must be positive: " + rrMs);
        double rrS = rrMs / 1000.0;
        return switch (this) {
            case BAZETT -> qtMs / Math.sqrt(rrS);
            case FRIDERICIA -> qtMs / Math.cbrt(rrS);
            case FRAMINGHAM -> qtMs + 154.0 * (1.0 - rrS);
            case HODGES -> qtMs + 1.75 * (60.0 / rrS - 60.0);
        };
    }
}
