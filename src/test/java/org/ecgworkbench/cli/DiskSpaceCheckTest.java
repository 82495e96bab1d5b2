package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.record.wfdb.ChallengeRecordWriter;
import org.ecgworkbench.record.CsvRecordWriter;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.mat.Mat5Writer;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.SignalBlock;
import org.ecgworkbench.signal.SignalBlockCsvWriter;
import org.ecgworkbench.synth.SynthesisSettings;
import org.ecgworkbench.synth.SyntheticDatasetWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 4: the long writers check free disk space against an estimate before writing (exit 3, one
 * line), and the estimates are not below what they really write.
 */
class DiskSpaceCheckTest {
    private static final Path SAMPLE = Path.of("resources/samples/E00009.hea");

    @TempDir
    Path tmp;

    @Test
    void aSynthDatasetLargerThanTheDiskIsRefusedBeforeAnythingIsWritten() {
        // 1,000,000 records of 2 minutes at 2 kHz: about 5.8 TB.
        Path out = tmp.resolve("huge");
        CliRunner r = CliRunner.run("synth", "--out", out.toString(), "--count", "1000000", "--fs", "2000", "--duration", "120");
        assertThat(r.exitCode()).as(r.err()).isEqualTo(ExitCodes.INTERNAL_ERROR);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("error: not enough disk space in " + tmp.toAbsolutePath() + ": synth needs about 5.8 TB, ")
                .endsWith(" free");
        assertThat(out).doesNotExist();
    }

    @Test
    void theSynthEstimateCoversWhatIsWritten() throws Exception {
        SynthesisSettings settings = new SynthesisSettings(1, 500, 10, 1, 0);
        Path out = tmp.resolve("syn");
        CliRunner r = CliRunner.run("synth", "--out", out.toString(), "--count", "3");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertEstimateCovers(SyntheticDatasetWriter.estimatedBytes(3, settings), sizeOf(out));
    }

    @Test
    void theExportEstimatesCoverWhatIsWritten() throws Exception {
        EcgRecord record = EcgRecordReader.read(SAMPLE);
        Path csv = tmp.resolve("e.csv");
        Path mat = tmp.resolve("e.mat");
        Path wfdb = tmp.resolve("w").resolve("E00009.hea");
        Files.createDirectories(wfdb.getParent());
        CsvRecordWriter.write(record, csv, false);
        Mat5Writer.write(mat, record, false);
        ChallengeRecordWriter.write(record, wfdb, false);
        assertEstimateCovers(CsvRecordWriter.estimatedBytes(record), Files.size(csv));
        // MAT v5 is compressed: its estimate is the uncompressed size, an upper bound.
        assertThat(Mat5Writer.estimatedBytes(record)).isGreaterThanOrEqualTo(Files.size(mat));
        assertEstimateCovers(ChallengeRecordWriter.estimatedBytes(record), sizeOf(wfdb.getParent()));
    }

    @Test
    void thePreprocessEstimateCoversWhatIsWritten() throws Exception {
        List<SignalBlock> blocks = Pipeline.defaultRecipe().apply(EcgRecordReader.read(SAMPLE));
        Path csv = tmp.resolve("p.csv");
        SignalBlockCsvWriter.write(blocks.get(0), csv, false);
        assertEstimateCovers(SignalBlockCsvWriter.estimatedBytes(blocks.get(0)), Files.size(csv));
    }

    /** At least what was written, and not absurdly more (so the check does not refuse what would fit). */
    private static void assertEstimateCovers(long estimate, long actual) {
        assertThat(estimate).isGreaterThanOrEqualTo(actual).isLessThanOrEqualTo(3 * actual + 8192);
    }

    private static long sizeOf(Path dir) throws Exception {
        try (var files = Files.list(dir)) {
            long total = 0;
            for (Path p : files.toList()) total += Files.size(p);
            return total;
        }
    }
}
