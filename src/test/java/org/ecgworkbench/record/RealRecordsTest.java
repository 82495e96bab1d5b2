package org.ecgworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.assertj.core.data.Offset;
import org.ecgworkbench.record.wfdb.SignalSpec;
import org.ecgworkbench.record.wfdb.WfdbHeader;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Proves that {@link EcgRecordReader} returns what scipy/numpy give for every real record under
 * {@code ../shared/data}: the golden values in {@code golden/records.json} were written by
 * {@code src/test/python/make_record_golden.py} (see its docstring for every definition), so no
 * Python is needed here. The folder is not part of a fresh clone; without it these tests skip.
 * {@link SampleRecordsTest} runs the same checks on the committed samples everywhere.
 */
@SlowTest
class RealRecordsTest {

    /** Surefire sets this to {@code ${project.basedir}/../shared/data}. */
    static final String DATA_PROPERTY = "ecg.shared.data";
    static final String GOLDEN_RESOURCE = "/golden/records.json";

    /** The CPSC MAT v5 files fail with this until the MAT v5 reader lands; their cases skip meanwhile. */
    static final String MAT5_PENDING = "has no header file beside it";

    /** Gains the CinC 2020 release got wrong (ADC units per mV) and the gain the correction uses. */
    static final Set<Double> CINC_WRONG_GAINS = Set.of(4880.0, 200.0, 2_000_000.0);
    static final double CORRECT_GAIN = 1000.0;

    /** A float32 sample against its float64 value: relative 1e-6 plus absolute 1e-7 (mV). */
    static final double SAMPLE_RELATIVE = 1e-6;
    static final double SAMPLE_ABSOLUTE = 1e-7;
    /** Sums: relative 1e-5 of the sum ... */
    static final double SUM_RELATIVE = 1e-5;
    /**
     * ... plus this much of sqrt(n·Σx²) ≥ Σ|x|, because signed samples cancel: rounding to float32
     * moves a sum by at most 2^-24·Σ|x| ≈ 6e-8·Σ|x|, which for a sum near zero is far more than
     * 1e-5 of itself.
     */
    static final double SUM_CANCELLATION = 1e-7;

    // ------------------------------------------------------------------------------ every record

    @TestFactory
    Stream<DynamicNode> everyRecordMatchesScipy() {
        Path data = requireSharedData();
        Map<String, List<GoldenRecord>> byFolder = new LinkedHashMap<>();
        for (GoldenRecord g : Golden.load(GOLDEN_RESOURCE).records()) {
            byFolder.computeIfAbsent(g.folder(), f -> new ArrayList<>()).add(g);
        }
        return byFolder.entrySet().stream().map(e -> dynamicContainer(e.getKey(),
                e.getValue().stream().flatMap(g -> Check.testsFor(data, g))));
    }

    @Test
    void goldenFileCoversEveryRecordInTheSharedData() throws IOException {
        Path data = requireSharedData();
        Set<String> onDisk = new TreeSet<>();
        try (Stream<Path> files = Files.walk(data)) {
            files.filter(Files::isRegularFile)
                    .filter(p -> !data.relativize(p).toString().startsWith("challenge2020"))
                    .forEach(p -> {
                        String name = p.getFileName().toString().toLowerCase(Locale.ROOT);
                        boolean header = name.endsWith(".hea");
                        boolean headerlessMat = name.endsWith(".mat")
                                && !Files.exists(p.resolveSibling(p.getFileName().toString().replaceAll("\\.mat$", ".hea")));
                        if (header || headerlessMat) onDisk.add(data.relativize(p).toString().replace('\\', '/'));
                    });
        }
        Set<String> golden = new TreeSet<>();
        Golden.load(GOLDEN_RESOURCE).records().forEach(g -> golden.add(g.path()));
        assertThat(golden)
                .as("golden/records.json against %s (regenerate with python3 src/test/python/make_record_golden.py)", data)
                .isEqualTo(onDisk);
    }

    // ------------------------------------------------------------------------------ header facts the data README promises

    @Test
    void cinc2021CommentsWithASpaceAfterTheHashAreParsed() throws RecordFormatException {
        Path data = requireSharedData();
        EcgRecord r = EcgRecordReader.read(data.resolve("cinc2021-sample/E07500.hea"));
        assertThat(r.age()).isEqualTo(OptionalDouble.of(78));
        assertThat(r.sex()).contains(Sex.MALE);
        assertThat(r.dx()).containsExactly("67741000119109", "426177001");
        assertThat(WfdbHeader.of(r).orElseThrow().signals()).allSatisfy(s -> {
            assertThat(s.format()).isEqualTo(16);
            assertThat(s.samplesPerFrame()).isEqualTo(1);
            assertThat(s.byteOffset()).isEqualTo(24);
            assertThat(s.gain()).isEqualTo(1000.0);
        });
        assertThat(r.gainCorrected()).isFalse();
    }

    @Test
    void cinc2021LowerCaseMvUnitsAreMillivolts() throws RecordFormatException {
        Path data = requireSharedData();
        EcgRecord asWritten = EcgRecordReader.read(data.resolve("cinc2021-sample/HR06000.hea"), ReadOptions.AS_WRITTEN);
        assertThat(asWritten.leads()).allSatisfy(l -> {
            assertThat(l.units()).isEqualTo("mv");
            assertThat(l.gain()).isEqualTo(1000.0);
        });
        assertThat(asWritten.warnings()).noneMatch(w -> w.contains("not a voltage"));
    }

    @Test
    void recordLineWithMatExtensionGivesThePlainId() throws RecordFormatException {
        Path data = requireSharedData();
        EcgRecord r = EcgRecordReader.read(data.resolve("cinc2020-unlabelled/E00001.hea"));
        assertThat(WfdbHeader.of(r).orElseThrow().recordName()).isEqualTo("E00001.mat");
        assertThat(r.id()).isEqualTo("E00001");
    }

    @Test
    void nanAgeIsUnknownAndAnEmptyDxLineIsPresentButEmpty() throws RecordFormatException {
        Path data = requireSharedData();
        EcgRecord r = EcgRecordReader.read(data.resolve("cinc2020-unlabelled/E00001.hea"));
        assertThat(WfdbHeader.of(r).orElseThrow().comments()).contains("Age: NaN", "Dx: ");
        assertThat(r.age()).isEmpty();
        assertThat(r.sex()).contains(Sex.FEMALE);
        assertThat(r.dx()).isEmpty();
        assertThat(WfdbHeader.of(r).orElseThrow().parsedComments().hasDx()).isTrue();
    }

    @Test
    void etestHasNoDxLine() throws RecordFormatException {
        Path data = requireSharedData();
        EcgRecord r = EcgRecordReader.read(data.resolve("cinc2020-fixtures/ETEST.hea"));
        assertThat(r.dx()).isEmpty();
        assertThat(WfdbHeader.of(r).orElseThrow().parsedComments().hasDx()).isFalse();
        assertThat(r.age()).isEqualTo(OptionalDouble.of(76));
    }

    @Test
    void cinc2020FixturesCarrySeveralSnomedCodes() throws RecordFormatException {
        Path data = requireSharedData();
        EcgRecord r = EcgRecordReader.read(data.resolve("cinc2020-fixtures/Q0077.hea"));
        assertThat(r.dx()).containsExactly("713426002", "713427006", "164867002", "428750005", "426627000");
    }

    @Test
    void cpsc2018EarlyDxHoldsAbbreviations() throws RecordFormatException {
        Path data = requireSharedData();
        assertThat(EcgRecordReader.read(data.resolve("cpsc2018-early/A0001.hea")).dx()).containsExactly("RBBB");
        assertThat(EcgRecordReader.read(data.resolve("cpsc2018-early/A0002.hea")).dx()).containsExactly("Normal");
    }

    @Test
    void ptbRecordsAre1000HzUpTo115SecondsAndGainCorrected() throws RecordFormatException {
        Path data = requireSharedData();
        EcgRecord r = EcgRecordReader.read(data.resolve("cinc2020-unlabelled/S0002.hea"));
        assertThat(r.fs()).isEqualTo(1000.0);
        assertThat(r.durationSeconds()).isEqualTo(115.2);
        assertThat(r.gainCorrected()).isTrue();
        assertThat(r.leads()).allSatisfy(l -> assertThat(l.gain()).isEqualTo(CORRECT_GAIN));
        assertThat(r.warnings()).noneMatch(w -> w.startsWith("implausible amplitude"));
        EcgRecord asWritten = EcgRecordReader.read(data.resolve("cinc2020-unlabelled/S0002.hea"), ReadOptions.AS_WRITTEN);
        assertThat(asWritten.warnings()).anyMatch(w -> w.startsWith("implausible amplitude"));
    }

    @Test
    void stPetersburgHeadersParseButHaveNoSignalFile() throws RecordFormatException {
        Path data = requireSharedData();
        Path header = data.resolve("cinc2020-unlabelled/I0001.hea");
        WfdbHeader h = EcgRecordReader.readHeader(header);
        assertThat(h.samplingFrequency()).isEqualTo(257.0);
        assertThat(h.samplesPerSignal() / h.samplingFrequency()).isCloseTo(1800.0, within(0.1));
        assertThat(h.signals()).allSatisfy(s -> assertThat(s.fileName()).isEqualTo("I0001.mat"));
        assertThatThrownBy(() -> EcgRecordReader.read(header))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining(header.toString())
                .hasMessageContaining("I0001.mat");
    }

    @Test
    void nativeS0010HasFifteenSignalsInTwoFilesWithLowerCaseNamesNormalised() throws RecordFormatException {
        Path data = requireSharedData();
        EcgRecord r = EcgRecordReader.read(data.resolve("native/s0010_re.hea"));
        assertThat(r.leads()).extracting(Lead::name).containsExactly(
                "I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6", "vx", "vy", "vz");
        assertThat(r.leads()).extracting(Lead::sourceName).containsExactly(
                "i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6", "vx", "vy", "vz");
        assertThat(WfdbHeader.of(r).orElseThrow().signals()).extracting(SignalSpec::fileName)
                .containsOnly("s0010_re.dat", "s0010_re.xyz");
        assertThat(r.fs()).isEqualTo(1000.0);
        assertThat(r.samples()).isEqualTo(38400);
        // "2000" with no units: WFDB's default unit is mV.
        assertThat(r.leads()).allSatisfy(l -> {
            assertThat(l.gain()).isEqualTo(2000.0);
            assertThat(l.units()).isEqualTo("mV");
        });
        assertThat(r.age()).isEqualTo(OptionalDouble.of(81));
        assertThat(r.sex()).contains(Sex.FEMALE);
        assertThat(r.gainCorrected()).isFalse();
    }

    @Test
    void nativePtbXlRecordIsFormat16Dat() throws RecordFormatException {
        Path data = requireSharedData();
        EcgRecord r = EcgRecordReader.read(data.resolve("native/00001_lr.hea"));
        assertThat(r.fs()).isEqualTo(100.0);
        assertThat(r.samples()).isEqualTo(1000);
        assertThat(r.leads()).extracting(Lead::name).containsExactlyElementsOf(
                LeadName.STANDARD_ORDER.stream().map(LeadName::label).toList());
        assertThat(WfdbHeader.of(r).orElseThrow().signals()).allSatisfy(s -> {
            assertThat(s.format()).isEqualTo(16);
            assertThat(s.byteOffset()).isZero();
        });
    }

    // ------------------------------------------------------------------------------ helpers

    /** The shared data folder, or an aborted (skipped) test when this machine does not have it. */
    static Path requireSharedData() {
        String property = System.getProperty(DATA_PROPERTY);
        Path dir = (property == null || property.isBlank() ? Path.of("..", "shared", "data") : Path.of(property))
                .toAbsolutePath().normalize();
        Assumptions.assumeTrue(Files.isDirectory(dir), dir + " (…/shared/data) not present: skipping");
        return dir;
    }

    /** A golden file: the records {@code make_record_golden.py} wrote. */
    record Golden(String numpy, String scipy, List<GoldenRecord> records) {

        static Golden load(String resource) {
            try (InputStream in = RealRecordsTest.class.getResourceAsStream(resource)) {
                assertThat(in).as("test resource %s", resource).isNotNull();
                JsonNode root = new ObjectMapper().readTree(in);
                assertThat(root.path("format").asText()).isEqualTo("ecg-workbench record golden 1");
                List<GoldenRecord> records = new ArrayList<>();
                for (JsonNode r : root.path("records")) records.add(GoldenRecord.of(r));
                assertThat(records).as("records in %s", resource).isNotEmpty();
                return new Golden(root.path("numpy").asText(), root.path("scipy").asText(), records);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /**
     * One record's golden values; {@code signals} in header (or MAT data row) order, as {@code leads}.
     *
     * @param gainFix     whether the CinC 2020 gain correction applies (WFDB only)
     * @param expectError why the record cannot be read, or null
     */
    record GoldenRecord(String path, String kind, String id, double fs, int n, List<String> leads,
                        Double age, String sex, List<String> dx, boolean hasDx, boolean gainFix,
                        String expectError, List<GoldenSignal> signals) {

        static GoldenRecord of(JsonNode r) {
            List<String> leads = strings(r.path("leads"));
            List<GoldenSignal> signals = new ArrayList<>();
            JsonNode s = r.path("signals");
            if (!s.isMissingNode()) {
                for (int i = 0; i < leads.size(); i++) signals.add(GoldenSignal.of(leads.get(i), s, i));
            }
            return new GoldenRecord(r.path("path").asText(), r.path("kind").asText(), r.path("id").asText(),
                    r.path("fs").asDouble(), r.path("n").asInt(), leads,
                    r.path("age").isNumber() ? r.path("age").asDouble() : null,
                    r.path("sex").isTextual() ? r.path("sex").asText() : null,
                    strings(r.path("dx")), r.path("has_dx").asBoolean(), r.path("gain_fix").asBoolean(),
                    r.path("expect_error").isTextual() ? r.path("expect_error").asText() : null, signals);
        }

        String folder() {
            int slash = path.indexOf('/');
            return slash < 0 ? "." : path.substring(0, slash);
        }

        String name() {
            return path.replaceAll("\\.(hea|mat)$", "");
        }

        boolean isMat5() {
            return kind.equals("mat5");
        }

        private static List<String> strings(JsonNode array) {
            List<String> out = new ArrayList<>();
            array.forEach(v -> out.add(v.asText()));
            return out;
        }
    }

    /**
     * One signal's golden values. WFDB: gain, baseline, units, format, checksumOk, raw min/max and
     * sha256; MAT v5: mvMin/mvMax. Both: physical sum, sum of squares and values at 0, 1, n/2, n−1.
     */
    record GoldenSignal(String sourceName, double gain, int baseline, String units, String format, Boolean checksumOk,
                        Integer min, Integer max, String sha256, Double mvMin, Double mvMax,
                        double sum, double sumsq, double[] at) {

        static GoldenSignal of(String name, JsonNode s, int i) {
            double[] at = new double[4];
            for (int k = 0; k < 4; k++) at[k] = s.path("at").path(i).path(k).asDouble();
            return new GoldenSignal(name, s.path("gain").path(i).asDouble(Double.NaN), s.path("baseline").path(i).asInt(),
                    text(s, "units", i), text(s, "format", i),
                    s.path("checksum_ok").path(i).isBoolean() ? s.path("checksum_ok").path(i).asBoolean() : null,
                    s.path("min").path(i).isInt() ? s.path("min").path(i).asInt() : null,
                    s.path("max").path(i).isInt() ? s.path("max").path(i).asInt() : null,
                    text(s, "sha256", i),
                    s.path("mv_min").path(i).isNumber() ? s.path("mv_min").path(i).asDouble() : null,
                    s.path("mv_max").path(i).isNumber() ? s.path("mv_max").path(i).asDouble() : null,
                    s.path("sum").path(i).asDouble(), s.path("sumsq").path(i).asDouble(), at);
        }

        private static String text(JsonNode s, String key, int i) {
            return s.path(key).path(i).isTextual() ? s.path(key).path(i).asText() : null;
        }
    }

    /** The assertions, shared with {@link SampleRecordsTest}. */
    static final class Check {
        private Check() {
        }

        /** The test cases of one golden record, its files under {@code root}. */
        static Stream<DynamicTest> testsFor(Path root, GoldenRecord g) {
            Path file = root.resolve(g.path());
            if (g.expectError() != null) {
                return Stream.of(dynamicTest(g.id() + ": fails naming its header (" + g.expectError() + ")",
                        file.toUri(), () -> failsNamingTheHeader(file, g)));
            }
            if (g.isMat5()) {
                return Stream.of(dynamicTest(g.id() + ": MAT v5 struct ECG = scipy", file.toUri(), () -> mat5(file, g)));
            }
            return Stream.of(
                    dynamicTest(g.id() + ": as written = scipy", file.toUri(), () -> asWritten(file, g)),
                    dynamicTest(g.id() + ": default options (CinC 2020 gain correction "
                            + (g.gainFix() ? "applied" : "not applicable") + ")", file.toUri(), () -> defaultOptions(file, g)));
        }

        /** Header gains as written — what scipy's {@code (val − baseline) / gain} means. */
        static void asWritten(Path file, GoldenRecord g) throws RecordFormatException {
            EcgRecord r = EcgRecordReader.read(file, ReadOptions.AS_WRITTEN);
            recordFacts(r, g);
            assertThat(r.gainCorrected()).as("%s: gainCorrected() with AS_WRITTEN", g.path()).isFalse();
            List<Lead> leads = inHeaderOrder(r, g);
            for (int i = 0; i < leads.size(); i++) {
                Lead lead = leads.get(i);
                GoldenSignal s = g.signals().get(i);
                String what = g.path() + " signal " + (i + 1) + " (" + s.sourceName() + ")";
                assertThat(lead.gain()).as("%s: gain", what).isEqualTo(s.gain());
                assertThat(lead.baseline()).as("%s: baseline", what).isEqualTo(s.baseline());
                assertThat(lead.units()).as("%s: units", what).isEqualTo(s.units());
                raw(what, lead, s, g.n());
                everySampleIs(what, lead, s.gain(), s.baseline());
                physical(what, lead.millivolts(), s, 1.0);
            }
        }

        /** Default options: wrong CinC 2020 gains read as 1000/mV, everything else exactly as written. */
        static void defaultOptions(Path file, GoldenRecord g) throws RecordFormatException {
            EcgRecord asWritten = EcgRecordReader.read(file, ReadOptions.AS_WRITTEN);
            EcgRecord r = EcgRecordReader.read(file, ReadOptions.DEFAULT);
            recordFacts(r, g);
            assertThat(r.gainCorrected()).as("%s: gainCorrected()", g.path()).isEqualTo(g.gainFix());
            if (g.gainFix()) {
                assertThat(r.warnings()).as("%s: warnings", g.path()).anyMatch(w -> w.startsWith("CinC 2020 gain correction"));
            }
            List<Lead> leads = inHeaderOrder(r, g);
            List<Lead> written = inHeaderOrder(asWritten, g);
            for (int i = 0; i < leads.size(); i++) {
                Lead lead = leads.get(i);
                GoldenSignal s = g.signals().get(i);
                String what = g.path() + " signal " + (i + 1) + " (" + s.sourceName() + "), default options";
                assertThat(lead.adc()).as("%s: raw samples", what).isEqualTo(written.get(i).adc());
                if (g.gainFix() && CINC_WRONG_GAINS.contains(s.gain())) {
                    assertThat(lead.gain()).as("%s: corrected gain", what).isEqualTo(CORRECT_GAIN);
                    everySampleIs(what, lead, CORRECT_GAIN, s.baseline());
                    physical(what, lead.millivolts(), s, s.gain() / CORRECT_GAIN);
                } else {
                    assertThat(lead.gain()).as("%s: gain", what).isEqualTo(written.get(i).gain());
                    assertThat(lead.millivolts()).as("%s: millivolts unchanged", what).isEqualTo(written.get(i).millivolts());
                }
            }
        }

        /** CPSC 2018 original: skipped while the reader still says it has no header, then checked. */
        static void mat5(Path file, GoldenRecord g) throws RecordFormatException {
            EcgRecord r = readMat5OrSkip(file, ReadOptions.AS_WRITTEN);
            recordFacts(r, g);
            assertThat(r.gainCorrected()).isFalse();
            assertThat(r.leads()).as("%s: lead names", g.path()).extracting(Lead::name).containsExactlyElementsOf(g.leads());
            for (int i = 0; i < g.signals().size(); i++) {
                Lead lead = r.leads().get(i);
                GoldenSignal s = g.signals().get(i);
                String what = g.path() + " ECG.data row " + (i + 1) + " (" + g.leads().get(i) + ")";
                float[] mv = lead.millivolts();
                assertThat(mv).as("%s: samples", what).hasSize(g.n());
                float lo = Float.POSITIVE_INFINITY;
                float hi = Float.NEGATIVE_INFINITY;
                for (float v : mv) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
                assertThat((double) lo).as("%s: min", what).isCloseTo(s.mvMin(), sampleTolerance(s.mvMin()));
                assertThat((double) hi).as("%s: max", what).isCloseTo(s.mvMax(), sampleTolerance(s.mvMax()));
                physical(what, mv, s, 1.0);
            }
            EcgRecord byDefault = readMat5OrSkip(file, ReadOptions.DEFAULT);
            assertThat(byDefault.gainCorrected()).isFalse();
            for (int i = 0; i < r.leads().size(); i++) {
                assertThat(byDefault.leads().get(i).millivolts()).isEqualTo(r.leads().get(i).millivolts());
            }
        }

        private static EcgRecord readMat5OrSkip(Path file, ReadOptions options) throws RecordFormatException {
            try {
                return EcgRecordReader.read(file, options);
            } catch (RecordFormatException e) {
                Assumptions.assumeFalse(String.valueOf(e.getMessage()).contains(MAT5_PENDING),
                        "MAT v5 reader not there yet (EcgRecordReader says \"" + e.getMessage() + "\"): skipping");
                throw e;
            }
        }

        /** A header whose signal file is missing: a RecordFormatException naming the header, both ways. */
        static void failsNamingTheHeader(Path file, GoldenRecord g) {
            for (ReadOptions options : List.of(ReadOptions.AS_WRITTEN, ReadOptions.DEFAULT)) {
                assertThatThrownBy(() -> EcgRecordReader.read(file, options))
                        .as("%s (%s)", g.path(), g.expectError())
                        .isInstanceOf(RecordFormatException.class)
                        .hasMessageContaining(file.getFileName().toString())
                        .isInstanceOfSatisfying(RecordFormatException.class, e -> assertThat(e.file()).isEqualTo(file));
            }
        }

        /** id, fs, length, lead count and order, age, sex, Dx. */
        static void recordFacts(EcgRecord r, GoldenRecord g) {
            assertThat(r.id()).as("%s: id", g.path()).isEqualTo(g.id());
            assertThat(r.fs()).as("%s: fs", g.path()).isEqualTo(g.fs());
            assertThat(r.samples()).as("%s: samples per lead", g.path()).isEqualTo(g.n());
            assertThat(r.leads()).as("%s: leads", g.path()).hasSize(g.leads().size());
            standardOrder(g.path(), r);
            assertThat(r.age()).as("%s: age", g.path())
                    .isEqualTo(g.age() == null ? OptionalDouble.empty() : OptionalDouble.of(g.age()));
            assertThat(r.sex()).as("%s: sex", g.path())
                    .isEqualTo(Optional.ofNullable(g.sex()).map(x -> x.equals("Male") ? Sex.MALE : Sex.FEMALE));
            assertThat(r.dx()).as("%s: Dx", g.path()).containsExactlyElementsOf(g.dx());
            WfdbHeader.of(r).ifPresent(h -> assertThat(h.parsedComments().hasDx()).as("%s: has a Dx line", g.path())
                    .isEqualTo(g.hasDx()));
        }

        /** Standard leads first, in I … V6 order and spelt as such; every other signal after them. */
        static void standardOrder(String what, EcgRecord r) {
            List<String> names = r.leads().stream().map(Lead::name).toList();
            int previous = -1;
            boolean extras = false;
            for (Lead lead : r.leads()) {
                Optional<LeadName> std = lead.standardLead();
                if (std.isEmpty()) {
                    extras = true;
                    continue;
                }
                assertThat(extras).as("%s: standard lead %s after a non-standard one in %s", what, lead.name(), names).isFalse();
                assertThat(std.get().ordinal()).as("%s: lead order %s", what, names).isGreaterThan(previous);
                assertThat(lead.name()).as("%s: normalised name of '%s'", what, lead.sourceName()).isEqualTo(std.get().label());
                previous = std.get().ordinal();
            }
        }

        /** The Java leads in header order, matched to header signals by {@link Lead#sourceName()}. */
        static List<Lead> inHeaderOrder(EcgRecord r, GoldenRecord g) {
            Map<String, Deque<Lead>> bySource = new LinkedHashMap<>();
            for (Lead lead : r.leads()) bySource.computeIfAbsent(lead.sourceName(), k -> new ArrayDeque<>()).add(lead);
            List<Lead> out = new ArrayList<>();
            for (String name : g.leads()) {
                Deque<Lead> matching = bySource.get(name);
                assertThat(matching).as("%s: a lead with sourceName() '%s' among %s", g.path(), name,
                        r.leads().stream().map(Lead::sourceName).toList()).isNotNull().isNotEmpty();
                out.add(matching.poll());
            }
            return out;
        }

        /** Raw integers: length, SHA-256 (int32 LE, time order), min, max, header checksum. */
        static void raw(String what, Lead lead, GoldenSignal s, int n) {
            int[] adc = lead.adc();
            assertThat(adc).as("%s: raw samples", what).isNotNull().hasSize(n);
            assertThat(sha256(adc)).as("%s: SHA-256 of the raw samples (int32 LE)", what).isEqualTo(s.sha256());
            assertThat(lead.adcMin()).as("%s: min", what).contains(s.min());
            assertThat(lead.adcMax()).as("%s: max", what).contains(s.max());
            assertThat(lead.checksumOk()).as("%s: checksum", what).isEqualTo(Optional.ofNullable(s.checksumOk()));
        }

        /** Every sample against numpy's {@code (val − baseline) / gain} in float64 (bit-identical arithmetic). */
        static void everySampleIs(String what, Lead lead, double gain, int baseline) {
            int[] adc = lead.adc();
            float[] mv = lead.millivolts();
            assertThat(mv).as("%s: millivolts", what).hasSameSizeAs(adc);
            for (int j = 0; j < adc.length; j++) {
                double expected = ((double) adc[j] - baseline) / gain;
                if (Math.abs(mv[j] - expected) > SAMPLE_RELATIVE * Math.abs(expected) + SAMPLE_ABSOLUTE) {
                    assertThat((double) mv[j]).as("%s: sample %d (raw %d)", what, j, adc[j])
                            .isCloseTo(expected, sampleTolerance(expected));
                }
            }
        }

        /**
         * Golden physical statistics, each golden value multiplied by {@code scale} (the gain correction
         * turns x into x·gain/1000): values at 0, 1, n/2, n−1, the sum and the sum of squares.
         */
        static void physical(String what, float[] mv, GoldenSignal s, double scale) {
            int n = mv.length;
            int[] index = {0, 1, n / 2, n - 1};
            for (int k = 0; k < index.length; k++) {
                double expected = s.at()[k] * scale;
                assertThat((double) mv[index[k]]).as("%s: value at sample %d", what, index[k])
                        .isCloseTo(expected, sampleTolerance(expected));
            }
            double sum = 0;
            double sumsq = 0;
            for (float v : mv) {
                sum += v;
                sumsq += (double) v * v;
            }
            double expectedSumsq = s.sumsq() * scale * scale;
            double expectedSum = s.sum() * scale;
            assertThat(sumsq).as("%s: sum of squares", what)
                    .isCloseTo(expectedSumsq, within(SUM_RELATIVE * expectedSumsq + 1e-12));
            double cancellation = SUM_CANCELLATION * Math.sqrt(n * expectedSumsq);
            assertThat(sum).as("%s: sum", what)
                    .isCloseTo(expectedSum, within(SUM_RELATIVE * Math.abs(expectedSum) + cancellation + 1e-12));
        }

        static Offset<Double> sampleTolerance(double expected) {
            return within(SAMPLE_RELATIVE * Math.abs(expected) + SAMPLE_ABSOLUTE);
        }

        /** SHA-256 (lower-case hex) of the samples as int32 little-endian, as the golden script defines it. */
        static String sha256(int[] samples) {
            ByteBuffer buf = ByteBuffer.allocate(4 * samples.length).order(ByteOrder.LITTLE_ENDIAN);
            for (int v : samples) buf.putInt(v);
            try {
                return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(buf.array()));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("every Java platform has SHA-256", e);
            }
        }
    }
}
