package org.ecgworkbench.synth;

import java.util.List;
import org.ecgworkbench.record.EcgRecord;

/**
 * A generated record with its ground truth.
 *
 * @param spec   the drawn parameters (classes, rate, intervals, axis, noise)
 * @param record the twelve leads as a challenge record would hold them (int16 ADC at 1000/mV)
 * @param beats  every beat of the schedule (some lie just outside the record), in time order
 */
public record SyntheticEcg(RecordSpec spec, EcgRecord record, List<Beat> beats) {
    public SyntheticEcg {
        beats = List.copyOf(beats);
    }

    /** The beats whose fiducial point lies inside the record. */
    public List<Beat> beatsInside() {
        double end = record.durationSeconds();
        return beats.stream().filter(b -> b.time() >= 0 && b.time() < end).toList();
    }
}
