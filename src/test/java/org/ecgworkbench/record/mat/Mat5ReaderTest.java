package org.ecgworkbench.record.mat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.jmatio.io.MatFileWriter;
import com.jmatio.types.MLArray;
import com.jmatio.types.MLCell;
import com.jmatio.types.MLChar;
import com.jmatio.types.MLDouble;
import com.jmatio.types.MLInt16;
import com.jmatio.types.MLStructure;
import com.jmatio.types.MLUInt8;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.Sex;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class Mat5ReaderTest {

    @TempDir
    Path dir;

    /** The CPSC-2018 originals in the shared data folder; skips the test when it is absent. */
    static Path cpscOriginal(String name) {
        String shared = System.getProperty("ecg.shared.data");
        Path file = shared == null ? null : Path.of(shared, "cpsc2018-original", name + ".mat");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file),
                "shared data not available (system property ecg.shared.data = " + shared + ")");
        return file;
    }

    // ------------------------------------------------------------------------------------------
    // Real CPSC-2018 originals (values checked with scipy.io.loadmat)

    @ParameterizedTest
    @CsvSource({
        "A1980, 5000, 52, MALE", "A1981, 7950, 48, FEMALE", "A1982, 5000, 89, MALE",
        "A1983, 7500, 49, MALE", "A1984, 9500, 23, FEMALE", "A1985, 5517, 26, FEMALE",
        "A1986, 21500, 53, FEMALE", "A1987, 6778, 59, MALE", "A1988, 27157, 49, FEMALE",
        "A1989, 8500, 34, FEMALE"})
    void readsEveryCpscOriginal(String name, int samples, double age, Sex sex) throws IOException {
        Path file = cpscOriginal(name);
        byte[] head = Arrays.copyOf(Files.readAllBytes(file), 128);
        assertThat(Mat5Reader.isMat5(head)).isTrue();

        Mat5Content content = Mat5Reader.read(file);

        assertThat(content).isInstanceOf(Mat5Content.CpscEcg.class);
        Mat5Content.CpscEcg ecg = (Mat5Content.CpscEcg) content;
        assertThat(ecg.signalCount()).isEqualTo(12);
        assertThat(ecg.sampleCount()).isEqualTo(samples);
        assertThat(ecg.leadsMv()).hasDimensions(12, samples);
        assertThat(ecg.age()).hasValue(age);
        assertThat(ecg.sex()).contains(sex);
    }

    @Test
    void a1980SamplesMatchScipy() throws IOException {
        Mat5Content.CpscEcg ecg = (Mat5Content.CpscEcg) Mat5Reader.read(cpscOriginal("A1980"));
        float[][] leads = ecg.leadsMv();
        double[] leadIStart = {0.20186720825056673, 0.30080436975855995, 0.3343661156020649,
            0.4298351968508137, 0.4702501256305903};
        for (int i = 0; i < leadIStart.length; i++) {
            assertThat((double) leads[0][i]).isCloseTo(leadIStart[i], within(1e-6));
        }
        double[] v6End = {-0.03353929429607336, -0.02888497219097958, -0.02794193469860473};
        for (int i = 0; i < v6End.length; i++) {
            assertThat((double) leads[11][5000 - 3 + i]).isCloseTo(v6End[i], within(1e-6));
        }
    }

    @Test
    void uncompressedLittleEndianCopyReadsTheSame() throws IOException {
        Path original = cpscOriginal("A1980");
        byte[] bytes = Files.readAllBytes(original);
        Path expanded = dir.resolve("A1980-uncompressed.mat");
        Files.write(expanded, Fixtures.expand(bytes));
        assertThat(Files.size(expanded)).isGreaterThan(12L * 5000 * 8);

        assertThat(Mat5Reader.read(expanded)).isEqualTo(Mat5Reader.read(original));
    }

    // ------------------------------------------------------------------------------------------
    // Header

    @Test
    void isMat5ChecksTextVersionAndEndianIndicator() {
        assertThat(Mat5Reader.isMat5(Fixtures.header(true))).isTrue();
        assertThat(Mat5Reader.isMat5(Fixtures.header(false))).isTrue();
        assertThat(Mat5Reader.isMat5(null)).isFalse();
        assertThat(Mat5Reader.isMat5(Arrays.copyOf(Fixtures.header(true), 127))).isFalse();

        byte[] wrongVersion = Fixtures.header(true);
        wrongVersion[124] = 0x01;
        wrongVersion[125] = 0x00;
        assertThat(Mat5Reader.isMat5(wrongVersion)).isFalse();
        byte[] wrongEndian = Fixtures.header(true);
        wrongEndian[126] = 'X';
        assertThat(Mat5Reader.isMat5(wrongEndian)).isFalse();
        byte[] wrongText = Fixtures.header(true);
        wrongText[7] = '7';
        assertThat(Mat5Reader.isMat5(wrongText)).isFalse();
        assertThat(Mat5Reader.isMat5(Arrays.copyOf(Fixtures.mat4(), 128))).isFalse();
    }

    // ------------------------------------------------------------------------------------------
    // The val layout

    @Test
    void readsPlainInt16ValWithoutMetadata() throws IOException {
        Path file = dir.resolve("plain.mat");
        short[][] adc = {{-200, 0, 150, 32767}, {5, 6, 7, -32768}};
        MLInt16 val = new MLInt16("val", new int[] {2, 4});
        for (int r = 0; r < 2; r++) {
            for (int c = 0; c < 4; c++) val.set(adc[r][c], r, c);
        }
        Fixtures.writeJmatio(file, val);

        Mat5Content.Signals signals = (Mat5Content.Signals) Mat5Reader.read(file);

        assertThat(signals.rows()).isEqualTo(new double[][] {{-200, 0, 150, 32767}, {5, 6, 7, -32768}});
        assertThat(signals.allIntegral()).isTrue();
        assertThat(signals.fs()).isEmpty();
        assertThat(signals.leadNames()).isEmpty();
        assertThat(signals.id()).isEmpty();
        assertThat(signals.dx()).isEmpty();
    }

    @Test
    void readsLeadNamesFromACharMatrixAndAnIntegerFs() throws IOException {
        Path file = dir.resolve("charleads.mat");
        MLUInt8 fs = new MLUInt8("fs", new int[] {1, 1});
        fs.set((byte) 250, 0);
        Fixtures.writeJmatio(file, new MLDouble("val", new double[][] {{0.5, 1}, {1.5, 2}, {2.5, 3}}),
                fs, new MLChar("leads", new String[] {"I  ", "II ", "aVR"}));

        Mat5Content.Signals signals = (Mat5Content.Signals) Mat5Reader.read(file);

        assertThat(signals.leadNames()).containsExactly("I", "II", "aVR");
        assertThat(signals.fs()).hasValue(250.0);
        assertThat(signals.allIntegral()).isFalse();
    }

    @Test
    void prefersTheCpscStructWhenBothLayoutsArePresent() throws IOException {
        Path file = dir.resolve("both.mat");
        Fixtures.writeJmatio(file, Fixtures.ecgStruct(new double[][] {{1, 2}, {3, 4}}, 40, "Female"),
                new MLDouble("val", new double[][] {{9}}));
        Mat5Content content = Mat5Reader.read(file);
        assertThat(content).isEqualTo(new Mat5Content.CpscEcg(new float[][] {{1, 2}, {3, 4}},
                OptionalDouble.of(40), Optional.of(Sex.FEMALE)));
    }

    @Test
    void nanAgeAndUnknownSexAreAbsent() throws IOException {
        Path file = dir.resolve("nanage.mat");
        Fixtures.writeJmatio(file, Fixtures.ecgStruct(new double[][] {{1, 2}}, Double.NaN, "Unknown"));
        Mat5Content.CpscEcg ecg = (Mat5Content.CpscEcg) Mat5Reader.read(file);
        assertThat(ecg.age()).isEmpty();
        assertThat(ecg.sex()).isEmpty();
    }

    // ------------------------------------------------------------------------------------------
    // Malformed and unexpected input: always a RecordFormatException naming the file

    @Test
    void emptyFile() throws IOException {
        expectError(write("empty.mat", new byte[0]), "empty file");
    }

    @Test
    void fileShorterThanTheHeader() throws IOException {
        expectError(write("short.mat", Arrays.copyOf(Fixtures.header(true), 100)), "only 100 bytes");
    }

    @Test
    void headerWithoutVariables() throws IOException {
        expectError(write("header-only.mat", Fixtures.header(true)), "no variables");
    }

    @Test
    void level4File() throws IOException {
        expectError(write("v4.mat", Fixtures.mat4()), "level 4");
    }

    @Test
    void realChallengeLevel4File() {
        String shared = System.getProperty("ecg.shared.data");
        Path file = shared == null ? null : Path.of(shared, "cpsc2018-early", "A0001.mat");
        Assumptions.assumeTrue(file != null && Files.isRegularFile(file), "shared data not available");
        expectError(file, "level 4");
    }

    @Test
    void hdf5File() throws IOException {
        byte[] bytes = Fixtures.header(true);
        System.arraycopy("MATLAB 7.3 MAT-file".getBytes(StandardCharsets.US_ASCII), 0, bytes, 0, 19);
        expectError(write("v73.mat", bytes), "v7.3");
    }

    @Test
    void binaryGarbage() throws IOException {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        expectError(write("garbage.mat", garbage), "not a MAT level 5 file");
    }

    @Test
    void missingFileAndDirectory() {
        expectError(dir.resolve("missing.mat"), "cannot read file");
        expectError(dir, "not a regular file");
    }

    @Test
    void otherVariablesAreListedWithWhatWasExpected() throws IOException {
        Path file = dir.resolve("other.mat");
        Fixtures.writeJmatio(file, new MLDouble("foo", new double[][] {{1, 2, 3}}), new MLChar("bar", "text"));
        expectError(file, "foo (double 1×3)", "bar (char 1×4)", "'ECG'", "'val'");
    }

    @Test
    void ecgThatIsNotAStruct() throws IOException {
        Path file = dir.resolve("ecg-double.mat");
        Fixtures.writeJmatio(file, new MLDouble("ECG", new double[][] {{1}}));
        expectError(file, "variable ECG", "expected a struct");
    }

    @Test
    void ecgStructWithoutData() throws IOException {
        Path file = dir.resolve("ecg-nodata.mat");
        MLStructure ecg = new MLStructure("ECG", new int[] {1, 1});
        ecg.setField("age", new MLDouble("age", new double[] {50}, 1));
        Fixtures.writeJmatio(file, ecg);
        expectError(file, "variable ECG", "no field 'data'", "age");
    }

    @Test
    void nanInEcgDataNamesTheField() throws IOException {
        Path file = dir.resolve("ecg-nan.mat");
        Fixtures.writeJmatio(file, Fixtures.ecgStruct(new double[][] {{1, 2, 3}, {4, Double.NaN, 6}}, 50, "Male"));
        expectError(file, "ECG.data", "row 2, column 2", "NaN");
    }

    @Test
    void infinityInValNamesTheVariable() throws IOException {
        Path file = dir.resolve("val-inf.mat");
        Fixtures.writeJmatio(file, new MLDouble("val", new double[][] {{1, Double.POSITIVE_INFINITY}}));
        expectError(file, "variable val", "Infinity");
    }

    @Test
    void valWithThreeDimensions() throws IOException {
        Path file = dir.resolve("val-3d.mat");
        Fixtures.writeJmatio(file, new MLDouble("val", new int[] {2, 2, 2}));
        expectError(file, "variable val", "2×2×2", "2-D");
    }

    @Test
    void valWithTooManyRows() throws IOException {
        Path file = dir.resolve("val-rows.mat");
        Fixtures.writeJmatio(file, new MLDouble("val", new int[] {4097, 1}));
        expectError(file, "variable val", "4097 rows");
    }

    @Test
    void valWithoutSamples() throws IOException {
        Path file = dir.resolve("val-empty.mat");
        Fixtures.writeJmatio(file, new MLDouble("val", new int[] {12, 0}));
        expectError(file, "variable val");
    }

    @Test
    void leadCountMismatch() throws IOException {
        Path file = dir.resolve("leads.mat");
        MLCell leads = new MLCell("leads", new int[] {3, 1});
        for (int i = 0; i < 3; i++) leads.set(new MLChar("", "L" + i), i);
        Fixtures.writeJmatio(file, new MLDouble("val", new double[][] {{1}, {2}}), leads);
        expectError(file, "variable leads", "3 lead names for 2 rows");
    }

    @Test
    void negativeSamplingFrequency() throws IOException {
        Path file = dir.resolve("fs.mat");
        Fixtures.writeJmatio(file, new MLDouble("val", new double[][] {{1}}), new MLDouble("fs", new double[] {-500}, 1));
        expectError(file, "variable fs", "-500");
    }

    @Test
    void cellsNestedTooDeeply() throws IOException {
        Path file = dir.resolve("deep.mat");
        MLArray inner = new MLChar("", "I");
        for (int level = 0; level < 20; level++) {
            MLCell cell = new MLCell(level == 19 ? "leads" : "", new int[] {1, 1});
            cell.set(inner, 0);
            inner = cell;
        }
        Fixtures.writeJmatio(file, new MLDouble("val", new double[][] {{1}}), inner);
        expectError(file, "leads{1}", "nested deeper");
    }

    @Test
    void absurdDimensionsAreRefusedBeforeAllocation() throws IOException {
        byte[] matrix = Fixtures.numericMatrix(true, 6, new int[] {1 << 30, 1 << 30}, "val", 9, new byte[16]);
        expectError(write("huge.mat", Fixtures.file(true, matrix)), "variable val", "too many");
    }

    @Test
    void dimensionsThatDoNotMatchTheData() throws IOException {
        byte[] matrix = Fixtures.numericMatrix(false, 6, new int[] {12, 2}, "val", 9, new byte[8 * 12]);
        expectError(write("mismatch.mat", Fixtures.file(false, matrix)), "variable val", "holds 96 bytes",
                "need 192");
    }

    @Test
    void elementLargerThanTheFile() throws IOException {
        byte[] matrix = Fixtures.numericMatrix(true, 6, new int[] {1, 2}, "val", 9, new byte[16]);
        ByteBuffer.wrap(matrix).order(ByteOrder.LITTLE_ENDIAN).putInt(4, 0x7ffffff8);
        expectError(write("oversize.mat", Fixtures.file(true, matrix)), "byte 128", "declares 2147483640 bytes");
    }

    @Test
    void truncatedTrailingBytes() throws IOException {
        byte[] matrix = Fixtures.numericMatrix(true, 6, new int[] {1, 1}, "val", 9, new byte[8]);
        byte[] bytes = Fixtures.file(true, matrix);
        bytes = Arrays.copyOf(bytes, bytes.length + 3);
        expectError(write("trailing.mat", bytes), "truncated");
    }

    @Test
    void compressionBombIsStoppedAtTheCap() throws IOException {
        // 64 MiB of zeros deflate to ~64 KiB: far beyond the 64× ratio and the 16 MiB floor.
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        ByteArrayOutputStream compressed = new ByteArrayOutputStream();
        byte[] zeros = new byte[1 << 20];
        byte[] buffer = new byte[1 << 16];
        for (int i = 0; i < 64; i++) {
            deflater.setInput(zeros);
            while (!deflater.needsInput()) compressed.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.finish();
        while (!deflater.finished()) compressed.write(buffer, 0, deflater.deflate(buffer));
        deflater.end();
        byte[] z = compressed.toByteArray();
        ByteBuffer tag = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(15).putInt(z.length);
        byte[] bytes = Fixtures.concat(Fixtures.header(true), tag.array(), z);

        long start = System.nanoTime();
        expectError(write("bomb.mat", bytes), "inflates to more than");
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(5.0);
    }

    @Test
    void bytesAfterTheZlibStreamAreRefused() throws IOException {
        byte[] matrix = Fixtures.numericMatrix(true, 6, new int[] {1, 1}, "val", 9, new byte[8]);
        byte[] z = Fixtures.concat(Fixtures.deflate(matrix), new byte[] {1, 2, 3});
        ByteBuffer tag = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putInt(15).putInt(z.length);
        expectError(write("zlib-trailer.mat", Fixtures.concat(Fixtures.header(true), tag.array(), z)),
                "3 bytes after the end of its zlib stream");
    }

    @Test
    void uint16ValIsRefusedWithAClearMessage() throws IOException {
        byte[] matrix = Fixtures.numericMatrix(true, 11, new int[] {1, 2}, "val", 4, new byte[4]);
        expectError(write("uint16.mat", Fixtures.file(true, matrix)), "variable val", "uint16");
    }

    private Path write(String name, byte[] bytes) throws IOException {
        Path file = dir.resolve(name);
        Files.write(file, bytes);
        return file;
    }

    private static void expectError(Path file, String... fragments) {
        assertThatThrownBy(() -> Mat5Reader.read(file))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining(file.getFileName().toString())
                .satisfies(e -> assertThat(e.getMessage()).contains(fragments));
    }

    // ------------------------------------------------------------------------------------------

    /** Builds and takes apart MAT files for the tests. */
    static final class Fixtures {

        private Fixtures() {
        }

        static byte[] header(boolean little) {
            byte[] h = new byte[128];
            Arrays.fill(h, 0, 116, (byte) ' ');
            byte[] text = "MATLAB 5.0 MAT-file, Platform: test, Created by Mat5ReaderTest".getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, h, 0, text.length);
            h[124] = (byte) (little ? 0x00 : 0x01);
            h[125] = (byte) (little ? 0x01 : 0x00);
            h[126] = (byte) (little ? 'I' : 'M');
            h[127] = (byte) (little ? 'M' : 'I');
            return h;
        }

        /** A level 4 file: one 1×3 double matrix "val", little-endian. */
        static byte[] mat4() {
            ByteBuffer b = ByteBuffer.allocate(20 + 4 + 24).order(ByteOrder.LITTLE_ENDIAN);
            b.putInt(0).putInt(1).putInt(3).putInt(0).putInt(4).put("val\0".getBytes(StandardCharsets.US_ASCII));
            b.putDouble(1).putDouble(2).putDouble(3);
            return b.array();
        }

        static MLStructure ecgStruct(double[][] data, double age, String sex) {
            MLStructure ecg = new MLStructure("ECG", new int[] {1, 1});
            ecg.setField("sex", new MLChar("sex", sex));
            ecg.setField("age", new MLDouble("age", new double[] {age}, 1));
            ecg.setField("data", new MLDouble("data", data));
            return ecg;
        }

        static void writeJmatio(Path file, MLArray... arrays) throws IOException {
            new MatFileWriter().write(file.toFile(), List.of(arrays));
        }

        static byte[] file(boolean little, byte[]... elements) {
            byte[][] parts = new byte[elements.length + 1][];
            parts[0] = header(little);
            System.arraycopy(elements, 0, parts, 1, elements.length);
            return concat(parts);
        }

        /** A miMATRIX element of a numeric class, data stored as {@code miType}. */
        static byte[] numericMatrix(boolean little, int mxClass, int[] dims, String name, int miType, byte[] data) {
            ByteBuffer flags = order(ByteBuffer.allocate(8), little).putInt(mxClass).putInt(0);
            ByteBuffer dimensions = order(ByteBuffer.allocate(4 * dims.length), little);
            for (int d : dims) dimensions.putInt(d);
            byte[] body = concat(element(little, 6, flags.array()), element(little, 5, dimensions.array()),
                    element(little, 1, name.getBytes(StandardCharsets.US_ASCII)), element(little, miType, data));
            return concat(order(ByteBuffer.allocate(8), little).putInt(14).putInt(body.length).array(), body);
        }

        /** A data element in the long format, padded to 8 bytes. */
        static byte[] element(boolean little, int type, byte[] data) {
            int padded = (data.length + 7) & ~7;
            ByteBuffer b = order(ByteBuffer.allocate(8 + padded), little).putInt(type).putInt(data.length);
            b.put(data);
            return b.array();
        }

        /** The same file with every miCOMPRESSED element replaced by the matrix it holds. */
        static byte[] expand(byte[] mat) {
            return assemble(mat[126] == 'I', elements(mat), false);
        }

        /** The miMATRIX elements (tag included) of a well-formed file, inflated where compressed. */
        static List<byte[]> elements(byte[] mat) {
            ByteBuffer b = order(ByteBuffer.wrap(mat), mat[126] == 'I');
            b.position(128);
            List<byte[]> out = new ArrayList<>();
            while (b.remaining() >= 8) {
                int type = b.getInt();
                int size = b.getInt();
                byte[] body = new byte[size];
                b.get(body);
                if (type == 15) {
                    byte[] inflated = inflate(body);
                    int innerSize = order(ByteBuffer.wrap(inflated), mat[126] == 'I').getInt(4);
                    out.add(Arrays.copyOf(inflated, 8 + innerSize));
                } else {
                    out.add(concat(Arrays.copyOfRange(mat, b.position() - size - 8, b.position() - size), body));
                }
            }
            return out;
        }

        static byte[] assemble(boolean little, List<byte[]> elements, boolean compress) {
            List<byte[]> parts = new ArrayList<>();
            parts.add(header(little));
            for (byte[] e : elements) {
                if (compress) {
                    byte[] z = deflate(e);
                    parts.add(order(ByteBuffer.allocate(8), little).putInt(15).putInt(z.length).array());
                    parts.add(z);
                } else {
                    parts.add(e);
                }
            }
            return concat(parts.toArray(new byte[0][]));
        }

        static byte[] deflate(byte[] raw) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
                z.write(raw);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return out.toByteArray();
        }

        static byte[] inflate(byte[] z) {
            Inflater inflater = new Inflater();
            try (InflaterInputStream in = new InflaterInputStream(new ByteArrayInputStream(z), inflater)) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                inflater.end();
            }
        }

        static byte[] concat(byte[]... parts) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            for (byte[] p : parts) out.writeBytes(p);
            return out.toByteArray();
        }

        private static ByteBuffer order(ByteBuffer b, boolean little) {
            return b.order(little ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        }
    }
}
