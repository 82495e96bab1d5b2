package org.ecgworkbench.measure;

import java.util.OptionalDouble;

/**
 * The record's global intervals in ms (empty: not measurable, see the warnings of {@link Measurement}).
 *
 * @param rrMs    mean RR over all detected beats
 * @param rrSdMs  standard deviation of RR
 * @param rateBpm ventricular rate, 60000 / mean RR
 * @param pMs     P duration (global P offset − P onset on the median beat)
 * @param prMs    PR interval (global QRS onset − P onset)
 * @param qrsMs   QRS duration (global offset − onset)
 * @param qtMs    QT interval (T end − QRS onset)
 */
public record GlobalIntervals(OptionalDouble rrMs, OptionalDouble rrSdMs, OptionalDouble rateBpm, OptionalDouble pMs,
                              OptionalDouble prMs, OptionalDouble qrsMs, OptionalDouble qtMs) {
}
