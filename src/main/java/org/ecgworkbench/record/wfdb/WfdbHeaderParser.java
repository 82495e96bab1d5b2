package org.ecgworkbench.record.wfdb;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.record.RecordFolder;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.RecordLimits;

/**
 * Parses WFDB header files following the WFDB header specification (header(5)), not only
 * the challenge's examples: every optional field may be missing and then takes the
 * specification's default. Tolerates CRLF, a byte-order mark and tabs.
 *
 * <p>Record line: {@code name[/segments] nsig [fs[/counterfreq[(base)]] [nsamp [basetime [basedate]]]]}.
 * Signal line: {@code file format[xsamp][:skew][+offset] [gain[(baseline)][/units] [adcres [adczero
 * [initval [checksum [blocksize [description]]]]]]]}.
 */
public final class WfdbHeaderParser {

    /** Headers are small; anything larger is not a header (and is not read into memory). */
    public static final long MAX_HEADER_BYTES = 4L << 20;
    /** Far above any ECG; keeps a corrupt count from driving allocation. */
    public static final int MAX_SIGNALS = 4096;


    private WfdbHeaderParser() {
    }

    public static WfdbHeader parse(Path file) throws RecordFormatException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_HEADER_BYTES + 1);
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "cannot read header: " + e.getMessage(), e);
        }
        OutputGuard.protect(file);
        if (bytes.length > MAX_HEADER_BYTES) {
            throw new RecordFormatException(file, null, "header is larger than " + (MAX_HEADER_BYTES >> 20) + " MiB");
        }
        WfdbHeader header = parse(file, bytes);
        // The record's signal files are inputs as soon as its header is known: no output may replace them.
        // Named through RecordFolder, like every reference read from a file; a name it refuses is never read
        // (the signal reader refuses it with its own message), so there is nothing to protect.
        RecordFolder folder = RecordFolder.of(file);
        for (String name : header.signals().stream().map(SignalSpec::fileName).distinct().toList()) {
            try {
                OutputGuard.protect(folder.referencedFile(name, "signal file"));
            } catch (RecordFormatException refused) {
                // left to the reader
            }
        }
        return header;
    }

    public static WfdbHeader parse(Path file, byte[] bytes) throws RecordFormatException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.indexOf('\0') >= 0) {
            throw new RecordFormatException(file, null, "not a text header (contains NUL bytes)");
        }
        return new Parser(file, HeaderText.lines(text)).parse();
    }

    /** One parse; holds the file name and the line being read for messages. */
    private static final class Parser {
        private final Path file;
        private final List<String> lines;
        private int lineNo;
        private final List<String> comments = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Parser(Path file, List<String> lines) {
            this.file = file;
            this.lines = lines;
        }

        WfdbHeader parse() throws RecordFormatException {
            String[] recordLine = nextFieldLine();
            if (recordLine == null) {
                throw new RecordFormatException(file, null, "empty header: no record line");
            }
            int recordLineNo = lineNo;

            String nameField = recordLine[0];
            String name = nameField;
            OptionalInt segments = OptionalInt.empty();
            int slash = nameField.indexOf('/');
            if (slash >= 0) {
                name = nameField.substring(0, slash);
                segments = OptionalInt.of(intField(nameField.substring(slash + 1), "number of segments", 1, 1 << 20));
            }
            if (name.isEmpty()) throw error("record name", "is empty");
            if (recordLine.length < 2) throw error("number of signals", "is missing");
            int nsig = intField(recordLine[1], "number of signals", 0, MAX_SIGNALS);

            double fs = WfdbHeader.DEFAULT_SAMPLING_FREQUENCY;
            double counterFreq = Double.NaN;
            double baseCounter = 0;
            if (recordLine.length > 2) {
                String[] m = HeaderText.subFields(recordLine[2], false);
                if (m == null) throw error("sampling frequency", quote(recordLine[2]) + " is not fs[/counterfreq[(base)]]");
                fs = finiteField(m[0], "sampling frequency");
                String fsProblem = RecordLimits.samplingFrequencyProblem(fs);
                if (fsProblem != null) throw error("sampling frequency", fsProblem);
                if (m[1] != null) counterFreq = positiveField(m[1], "counter frequency");
                if (m[2] != null) baseCounter = finiteField(m[2], "base counter value");
            }
            if (Double.isNaN(counterFreq)) counterFreq = fs;
            long nsamp = recordLine.length > 3 ? longField(recordLine[3], "number of samples per signal", 0, Long.MAX_VALUE) : 0;
            // The specification's order is time then date; the challenge writes date then time.
            String baseTime = "";
            String baseDate = "";
            boolean dateBeforeTime = false;
            for (int i = 4; i < Math.min(recordLine.length, 6); i++) {
                if (recordLine[i].contains(":")) {
                    baseTime = recordLine[i];
                } else {
                    baseDate = recordLine[i];
                    dateBeforeTime = i == 4;
                }
            }
            if (recordLine.length > 6) warnings.add("line " + recordLineNo + ": surplus fields on the record line ignored");

            List<SignalSpec> signals = new ArrayList<>(Math.min(nsig, 64));
            if (segments.isEmpty()) {
                for (int s = 0; s < nsig; s++) {
                    String raw = nextFieldLineRaw();
                    if (raw == null) {
                        throw new RecordFormatException(file, "line " + lineNo,
                                "header declares " + nsig + " signals but has " + s + " signal lines");
                    }
                    signals.add(signalLine(raw, s));
                }
            }
            // Multi-segment headers list segments instead of signals; the rest are surplus lines.
            int surplus = 0;
            while (nextFieldLineRaw() != null) surplus++;
            if (segments.isEmpty() && surplus > 0) {
                warnings.add(surplus + " surplus non-comment line(s) after the signal lines ignored");
            }
            return new WfdbHeader(name, segments, nsig, fs, counterFreq, baseCounter, nsamp, baseTime, baseDate, dateBeforeTime,
                    signals, comments, warnings);
        }

        private SignalSpec signalLine(String raw, int index) throws RecordFormatException {
            // The description is the rest of the line after the eighth field, spaces included.
            String[] f = HeaderText.fields(raw, 9);
            String fileName = f[0];
            if (f.length < 2) throw error("format of signal " + (index + 1), "is missing");
            // format[xsamp][:skew][+offset], each part digits only.
            String fmt = f[1];
            int x = fmt.indexOf('x');
            int colon = fmt.indexOf(':');
            int plus = fmt.indexOf('+');
            int formatEnd = firstOf(fmt.length(), x, colon, plus);
            boolean ordered = (x < 0 || (colon < 0 || x < colon) && (plus < 0 || x < plus)) && (colon < 0 || plus < 0 || colon < plus);
            if (!ordered || formatEnd == 0 || !allDigits(fmt, 0, formatEnd)) {
                throw error("format of signal " + (index + 1), quote(fmt) + " is not format[xsamp][:skew][+offset]");
            }
            String field = "format of signal " + (index + 1);
            int format = intField(fmt.substring(0, formatEnd), field, 0, 100_000);
            int spf = x < 0 ? 1 : intField(fmt.substring(x + 1, firstOf(fmt.length(), colon, plus)), "samples per frame of signal " + (index + 1), 1, 1 << 16);
            int skew = colon < 0 ? 0 : intField(fmt.substring(colon + 1, firstOf(fmt.length(), plus)), "skew of signal " + (index + 1), 0, Integer.MAX_VALUE);
            long offset = plus < 0 ? 0 : longField(fmt.substring(plus + 1), "byte offset of signal " + (index + 1), 0, Long.MAX_VALUE);

            double gain = SignalSpec.DEFAULT_GAIN;
            boolean gainGiven = false;
            Integer baseline = null;
            String units = SignalSpec.DEFAULT_UNITS;
            if (f.length > 2) {
                String[] gm = HeaderText.subFields(f[2], true);
                if (gm == null) throw error("gain of signal " + (index + 1), quote(f[2]) + " is not gain[(baseline)][/units]");
                double g = finiteField(gm[0], "gain of signal " + (index + 1));
                if (g != 0) {
                    String gainProblem = RecordLimits.gainProblem(g);
                    if (gainProblem != null) throw error("gain of signal " + (index + 1), gainProblem);
                    gain = g;
                    gainGiven = true;
                }
                if (gm[2] != null) baseline = intField(gm[2], "baseline of signal " + (index + 1),
                        Integer.MIN_VALUE, Integer.MAX_VALUE);
                if (gm[1] != null && !gm[1].isEmpty()) units = gm[1];
            }
            int adcRes = f.length > 3 ? intField(f[3], "ADC resolution of signal " + (index + 1), 0, 64) : 0;
            if (adcRes == 0) adcRes = SignalSpec.DEFAULT_ADC_RESOLUTION;
            int adcZero = f.length > 4 ? intField(f[4], "ADC zero of signal " + (index + 1), Integer.MIN_VALUE, Integer.MAX_VALUE) : 0;
            OptionalInt initVal = f.length > 5
                    ? OptionalInt.of(intField(f[5], "initial value of signal " + (index + 1), Integer.MIN_VALUE, Integer.MAX_VALUE))
                    : OptionalInt.empty();
            OptionalInt checksum = f.length > 6
                    ? OptionalInt.of(intField(f[6], "checksum of signal " + (index + 1), Integer.MIN_VALUE, Integer.MAX_VALUE))
                    : OptionalInt.empty();
            int blockSize = f.length > 7 ? intField(f[7], "block size of signal " + (index + 1), 0, Integer.MAX_VALUE) : 0;
            String description = f.length > 8 ? f[8].strip() : "";
            return new SignalSpec(fileName, format, spf, skew, offset, gain, gainGiven,
                    baseline == null ? adcZero : baseline, units, adcRes, adcZero, initVal, checksum, blockSize, description);
        }

        /** The next line that is neither blank nor a comment, split into fields; comments are collected. */
        private String[] nextFieldLine() {
            String raw = nextFieldLineRaw();
            return raw == null ? null : HeaderText.fields(raw, 0);
        }

        private String nextFieldLineRaw() {
            while (lineNo < lines.size()) {
                String line = lines.get(lineNo++);
                String t = line.strip();
                if (t.isEmpty()) continue;
                if (t.charAt(0) == '#') {
                    // Kept as written (trailing blanks too) so a header can be written back byte for byte.
                    comments.add(line.substring(line.indexOf('#') + 1));
                    continue;
                }
                return t;
            }
            return null;
        }

        /** A field for a message, shortened: a corrupt field can be megabytes long. */
        private static String quote(String field) {
            return "'" + (field.length() > 40 ? field.substring(0, 40) + "…" : field) + "'";
        }

        private static int firstOf(int fallback, int... positions) {
            int best = fallback;
            for (int p : positions) {
                if (p >= 0 && p < best) best = p;
            }
            return best;
        }

        private static boolean allDigits(String s, int from, int to) {
            for (int i = from; i < to; i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') return false;
            }
            return true;
        }

        private RecordFormatException error(String field, String problem) {
            return new RecordFormatException(file, "line " + lineNo + ", " + field, problem);
        }

        private int intField(String text, String field, int min, int max) throws RecordFormatException {
            return (int) longField(text, field, min, max);
        }

        private long longField(String text, String field, long min, long max) throws RecordFormatException {
            long v;
            String t = text.strip();
            // Long.parseLong also takes non-ASCII digits ("٣"); a header field is ASCII.
            if (t.isEmpty() || t.length() > 20 || !allDigits(t, t.charAt(0) == '-' || t.charAt(0) == '+' ? 1 : 0, t.length())) {
                throw error(field, quote(text) + " is not an integer");
            }
            try {
                v = Long.parseLong(t);
            } catch (NumberFormatException e) {
                throw error(field, quote(text) + " is not an integer");
            }
            if (v < min || v > max) throw error(field, v + " is outside [" + min + ", " + max + "]");
            return v;
        }

        private double finiteField(String text, String field) throws RecordFormatException {
            double v;
            if (!HeaderText.isDecimal(text.strip())) throw error(field, quote(text) + " is not a plain decimal number");
            try {
                v = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw error(field, quote(text) + " is not a number");
            }
            if (!Double.isFinite(v)) {
                throw error(field, quote(text) + " is not a finite number");
            }
            return v;
        }

        private double positiveField(String text, String field) throws RecordFormatException {
            double v = finiteField(text, field);
            if (v <= 0 || v > 1e7) throw error(field, v + " is not in (0, 1e7]");
            return v;
        }
    }
}
