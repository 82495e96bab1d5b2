package org.ecgworkbench.record.wfdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.ReadOptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Windows of a record hold exactly the millivolts the whole-record reader gives for those samples. */
class WindowedRecordReaderTest {
    @TempDir
    Path dir;

    private static void assertWindowsMatch(Path header, long[][] windows) throws Exception {
        EcgRecord whole = EcgRecordReader.read(header);
        WindowedRecordReader reader = WindowedRecordReader.open(header, ReadOptions.DEFAULT).orElseThrow();
        assertThat(reader.frames()).isEqualTo(whole.samples());
        assertThat(reader.fs()).isEqualTo(whole.fs());
        List<Lead> standard = whole.leads().stream().filter(l -> l.standardLead().isPresent()).toList();
        assertThat(reader.leadNames()).isEqualTo(standard.stream().map(Lead::name).toList());
        for (long[] w : windows) {
            double[][] mv = reader.read(w[0], (int) w[1]);
            int expected = (int) Math.max(0, Math.min(whole.samples(), w[0] + w[1]) - w[0]);
            for (int k = 0; k < standard.size(); k++) {
                assertThat(mv[k]).as("lead %d window %d+%d", k, w[0], w[1]).hasSize(expected);
                for (int j = 0; j < expected; j++) {
                    assertThat(mv[k][j]).as("lead %d sample %d", k, w[0] + j).isEqualTo(standard.get(k).millivolts()[(int) w[0] + j]);
                }
            }
        }
    }

    @Test
    void aMat4RecordReadsInWindowsAsWhole() throws Exception {
        for (String ext : List.of(".hea", ".mat")) Files.copy(Path.of("resources/samples/A5432" + ext), dir.resolve("A5432" + ext));
        assertWindowsMatch(dir.resolve("A5432.hea"), new long[][] {{0, 1000}, {1233, 777}, {4990, 100}, {5000, 10}});
    }

    @Test
    void format212WithAnOddNumberOfSignalsReadsFromAnyFrame() throws Exception {
        int n = 1001;
        int[][] s = new int[3][n];
        for (int k = 0; k < 3; k++) for (int j = 0; j < n; j++) s[k][j] = (j * 7 + k * 300) % 2000 - 1000;
        Files.write(dir.resolve("R.dat"), WfdbFormat.F212.encode(s));
        // A fourth, non-ECG signal in the same file is left out of the windows.
        Files.writeString(dir.resolve("R.hea"), "R 3 250 " + n + "\n"
                + "R.dat 212 200/mV 12 0 0 0 0 II\nR.dat 212 200/mV 12 0 0 0 0 resp\nR.dat 212 100/mV 12 5 0 0 0 V1\n");
        assertWindowsMatch(dir.resolve("R.hea"), new long[][] {{0, 10}, {1, 10}, {3, 500}, {500, 501}, {999, 50}});
        assertThat(WindowedRecordReader.open(dir.resolve("R.hea"), ReadOptions.DEFAULT).orElseThrow().leadNames())
                .containsExactly("II", "V1");
    }

    @Test
    void aRecordOfSeveralSignalFilesIsReadWhole() throws Exception {
        Files.write(dir.resolve("a.dat"), WfdbFormat.F16.encode(new int[1][10]));
        Files.write(dir.resolve("b.dat"), WfdbFormat.F16.encode(new int[1][10]));
        Files.writeString(dir.resolve("S.hea"), "S 2 250 10\na.dat 16 200/mV 16 0 0 0 0 I\nb.dat 16 200/mV 16 0 0 0 0 II\n");
        assertThat(WindowedRecordReader.open(dir.resolve("S.hea"), ReadOptions.DEFAULT)).isEmpty();
    }
}
