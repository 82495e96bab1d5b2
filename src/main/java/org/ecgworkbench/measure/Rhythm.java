package org.ecgworkbench.measure;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.OptionalDouble;

/**
 * What the beat-by-beat analysis says about the rhythm; empty when not measurable (docs/measurements.md, "Rhythm").
 *
 * @param atrialRateBpm  atrial rate from the P waves (or flutter waves) found beat by beat
 * @param pBeatFraction  fraction of the typed beats with a P wave in front of their QRS (ventricular ones aside)
 * @param rrVariation    irregularity of RR: mean absolute successive difference over mean RR (intervals next to
 *                       ventricular or artefact beats left out)
 * @param flutterWaves   regular atrial waves at 240-340/min found between the beats (the atrial rate is then theirs)
 * @param pacedFraction  fraction of the typed beats (artefacts aside) preceded by a pacing spike
 * @param beatCounts     how many detected beats of each type (every type present, zero included)
 */
public record Rhythm(OptionalDouble atrialRateBpm, OptionalDouble pBeatFraction, OptionalDouble rrVariation,
                     boolean flutterWaves, OptionalDouble pacedFraction, Map<BeatType, Integer> beatCounts) {

    public static final Rhythm NONE = new Rhythm(OptionalDouble.empty(), OptionalDouble.empty(),
            OptionalDouble.empty());

    public Rhythm {
        EnumMap<BeatType, Integer> counts = new EnumMap<>(BeatType.class);
        for (BeatType t : BeatType.values()) counts.put(t, beatCounts.getOrDefault(t, 0));
        beatCounts = Collections.unmodifiableMap(counts);
    }

    /** The first three figures only: no flutter waves, paced fraction unknown, no beats counted. */
    public Rhythm(OptionalDouble atrialRateBpm, OptionalDouble pBeatFraction, OptionalDouble rrVariation) {
        this(atrialRateBpm, pBeatFraction, rrVariation, false, OptionalDouble.empty(), Map.of());
    }

    /** Beats of {@code type}. */
    public int count(BeatType type) {
        return beatCounts.get(type);
    }
}
