package org.ecgworkbench.record.wfdb;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.record.PlainNumber;
import org.ecgworkbench.record.ReadOptions;
import org.ecgworkbench.record.RecordFormatException;

/**
 * A WFDB record in millivolts: its signal files read, each signal scaled by its gain, baseline and units,
 * the CinC 2020 gain correction applied, then assembled as every format's record is
 * ({@link EcgRecordReader#assemble}). {@link EcgRecordReader} calls it for a record with a header.
 */
public final class WfdbRecordReader {

    private WfdbRecordReader() {
    }

    /** The record {@code header} describes, its signals read in millivolts (the header parsed from {@code headerFile}). */
    public static EcgRecord read(Path headerFile, WfdbHeader header, ReadOptions options) throws RecordFormatException {
        WfdbSignalReader.Samples samples = WfdbSignalReader.read(headerFile, header);
        List<String> warnings = new ArrayList<>(header.warnings());
        warnings.addAll(samples.warnings());

        List<Lead> leads = new ArrayList<>();
        int corrected = 0;
        double wrongGain = 0;
        for (int i = 0; i < header.signals().size(); i++) {
            SignalSpec spec = header.signals().get(i);
            double gain = spec.gain();
            if (options.cinc2020GainCorrection() && CincGainCorrection.appliesTo(spec)) {
                wrongGain = gain;
                gain = CincGainCorrection.CORRECT_GAIN;
                corrected++;
            }
            double scale = millivoltsPerUnit(spec.units());
            if (Double.isNaN(scale)) {
                warnings.add("signal " + (i + 1) + ": units '" + spec.units() + "' are not a voltage; values kept as written");
                scale = 1;
            }
            int[] adc = samples.adc()[i];
            float[] mv = new float[adc.length];
            double factor = scale / gain;
            // In long: an ADC value minus a baseline may not fit an int.
            for (int j = 0; j < adc.length; j++) mv[j] = (float) (((long) adc[j] - spec.baseline()) * factor);
            int bad = firstNonFinite(mv);
            if (bad >= 0) {
                throw new RecordFormatException(headerFile, "gain of signal " + (i + 1), "gain " + PlainNumber.format(gain)
                        + " with baseline " + spec.baseline() + " makes sample " + (bad + 1) + " (" + adc[bad] + ") " + mv[bad]
                        + " mV: not a finite value");
            }
            String name = spec.description().isEmpty() ? "signal " + (i + 1) : spec.description();
            leads.add(new Lead(LeadName.normalise(name), name, gain / scale, spec.baseline(), spec.units(), mv, adc,
                    samples.checksumOk().get(i)));
        }
        if (corrected > 0) {
            warnings.add("CinC 2020 gain correction: header gain " + PlainNumber.format(wrongGain) + "/mV of " + corrected
                    + " signal(s) read as " + PlainNumber.format(CincGainCorrection.CORRECT_GAIN) + "/mV");
        }
        HeaderComments comments = header.parsedComments();
        return EcgRecordReader.assemble(header.recordId(), headerFile, header.samplingFrequency() * samples.samplesPerFrame(), leads,
                comments.age(), comments.sex(), comments.dx(), corrected > 0, warnings, Optional.of(header));
    }

    /** Millivolts per physical unit, NaN for units that are not a voltage. */
    static double millivoltsPerUnit(String units) {
        String u = units.strip();
        return switch (u.toLowerCase(Locale.ROOT)) {
            case "mv", "millivolt", "millivolts" -> 1.0;
            case "uv", "µv", "μv", "microvolt", "microvolts" -> 1e-3;
            case "nv" -> 1e-6;
            case "v", "volt", "volts" -> 1e3;
            default -> Double.NaN;
        };
    }

    /** Index of the first NaN or infinite value, -1 when all are finite. */
    private static int firstNonFinite(float[] values) {
        for (int j = 0; j < values.length; j++) {
            if (!Float.isFinite(values[j])) return j;
        }
        return -1;
    }
}
