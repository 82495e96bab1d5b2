package org.ecgworkbench.record.wfdb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.PlainNumber;
import org.ecgworkbench.record.Sex;

/**
 * Writes a record in the PhysioNet/CinC Challenge 2020 layout: {@code ID.hea} plus a MATLAB
 * level 4 {@code ID.mat} holding one int16 matrix {@code val} (leads × samples), described in
 * the header as format {@code 16+24}. A challenge record read with its gains as written and
 * written back comes out byte-identical.
 */
public final class ChallengeRecordWriter {
    private static final int MAT4_INT16_FULL = 30; // MOPT: little-endian, int16, full matrix
    private static final byte[] VAL_NAME = {'v', 'a', 'l', 0};
    /** Gain used when samples must be quantised from millivolts (sources without raw ADC values). */
    private static final double QUANTISATION_GAIN = 1000.0;

    private ChallengeRecordWriter() {
    }

    /**
     * Writes {@code headerFile} and the {@code .mat} beside it (same stem, which becomes the record name).
     *
     * @param replace whether existing files may be replaced
     */
    /** About the two files' size: the header and int16 samples, leads × samples (for the disk check). */
    public static long estimatedBytes(EcgRecord record) {
        return 4096 + (long) record.samples() * record.leads().size() * Short.BYTES;
    }

    public static void write(EcgRecord record, Path headerFile, boolean replace) throws IOException {
        String name = headerFile.getFileName().toString();
        String stem = name.toLowerCase(Locale.ROOT).endsWith(".hea") ? name.substring(0, name.length() - 4) : name;
        Path hea = headerFile.resolveSibling(stem + ".hea");
        Path mat = headerFile.resolveSibling(stem + ".mat");
        AtomicFiles.requireAbsent(replace, hea, mat);
        List<int[]> adc = new ArrayList<>();
        WfdbHeader header = headerFor(record, stem, adc);
        byte[] matBytes = mat4(adc, record.samples());
        AtomicFiles.write(mat, replace, out -> out.write(matBytes));
        AtomicFiles.write(hea, replace, out -> out.write(WfdbHeaderWriter.format(header).getBytes(StandardCharsets.UTF_8)));
    }

    /** The header describing the record as written; fills {@code adcOut} with the int16 samples per lead. */
    static WfdbHeader headerFor(EcgRecord record, String stem, List<int[]> adcOut) {
        Optional<WfdbHeader> original = WfdbHeader.of(record);
        String recordName = original.filter(h -> h.recordId().equals(stem)).map(WfdbHeader::recordName).orElse(stem);
        List<SignalSpec> signals = new ArrayList<>();
        for (Lead lead : record.leads()) {
            Optional<SignalSpec> src = original.flatMap(h -> h.signals().stream()
                    .filter(s -> s.description().equals(lead.sourceName())).findFirst());
            int[] adc = lead.adc();
            double gain = lead.gain();
            int baseline = lead.baseline();
            if (adc == null || !fitsInt16(adc)) {
                adc = quantise(lead);
                gain = QUANTISATION_GAIN;
                baseline = 0;
            }
            adcOut.add(adc);
            long sum = 0;
            for (int v : adc) sum += v;
            int adcZero = src.map(SignalSpec::adcZero).orElse(0);
            signals.add(new SignalSpec(stem + ".mat", 16, 1, 0, 24, gain, true, baseline, "mV",
                    src.map(SignalSpec::adcResolution).orElse(16), adcZero,
                    OptionalInt.of(adc.length > 0 ? adc[0] : adcZero), OptionalInt.of((short) sum), 0, lead.sourceName()));
        }
        List<String> comments = original.map(WfdbHeader::comments).orElseGet(() -> defaultComments(record));
        return new WfdbHeader(recordName, OptionalInt.empty(), signals.size(), record.fs(), record.fs(), 0,
                record.samples(), original.map(WfdbHeader::baseTime).orElse(""),
                original.map(WfdbHeader::baseDate).orElse(""), original.map(WfdbHeader::dateBeforeTime).orElse(false),
                signals, comments, List.of());
    }

    private static List<String> defaultComments(EcgRecord record) {
        List<String> c = new ArrayList<>();
        c.add("Age: " + (record.age().isPresent() ? PlainNumber.format(record.age().getAsDouble()) : "Unknown"));
        c.add("Sex: " + record.sex().map(Sex::label).orElse("Unknown"));
        c.add("Dx: " + String.join(",", record.dx()));
        return c;
    }

    private static boolean fitsInt16(int[] adc) {
        for (int v : adc) {
            if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) return false;
        }
        return true;
    }

    private static int[] quantise(Lead lead) {
        float[] mv = lead.millivolts();
        int[] out = new int[mv.length];
        for (int i = 0; i < mv.length; i++) {
            long v = Math.round(mv[i] * QUANTISATION_GAIN);
            if (v < Short.MIN_VALUE || v > Short.MAX_VALUE) {
                throw new IllegalArgumentException("lead " + lead.name() + ": " + mv[i]
                        + " mV does not fit the challenge layout's int16 at 1000/mV");
            }
            out[i] = (int) v;
        }
        return out;
    }

    /** MAT v4: the five-integer header, the name {@code val}, then the int16 matrix column-major. */
    static byte[] mat4(List<int[]> leads, int samples) {
        int rows = leads.size();
        ByteBuffer bb = ByteBuffer.allocate(24 + 2 * rows * samples).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(MAT4_INT16_FULL).putInt(rows).putInt(samples).putInt(0).putInt(VAL_NAME.length).put(VAL_NAME);
        for (int j = 0; j < samples; j++) {
            for (int[] lead : leads) bb.putShort((short) lead[j]);
        }
        return bb.array();
    }
}
