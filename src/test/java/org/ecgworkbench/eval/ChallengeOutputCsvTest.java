package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChallengeOutputCsvTest {
    @TempDir
    Path dir;

    @Test
    void writesTheChallengeFormatAndReadsItBackExactly() throws IOException {
        float[] p = new float[24];
        for (int k = 0; k < 24; k++) p[k] = (float) Math.pow(0.37, k);
        p[5] = Float.NaN;
        p[6] = 1e-30f;
        double[] t = new double[24];
        Arrays.fill(t, 0.3);
        ChallengeOutput out = ChallengeOutput.of("A0001", DiagnosisCatalogue.standard().scoredClasses(), p, t);
        Path file = dir.resolve("A0001.csv");
        ChallengeOutputCsv.write(out, file);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo("#A0001");
        assertThat(lines.get(1)).startsWith("270492004,164889003,164890007,");
        assertThat(lines.get(2)).startsWith("1,1,0,0,");
        assertThat(ChallengeOutputCsv.read(file)).isEqualTo(out);
    }

    @Test
    void readsFilesAsTheOfficialScorerDoes() throws IOException {
        Path file = Files.writeString(dir.resolve("Q0001.csv"),
                "# Q0001 \r\n\r\n270492004, 164889003 ,59118001\r\nTrue,f, 1\r\n 0.25 ,nan,1e-3\r\n\r\n");
        ChallengeOutput out = ChallengeOutputCsv.read(file);
        assertThat(out.recordId()).isEqualTo("Q0001");
        assertThat(out.codes()).containsExactly("270492004", "164889003", "59118001");
        assertThat(out.outputs()).containsExactly(true, false, true);
        assertThat(out.probabilities()).containsExactly(0.25f, Float.NaN, 0.001f);

        Path noId = Files.writeString(dir.resolve("E00001.csv"), "426783006\n0\n0.5\n");
        assertThat(ChallengeOutputCsv.read(noId).recordId()).isEqualTo("E00001");
    }

    @Test
    void badInputNamesTheFileLineAndField() throws IOException {
        Path binary = Files.writeString(dir.resolve("binary.csv"), "#R1\n426783006,164889003\n0,1.0\n0.1,0.9\n");
        assertThatThrownBy(() -> ChallengeOutputCsv.read(binary)).isInstanceOf(EvalFileFormatException.class)
                .hasMessage(binary + ": line 3, field 2: '1.0' is not a binary output (1/0, True/False, T/F)");

        Path probability = Files.writeString(dir.resolve("probability.csv"), "#R1\n426783006,164889003\n0,1\n0.1,high\n");
        assertThatThrownBy(() -> ChallengeOutputCsv.read(probability)).isInstanceOf(EvalFileFormatException.class)
                .hasMessageContaining("probability.csv: line 4, field 2").hasMessageContaining("'high'");

        Path javaOnly = Files.writeString(dir.resolve("hex.csv"), "426783006\n1\n0x1p-2\n");
        assertThatThrownBy(() -> ChallengeOutputCsv.read(javaOnly)).hasMessageContaining("hex.csv: line 3, field 1");

        Path ragged = Files.writeString(dir.resolve("ragged.csv"), "#R1\n426783006,164889003\n0\n0.1,0.9\n");
        assertThatThrownBy(() -> ChallengeOutputCsv.read(ragged)).isInstanceOf(EvalFileFormatException.class)
                .hasMessageContaining("ragged.csv: line 3: 1 fields, but the codes line (line 2) has 2");

        Path shortFile = Files.writeString(dir.resolve("short.csv"), "#R1\n426783006\n1\n");
        assertThatThrownBy(() -> ChallengeOutputCsv.read(shortFile)).isInstanceOf(EvalFileFormatException.class)
                .hasMessageContaining("short.csv: no line of probabilities");

        Path extra = Files.writeString(dir.resolve("extra.csv"), "426783006\n1\n0.5\n0.7\n");
        assertThatThrownBy(() -> ChallengeOutputCsv.read(extra)).hasMessageContaining("extra.csv: line 4");

        Path emptyCode = Files.writeString(dir.resolve("empty.csv"), "426783006,\n1,0\n0.5,0.1\n");
        assertThatThrownBy(() -> ChallengeOutputCsv.read(emptyCode)).hasMessageContaining("empty.csv: line 1, field 2");
    }

    @Test
    void theRecordChecksItsShape() {
        assertThatThrownBy(() -> new ChallengeOutput("R", List.of("1", "2"), new boolean[2], new float[1]))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ChallengeOutput("a\nb", List.of("1"), new boolean[1], new float[1]))
                .isInstanceOf(IllegalArgumentException.class);
        boolean[] outputs = {true};
        ChallengeOutput out = new ChallengeOutput("R", List.of("1"), outputs, new float[] {0.5f});
        outputs[0] = false;
        out.outputs()[0] = false;
        assertThat(out.outputs()).containsExactly(true);
    }
}
