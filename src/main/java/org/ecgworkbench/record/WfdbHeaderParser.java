package org.ecgworkbench.record;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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

    private static final Pattern FS = Pattern.compile(
            "([^/()]+)(?:/([^/()]+))?(?:\\(([^()]+)\\))?");
    private static final Pattern FORMAT = Pattern.compile(
            "(\\d+)(?:x(\\d+))?(?::(-?\\d+))?(?:\\+(\\d+))?");
    private static final Pattern GAIN = Pattern.compile(
            "([^()/]+)(?:\\(([^()]*)\\))?(?:/(.*))?");
    private static final Pattern WHITESPACE = Pattern.compile("[ \\t]+");
    /** A plain decimal number; Double.parseDouble alone would also accept "NaN", "Infinity", "0x1p3", "1d". */
    private static final Pattern DECIMAL = Pattern.compile("[-+]?[0-9]*\\.?[0-9]*(?:[eE][-+]?[0-9]+)?");

    private WfdbHeaderParser() {
    }

    public static WfdbHeader parse(Path file) throws RecordFormatException {
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            bytes = in.readNBytes((int) MAX_HEADER_BYTES + 1);
        } catch (IOException e) {
            throw new RecordFormatException(file, null, "cannot read header: " + e.getMessage(), e);
        }
        if (bytes.length > MAX_HEADER_BYTES) {
            throw new RecordFormatException(file, null, "header is larger than " + (MAX_HEADER_BYTES >> 20) + " MiB");
        }
        return parse(file, bytes);
    }

    public static WfdbHeader parse(Path file, byte[] bytes) throws RecordFormatException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        if (text.indexOf('\0') >= 0) {
            throw new RecordFormatException(file, null, "not a text header (contains NUL bytes)");
        }
        return new Parser(file, text.split("\r\n|\r|\n", -1)).parse();
    }

    /** One parse; holds the file name and the line being read for messages. */
    private static final class Parser {
        private final Path file;
        private final String[] lines;
        private int lineNo;
        private final List<String> comments = new ArrayList<>();
        private final List<String> warnings = new ArrayList<>();

        Parser(Path file, String[] lines) {
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
                Matcher m = FS.matcher(recordLine[2]);
                if (!m.matches()) throw error("sampling frequency", "'" + recordLine[2] + "' is not fs[/counterfreq[(base)]]");
                fs = positiveField(m.group(1), "sampling frequency");
                if (m.group(2) != null) counterFreq = positiveField(m.group(2), "counter frequency");
                if (m.group(3) != null) baseCounter = finiteField(m.group(3), "base counter value");
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
            String[] f = WHITESPACE.split(raw.strip(), 9);
            String fileName = f[0];
            if (f.length < 2) throw error("format of signal " + (index + 1), "is missing");
            Matcher fm = FORMAT.matcher(f[1]);
            if (!fm.matches()) {
                throw error("format of signal " + (index + 1), "'" + f[1] + "' is not format[xsamp][:skew][+offset]");
            }
            int format = intField(fm.group(1), "format", 0, 100_000);
            int spf = fm.group(2) == null ? 1 : intField(fm.group(2), "samples per frame", 1, 1 << 16);
            int skew = fm.group(3) == null ? 0 : intField(fm.group(3), "skew", 0, Integer.MAX_VALUE);
            long offset = fm.group(4) == null ? 0 : longField(fm.group(4), "byte offset", 0, Long.MAX_VALUE);

            double gain = SignalSpec.DEFAULT_GAIN;
            boolean gainGiven = false;
            Integer baseline = null;
            String units = SignalSpec.DEFAULT_UNITS;
            if (f.length > 2) {
                Matcher gm = GAIN.matcher(f[2]);
                if (!gm.matches()) throw error("gain of signal " + (index + 1), "'" + f[2] + "' is not gain[(baseline)][/units]");
                double g = finiteField(gm.group(1), "gain of signal " + (index + 1));
                if (g != 0) {
                    gain = g;
                    gainGiven = true;
                }
                if (gm.group(2) != null) baseline = intField(gm.group(2), "baseline of signal " + (index + 1),
                        Integer.MIN_VALUE, Integer.MAX_VALUE);
                if (gm.group(3) != null && !gm.group(3).isEmpty()) units = gm.group(3);
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
            return raw == null ? null : WHITESPACE.split(raw.strip());
        }

        private String nextFieldLineRaw() {
            while (lineNo < lines.length) {
                String line = lines[lineNo++];
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

        private RecordFormatException error(String field, String problem) {
            return new RecordFormatException(file, "line " + lineNo + ", " + field, problem);
        }

        private int intField(String text, String field, int min, int max) throws RecordFormatException {
            return (int) longField(text, field, min, max);
        }

        private long longField(String text, String field, long min, long max) throws RecordFormatException {
            long v;
            try {
                v = Long.parseLong(text.strip());
            } catch (NumberFormatException e) {
                throw error(field, "'" + text + "' is not an integer");
            }
            if (v < min || v > max) throw error(field, v + " is outside [" + min + ", " + max + "]");
            return v;
        }

        private double finiteField(String text, String field) throws RecordFormatException {
            double v;
            try {
                v = Double.parseDouble(text.strip());
            } catch (NumberFormatException e) {
                throw error(field, "'" + text + "' is not a number");
            }
            if (!Double.isFinite(v) || !DECIMAL.matcher(text.strip()).matches()) {
                throw error(field, "'" + text + "' is not a finite number");
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
