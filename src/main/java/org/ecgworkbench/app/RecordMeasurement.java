package org.ecgworkbench.app;

import java.util.Objects;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.record.EcgRecord;

/**
 * A record's measurement with the record it was made on, so the viewer draws fiducials only on the record they
 * belong to (the measurements room computes it; MainViewModel hands it to the viewer).
 */
public record RecordMeasurement(EcgRecord record, Measurement measurement) {

    public RecordMeasurement {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(measurement, "measurement");
    }
}
