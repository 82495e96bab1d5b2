package org.ecgworkbench.record;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.UTF_8;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Seeded mutations of WFDB header text and of signal file bytes. Every mutation appends a short,
 * human-readable account of what it did to {@code log}, so a failing case can be read and replayed.
 *
 * <p>Header text is handled as ISO-8859-1 (one char per byte), so byte-level damage survives line and
 * field edits; inserted text is UTF-8 encoded first.
 */
final class RecordFuzzMutator {

    /** Field values no header should get away with, plus a few legal-but-odd ones. */
    static final String[] ABSURD = {
        "0", "-1", "1", "2147483648", "2147483647", "-2147483649", "4294967296", "9223372036854775808",
        "9223372036854775807", "-9223372036854775808", "-9223372036854775809", "1e308", "1e309", "-1e308",
        "4.9e-324", "NaN", "-NaN", "Infinity", "-Infinity", "+Infinity", "", "é", "€", "\uFFFD", "１２", "٣",
        "1.5", "0x10", "0x1p3", "1e3", "+5", "1_000", "-0", "00000000000000000000000000000001", "12d", "3f",
        "(", ")", "/", "(0)", "/mV", "x", "+", ":", "#", "~", "1/0", "\t",
    };

    /** Values for the five 32-bit integers of a MAT v4 header. */
    private static final int[] MAT_INTS = {
        0, 1, -1, 2, 3, 11, 12, 13, 20, 24, 30, 40, 50, 64, 65, 1000, 1030, 1059, 1060, 65536, 1 << 28,
        1 << 30, Integer.MAX_VALUE, Integer.MIN_VALUE, 0x7FFF0000,
    };

    private static final Pattern TOKEN = Pattern.compile("[^ \\t\\r]+");
    private static final Pattern PART = Pattern.compile("[^x:+/()]+");

    private final Random rnd;
    private final StringBuilder log;

    /** Absolute folder holding intact copies of the signal files outside the record's folder, or null. */
    private final String outsideFolder;

    RecordFuzzMutator(Random rnd, StringBuilder log) {
        this(rnd, log, null);
    }

    RecordFuzzMutator(Random rnd, StringBuilder log, String outsideFolder) {
        this.rnd = rnd;
        this.log = log;
        this.outsideFolder = outsideFolder;
    }

    // ================================================================ header

    /**
     * One to three stacked header mutations.
     *
     * @param header      the header bytes
     * @param headerName  the header's file name (a candidate signal file name)
     * @param signalSizes sizes of the record's signal files, for byte offsets just beyond them
     */
    byte[] mutateHeader(byte[] header, String headerName, Map<String, Integer> signalSizes) {
        int n = rnd.nextInt(100) < 75 ? 1 : rnd.nextInt(100) < 80 ? 2 : 3;
        byte[] out = header;
        for (int i = 0; i < n; i++) {
            if (i > 0) log.append("; then ");
            out = headerOnce(out, headerName, signalSizes);
        }
        return out;
    }

    private byte[] headerOnce(byte[] header, String headerName, Map<String, Integer> sizes) {
        int op = rnd.nextInt(100);
        if (op < 8) return truncate(header, "header");
        if (op < 16) return editLines(header, this::deleteLine);
        if (op < 22) return editLines(header, this::duplicateLine);
        if (op < 42) return editLines(header, this::replaceField);
        if (op < 50) return flip(header, "header", rnd.nextInt(8) + 1, 0);
        if (op < 54) return insertNuls(header);
        if (op < 58) return garbage("header");
        if (op < 60) {
            log.append("header emptied");
            return new byte[0];
        }
        if (op < 66) return editLines(header, lines -> setRecordField(lines, 3, pick(
                "2147483648", "2147483647", "4294967296", "1000000000000", "4611686018427387904",
                "9223372036854775807", "100000001", "1000000", "65", "-5"), "sample count"));
        if (op < 72) return editLines(header, lines -> setRecordField(lines, 1, pick(
                "0", "1000000", "4096", "4097", "1", "2", "13", "100", "-1", "2147483648"), "signal count"));
        if (op < 78) return editLines(header, lines -> setFormatPart(lines, "code", pick(
                "0", "1", "7", "8", "15", "17", "99", "311", "508", "100000", "100001", "2147483648",
                "16", "61", "80", "160", "212", "24", "32")));
        if (op < 84) return editLines(header, lines -> setFormatPart(lines, "offset", offsetValue(sizes)));
        if (op < 88) return editLines(header, lines -> setFormatPart(lines, "spf", pick(
                "0", "1", "2", "3", "7", "65536", "65537", "2147483648")));
        if (op < 92) return editLines(header, lines -> setFileName(lines, headerName, sizes));
        if (op < 94) return editLines(header, this::swapLines);
        if (op < 96) return editLines(header, this::insertJunkLine);
        if (op < 98) return editLines(header, this::surplusFields);
        return layout(header);
    }

    private interface LineEdit {
        void apply(List<String> lines);
    }

    /** Splits at LF (a CR stays with its line), edits, joins. */
    private byte[] editLines(byte[] header, LineEdit edit) {
        List<String> lines = new ArrayList<>(Arrays.asList(new String(header, ISO_8859_1).split("\n", -1)));
        edit.apply(lines);
        return String.join("\n", lines).getBytes(ISO_8859_1);
    }

    /** Indices of lines that are neither blank nor comments; the first is the record line. */
    private static List<Integer> fieldLines(List<String> lines) {
        List<Integer> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String t = lines.get(i).strip();
            if (!t.isEmpty() && t.charAt(0) != '#') out.add(i);
        }
        return out;
    }

    private void deleteLine(List<String> lines) {
        int i = anyLine(lines);
        log.append("header line ").append(i + 1).append(" deleted (").append(show(lines.get(i))).append(')');
        lines.remove(i);
    }

    private void duplicateLine(List<String> lines) {
        int i = anyLine(lines);
        int at = rnd.nextBoolean() ? i + 1 : rnd.nextInt(lines.size() + 1);
        log.append("header line ").append(i + 1).append(" duplicated at line ").append(at + 1).append(" (")
                .append(show(lines.get(i))).append(')');
        lines.add(at, lines.get(i));
    }

    /** A field line most of the time (they matter), otherwise any line. */
    private int anyLine(List<String> lines) {
        List<Integer> fields = fieldLines(lines);
        if (!fields.isEmpty() && rnd.nextInt(4) != 0) {
            // The record line is one line among many; give it a fair share.
            return rnd.nextInt(3) == 0 ? fields.get(0) : fields.get(rnd.nextInt(fields.size()));
        }
        return rnd.nextInt(lines.size());
    }

    /** Replaces a whole field, or one part of a composite field ({@code 16+24}, {@code 1000(0)/mV}, {@code 500/1000}). */
    private void replaceField(List<String> lines) {
        int i = anyLine(lines);
        String line = lines.get(i);
        List<int[]> tokens = spans(TOKEN, line);
        String value = absurd();
        if (tokens.isEmpty()) {
            lines.set(i, line + utf8(value));
            log.append("header line ").append(i + 1).append(": appended ").append(show(value));
            return;
        }
        int k = rnd.nextInt(tokens.size());
        int[] tok = tokens.get(k);
        String field = line.substring(tok[0], tok[1]);
        List<int[]> parts = spans(PART, field);
        if (rnd.nextBoolean() && parts.size() > 1) {
            int[] part = parts.get(rnd.nextInt(parts.size()));
            String newField = field.substring(0, part[0]) + utf8(value) + field.substring(part[1]);
            lines.set(i, line.substring(0, tok[0]) + newField + line.substring(tok[1]));
            log.append("header line ").append(i + 1).append(" field ").append(k + 1).append(" part ")
                    .append(show(field.substring(part[0], part[1]))).append(" of ").append(show(field)).append(" -> ")
                    .append(show(value));
        } else {
            lines.set(i, line.substring(0, tok[0]) + utf8(value) + line.substring(tok[1]));
            log.append("header line ").append(i + 1).append(" field ").append(k + 1).append(' ').append(show(field))
                    .append(" -> ").append(show(value));
        }
    }

    /** Sets a record-line field (0 name, 1 nsig, 2 fs, 3 nsamp), adding missing fields before it. */
    private void setRecordField(List<String> lines, int index, String value, String what) {
        List<Integer> fields = fieldLines(lines);
        if (fields.isEmpty()) {
            log.append("header has no record line; ").append(what).append(' ').append(value).append(" not set");
            return;
        }
        int i = fields.get(0);
        String line = lines.get(i);
        List<int[]> tokens = spans(TOKEN, line);
        if (index < tokens.size()) {
            int[] tok = tokens.get(index);
            lines.set(i, line.substring(0, tok[0]) + value + line.substring(tok[1]));
        } else {
            String cr = line.endsWith("\r") ? "\r" : "";
            StringBuilder sb = new StringBuilder(cr.isEmpty() ? line : line.substring(0, line.length() - 1));
            String[] defaults = {"rec", "1", "250", "0"};
            for (int f = tokens.size(); f < index; f++) sb.append(' ').append(defaults[f]);
            lines.set(i, sb.append(' ').append(value).append(cr).toString());
        }
        log.append("record line ").append(what).append(" -> ").append(value);
    }

    /** Sets the format code, samples per frame or byte offset of one signal line, or of all of them. */
    private void setFormatPart(List<String> lines, String part, String value) {
        List<Integer> fields = fieldLines(lines);
        if (fields.size() < 2) {
            log.append("no signal line for format ").append(part).append(' ').append(value);
            return;
        }
        boolean all = rnd.nextInt(3) == 0;
        List<Integer> targets = all ? fields.subList(1, fields.size()) : List.of(fields.get(1 + rnd.nextInt(fields.size() - 1)));
        for (int i : targets) {
            String line = lines.get(i);
            List<int[]> tokens = spans(TOKEN, line);
            if (tokens.size() < 2) continue;
            int[] tok = tokens.get(1);
            String f = line.substring(tok[0], tok[1]);
            String code = f.replaceFirst("[x:+].*$", "");
            String spf = find(f, "x[^:+]*");
            String skew = find(f, ":[^+]*");
            String offset = find(f, "\\+.*$");
            switch (part) {
                case "code" -> code = value;
                case "spf" -> spf = "x" + value;
                default -> offset = "+" + value;
            }
            lines.set(i, line.substring(0, tok[0]) + code + spf + skew + offset + line.substring(tok[1]));
        }
        log.append(all ? "every signal line" : "signal line " + (targets.get(0) + 1)).append(": format ").append(part)
                .append(" -> ").append(value);
    }

    private static String find(String s, String regex) {
        Matcher m = Pattern.compile(regex).matcher(s);
        return m.find() ? m.group() : "";
    }

    private String offsetValue(Map<String, Integer> sizes) {
        long size = sizes.isEmpty() ? 100 : sizes.values().stream().mapToLong(Integer::longValue).max().orElse(100);
        return pick(Long.toString(size), Long.toString(size + 1), Long.toString(size + 2), Long.toString(size * 2),
                Long.toString(size - 1), "2147483647", "2147483648", "4611686018427387904", "9223372036854775807",
                "9223372036854775808", "1", "3", "24");
    }

    private void setFileName(List<String> lines, String headerName, Map<String, Integer> sizes) {
        List<Integer> fields = fieldLines(lines);
        if (fields.size() < 2) {
            log.append("no signal line to rename");
            return;
        }
        List<String> names = new ArrayList<>(List.of("~", "missing.dat", ".", "..", "sub/x.dat", "/nonexistent/x.dat",
                "é.dat", "x".repeat(300) + ".dat", headerName, "val.mat", "/etc/passwd", "../../../../../../../../etc/passwd",
                "..\\..\\etc\\passwd", "/dev/zero", "/proc/self/environ"));
        names.addAll(sizes.keySet());
        // Toward files outside the record folder: RecordFuzzRun plants an intact copy of every signal file in
        // the folder's parent, so only confinement can stop these from reading (issue 14).
        for (String sig : sizes.keySet()) {
            names.add("../" + sig);
            names.add("./sub/../../" + sig);
            if (outsideFolder != null) names.add(outsideFolder + "/" + sig);
        }
        String name = names.get(rnd.nextInt(names.size()));
        int i = fields.get(1 + rnd.nextInt(fields.size() - 1));
        String line = lines.get(i);
        int[] tok = spans(TOKEN, line).get(0);
        lines.set(i, line.substring(0, tok[0]) + utf8(name) + line.substring(tok[1]));
        log.append("header line ").append(i + 1).append(": signal file -> ").append(show(name));
    }

    private void swapLines(List<String> lines) {
        int a = rnd.nextInt(lines.size());
        int b = rnd.nextInt(lines.size());
        String t = lines.get(a);
        lines.set(a, lines.get(b));
        lines.set(b, t);
        log.append("header lines ").append(a + 1).append(" and ").append(b + 1).append(" swapped");
    }

    private void insertJunkLine(List<String> lines) {
        String junk = pick("junk", "x.dat 16", "# comment", "rec 12 500", "  \t ", "\u00e9\u00e8 1 2 3", "16+24 1000/mV",
                absurd() + " " + absurd());
        int at = rnd.nextInt(lines.size() + 1);
        lines.add(at, utf8(junk));
        log.append("line inserted at ").append(at + 1).append(": ").append(show(junk));
    }

    private void surplusFields(List<String> lines) {
        int i = anyLine(lines);
        String extra = " " + absurd() + " " + absurd() + " " + absurd();
        String line = lines.get(i);
        boolean cr = line.endsWith("\r");
        lines.set(i, (cr ? line.substring(0, line.length() - 1) : line) + utf8(extra) + (cr ? "\r" : ""));
        log.append("header line ").append(i + 1).append(": fields appended ").append(show(extra));
    }

    /** Legal layout variants: CRLF, a byte-order mark, tabs. */
    private byte[] layout(byte[] header) {
        String text = new String(header, ISO_8859_1);
        switch (rnd.nextInt(3)) {
            case 0 -> {
                log.append("header converted to CRLF");
                return text.replace("\r\n", "\n").replace("\n", "\r\n").getBytes(ISO_8859_1);
            }
            case 1 -> {
                log.append("byte-order mark prepended");
                return RecordFuzzRecords.concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, header);
            }
            default -> {
                log.append("spaces turned into tabs");
                return text.replace(' ', '\t').getBytes(ISO_8859_1);
            }
        }
    }

    private byte[] insertNuls(byte[] header) {
        int n = rnd.nextInt(3) + 1;
        byte[] out = header;
        for (int k = 0; k < n; k++) {
            int at = rnd.nextInt(out.length + 1);
            byte[] next = new byte[out.length + 1];
            System.arraycopy(out, 0, next, 0, at);
            System.arraycopy(out, at, next, at + 1, out.length - at);
            out = next;
            log.append(k == 0 ? "NUL inserted at byte " : ", ").append(at);
        }
        return out;
    }

    /** An absurd value; now and then a long run of digits, sometimes with a suffix that parseDouble accepts. */
    private String absurd() {
        int r = rnd.nextInt(100);
        if (r < 12) {
            // Long, but not so long that a quadratic parse makes the whole run slow: the separate
            // hang test uses 200,000 digits.
            int len = 20 + rnd.nextInt(r < 4 ? 2000 : 200);
            char[] digits = new char[len];
            for (int i = 0; i < len; i++) digits[i] = (char) ('0' + (rnd.nextInt(4) == 0 ? rnd.nextInt(10) : 0));
            digits[0] = (char) ('1' + rnd.nextInt(9));
            String s = new String(digits);
            if (rnd.nextInt(5) == 0) s = "0" + s;
            return switch (rnd.nextInt(6)) {
                case 0 -> s + "d";
                case 1 -> "-" + s;
                case 2 -> "0." + s;
                default -> s;
            };
        }
        return ABSURD[rnd.nextInt(ABSURD.length)];
    }

    // ================================================================ signal files

    /**
     * One signal-file mutation.
     *
     * @return the new contents, or null to delete the file
     */
    byte[] mutateSignal(String name, byte[] data) {
        boolean mat = name.toLowerCase(Locale.ROOT).endsWith(".mat");
        int op = rnd.nextInt(100);
        log.append(name).append(": ");
        if (op < 18) return truncate(data, name);
        if (op < 34) return flip(data, name, rnd.nextInt(16) + 1, rnd.nextInt(10) < 3 ? 24 : 0);
        if (op < 43) return append(data);
        if (op < 48) {
            log.append("emptied");
            return new byte[0];
        }
        if (op < (mat ? 70 : 56)) return matInts(data);
        if (op < (mat ? 78 : 68)) return garbage("signal file");
        if (op < (mat ? 86 : 80)) return insert(data);
        if (op < (mat ? 92 : 88)) return zeroSpan(data);
        if (op < 96) {
            log.append("deleted");
            return null;
        }
        return truncateThenAppend(data);
    }

    private byte[] append(byte[] data) {
        byte[] junk = randomBytes(rnd.nextInt(4096) + 1);
        log.append(junk.length).append(" garbage bytes appended");
        return RecordFuzzRecords.concat(data, junk);
    }

    private byte[] insert(byte[] data) {
        int at = rnd.nextInt(data.length + 1);
        byte[] junk = randomBytes(rnd.nextInt(64) + 1);
        log.append(junk.length).append(" garbage bytes inserted at byte ").append(at);
        byte[] out = new byte[data.length + junk.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(junk, 0, out, at, junk.length);
        System.arraycopy(data, at, out, at + junk.length, data.length - at);
        return out;
    }

    /** Zeros at the start: a valid .dat whose first bytes read as MAT v4 type 0. */
    private byte[] zeroSpan(byte[] data) {
        byte[] out = data.clone();
        int from = rnd.nextInt(3) == 0 ? rnd.nextInt(Math.max(1, data.length)) : 0;
        int len = Math.min(out.length - from, rnd.nextInt(64) + 1);
        if (len > 0) Arrays.fill(out, from, from + len, (byte) 0);
        log.append(Math.max(len, 0)).append(" bytes zeroed at byte ").append(from);
        return out;
    }

    private byte[] truncateThenAppend(byte[] data) {
        byte[] cut = truncate(data, "");
        log.append(", then ");
        return append(cut);
    }

    /** Overwrites one to five of the MAT v4 header's integers (little-endian mostly). */
    private byte[] matInts(byte[] data) {
        byte[] out = Arrays.copyOf(data, Math.max(data.length, 20));
        ByteBuffer bb = ByteBuffer.wrap(out).order(rnd.nextInt(5) == 0 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
        String[] names = {"type", "rows", "cols", "imagf", "namlen"};
        int n = rnd.nextInt(100) < 60 ? 1 : rnd.nextInt(5) + 1;
        log.append("MAT v4 header (").append(bb.order()).append(')');
        for (int k = 0; k < n; k++) {
            int field = rnd.nextInt(5);
            int v = rnd.nextInt(4) == 0 ? rnd.nextInt() : MAT_INTS[rnd.nextInt(MAT_INTS.length)];
            if (rnd.nextInt(6) == 0) v = bb.getInt(field * 4) + rnd.nextInt(5) - 2;
            bb.putInt(field * 4, v);
            log.append(' ').append(names[field]).append('=').append(v);
        }
        if (data.length < 20) log.append(" (padded to 20 bytes)");
        return out;
    }

    // ================================================================ shared

    private byte[] truncate(byte[] data, String what) {
        if (data.length == 0) {
            log.append(what).append(" already empty, not truncated");
            return data;
        }
        int cut = rnd.nextBoolean() ? rnd.nextInt(data.length) : data.length - 1 - rnd.nextInt(Math.min(data.length, 8));
        log.append(what).append(what.isEmpty() ? "" : " ").append("truncated to ").append(cut).append(" of ")
                .append(data.length).append(" bytes");
        return Arrays.copyOf(data, cut);
    }

    /** Flips {@code n} random bytes; with {@code headBytes > 0}, within the first {@code headBytes} bytes. */
    private byte[] flip(byte[] data, String what, int n, int headBytes) {
        if (data.length == 0) {
            log.append(what).append(" empty, nothing to flip");
            return data;
        }
        byte[] out = data.clone();
        log.append(what).append(" bytes flipped at");
        int range = headBytes > 0 ? Math.min(headBytes, out.length) : out.length;
        for (int k = 0; k < n; k++) {
            int at = rnd.nextInt(range);
            int mask = rnd.nextInt(255) + 1;
            out[at] ^= (byte) mask;
            log.append(' ').append(at).append("^0x").append(Integer.toHexString(mask));
        }
        return out;
    }

    private byte[] garbage(String what) {
        byte[] g = randomBytes(rnd.nextInt(4097));
        if (g.length >= 4 && rnd.nextInt(4) == 0) {
            int type = pickInt(30, 20, 0, 1030);
            ByteBuffer.wrap(g).order(ByteOrder.LITTLE_ENDIAN).putInt(0, type);
            log.append(what).append(" replaced by ").append(g.length).append(" garbage bytes starting with MAT v4 type ").append(type);
        } else {
            log.append(what).append(" replaced by ").append(g.length).append(" garbage bytes");
        }
        return g;
    }

    private byte[] randomBytes(int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }

    private String pick(String... options) {
        return options[rnd.nextInt(options.length)];
    }

    private int pickInt(int... options) {
        return options[rnd.nextInt(options.length)];
    }

    private static List<int[]> spans(Pattern p, String s) {
        List<int[]> out = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) out.add(new int[] {m.start(), m.end()});
        return out;
    }

    /** UTF-8 bytes of {@code s}, one char per byte (the ISO-8859-1 view the header is edited in). */
    static String utf8(String s) {
        return new String(s.getBytes(UTF_8), ISO_8859_1);
    }

    /** A value for a log line: escaped, long ones abbreviated. */
    static String show(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c < 0x20 || c == 0x7F) sb.append(String.format("\\x%02x", (int) c));
            else sb.append(c);
        }
        String s = sb.toString();
        return s.length() <= 48 ? "'" + s + "'" : "'" + s.substring(0, 24) + "…(" + v.length() + " chars)…" + s.substring(s.length() - 8) + "'";
    }
}
