package org.ecgworkbench.measure;

import java.util.OptionalDouble;

/**
 * What the beat-by-beat analysis says about the rhythm; empty when not measurable.
 *
 * @param atrialRateBpm  atrial rate from the P waves (or flutter/fibrillatory waves) found beat by beat
 * @param pBeatFraction  fraction of the typed beats with a P wave in front of their QRS
 * @param rrVariation    irregularity of RR: mean absolute successive difference over mean RR
 */
public record Rhythm(OptionalDouble atrialRateBpm, OptionalDouble pBeatFraction, OptionalDouble rrVariation) {

    public static final Rhythm NONE = new Rhythm(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty());
}
