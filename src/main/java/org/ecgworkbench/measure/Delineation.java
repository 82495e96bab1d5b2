package org.ecgworkbench.measure;

/**
 * Global fiducials of a beat, as indices into the rows they were found on (a median beat, or the record for one
 * beat); -1 when absent (no P wave, no T end found).
 * Being taken from all leads at once, onsets are the earliest and offsets the latest over the leads.
 */
public record Delineation(int pOnset, int pOffset, int qrsOnset, int qrsOffset, int tPeak, int tEnd) {

    public boolean hasP() {
        return pOnset >= 0 && pOffset > pOnset;
    }

    public boolean hasTEnd() {
        return tEnd >= 0;
    }
}
