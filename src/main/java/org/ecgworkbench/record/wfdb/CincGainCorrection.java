package org.ecgworkbench.record.wfdb;

import java.util.Locale;
import java.util.Set;

/**
 * The named "CinC 2020 gain correction". The 2020 challenge release wrote wrong gains for three
 * sources — Georgia 4880/mV, PTB-XL 200/mV, PTB 2000000/mV — while every source stores about
 * 1000 ADC units per mV (the 2021 re-release of the same files says 1000, and measured
 * amplitudes agree). A signal stored the challenge's way ({@code .mat}, format {@code 16+24})
 * with one of those gains is read with 1000/mV instead.
 */
public final class CincGainCorrection {
    public static final double CORRECT_GAIN = 1000.0;
    private static final Set<Double> KNOWN_WRONG_GAINS = Set.of(4880.0, 200.0, 2_000_000.0);

    private CincGainCorrection() {
    }

    /** Whether this signal carries one of the known wrong gains in the challenge's file layout. */
    public static boolean appliesTo(SignalSpec signal) {
        return KNOWN_WRONG_GAINS.contains(signal.gain())
                && signal.format() == 16
                && signal.byteOffset() == 24
                && signal.samplesPerFrame() == 1
                && signal.fileName().toLowerCase(Locale.ROOT).endsWith(".mat");
    }
}
