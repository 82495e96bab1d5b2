package org.ecgworkbench.measure;

/**
 * One detected beat.
 *
 * @param sample      fiducial sample (the detection function's peak, refined by alignment for dominant beats)
 * @param type        its type
 * @param correlation QRS correlation with the dominant template over all leads (NaN when untyped)
 */
public record Beat(int sample, BeatType type, double correlation) {
}
