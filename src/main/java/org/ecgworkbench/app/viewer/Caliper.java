package org.ecgworkbench.app.viewer;

import java.util.Locale;

/**
 * A caliper laid on the paper between two points (pixels), with what the distance means at the
 * paper's speed and gain.
 *
 * @param x1 start x
 * @param y1 start y
 * @param x2 end x
 * @param y2 end y
 * @param deltaMs      horizontal distance in milliseconds (always ≥ 0)
 * @param deltaMv      vertical distance in millivolts, end minus start (up is positive)
 */
public record Caliper(double x1, double y1, double x2, double y2, double deltaMs, double deltaMv) {

    public static Caliper between(EcgPaperLayout layout, double x1, double y1, double x2, double y2) {
        return new Caliper(x1, y1, x2, y2, layout.millisecondsOf(Math.abs(x2 - x1)), layout.millivoltsOf(y2 - y1));
    }

    /** Heart rate if the span is one RR interval, in beats per minute; NaN for a zero span. */
    public double heartRateBpm() {
        return deltaMs > 0 ? 60_000 / deltaMs : Double.NaN;
    }

    /** "Δt 812 ms · ΔV 1.23 mV · 74 bpm". */
    public String readout() {
        String rate = Double.isNaN(heartRateBpm()) ? "–" : String.format(Locale.ROOT, "%.0f", heartRateBpm());
        return intervalReadout() + " · " + rate + " bpm";
    }

    /** "Δt 138 ms · ΔV 0.00 mV": between two different fiducials (a PR, a QT) a rate would mean nothing. */
    public String intervalReadout() {
        double dv = Math.abs(deltaMv) < 0.005 ? 0 : deltaMv;   // no "-0.00"
        return String.format(Locale.ROOT, "Δt %.0f ms · ΔV %.2f mV", deltaMs, dv);
    }
}
