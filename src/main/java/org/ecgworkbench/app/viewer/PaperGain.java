package org.ecgworkbench.app.viewer;

import org.ecgworkbench.app.Labelled;

/** Amplitude scales a clinician can choose; 10 mm/mV is the standard. */
public enum PaperGain implements Labelled {
    HALF(5), STANDARD(10), DOUBLE(20);

    private final double mmPerMillivolt;

    PaperGain(double mmPerMillivolt) {
        this.mmPerMillivolt = mmPerMillivolt;
    }

    public double mmPerMillivolt() {
        return mmPerMillivolt;
    }

    @Override
    public String label() {
        return (int) mmPerMillivolt + " mm/mV";
    }
}
