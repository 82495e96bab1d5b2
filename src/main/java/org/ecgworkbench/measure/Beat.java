package org.ecgworkbench.measure;

import java.util.Objects;
import java.util.Optional;

/**
 * One detected beat.
 *
 * @param sample      fiducial sample (the detection function's peak, refined by alignment on the QRS template for typed beats)
 * @param type        its type
 * @param correlation QRS correlation with the dominant template over all leads (NaN when untyped)
 * @param fiducials   the beat's own delineation, as sample indices into the record (empty when not delineated)
 */
public record Beat(int sample, BeatType type, double correlation, Optional<Delineation> fiducials) {

    public Beat {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(fiducials, "fiducials");
    }

    public Beat(int sample, BeatType type, double correlation) {
        this(sample, type, correlation, Optional.empty());
    }
}
