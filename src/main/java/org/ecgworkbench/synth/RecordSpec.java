package org.ecgworkbench.synth;

import org.ecgworkbench.record.Sex;

/**
 * Everything drawn for one synthetic record; the generator turns it into samples. The ground
 * truth a test or a student can compare measurements with.
 *
 * @param id       record name, e.g. {@code SYN00001}
 * @param settings the dataset's settings (seed, rate, length, noise)
 * @param index    record number within the dataset, 0-based; with the seed it fixes every random draw
 * @param classes  the diagnoses, true by construction
 * @param age      years, 18-90
 * @param sex      drawn 50:50
 * @param rhythm   rhythm parameters
 * @param beat     intervals, axis and amplitudes
 * @param noise    noise amplitudes
 */
public record RecordSpec(String id, SynthesisSettings settings, long index, ClassSet classes, int age, Sex sex,
                         RhythmSpec rhythm, BeatSpec beat, NoiseSpec noise) {
}
