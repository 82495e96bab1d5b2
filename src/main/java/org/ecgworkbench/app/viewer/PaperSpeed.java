package org.ecgworkbench.app.viewer;

import org.ecgworkbench.app.Labelled;

/** Paper speeds a clinician can choose; 25 mm/s is the standard. */
public enum PaperSpeed implements Labelled {
    SLOW(12.5), STANDARD(25), FAST(50);

    private final double mmPerSecond;

    PaperSpeed(double mmPerSecond) {
        this.mmPerSecond = mmPerSecond;
    }

    public double mmPerSecond() {
        return mmPerSecond;
    }

    @Override
    public String label() {
        return (mmPerSecond == Math.rint(mmPerSecond) ? String.valueOf((int) mmPerSecond) : String.valueOf(mmPerSecond)) + " mm/s";
    }
}
