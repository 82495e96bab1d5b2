package org.ecgworkbench.record.wfdb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.RecordFormatException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reads WFDB .dat records that the test writes with its own encoder. */
class WfdbDatReadingTest {
    private static final List<String> LEADS = List.of("V6", "i", "AVR", "ii", "v1");

    @TempDir
    Path dir;

    private static int[][] randomSamples(WfdbFormat format, int signals, int frames, long seed) {
        Random rnd = new Random(seed);
        int lo = Math.max(format.minValue(), -2000);
        int hi = Math.min(format.maxValue(), 2000);
        int[][] s = new int[signals][frames];
        for (int[] row : s) {
            for (int f = 0; f < frames; f++) row[f] = lo + rnd.nextInt(hi - lo + 1);
        }
        return s;
    }

    private static int checksum(int[] s) {
        long sum = 0;
        for (int v : s) sum += v;
        return (short) sum;
    }

    private Path writeRecord(String name, WfdbFormat format, int[][] samples, String gainField, boolean withChecks)
            throws IOException {
        Files.write(dir.resolve(name + ".dat"), format.encode(samples));
        StringBuilder hea = new StringBuilder(name + " " + samples.length + " 360 " + samples[0].length + "\n");
        for (int i = 0; i < samples.length; i++) {
            hea.append(name).append(".dat ").append(format.code()).append(' ').append(gainField);
            if (withChecks) {
                hea.append(" 12 0 ").append(samples[i][0]).append(' ').append(checksum(samples[i])).append(" 0 ").append(LEADS.get(i));
            }
            hea.append('\n');
        }
        hea.append("#Age: 61\n#Sex: M\n#Dx: 164889003\n");
        Path header = dir.resolve(name + ".hea");
        Files.writeString(header, hea);
        return header;
    }

    @ParameterizedTest
    @EnumSource(WfdbFormat.class)
    void readsEveryFormatWithGainBaselineAndStandardOrder(WfdbFormat format) throws IOException {
        int[][] samples = randomSamples(format, 5, 1001, format.code());
        Path header = writeRecord("rec" + format.code(), format, samples, "100(-20)/mV", true);

        EcgRecord r = EcgRecordReader.read(header);

        assertThat(r.fs()).isEqualTo(360);
        assertThat(r.samples()).isEqualTo(1001);
        assertThat(r.leads()).extracting(Lead::name).containsExactly("I", "II", "aVR", "V1", "V6");
        int[] order = {1, 3, 2, 4, 0}; // file position of each lead in standard order
        for (int k = 0; k < order.length; k++) {
            Lead lead = r.leads().get(k);
            int[] expected = samples[order[k]];
            assertThat(lead.adc()).containsExactly(expected);
            assertThat(lead.checksumOk()).contains(true);
            for (int j = 0; j < expected.length; j++) {
                assertThat(lead.millivolts()[j]).isEqualTo((float) ((expected[j] + 20) / 100.0));
            }
        }
        assertThat(r.age()).hasValue(61);
        assertThat(r.dx()).containsExactly("164889003");
        assertThat(r.warnings()).anyMatch(w -> w.contains("only 5 of the 12 standard leads"));
    }

    @Test
    void sampleCountComesFromTheFileWhenTheHeaderOmitsIt() throws IOException {
        int[][] samples = randomSamples(WfdbFormat.F212, 3, 7, 1);
        Files.write(dir.resolve("odd.dat"), WfdbFormat.F212.encode(samples));
        Files.writeString(dir.resolve("odd.hea"), "odd 3\nodd.dat 212\nodd.dat 212\nodd.dat 212\n");
        EcgRecord r = EcgRecordReader.read(dir.resolve("odd"));
        assertThat(r.fs()).isEqualTo(250);
        assertThat(r.samples()).isEqualTo(7);
        assertThat(r.leads().get(0).adc()).containsExactly(samples[0]);
        assertThat(r.leads().get(0).gain()).isEqualTo(200);
    }

    @Test
    void signalsSpreadOverTwoFilesWithByteOffsets() throws IOException {
        int[][] a = randomSamples(WfdbFormat.F16, 2, 50, 2);
        int[][] b = randomSamples(WfdbFormat.F24, 1, 50, 3);
        byte[] pad = new byte[10];
        Files.write(dir.resolve("two.dat"), concat(pad, WfdbFormat.F16.encode(a)));
        Files.write(dir.resolve("two.xyz"), WfdbFormat.F24.encode(b));
        Files.writeString(dir.resolve("two.hea"),
                "two 3 1000 50\ntwo.dat 16+10 2000 16 0 0 0 0 i\ntwo.dat 16+10 2000 16 0 0 0 0 ii\ntwo.xyz 24 2000 16 0 0 0 0 vx\n");
        EcgRecord r = EcgRecordReader.read(dir.resolve("two.dat"));
        assertThat(r.leads()).extracting(Lead::name).containsExactly("I", "II", "vx");
        assertThat(r.leads().get(1).adc()).containsExactly(a[1]);
        assertThat(r.leads().get(2).adc()).containsExactly(b[0]);
        assertThat(r.leads().get(2).millivolts()[3]).isEqualTo((float) (b[0][3] / 2000.0));
    }

    @Test
    void severalSamplesPerFrameBecomeOneLongerSeries() throws IOException {
        // Frame layout with 2 samples per frame: s0a s0b s1a s1b.
        int[] s0 = {1, 2, 3, 4, 5, 6};
        int[] s1 = {-1, -2, -3, -4, -5, -6};
        int[][] stream = new int[4][3];
        for (int f = 0; f < 3; f++) {
            stream[0][f] = s0[2 * f];
            stream[1][f] = s0[2 * f + 1];
            stream[2][f] = s1[2 * f];
            stream[3][f] = s1[2 * f + 1];
        }
        Files.write(dir.resolve("spf.dat"), WfdbFormat.F16.encode(stream));
        Files.writeString(dir.resolve("spf.hea"), "spf 2 100 3\nspf.dat 16x2 1 16 0 0 0 0 I\nspf.dat 16x2 1 16 0 0 0 0 II\n");
        EcgRecord r = EcgRecordReader.read(dir.resolve("spf.hea"));
        assertThat(r.fs()).isEqualTo(200);
        assertThat(r.leads().get(0).adc()).containsExactly(s0);
        assertThat(r.leads().get(1).adc()).containsExactly(s1);
    }

    @Test
    void checksumAndInitialValueMismatchesAreWarningsNotFailures() throws IOException {
        int[][] samples = randomSamples(WfdbFormat.F16, 1, 20, 4);
        Files.write(dir.resolve("bad.dat"), WfdbFormat.F16.encode(samples));
        Files.writeString(dir.resolve("bad.hea"), "bad 1 500 20\nbad.dat 16 1000/mV 16 0 "
                + (samples[0][0] + 1) + " " + (checksum(samples[0]) + 1) + " 0 V1\n");
        EcgRecord r = EcgRecordReader.read(dir.resolve("bad.hea"));
        assertThat(r.leads().get(0).checksumOk()).contains(false);
        assertThat(r.warnings()).anyMatch(w -> w.contains("checksum")).anyMatch(w -> w.contains("initial value"));
    }

    @Test
    void unitsAreConvertedToMillivolts() throws IOException {
        int[][] samples = {{1000, -500}};
        Files.write(dir.resolve("uv.dat"), WfdbFormat.F16.encode(samples));
        Files.writeString(dir.resolve("uv.hea"), "uv 1 500 2\nuv.dat 16 1/uV 16 0 0 0 0 I\n");
        EcgRecord r = EcgRecordReader.read(dir.resolve("uv.hea"));
        assertThat(r.leads().get(0).millivolts()).containsExactly(1.0f, -0.5f);
        assertThat(r.leads().get(0).gain()).isEqualTo(1000);
    }

    @Test
    void aHeaderClaimingMoreSamplesThanTheFileHoldsIsAnErrorNotAnAllocation() throws IOException {
        Files.write(dir.resolve("big.dat"), new byte[50_000]);
        Files.writeString(dir.resolve("big.hea"), "big 12 500 2147483648\n"
                + IntStream.range(0, 12).mapToObj(i -> "big.dat 16 1000 16 0 0 0 0 I").collect(Collectors.joining("\n")));
        assertThatThrownBy(() -> EcgRecordReader.read(dir.resolve("big.hea")))
                .isInstanceOf(RecordFormatException.class)
                .hasMessageContaining("big.hea").hasMessageContaining("header says 2147483648 samples");
    }

    @Test
    void missingAndUnsupportedInputsAreNamed() throws IOException {
        Files.writeString(dir.resolve("nofile.hea"), "nofile 1 500 10\nnofile.dat 16\n");
        assertThatThrownBy(() -> EcgRecordReader.read(dir.resolve("nofile.hea")))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("nofile.dat not found");
        Files.write(dir.resolve("f8.dat"), new byte[10]);
        Files.writeString(dir.resolve("f8.hea"), "f8 1 500 10\nf8.dat 8\n");
        assertThatThrownBy(() -> EcgRecordReader.read(dir.resolve("f8.hea")))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("format 8 is not supported");
        assertThatThrownBy(() -> EcgRecordReader.read(dir.resolve("nothing")))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("no such record");
        assertThatThrownBy(() -> EcgRecordReader.read(dir))
                .isInstanceOf(RecordFormatException.class).hasMessageContaining("is a folder");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
