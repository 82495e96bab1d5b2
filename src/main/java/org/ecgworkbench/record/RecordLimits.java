package org.ecgworkbench.record;

import java.util.Locale;

/**
 * Bounds every record must keep, whatever reader it came through: they keep a corrupt or hostile
 * file from driving allocation, and keep absurd calibration (a gain of 1e-300, a rate of 1e-300 Hz)
 * from turning into infinite samples that the commands would report as a clean result. A value
 * outside them is refused at read time with the field named; a value inside them that is still
 * implausible for an ECG (e.g. the median lead amplitude) gets a warning instead (docs/formats.md).
 */
public final class RecordLimits {
    /** Samples over all signals of one record: ~100 M (a day of 3-lead Holter at 360 Hz fits). */
    public static final long MAX_TOTAL_SAMPLES = 100_000_000L;
    /** Sampling frequency, Hz, after samples per frame: far beyond any ECG, yet below any rate that makes no sense. */
    public static final double MIN_SAMPLING_FREQUENCY_HZ = 0.001;
    public static final double MAX_SAMPLING_FREQUENCY_HZ = 100_000;
    /**
     * ADC units per physical unit. Real gains run from about 1 (µV units) to a few million (V units);
     * within these bounds every 32-bit ADC value maps to a finite millivolt value.
     */
    public static final double MIN_GAIN = 1e-6;
    public static final double MAX_GAIN = 1e12;

    private RecordLimits() {
    }

    /** Null when {@code fs} is inside the bounds, else why not. */
    public static String samplingFrequencyProblem(double fs) {
        if (!Double.isFinite(fs)) return fs + " is not a finite number";
        if (fs < MIN_SAMPLING_FREQUENCY_HZ || fs > MAX_SAMPLING_FREQUENCY_HZ) {
            return String.format(Locale.ROOT, "%s Hz is outside [%s, %s] Hz", PlainNumber.format(fs),
                    PlainNumber.format(MIN_SAMPLING_FREQUENCY_HZ), PlainNumber.format(MAX_SAMPLING_FREQUENCY_HZ));
        }
        return null;
    }

    /** Null when {@code gain} is inside the bounds, else why not. */
    public static String gainProblem(double gain) {
        if (!Double.isFinite(gain)) return gain + " is not a finite number";
        if (gain < 0) return PlainNumber.format(gain) + " is negative (ADC units per physical unit must be > 0)";
        if (gain < MIN_GAIN || gain > MAX_GAIN) {
            return PlainNumber.format(gain) + " is outside [" + PlainNumber.format(MIN_GAIN) + ", "
                    + PlainNumber.format(MAX_GAIN) + "] ADC units per physical unit";
        }
        return null;
    }
}
