package org.ecgworkbench.record.mat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.jmatio.io.MatFileReader;
import com.jmatio.types.MLArray;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.stream.Stream;
import org.ecgworkbench.record.Sex;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Mat5WriterTest {

    private static final List<String> TWELVE_LEADS =
            List.of("I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6");

    @TempDir
    Path dir;

    static double[][] randomMv(int rows, int columns, long seed) {
        Random random = new Random(seed);
        double[][] mv = new double[rows][columns];
        for (double[] row : mv) {
            for (int i = 0; i < columns; i++) row[i] = random.nextGaussian() * 0.5;
        }
        return mv;
    }

    static Mat5Content.Signals fullRecord() {
        return new Mat5Content.Signals(randomMv(12, 5000, 42), OptionalDouble.of(500), TWELVE_LEADS,
                Optional.of("JS00001"), OptionalDouble.of(61), Optional.of(Sex.FEMALE),
                List.of("426783006", "164889003"));
    }

    @Test
    void roundTripKeepsEverything() throws IOException {
        Path file = dir.resolve("full.mat");
        Mat5Content.Signals written = fullRecord();

        Mat5Writer.write(file, written, false);
        Mat5Content read = Mat5Reader.read(file);

        assertThat(read).isEqualTo(written);
        Mat5Content.Signals signals = (Mat5Content.Signals) read;
        assertThat(signals.value(11, 4999)).isEqualTo(written.value(11, 4999));
        assertThat(signals.leadNames()).isEqualTo(TWELVE_LEADS);
        assertThat(signals.allIntegral()).isFalse();
    }

    @Test
    void roundTripOfASignalMatrixAlone() throws IOException {
        Path file = dir.resolve("bare.mat");
        Mat5Content.Signals written = new Mat5Content.Signals(new double[][] {{-1, 0, 2.5}},
                OptionalDouble.empty(), List.of(), Optional.empty(), OptionalDouble.empty(), Optional.empty(), List.of());

        Mat5Writer.write(file, written, false);

        assertThat(Mat5Reader.read(file)).isEqualTo(written);
    }

    @Test
    void roundTripOfNonAsciiTextAndEmptyLeadName() throws IOException {
        Path file = dir.resolve("text.mat");
        Mat5Content.Signals written = new Mat5Content.Signals(new double[][] {{1}, {2}, {3}}, OptionalDouble.of(257),
                List.of("Ä1", "", "V1"), Optional.of("Zürich-7"), OptionalDouble.of(0), Optional.of(Sex.MALE), List.of("NSR"));

        Mat5Writer.write(file, written, false);

        assertThat(Mat5Reader.read(file)).isEqualTo(written);
    }

    @Test
    void writesTheDocumentedVariables() throws IOException {
        Path file = dir.resolve("vars.mat");
        Mat5Writer.write(file, fullRecord(), false);

        assertThat(Mat5Reader.isMat5(Arrays.copyOf(Files.readAllBytes(file), 128))).isTrue();
        Map<String, MLArray> content = new MatFileReader().read(file.toFile(), MatFileReader.HEAP_BYTE_BUFFER);
        assertThat(content.keySet()).containsExactly("val", "fs", "leads", "id", "age", "sex", "dx");
        assertThat(content.get("val").getDimensions()).containsExactly(12, 5000);
        assertThat(content.get("val").isDouble()).isTrue();
        assertThat(content.get("leads").isCell()).isTrue();
        assertThat(content.get("sex").isChar()).isTrue();
    }

    @Test
    void cpscOriginalSurvivesConversionToTheValLayout() throws IOException {
        Mat5Content.CpscEcg ecg = (Mat5Content.CpscEcg) Mat5Reader.read(Mat5ReaderTest.cpscOriginal("A1981"));
        double[][] rows = new double[ecg.signalCount()][ecg.sampleCount()];
        for (int r = 0; r < rows.length; r++) {
            for (int i = 0; i < rows[r].length; i++) rows[r][i] = ecg.sampleMv(r, i);
        }
        Mat5Content.Signals signals = new Mat5Content.Signals(rows, OptionalDouble.of(Mat5Content.CpscEcg.SAMPLING_FREQUENCY_HZ),
                TWELVE_LEADS, Optional.of("A1981"), ecg.age(), ecg.sex(), List.of());
        Path file = dir.resolve("A1981-val.mat");

        Mat5Writer.write(file, signals, false);

        assertThat(Mat5Reader.read(file)).isEqualTo(signals);
    }

    @Test
    void refusesToOverwriteUnlessAsked() throws IOException {
        Path file = dir.resolve("existing.mat");
        Files.writeString(file, "keep me");

        assertThatThrownBy(() -> Mat5Writer.write(file, fullRecord(), false))
                .isInstanceOf(FileAlreadyExistsException.class);
        assertThat(Files.readString(file)).isEqualTo("keep me");

        Mat5Writer.write(file, fullRecord(), true);
        assertThat(Mat5Reader.read(file)).isEqualTo(fullRecord());
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).containsExactly(file); // no temporary file left behind
        }
    }

    @Test
    void recordsAreImmutableAndValidated() {
        double[][] rows = {{1, 2}, {3, 4}};
        Mat5Content.Signals signals = new Mat5Content.Signals(rows, 500, List.of("I", "II"));
        rows[0][0] = 99;
        signals.rows()[1][1] = 99;
        assertThat(signals.rows()).isEqualTo(new double[][] {{1, 2}, {3, 4}});
        assertThat(signals.allIntegral()).isTrue();

        assertThatThrownBy(() -> new Mat5Content.Signals(new double[][] {{1, Double.NaN}}, 500, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mat5Content.Signals(new double[][] {{1}}, 500, List.of("I", "II")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mat5Content.Signals(new double[][] {{1}, {2, 3}}, 500, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mat5Content.Signals(new double[0][], 500, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mat5Content.Signals(new double[][] {{1}}, 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Mat5Content.CpscEcg(new float[][] {{Float.NaN}}, OptionalDouble.empty(),
                Optional.empty())).isInstanceOf(IllegalArgumentException.class);
    }
}
