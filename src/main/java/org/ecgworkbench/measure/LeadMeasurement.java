package org.ecgworkbench.measure;

import java.util.OptionalDouble;

/**
 * One lead's waves on its median beat. Amplitudes in mV from the isoelectric level (Q and S negative or zero),
 * durations in ms; empty when the wave is absent or cannot be measured.
 */
public record LeadMeasurement(String lead,
                              OptionalDouble pMv, OptionalDouble pMs,
                              OptionalDouble qMv, OptionalDouble qMs,
                              OptionalDouble rMv, OptionalDouble rMs,
                              OptionalDouble sMv, OptionalDouble sMs,
                              OptionalDouble rPrimeMv, OptionalDouble rPrimeMs,
                              OptionalDouble sPrimeMv, OptionalDouble sPrimeMs,
                              OptionalDouble tMv,
                              OptionalDouble stJMv, OptionalDouble stJ60Mv) {

    /** This lead's durations with every amplitude left out (for a record whose amplitudes cannot be trusted). */
    public LeadMeasurement durationsOnly() {
        OptionalDouble none = OptionalDouble.empty();
        return new LeadMeasurement(lead, none, pMs, none, qMs, none, rMs, none, sMs, none, rPrimeMs, none, sPrimeMs,
                none, none, none);
    }
}
