package org.ecgworkbench.measure;

import java.util.OptionalDouble;

/**
 * Voltage criteria of left ventricular hypertrophy in mV; empty when a lead they need is missing.
 *
 * @param sokolowLyonMv S in V1 + the larger R of V5 and V6 (Sokolow and Lyon 1949)
 * @param cornellMv     R in aVL + S in V3 (Casale et al. 1985)
 */
public record Voltages(OptionalDouble sokolowLyonMv, OptionalDouble cornellMv) {

    public static final Voltages NONE = new Voltages(OptionalDouble.empty(), OptionalDouble.empty());
}
