package org.ecgworkbench.record.wfdb;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * One signal line of a WFDB header, with the specification's defaults already applied.
 *
 * @param fileName        signal file the samples live in (relative to the header)
 * @param format          WFDB storage format (16, 212, 80, 24, ...)
 * @param samplesPerFrame samples of this signal per frame (the {@code x} suffix, default 1)
 * @param skew            skew in frames (the {@code :} suffix, default 0)
 * @param byteOffset      bytes to skip at the start of the file (the {@code +} suffix, default 0)
 * @param gain            ADC units per physical unit; 200 when missing or zero
 * @param gainGiven       whether the header gave a non-zero gain (false: uncalibrated, default used)
 * @param baseline        ADC value of physical zero; adcZero when missing
 * @param units           physical units ("mV" when missing)
 * @param adcResolution   bits of resolution (12 when missing or zero)
 * @param adcZero         ADC value at the middle of its range (default 0)
 * @param initialValue    value of the first sample, when given (the specification's default is adcZero)
 * @param checksum        16-bit sum of all samples, when given
 * @param blockSize       block size (default 0)
 * @param description     signal description, normally the lead name ("" when missing)
 */
public record SignalSpec(
        String fileName,
        int format,
        int samplesPerFrame,
        int skew,
        long byteOffset,
        double gain,
        boolean gainGiven,
        int baseline,
        String units,
        int adcResolution,
        int adcZero,
        OptionalInt initialValue,
        OptionalInt checksum,
        int blockSize,
        String description) {

    public static final double DEFAULT_GAIN = 200.0;
    public static final int DEFAULT_ADC_RESOLUTION = 12;
    public static final String DEFAULT_UNITS = "mV";

    /** The format field as written in a header, e.g. {@code 16+24} or {@code 16x2:1+512}. */
    public String formatField() {
        StringBuilder sb = new StringBuilder().append(format);
        if (samplesPerFrame != 1) sb.append('x').append(samplesPerFrame);
        if (skew != 0) sb.append(':').append(skew);
        if (byteOffset != 0) sb.append('+').append(byteOffset);
        return sb.toString();
    }

    /** The description when present, for messages. */
    public Optional<String> label() {
        return description.isEmpty() ? Optional.empty() : Optional.of(description);
    }
}
