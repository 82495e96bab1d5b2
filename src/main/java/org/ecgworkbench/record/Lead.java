package org.ecgworkbench.record;

import java.util.Optional;

/**
 * One signal of a record: its samples in physical millivolts and, when the source stores
 * integers, the raw ADC values with the calibration that maps one onto the other.
 *
 * @param name          normalised name ({@code I}, {@code aVR}, {@code V1}; other signals as written)
 * @param sourceName    name as the file wrote it
 * @param gain          ADC units per millivolt actually used (after any gain correction)
 * @param baseline      ADC value of 0 mV
 * @param units         physical units of the source ("mV", "uV", ...); samples are always in mV
 * @param millivolts    the samples in mV
 * @param adc           raw ADC values, or null when the source stores physical values (CPSC MAT v5)
 * @param checksumOk    whether the header's checksum matched the samples; empty when there was none to check
 */
public record Lead(
        String name,
        String sourceName,
        double gain,
        int baseline,
        String units,
        float[] millivolts,
        int[] adc,
        Optional<Boolean> checksumOk) {

    public int length() {
        return millivolts.length;
    }

    public Optional<LeadName> standardLead() {
        return LeadName.parse(name);
    }

    /** Smallest raw value, or empty without raw values. */
    public Optional<Integer> adcMin() {
        if (adc == null || adc.length == 0) return Optional.empty();
        int m = Integer.MAX_VALUE;
        for (int v : adc) m = Math.min(m, v);
        return Optional.of(m);
    }

    public Optional<Integer> adcMax() {
        if (adc == null || adc.length == 0) return Optional.empty();
        int m = Integer.MIN_VALUE;
        for (int v : adc) m = Math.max(m, v);
        return Optional.of(m);
    }

    /** Peak-to-peak amplitude in mV. */
    public double peakToPeak() {
        if (millivolts.length == 0) return 0;
        float lo = Float.POSITIVE_INFINITY;
        float hi = Float.NEGATIVE_INFINITY;
        for (float v : millivolts) {
            if (v < lo) lo = v;
            if (v > hi) hi = v;
        }
        return (double) hi - lo;
    }
}
