package org.ecgworkbench.dataset;

import java.util.Arrays;
import java.util.Objects;

/**
 * A record of the training index with its targets: one 0/1 float per scored class
 * (24, in the order of {@code DiagnosisCatalogue.standard().scoredClasses()}), the form the loss takes.
 *
 * @param record the scan entry (path, id, demographics, {@code #Dx})
 * @param labels 24 floats, 1 for a present class; copied in and out, so the value stays immutable
 */
public record LabelledRecord(IndexedRecord record, float[] labels) {

    public LabelledRecord {
        Objects.requireNonNull(record, "record");
        labels = Objects.requireNonNull(labels, "labels").clone();
    }

    @Override
    public float[] labels() {
        return labels.clone();
    }

    public String id() {
        return record.id();
    }

    /** Whether class {@code c} is present (no copy, for loops over many records). */
    public boolean positive(int c) {
        return labels[c] > 0.5f;
    }

    public int classes() {
        return labels.length;
    }

    /** True when no class is present (an all-negative record). */
    public boolean unlabelled() {
        for (float f : labels) if (f > 0.5f) return false;
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelledRecord other && record.equals(other.record) && Arrays.equals(labels, other.labels);
    }

    @Override
    public int hashCode() {
        return 31 * record.hashCode() + Arrays.hashCode(labels);
    }

    @Override
    public String toString() {
        return "LabelledRecord[" + record.id() + ", " + Arrays.toString(labels) + "]";
    }
}
