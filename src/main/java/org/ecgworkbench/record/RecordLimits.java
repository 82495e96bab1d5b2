package org.ecgworkbench.record;

/** Bounds that keep a corrupt or hostile file from driving allocation. */
final class RecordLimits {
    /** Samples over all signals of one record: ~100 M (a day of 3-lead Holter at 360 Hz fits). */
    static final long MAX_TOTAL_SAMPLES = 100_000_000L;

    private RecordLimits() {
    }
}
