package org.ecgworkbench.dataset;

/**
 * How a tensor cache stores samples. float16 (IEEE 754 half) halves the file (the full challenge set
 * ≈ 5 GB instead of ≈ 10 GB) at a relative error of at most 2^-11 (≈ 0.5 µV on a 1 mV wave), far
 * below the signals' own quantisation; training still runs in float32.
 */
public enum CachePrecision {
    FLOAT32(4),
    FLOAT16(2);

    private final int bytes;

    CachePrecision(int bytes) {
        this.bytes = bytes;
    }

    /** Bytes per stored value. */
    public int bytes() {
        return bytes;
    }
}
