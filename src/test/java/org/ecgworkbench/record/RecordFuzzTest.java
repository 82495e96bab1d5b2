package org.ecgworkbench.record;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.ecgworkbench.record.mat.Mat4Header;
import org.ecgworkbench.record.wfdb.WfdbHeader;
import org.ecgworkbench.record.wfdb.WfdbHeaderParser;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.AssertionFailedError;


/**
 * Proves the reader's promise: every malformed input ends in exactly one {@link RecordFormatException}
 * whose message names the file (and the line or field where one applies) — never another exception,
 * an {@link OutOfMemoryError} or a hang — and allocation is bounded by what the files really hold.
 *
 * <p>{@link #fuzz} mutates headers, signal files and both, on small synthesized records (formats 16,
 * 212, 80, 24, MAT v4, two signal files, frames, byte offset) and, when present, a few real records
 * from {@code resources/samples/} or {@code ecg.shared.data}. It is reproducible: {@code -Decg.fuzz.seed}
 * (default {@value #DEFAULT_SEED}), {@code -Decg.fuzz.cases} (default {@value #DEFAULT_CASES}), and
 * {@code -Decg.fuzz.replay=0x…} re-runs one failing case by the seed its failure message prints.
 * The other tests take one mutation class each, so a failure reads plainly; those that could exhaust
 * memory or spin run in a child JVM with a 64 MB heap and a time limit.
 */
@SlowTest
class RecordFuzzTest {

    static final long DEFAULT_SEED = 0xEC6F022L;
    static final int DEFAULT_CASES = 20_000;
    /** The whole fuzz must finish well inside this; a hang fails it with the case it was running. */
    static final Duration FUZZ_LIMIT = Duration.ofSeconds(120);
    /** A malformed input must be rejected at least this fast, however large its claims. */
    static final long FAST_MILLIS = 2_000;

    // ====================================================================== the fuzz

    @Test
    void fuzz(@TempDir Path tmp) {
        long seed = parseSeed(System.getProperty("ecg.fuzz.seed", Long.toString(DEFAULT_SEED)));
        int cases = Integer.getInteger("ecg.fuzz.cases", DEFAULT_CASES);
        String replay = System.getProperty("ecg.fuzz.replay");
        List<RecordFuzzRecords.Rec> real = RecordFuzzRecords.real();
        RecordFuzzRun run = new RecordFuzzRun(tmp.resolve("case"), RecordFuzzRecords.synthesized(), real);
        long t0 = System.nanoTime();
        assertTimeoutPreemptively(FUZZ_LIMIT, () -> {
            if (replay != null) {
                run.runCase(-1, parseSeed(replay));
            } else {
                for (int i = 0; i < cases; i++) run.runCase(i, RecordFuzzRun.caseSeed(seed, i));
            }
        }, () -> "the fuzz did not finish within " + FUZZ_LIMIT.toSeconds() + " s; it was running " + run.current
                + "\n" + run.reportWhileRunning(seed, (System.nanoTime() - t0) / 1_000_000));
        long millis = (System.nanoTime() - t0) / 1_000_000;
        System.out.println(run.summary(seed, millis) + "; real records: "
                + (real.isEmpty() ? "none found, synthesized only" : real.stream().map(RecordFuzzRecords.Rec::id).toList()));
        if (run.failureCount() > 0) fail(run.report(seed, millis));
        if (replay == null && !System.getProperties().containsKey("ecg.fuzz.cases")) {
            assertTrue(run.cases >= 10_000, "only " + run.cases + " cases ran");
        }
    }

    /** A seed as printed ({@code 0x…}, all 64 bits) or in decimal. */
    static long parseSeed(String s) {
        String t = s.strip().toLowerCase(Locale.ROOT);
        return t.startsWith("0x") ? Long.parseUnsignedLong(t.substring(2), 16) : Long.parseLong(t);
    }

    /** Runs a focused case; a failure message starts with the case's name (the reports show only its index). */
    private static DynamicTest named(String name, Executable body) {
        return dynamicTest(name, () -> {
            try {
                body.execute();
            } catch (AssertionError e) {
                throw new AssertionFailedError(name + " — " + e.getMessage(), e.getCause() != null ? e.getCause() : e);
            }
        });
    }

    // ====================================================================== header, one mutation class each

    /** Expected outcome of a focused case. */
    enum Expect {
        /** readHeader and read both end in a RecordFormatException located at the line. */
        PARSE_ERROR,
        /** The header parses; reading the record ends in a RecordFormatException. */
        READ_ERROR,
        /** Either a sound record or a RecordFormatException. */
        EITHER,
        /** A sound record. */
        SUCCESS
    }

    /** Absurd values in every field of the record line and of a signal line of {@code syn16}. */
    @TestFactory
    List<DynamicTest> headerFieldWithAbsurdValue(@TempDir Path tmp) {
        String longDigits = "1" + "0".repeat(400);
        Object[][] table = {
            // line, field, field name, expectation, where the error must be located (null: that line), values...
            {0, 1, "nsig", Expect.PARSE_ERROR, null, "-1", "2147483648", "9223372036854775808", "1e308", "NaN", "Infinity", "é",
                longDigits, "4097", "1000000", "3.0", "0x3"},
            {0, 1, "nsig (one more than the signal lines)", Expect.READ_ERROR, "line", "4"},
            {0, 1, "nsig", Expect.READ_ERROR, "record line", "0"},
            {0, 1, "nsig", Expect.EITHER, null, "2", "٣", ""},
            {0, 2, "fs", Expect.PARSE_ERROR, null, "0", "-1", "-0", "1e308", "1e309", "NaN", "-NaN", "Infinity", "-Infinity", "é",
                longDigits, "500/0", "500/-1", "500/NaN", "500(NaN)", "500(Infinity)", "0x1p3", "12d", "(", "/"},
            {0, 2, "fs", Expect.EITHER, null, "", "4.9e-324", "500/1000(0)", "1e3"},
            {0, 3, "nsamp", Expect.PARSE_ERROR, null, "-1", "9223372036854775808", "NaN", "1.5", "1e3", "é", longDigits},
            {0, 3, "nsamp", Expect.READ_ERROR, "samples", "65", "2147483648", "2147483647", "9223372036854775807", "4611686018427387904"},
            {0, 3, "nsamp", Expect.EITHER, null, "0", "1", ""},
            {1, 1, "format", Expect.PARSE_ERROR, null, "-1", "2147483648", "NaN", "", "16x0", "16x65537", "16x-1", "16:-1",
                "16:2147483648", "16+-1", "16+9223372036854775808", "16+NaN", "é", "16+", "x2"},
            {1, 1, "format", Expect.READ_ERROR, "format", "0", "1", "8", "311", "100000", "16+1000000", "16+9223372036854775807",
                "16x2", "16x65536"},
            {1, 1, "format", Expect.EITHER, null, "16:5", "61", "80", "212", "24", "32", "160", "16+1", "16+127"},
            {1, 2, "gain", Expect.PARSE_ERROR, null, "NaN(0)/mV", "Infinity(0)/mV", "1e309(0)/mV", "é(0)/mV", "200(NaN)/mV",
                "200(2147483648)/mV", "200()/mV", "200((0))/mV", "(0)/mV", "/mV", "0x10(0)/mV"},
            {1, 2, "gain", Expect.EITHER, null, "0(0)/mV", "-1(0)/mV", "1e308(0)/mV", "4.9e-324(0)/mV", "200(0)/", "200(0)/é",
                "200(-2147483648)/mV", "200"},
            {1, 3, "ADC resolution", Expect.PARSE_ERROR, null, "65", "-1", "NaN", "2147483648"},
            {1, 4, "ADC zero", Expect.PARSE_ERROR, null, "2147483648", "-2147483649", "NaN", "1.5"},
            {1, 5, "initial value", Expect.PARSE_ERROR, null, "9223372036854775808", "NaN", "Infinity"},
            {1, 6, "checksum", Expect.PARSE_ERROR, null, "99999999999", "NaN", "é"},
            {1, 7, "block size", Expect.PARSE_ERROR, null, "-1", "2147483648", "NaN"},
        };
        RecordFuzzRecords.Rec base = synth("syn16");
        List<DynamicTest> tests = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        for (Object[] row : table) {
            int line = (Integer) row[0];
            int field = (Integer) row[1];
            Expect expect = (Expect) row[3];
            String location = row[4] == null ? "line " + (line + 1) : (String) row[4];
            for (int v = 5; v < row.length; v++) {
                String value = (String) row[v];
                String name = "line " + (line + 1) + " " + row[2] + " = " + RecordFuzzMutator.show(value) + " -> " + expect;
                tests.add(named(name, () -> {
                    Path dir = Files.createDirectories(tmp.resolve("f" + n.incrementAndGet()));
                    String header = replaceToken(text(base.header()), line, field, value);
                    Path hea = writeRecord(dir, base, header.getBytes(UTF_8), Map.of());
                    expectOutcome(expect, hea, base, location);
                }));
            }
        }
        return tests;
    }

    /** Truncation, deleted and duplicated lines, byte flips, NULs, garbage, emptiness, layout. */
    @TestFactory
    List<DynamicTest> headerMutations(@TempDir Path tmp) {
        RecordFuzzRecords.Rec syn = synth("syn16");
        RecordFuzzRecords.Rec mat = synth("synmat");
        String h = text(syn.header());
        List<String> lines = Arrays.asList(h.split("\n", -1));
        List<DynamicTest> tests = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        class Case {
            void add(String name, RecordFuzzRecords.Rec rec, byte[] header, Expect expect, String location) {
                tests.add(named(name, () -> {
                    Path dir = Files.createDirectories(tmp.resolve("h" + n.incrementAndGet()));
                    expectOutcome(expect, writeRecord(dir, rec, header, Map.of()), rec, location);
                }));
            }

            void add(String name, byte[] header, Expect expect, String location) {
                add(name, syn, header, expect, location);
            }
        }
        Case c = new Case();
        int line2 = h.indexOf('\n') + 1;
        c.add("truncated inside the record line", ascii(h.substring(0, 9)), Expect.PARSE_ERROR, "line");
        c.add("truncated in the middle of signal line 1", ascii(h.substring(0, line2 + 12)), Expect.PARSE_ERROR, "line");
        c.add("truncated in the middle of the last signal line", ascii(h.substring(0, h.indexOf("\n#") - 5)), Expect.EITHER, null);
        c.add("truncated after the record line", ascii(h.substring(0, line2)), Expect.PARSE_ERROR, "line");
        c.add("truncated to one byte", ascii(h.substring(0, 1)), Expect.PARSE_ERROR, "line");
        c.add("empty", new byte[0], Expect.PARSE_ERROR, null);
        c.add("only a byte-order mark and blank lines", concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ascii("\n \n\t\n")),
                Expect.PARSE_ERROR, null);
        c.add("only comments", ascii("# Age: 3\n#Dx: 1\n"), Expect.PARSE_ERROR, null);
        c.add("signal line 2 deleted", ascii(without(lines, 2)), Expect.PARSE_ERROR, "line");
        c.add("record line deleted", ascii(without(lines, 0)), Expect.PARSE_ERROR, "line");
        c.add("last signal line duplicated", ascii(with(lines, 4, lines.get(3))), Expect.SUCCESS, null);
        c.add("record line duplicated", ascii(with(lines, 1, lines.get(0))), Expect.READ_ERROR, null);
        c.add("signal line 1 duplicated before the record line", ascii(with(lines, 0, lines.get(1))), Expect.EITHER, null);
        c.add("nsig byte flipped into invalid UTF-8", flipAt(syn.header(), h.indexOf(' ') + 1, 0x80), Expect.PARSE_ERROR, "line 1");
        c.add("format byte flipped ('16' -> '1\\x16')", flipAt(syn.header(), line2 + 11, 0x20), Expect.EITHER, null);
        c.add("NUL inserted into the record line", insertAt(syn.header(), 3, new byte[] {0}), Expect.PARSE_ERROR, null);
        c.add("NUL inserted into a comment", insertAt(syn.header(), h.indexOf("#Age") + 2, new byte[] {0}), Expect.EITHER, null);
        c.add("replaced by 2 kB of binary garbage", randomBytes(2048, 7), Expect.PARSE_ERROR, null);
        c.add("replaced by printable garbage", ascii("\u0001\u0002 ~~~ \u007f 12 ab\n!!! 16 200\n"), Expect.PARSE_ERROR, null);
        c.add("sample count 2^31", ascii(replaceToken(h, 0, 3, "2147483648")), Expect.READ_ERROR, null);
        c.add("sample count 2^63 (one past long)", ascii(replaceToken(h, 0, 3, "9223372036854775808")), Expect.PARSE_ERROR, "line 1");
        c.add("signal count 0", ascii(replaceToken(h, 0, 1, "0")), Expect.READ_ERROR, null);
        c.add("signal count 10^6", ascii(replaceToken(h, 0, 1, "1000000")), Expect.PARSE_ERROR, "line 1");
        c.add("unknown format 311 on every signal", ascii(h.replace(" 16 200", " 311 200")), Expect.READ_ERROR, "format");
        c.add("unknown format 8 on one signal", ascii(replaceToken(h, 2, 1, "8")), Expect.READ_ERROR, "format");
        c.add("byte offset one past the file", ascii(h.replace(" 16 200", " 16+" + (syn.files().get("syn16.dat").length + 1) + " 200")),
                Expect.READ_ERROR, "offset");
        c.add("byte offset 2^62", ascii(h.replace(" 16 200", " 16+4611686018427387904 200")), Expect.READ_ERROR, "offset");
        c.add("byte offset on one signal only", ascii(replaceToken(h, 1, 1, "16+2")), Expect.READ_ERROR, "format");
        c.add("samples per frame differ between signals", ascii(replaceToken(h, 1, 1, "16x2")), Expect.READ_ERROR, "format");
        c.add("multi-segment record line", ascii(replaceToken(h, 0, 0, "syn16/2")), Expect.READ_ERROR, null);
        c.add("signal file '~'", ascii(h.replace("syn16.dat ", "~ ")), Expect.READ_ERROR, "file");
        c.add("signal file missing", ascii(h.replace("syn16.dat ", "gone.dat ")), Expect.READ_ERROR, "file");
        c.add("signal file is a folder", ascii(h.replace("syn16.dat ", ". ")), Expect.READ_ERROR, "file");
        c.add("signal file is the header itself", ascii(h.replace("syn16.dat ", "syn16.hea ")), Expect.EITHER, null);
        c.add("signal file name of 300 characters", ascii(h.replace("syn16.dat ", "x".repeat(300) + ".dat ")), Expect.READ_ERROR, "file");
        c.add("100,000-digit sampling frequency", ascii(replaceToken(h, 0, 2, "9".repeat(100_000))), Expect.PARSE_ERROR, "line 1");
        c.add("100,000-digit signal count", ascii(replaceToken(h, 0, 1, "9".repeat(100_000))), Expect.PARSE_ERROR, "line 1");
        c.add("100,000-digit gain", ascii(replaceToken(h, 1, 2, "9".repeat(100_000))), Expect.PARSE_ERROR, "line 2");
        c.add("CRLF line ends, a byte-order mark and tabs (all legal)",
                concat(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF}, ascii(h.replace("\n", "\r\n").replace(' ', '\t'))),
                Expect.SUCCESS, null);
        c.add("header larger than 4 MiB", ascii(h + "#" + "x".repeat((int) WfdbHeaderParser.MAX_HEADER_BYTES) + "\n"),
                Expect.PARSE_ERROR, null);
        c.add("MAT record: sample count 2^31", mat, ascii(replaceToken(text(mat.header()), 0, 3, "2147483648")),
                Expect.READ_ERROR, "samples");
        return tests;
    }

    // ====================================================================== signal files, one mutation class each

    @TestFactory
    List<DynamicTest> signalFileMutations(@TempDir Path tmp) {
        RecordFuzzRecords.Rec syn = synth("syn16");
        RecordFuzzRecords.Rec off = synth("synoff");
        RecordFuzzRecords.Rec mat = synth("synmat");
        RecordFuzzRecords.Rec two = synth("syn2f");
        byte[] dat = syn.files().get("syn16.dat");
        byte[] offDat = off.files().get("synoff.dat");
        byte[] matBytes = mat.files().get("synmat.mat");
        List<DynamicTest> tests = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        class Case {
            void add(String name, RecordFuzzRecords.Rec rec, String file, byte[] contents, Expect expect, String location) {
                tests.add(named(name, () -> {
                    Path dir = Files.createDirectories(tmp.resolve("s" + n.incrementAndGet()));
                    Map<String, byte[]> files = new LinkedHashMap<>();
                    files.put(file, contents);
                    Path hea = writeRecord(dir, rec, rec.header(), files);
                    expectOutcome(expect, hea, rec, location);
                    if (contents != null) expectOutcome(expect == Expect.PARSE_ERROR ? Expect.READ_ERROR : expect, dir.resolve(file), rec, location);
                }));
            }
        }
        Case c = new Case();
        c.add(".dat one byte short (sample count given)", syn, "syn16.dat", Arrays.copyOf(dat, dat.length - 1), Expect.READ_ERROR, "samples");
        c.add(".dat truncated to half (sample count given)", syn, "syn16.dat", Arrays.copyOf(dat, dat.length / 2), Expect.READ_ERROR, "samples");
        c.add(".dat truncated to 1 byte", syn, "syn16.dat", Arrays.copyOf(dat, 1), Expect.READ_ERROR, "samples");
        c.add(".dat empty", syn, "syn16.dat", new byte[0], Expect.READ_ERROR, "samples");
        c.add(".dat deleted", syn, "syn16.dat", null, Expect.READ_ERROR, "file");
        c.add(".dat truncated mid-frame (no sample count: length from the file)", off, "synoff.dat",
                Arrays.copyOf(offDat, offDat.length - 3), Expect.SUCCESS, null);
        c.add(".dat cut inside its byte-offset prefix", off, "synoff.dat", Arrays.copyOf(offDat, 10), Expect.READ_ERROR, "offset");
        c.add(".dat with 32 flipped bytes", syn, "syn16.dat", flipMany(dat, 32, 3), Expect.SUCCESS, null);
        c.add(".dat with 4 kB of garbage appended", syn, "syn16.dat", concat(dat, randomBytes(4096, 4)), Expect.SUCCESS, null);
        c.add(".dat with 5 garbage bytes inserted at byte 7", syn, "syn16.dat", insertAt(dat, 7, randomBytes(5, 5)), Expect.SUCCESS, null);
        c.add(".dat replaced by 1 kB of garbage", syn, "syn16.dat", randomBytes(1024, 6), Expect.EITHER, null);
        c.add(".dat starting with a MAT v4 header", syn, "syn16.dat", concat(RecordFuzzRecords.mat4Header(30, 3, 64, 0, "val"), dat),
                Expect.EITHER, null);
        // A valid format-16 file whose first two samples are 0: its first four bytes read as MAT v4 type 0.
        c.add("valid .dat whose first two samples are zero", syn, "syn16.dat", zeroFirst(dat, 4), Expect.SUCCESS, null);
        c.add("valid .dat whose first four samples are zero", syn, "syn16.dat", zeroFirst(dat, 8), Expect.SUCCESS, null);
        c.add(".xyz of a two-file record truncated (sample count given)", two, "syn2f.xyz",
                Arrays.copyOf(two.files().get("syn2f.xyz"), 20), Expect.READ_ERROR, null);
        c.add(".xyz of a two-file record deleted", two, "syn2f.xyz", null, Expect.READ_ERROR, "file");

        c.add(".mat one byte short", mat, "synmat.mat", Arrays.copyOf(matBytes, matBytes.length - 1), Expect.READ_ERROR, "MAT");
        c.add(".mat cut inside its header", mat, "synmat.mat", Arrays.copyOf(matBytes, 15), Expect.READ_ERROR, null);
        c.add(".mat empty", mat, "synmat.mat", new byte[0], Expect.READ_ERROR, null);
        c.add(".mat deleted", mat, "synmat.mat", null, Expect.READ_ERROR, "file");
        c.add(".mat with flipped sample bytes", mat, "synmat.mat", flipRange(matBytes, 24, 40, 9), Expect.SUCCESS, null);
        c.add(".mat with 4 kB of garbage appended", mat, "synmat.mat", concat(matBytes, randomBytes(4096, 10)), Expect.SUCCESS, null);
        c.add(".mat replaced by 4 kB of garbage", mat, "synmat.mat", randomBytes(4096, 11), Expect.READ_ERROR, null);
        Object[][] ints = {
            {"type", 0, 0x7FFFFFFF}, {"type", 0, -1}, {"type", 0, 0}, {"type", 0, 20}, {"type", 0, 10}, {"type", 0, 1030},
            {"type", 0, 31}, {"type", 0, 130}, {"rows", 4, -1}, {"rows", 4, 0}, {"rows", 4, 11}, {"rows", 4, 13},
            {"rows", 4, Integer.MAX_VALUE}, {"rows", 4, Integer.MIN_VALUE}, {"cols", 8, -1}, {"cols", 8, 41},
            {"cols", 8, 1 << 30}, {"cols", 8, Integer.MAX_VALUE}, {"cols", 8, Integer.MIN_VALUE}, {"imagf", 12, 1},
            {"imagf", 12, -1}, {"namlen", 16, 0}, {"namlen", 16, -1}, {"namlen", 16, 65}, {"namlen", 16, 200},
            {"namlen", 16, Integer.MAX_VALUE}, {"namlen", 16, Integer.MIN_VALUE},
        };
        for (Object[] i : ints) {
            c.add(".mat header " + i[0] + " = " + i[2], mat, "synmat.mat", putInt(matBytes, (Integer) i[1], (Integer) i[2]),
                    Expect.READ_ERROR, null);
        }
        c.add(".mat header: all five integers Integer.MIN_VALUE", mat, "synmat.mat",
                putInt(putInt(putInt(putInt(putInt(matBytes, 0, Integer.MIN_VALUE), 4, Integer.MIN_VALUE), 8, Integer.MIN_VALUE),
                        12, Integer.MIN_VALUE), 16, Integer.MIN_VALUE), Expect.READ_ERROR, null);
        c.add(".mat header: rows 13 × cols 36 (same bytes, other shape)", mat, "synmat.mat", putInt(putInt(matBytes, 4, 13), 8, 36),
                Expect.READ_ERROR, null);
        c.add(".mat header: cols 20 (fewer columns than the header's sample count)", mat, "synmat.mat", putInt(matBytes, 8, 20),
                Expect.READ_ERROR, "samples");
        return tests;
    }

    // ====================================================================== header and signal file together

    @TestFactory
    List<DynamicTest> headerAndSignalMutations(@TempDir Path tmp) {
        RecordFuzzRecords.Rec syn = synth("syn16");
        RecordFuzzRecords.Rec mat = synth("synmat");
        RecordFuzzRecords.Rec f212 = synth("syn212");
        String h = text(syn.header());
        String m = text(mat.header());
        byte[] dat = syn.files().get("syn16.dat");
        byte[] matBytes = mat.files().get("synmat.mat");
        List<DynamicTest> tests = new ArrayList<>();
        AtomicInteger n = new AtomicInteger();
        class Case {
            void add(String name, RecordFuzzRecords.Rec rec, String header, String file, byte[] contents, Expect expect) {
                tests.add(named(name, () -> {
                    Path dir = Files.createDirectories(tmp.resolve("b" + n.incrementAndGet()));
                    Map<String, byte[]> files = new LinkedHashMap<>();
                    files.put(file, contents);
                    expectOutcome(expect, writeRecord(dir, rec, header.getBytes(UTF_8), files), rec, null);
                }));
            }
        }
        Case c = new Case();
        c.add("sample count 2^31 and the .mat one byte short", mat, replaceToken(m, 0, 3, "2147483648"), "synmat.mat",
                Arrays.copyOf(matBytes, matBytes.length - 1), Expect.READ_ERROR);
        c.add("no sample count and an empty .dat", syn, replaceToken(h, 0, 3, ""), "syn16.dat", new byte[0], Expect.EITHER);
        c.add("format 212 declared over a format-16 .dat", syn, h.replace(" 16 200", " 212 200"), "syn16.dat", dat, Expect.EITHER);
        c.add("format 80 declared over a truncated .dat", syn, h.replace(" 16 200", " 80 200"), "syn16.dat",
                Arrays.copyOf(dat, 100), Expect.READ_ERROR);
        c.add("format 24 declared, .dat garbage", syn, h.replace(" 16 200", " 24 200"), "syn16.dat", randomBytes(999, 12), Expect.EITHER);
        c.add("13 signals declared and .mat rows 13", mat, replaceToken(m, 0, 1, "13"), "synmat.mat", putInt(matBytes, 4, 13),
                Expect.PARSE_ERROR);
        c.add("11 signals declared and .mat rows 11", mat, replaceToken(m, 0, 1, "11"), "synmat.mat", putInt(matBytes, 4, 11),
                Expect.EITHER);
        c.add("format 32 declared, .mat says int32", mat, m.replace(" 16+24 ", " 32+24 "), "synmat.mat", putInt(matBytes, 0, 20),
                Expect.READ_ERROR);
        c.add("byte offset 2^31 and the .dat emptied", syn, h.replace(" 16 200", " 16+2147483648 200"), "syn16.dat", new byte[0],
                Expect.READ_ERROR);
        c.add("212 record: no sample count, .dat cut to an odd length", f212, replaceToken(text(f212.header()), 0, 3, ""),
                "syn212.dat", Arrays.copyOf(f212.files().get("syn212.dat"), 50), Expect.SUCCESS);
        return tests;
    }

    // ====================================================================== allocation and time bounds

    @Test
    void headerClaiming2To31SamplesOverA50kBFileFailsFast(@TempDir Path dir) throws IOException {
        Path hea = writeBig(dir, "claims", "claims 1 250 2147483648\n", 1, 50_000);
        RecordFormatException e = assertTimeoutPreemptively(Duration.ofMillis(FAST_MILLIS),
                () -> expectRfe("2^31 samples", () -> EcgRecordReader.read(hea), "claims.hea"));
        assertTrue(e.getMessage().contains("2147483648"), e.getMessage());
        assertTrue(e.location() != null && e.location().contains("samples"), "location " + e.location());
    }

    @Test
    void headerClaimingAMillionSignalsFailsFast(@TempDir Path dir) throws IOException {
        Path hea = writeBig(dir, "million", "million 1000000 250 5000\n", 3, 30_000);
        for (Callable<?> call : List.<Callable<?>>of(() -> EcgRecordReader.read(hea), () -> EcgRecordReader.readHeader(hea))) {
            RecordFormatException e = assertTimeoutPreemptively(Duration.ofMillis(FAST_MILLIS),
                    () -> expectRfe("10^6 signals", call, "million.hea"));
            assertTrue(e.location() != null && e.location().contains("line 1"), "location " + e.location());
        }
    }

    /**
     * The MAT v4 size check on its own: rows × cols × element size must not overflow {@code long} into a
     * negative "bytes needed" that any file satisfies. (Through the reader a later check still rejects
     * these shapes, but {@link Mat4Header#parse} promises to check the header against the file size.)
     */
    @TestFactory
    List<DynamicTest> mat4HeaderSizeCheckDoesNotOverflow() {
        List<DynamicTest> tests = new ArrayList<>();
        int[][] shapes = {{20, Integer.MAX_VALUE, Integer.MAX_VALUE}, {0, Integer.MAX_VALUE, Integer.MAX_VALUE},
            {10, Integer.MAX_VALUE, Integer.MAX_VALUE}, {0, 1 << 30, 1 << 30}};
        String[] types = {"int32", "double", "single", "double"};
        for (int i = 0; i < shapes.length; i++) {
            int[] s = shapes[i];
            byte[] head = RecordFuzzRecords.mat4Header(s[0], s[1], s[2], 0, "val");
            tests.add(named(types[i] + " " + s[1] + " × " + s[2] + " in a 1 kB file", () -> expectRfe("Mat4Header.parse",
                    () -> Mat4Header.parse(Path.of("over.mat"), head, 1024), "over.mat")));
        }
        return tests;
    }

    /**
     * Inputs whose claims could exhaust memory or time, read in a child JVM with a 64 MB heap and a
     * per-call limit: each must end in a RecordFormatException naming the file within {@value #FAST_MILLIS} ms.
     */
    @TestFactory
    List<DynamicTest> boundedMemoryAndTimeInAChildJvm(@TempDir Path tmp) throws Exception {
        List<String[]> cases = new ArrayList<>(); // name, calls, path, file name the message must contain
        Path d;

        d = Files.createDirectories(tmp.resolve("c1"));
        cases.add(new String[] {"header claiming 2^31 samples over a 50 kB .dat", "R",
            writeBig(d, "big", "big 1 250 2147483648\n", 1, 50_000).toString(), "big.hea"});
        d = Files.createDirectories(tmp.resolve("c2"));
        cases.add(new String[] {"header claiming 2^63-1 samples over a 50 kB .dat", "R",
            writeBig(d, "big", "big 1 250 9223372036854775807\n", 1, 50_000).toString(), "big.hea"});
        d = Files.createDirectories(tmp.resolve("c3"));
        cases.add(new String[] {"header claiming 10^6 signals", "HR",
            writeBig(d, "mil", "mil 1000000 250 5000\n", 3, 30_000).toString(), "mil.hea"});
        d = Files.createDirectories(tmp.resolve("c4"));
        cases.add(new String[] {"4096 signals × 2^31-1 samples over a 1 kB .dat", "R",
            writeBig(d, "many", "many 4096 250 2147483647\n", 4096, 1_000).toString(), "many.hea"});
        d = Files.createDirectories(tmp.resolve("c5"));
        cases.add(new String[] {"4096 signals × 65536 samples per frame, no sample count, 100-byte .dat", "R",
            writeFrames(d, "wide", ".dat", 0).toString(), "wide.hea"});
        d = Files.createDirectories(tmp.resolve("c6"));
        cases.add(new String[] {"4096 signals × 65536 samples per frame over a MAT v4 matrix of 268435456 × 0", "R",
            writeFrames(d, "widemat", ".mat", 1 << 28).toString(), "widemat"});
        d = Files.createDirectories(tmp.resolve("c7"));
        RecordFuzzRecords.Rec mat = synth("synmat");
        byte[] matBytes = mat.files().get("synmat.mat");
        cases.add(new String[] {"MAT v4 header claiming 12 × 2^31-1 over 1 kB", "R",
            writeRecord(d, mat, mat.header(), Map.of("synmat.mat", putInt(matBytes, 8, Integer.MAX_VALUE))).toString(), "synmat"});
        d = Files.createDirectories(tmp.resolve("c8"));
        cases.add(new String[] {"MAT v4 header claiming 2^31-1 × 2^31-1 (int32) over 1 kB", "R",
            writeRecord(d, mat, mat.header(), Map.of("synmat.mat",
                putInt(putInt(putInt(matBytes, 0, 20), 4, Integer.MAX_VALUE), 8, Integer.MAX_VALUE))).toString(), "synmat"});
        d = Files.createDirectories(tmp.resolve("c9"));
        Path huge = d.resolve("huge.hea");
        Files.write(huge, ascii("huge 1 250\nhuge.dat 16\n#" + "x".repeat((int) WfdbHeaderParser.MAX_HEADER_BYTES) + "\n"));
        cases.add(new String[] {"header of 4 MiB + 1 byte", "H", huge.toString(), "huge.hea"});
        d = Files.createDirectories(tmp.resolve("c10"));
        Path slowFs = d.resolve("slowfs.hea");
        Files.write(slowFs, ascii("slowfs 1 " + "0".repeat(200_000) + "d\nslowfs.dat 16 200 16 0\n"));
        cases.add(new String[] {"sampling frequency of 200,000 zeros and a 'd' (parseDouble accepts it)", "H", slowFs.toString(),
            "slowfs.hea"});
        d = Files.createDirectories(tmp.resolve("c11"));
        Path slowGain = d.resolve("slowgain.hea");
        Files.write(slowGain, ascii("slowgain 1 250\nslowgain.dat 16 " + "0".repeat(200_000) + "1f(0)/mV 16 0\n"));
        cases.add(new String[] {"gain of 200,000 zeros, a 1 and an 'f'", "H", slowGain.toString(), "slowgain.hea"});

        List<String> args = new ArrayList<>();
        for (String[] c : cases) args.add(c[1] + "=" + c[2]);
        ChildOutput out = runChild(tmp, args, Map.of(), "-Xmx64m", 3_000, 90);
        List<DynamicTest> tests = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            String[] c = cases.get(i);
            int index = i;
            for (char call : c[1].toCharArray()) {
                String name = c[0] + (call == 'R' ? " — read" : " — readHeader");
                tests.add(dynamicTest(name, () -> {
                    String[] r = out.result(index, call);
                    long ms = Long.parseLong(r[3]);
                    if (!"RFE".equals(r[4])) {
                        fail(name + ": expected a RecordFormatException within " + FAST_MILLIS + " ms in a 64 MB JVM, got "
                                + r[4] + " after " + ms + " ms: " + (r.length > 5 ? r[5] : ""));
                    }
                    assertTrue(r[5].contains(c[3]), "message does not name " + c[3] + ": " + r[5]);
                    assertTrue(!r[6].startsWith("cause=unchecked"), "a runtime exception caught only by the last-resort catch: " + r[6]);
                    assertTrue(ms <= FAST_MILLIS, "took " + ms + " ms: " + r[5]);
                }));
            }
        }
        return tests;
    }

    /**
     * A non-ASCII signal file name where the JVM's file-name encoding is ASCII (a POSIX/C locale, common
     * in containers and CI): resolving it must still end in a located RecordFormatException, not in an
     * InvalidPathException that only the reader's last-resort catch turns into one.
     */
    @Test
    void nonAsciiSignalFileNameUnderAnAsciiLocale(@TempDir Path tmp) throws Exception {
        Path hea = tmp.resolve("loc.hea");
        Files.write(hea, "loc 1 250 10\n\u00e9\u20ac.dat 16 200 16 0 0 0 0 I\n".getBytes(UTF_8));
        ChildOutput out = runChild(tmp, List.of("HR=" + hea), Map.of("LC_ALL", "C", "LANG", ""), "-Xmx64m", 5_000, 60);
        String[] header = out.result(0, 'H');
        assertEquals("OK", header[4], "readHeader: " + String.join(" ", header));
        String[] read = out.result(0, 'R');
        assertEquals("RFE", read[4], "read: " + String.join(" ", read));
        assertTrue(read[5].contains("loc.hea"), read[5]);
        assertTrue(!read[6].startsWith("cause=unchecked"), "under " + out.env()
                + " the reader's last-resort catch turned a runtime exception into: " + read[5] + " (" + read[6] + ")");
    }

    // ====================================================================== judging outcomes

    /** Null when {@code e} is a proper answer to a malformed input: a message naming one of the files, no hidden bug. */
    static String rfeProblem(RecordFormatException e, Set<String> names) {
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) return "RecordFormatException without a message";
        Throwable cause = e.getCause();
        if (cause instanceof RuntimeException || cause instanceof Error) {
            return "RecordFormatException wrapping " + cause.getClass().getName() + " (a reader bug caught only by the last-resort catch)";
        }
        for (String name : names) {
            if (msg.contains(name)) return null;
        }
        return "RecordFormatException message names neither the mutated file nor the header";
    }

    /** Class, message (abbreviated) and the top frames, cause included. */
    static String describe(Throwable t) {
        StringBuilder sb = new StringBuilder(RecordFuzzRun.abbreviate(String.valueOf(t), 400));
        StackTraceElement[] st = t.getStackTrace();
        for (int i = 0; i < Math.min(5, st.length); i++) sb.append("\n      at ").append(st[i]);
        if (t.getCause() != null && t.getCause() != t) sb.append("\n    caused by ").append(describe(t.getCause()));
        return sb.toString();
    }

    private static void expectOutcome(Expect expect, Path entry, RecordFuzzRecords.Rec rec, String location) throws Exception {
        String[] names = namesOf(rec);
        switch (expect) {
            case PARSE_ERROR -> {
                RecordFormatException a = expectRfe("readHeader", () -> EcgRecordReader.readHeader(entry), names);
                RecordFormatException b = expectRfe("read", () -> EcgRecordReader.read(entry), names);
                if (location != null) {
                    assertLocated(a, location);
                    assertLocated(b, location);
                }
            }
            case READ_ERROR -> {
                expectSoundOrRfe("readHeader", () -> EcgRecordReader.readHeader(entry), names);
                RecordFormatException e = expectRfe("read", () -> EcgRecordReader.read(entry), names);
                if (location != null) assertLocated(e, location);
            }
            case EITHER -> {
                expectSoundOrRfe("readHeader", () -> EcgRecordReader.readHeader(entry), names);
                expectSoundOrRfe("read", () -> EcgRecordReader.read(entry), names);
            }
            case SUCCESS -> {
                expectSound("readHeader", () -> EcgRecordReader.readHeader(entry));
                expectSound("read", () -> EcgRecordReader.read(entry));
            }
        }
    }

    /**
     * The location (or, for whole-file problems, the message) mentions {@code what}; "line N" must be
     * that line, not line N0.
     */
    private static void assertLocated(RecordFormatException e, String what) {
        String where = e.location() == null ? "" : e.location();
        boolean ok = what.matches("line \\d+") ? where.equals(what) || where.startsWith(what + ",")
                : where.contains(what) || e.getMessage().contains(what);
        assertTrue(ok,
                "the exception should locate the problem at '" + what + "': location " + e.location() + ", message " + e.getMessage());
    }

    static RecordFormatException expectRfe(String what, Callable<?> call, String... names) {
        Object result;
        try {
            result = call.call();
        } catch (RecordFormatException e) {
            String problem = rfeProblem(e, Set.of(names));
            if (problem != null) throw new AssertionFailedError(what + ": " + problem + ": " + e.getMessage(), e);
            return e;
        } catch (Throwable t) {
            throw new AssertionFailedError(what + ": expected a RecordFormatException, got " + t, t);
        }
        throw new AssertionFailedError(what + ": expected a RecordFormatException, but it succeeded: " + show(result));
    }

    private static void expectSoundOrRfe(String what, Callable<?> call, String... names) {
        try {
            Object result = call.call();
            String problem = RecordFuzzRun.invariantProblem(result);
            if (problem != null) fail(what + " succeeded with an unsound result: " + problem);
        } catch (RecordFormatException e) {
            String problem = rfeProblem(e, Set.of(names));
            if (problem != null) throw new AssertionFailedError(what + ": " + problem + ": " + e.getMessage(), e);
        } catch (Throwable t) {
            throw new AssertionFailedError(what + ": expected success or a RecordFormatException, got " + t, t);
        }
    }

    private static void expectSound(String what, Callable<?> call) {
        try {
            Object result = call.call();
            String problem = RecordFuzzRun.invariantProblem(result);
            if (problem != null) fail(what + " succeeded with an unsound result: " + problem);
        } catch (Throwable t) {
            throw new AssertionFailedError(what + ": expected a sound result, got " + t, t);
        }
    }

    private static String show(Object result) {
        if (result instanceof EcgRecord r) return r.leads().size() + " leads × " + r.samples() + " samples at " + r.fs() + " Hz";
        if (result instanceof WfdbHeader h) return h.signalCount() + " signals at " + h.samplingFrequency() + " Hz";
        return String.valueOf(result);
    }

    private static String[] namesOf(RecordFuzzRecords.Rec rec) {
        List<String> names = new ArrayList<>();
        names.add(rec.headerName());
        names.addAll(rec.signalFiles());
        return names.toArray(String[]::new);
    }

    // ====================================================================== child JVM

    /** The lines a {@link RecordFuzzChild} printed. */
    record ChildOutput(String env, List<String[]> results, String raw) {
        String[] result(int index, char call) {
            for (String[] r : results) {
                if (Integer.parseInt(r[1]) == index && r[2].charAt(0) == call) return r;
            }
            throw new AssertionFailedError("no result for input " + index + " " + call
                    + ": the child JVM crashed or ran out of time. Its output:\n" + RecordFuzzRun.abbreviate(raw, 3000));
        }
    }

    private static ChildOutput runChild(Path tmp, List<String> args, Map<String, String> env, String xmx, long perCallMillis,
                                        long limitSeconds) throws IOException, InterruptedException, URISyntaxException {
        String cp = Path.of(EcgRecordReader.class.getProtectionDomain().getCodeSource().getLocation().toURI())
                + File.pathSeparator
                + Path.of(RecordFuzzChild.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), xmx,
                "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", cp, RecordFuzzChild.class.getName(), Long.toString(perCallMillis)));
        cmd.addAll(args);
        Path outFile = Files.createTempFile(tmp, "child", ".out");
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(outFile.toFile());
        for (Map.Entry<String, String> e : env.entrySet()) {
            if (e.getValue().isEmpty()) pb.environment().remove(e.getKey());
            else pb.environment().put(e.getKey(), e.getValue());
        }
        Process p = pb.start();
        if (!p.waitFor(limitSeconds, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        String raw = Files.readString(outFile, UTF_8);
        List<String[]> results = raw.lines().filter(l -> l.startsWith("RESULT\t")).map(l -> l.split("\t", -1)).toList();
        String envLine = raw.lines().filter(l -> l.startsWith("ENV\t")).findFirst().orElse("ENV\t?").substring(4);
        return new ChildOutput(envLine, results, raw);
    }

    // ====================================================================== building inputs

    private static RecordFuzzRecords.Rec synth(String id) {
        return RecordFuzzRecords.synthesized().stream().filter(r -> r.id().equals(id)).findFirst().orElseThrow();
    }

    /** Writes the record with this header and these signal files replaced (a null value deletes the file). */
    private static Path writeRecord(Path dir, RecordFuzzRecords.Rec rec, byte[] header, Map<String, byte[]> signals) throws IOException {
        for (Map.Entry<String, byte[]> e : rec.files().entrySet()) {
            byte[] contents = e.getKey().equals(rec.headerName()) ? header
                    : signals.containsKey(e.getKey()) ? signals.get(e.getKey()) : e.getValue();
            if (contents != null) Files.write(dir.resolve(e.getKey()), contents);
        }
        for (Map.Entry<String, byte[]> e : signals.entrySet()) {
            if (!rec.files().containsKey(e.getKey()) && e.getValue() != null) Files.write(dir.resolve(e.getKey()), e.getValue());
        }
        return dir.resolve(rec.headerName());
    }

    /** A header with {@code signals} lines in format 16 over one .dat of {@code bytes} non-zero bytes. */
    private static Path writeBig(Path dir, String id, String recordLine, int signals, int bytes) throws IOException {
        StringBuilder h = new StringBuilder(recordLine);
        for (int s = 0; s < signals; s++) h.append(id).append(".dat 16 200 16 0 0 0 0 s").append(s).append('\n');
        Files.write(dir.resolve(id + ".hea"), ascii(h.toString()));
        byte[] data = new byte[bytes];
        Arrays.fill(data, (byte) 0x11);
        Files.write(dir.resolve(id + ".dat"), data);
        return dir.resolve(id + ".hea");
    }

    /**
     * 4096 signals of 65536 samples per frame, no sample count: one frame is 2^28 samples, far more than
     * the tiny signal file holds. For {@code .mat}, a MAT v4 header of {@code rows} × 0 int16 elements.
     */
    private static Path writeFrames(Path dir, String id, String ext, int rows) throws IOException {
        StringBuilder h = new StringBuilder(id).append(" 4096 250\n");
        String format = ext.equals(".mat") ? "16x65536+24" : "16x65536";
        for (int s = 0; s < 4096; s++) h.append(id).append(ext).append(' ').append(format).append(" 200 16 0\n");
        Files.write(dir.resolve(id + ".hea"), ascii(h.toString()));
        byte[] data;
        if (ext.equals(".mat")) {
            data = RecordFuzzRecords.mat4Header(30, rows, 0, 0, "val");
        } else {
            data = new byte[100];
            Arrays.fill(data, (byte) 0x55);
        }
        Files.write(dir.resolve(id + ext), data);
        return dir.resolve(id + ".hea");
    }

    private static String text(byte[] b) {
        return new String(b, ISO_8859_1);
    }

    private static byte[] ascii(String s) {
        return s.getBytes(US_ASCII);
    }

    /** Replaces field {@code token} (0-based, space separated) of line {@code line}; adds it when missing. */
    static String replaceToken(String text, int line, int token, String value) {
        String[] lines = text.split("\n", -1);
        List<String> fields = new ArrayList<>(Arrays.asList(lines[line].split(" ")));
        while (fields.size() <= token) fields.add("");
        fields.set(token, value);
        lines[line] = fields.stream().collect(Collectors.joining(" ")).stripTrailing();
        return String.join("\n", lines);
    }

    private static String without(List<String> lines, int index) {
        List<String> l = new ArrayList<>(lines);
        l.remove(index);
        return String.join("\n", l);
    }

    private static String with(List<String> lines, int index, String line) {
        List<String> l = new ArrayList<>(lines);
        l.add(index, line);
        return String.join("\n", l);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        return RecordFuzzRecords.concat(a, b);
    }

    private static byte[] flipAt(byte[] data, int at, int mask) {
        byte[] out = data.clone();
        out[at] ^= (byte) mask;
        return out;
    }

    private static byte[] flipMany(byte[] data, int n, long seed) {
        return flipRange(data, 0, data.length, seed, n);
    }

    private static byte[] flipRange(byte[] data, int from, int to, long seed) {
        return flipRange(data, from, to, seed, 16);
    }

    private static byte[] flipRange(byte[] data, int from, int to, long seed, int n) {
        Random r = new Random(seed);
        byte[] out = data.clone();
        for (int i = 0; i < n; i++) out[from + r.nextInt(to - from)] ^= (byte) (r.nextInt(255) + 1);
        return out;
    }

    private static byte[] insertAt(byte[] data, int at, byte[] insert) {
        byte[] out = new byte[data.length + insert.length];
        System.arraycopy(data, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(data, at, out, at + insert.length, data.length - at);
        return out;
    }

    private static byte[] zeroFirst(byte[] data, int n) {
        byte[] out = data.clone();
        Arrays.fill(out, 0, n, (byte) 0);
        return out;
    }

    private static byte[] putInt(byte[] data, int offset, int value) {
        byte[] out = data.clone();
        ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN).putInt(offset, value);
        return out;
    }

    private static byte[] randomBytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
