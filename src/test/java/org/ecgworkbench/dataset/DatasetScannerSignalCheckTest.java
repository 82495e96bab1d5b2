package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The header pass checks the signal files a header names without reading them (they exist, their
 * sizes fit format × signals × samples), and {@link DatasetScanner#verifySignals} reads them.
 */
class DatasetScannerSignalCheckTest {
    @TempDir
    Path dir;

    private static String header(String id, String file, String format, int signals, long samples) {
        StringBuilder sb = new StringBuilder(id + " " + signals + " 500 " + samples + "\n");
        for (int s = 0; s < signals; s++) sb.append(file).append(' ').append(format).append(" 1000/mV 16 0 0 0 0 L").append(s).append('\n');
        return sb.append("#Dx: 426783006\n").toString();
    }

    private Path record(String id, String file, String format, int signals, long samples, long fileBytes) throws IOException {
        Path hea = dir.resolve(id + ".hea");
        Files.writeString(hea, header(id, file, format, signals, samples));
        if (fileBytes >= 0) Files.write(dir.resolve(file), new byte[(int) fileBytes]);
        return hea;
    }

    private static ScanResult.Failure failure(ScanResult r, Path path) {
        return r.failed().stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    }

    @Test
    void aHeaderWithoutItsSignalFileFailsWithTheReason() throws IOException {
        Path hea = record("I0001", "I0001.mat", "16+24", 12, 1000, -1);
        ScanResult r = new DatasetScanner(false).scan(List.of(dir));
        assertThat(r.records()).isEmpty();
        assertThat(failure(r, hea).reason()).contains("signal file I0001.mat not found beside the header");
        assertThat(failure(r, hea).line()).startsWith(hea + ": ").doesNotContain(hea + ": " + hea);
    }

    @Test
    void datSizesAreExactIncludingByteOffsetsAndFormat212() throws IOException {
        Path exact = record("d16", "d16.dat", "16", 3, 100, 3 * 100 * 2);
        Path offset = record("d16o", "d16o.dat", "16+512", 3, 100, 512 + 3 * 100 * 2);
        Path offsetShort = record("d16s", "d16s.dat", "16+512", 3, 100, 512 + 3 * 100 * 2 - 1);
        Path f212 = record("d212", "d212.dat", "212", 3, 101, 303 / 2 * 3 + 2); // 303 samples: 151 triples + 2 bytes
        Path f212short = record("d212s", "d212s.dat", "212", 3, 101, 303 / 2 * 3 + 1);
        Path longer = record("dlong", "dlong.dat", "16", 3, 100, 3 * 100 * 2 + 50);
        Path unknown = record("dfmt", "dfmt.dat", "311", 3, 100, 1000);

        ScanResult r = new DatasetScanner(false).scan(List.of(dir));
        assertThat(r.records()).extracting(IndexedRecord::id).containsExactly("d16", "d16o", "d212", "dlong");
        assertThat(failure(r, offsetShort).reason()).contains("1112 bytes, but d16s.dat has 1111");
        assertThat(failure(r, f212short).reason()).contains("format 212").contains("455 bytes, but d212s.dat has 454");
        assertThat(failure(r, unknown).reason()).contains("format 311 is not supported");
        IndexedRecord dlong = r.records().stream().filter(x -> x.path().equals(longer)).findFirst().orElseThrow();
        assertThat(dlong.warnings()).anyMatch(w -> w.contains("50 bytes more"));
        assertThat(r.records().stream().filter(x -> x.path().equals(exact)).findFirst().orElseThrow().warnings()).isEmpty();
        assertThat(offset).exists();
        assertThat(f212).exists();
    }

    @Test
    void matV4IsCheckedExactlyAndACompressedLookingMatV5IsLeftToTheSignalPass() throws IOException {
        // The challenge's MAT v4: 24 bytes of header (name "val\0"), then 12 × 1000 int16.
        Path v4 = record("A0001", "A0001.mat", "16+24", 12, 1000, -1);
        Files.write(dir.resolve("A0001.mat"), mat4(12, 1000, 24 + 12 * 1000 * 2));
        Path v4Short = record("A0002", "A0002.mat", "16+24", 12, 1000, -1);
        Files.write(dir.resolve("A0002.mat"), mat4(12, 900, 24 + 12 * 900 * 2)); // a well-formed matrix, too few columns
        Path truncated = record("A0003", "A0003.mat", "16+24", 12, 1000, 100);
        Path v5 = record("A0004", "A0004.mat", "16+24", 12, 1000, -1);
        Files.write(dir.resolve("A0004.mat"), mat5Header(600)); // small: might be compressed

        ScanResult r = new DatasetScanner(false).scan(List.of(dir));
        assertThat(r.records()).extracting(IndexedRecord::path).containsExactly(v4, v5);
        assertThat(failure(r, v4Short).reason()).contains("header says 1000 samples per signal but A0002.mat holds 900");
        assertThat(failure(r, truncated).error()).contains("A0003.mat");

        // The signal pass reads them: the fake MAT v5 fails there, with the reason, and the good one reads.
        List<DatasetScanner.Progress> progress = new CopyOnWriteArrayList<>();
        ScanResult verified = new DatasetScanner(false, progress::add, new AtomicBoolean()).verifySignals(r.records(), r.failed().size());
        assertThat(verified.records()).extracting(IndexedRecord::path).containsExactly(v4);
        assertThat(verified.failed()).extracting(ScanResult.Failure::path).containsExactly(v5);
        assertThat(progress).hasSize(2).allMatch(p -> p.phase() == DatasetScanner.Phase.SIGNALS && p.total() == 2);
        assertThat(progress).anyMatch(p -> p.done() == 2 && p.read() == 1 && p.failed() == r.failed().size() + 1);
    }

    @Test
    void theWalkReportsFilesSeenAndCancelStopsIt() throws IOException {
        for (int i = 0; i < 200; i++) Files.writeString(dir.resolve("note" + i + ".txt"), "x");
        List<DatasetScanner.Progress> progress = new CopyOnWriteArrayList<>();
        DatasetScanner scanner = new DatasetScanner(false, progress::add, new AtomicBoolean()).reportingFiles();
        scanner.scan(List.of(dir));
        assertThat(scanner.filesSeen()).isEqualTo(200);
        assertThat(progress).anyMatch(p -> p.phase() == DatasetScanner.Phase.FILES && p.filesSeen() == 128);

        AtomicBoolean cancelled = new AtomicBoolean(true);
        DatasetScanner stopped = new DatasetScanner(false, p -> { }, cancelled);
        assertThat(stopped.scan(List.of(dir)).records()).isEmpty();
        assertThat(stopped.filesSeen()).isZero();
    }

    /** Every real record passes the header check exactly when its signals read, with no size warning. */
    @SlowTest
    @Test
    void realRecordsPassTheSizeCheckExactlyWhenTheyRead() {
        List<Path> roots = new ArrayList<>(List.of(Path.of("resources/samples")));
        Path shared = Path.of(System.getProperty("ecg.shared.data", "../shared/data"));
        if (Files.isDirectory(shared)) roots.add(shared);
        assumeTrue(Files.isDirectory(roots.get(0)));

        ScanResult headers = new DatasetScanner(false).scan(roots);
        ScanResult signals = new DatasetScanner(true).scan(roots);
        assertThat(headers.failed()).extracting(ScanResult.Failure::path)
                .containsExactlyElementsOf(signals.failed().stream().map(ScanResult.Failure::path).toList());
        assertThat(headers.records()).hasSameSizeAs(signals.records()).isNotEmpty();
        assertThat(headers.records()).allSatisfy(rec -> assertThat(rec.warnings()).noneMatch(w -> w.contains("bytes more")));
        if (Files.isDirectory(shared)) {
            assertThat(headers.failed()).extracting(f -> f.path().getFileName().toString())
                    .containsExactly("I0001.hea", "I0002.hea", "I0003.hea", "I0004.hea", "I0005.hea",
                            "I0006.hea", "I0007.hea", "I0008.hea", "I0009.hea", "I0010.hea");
        }
    }

    private static byte[] mat4(int rows, int cols, int size) {
        ByteBuffer bb = ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(30).putInt(rows).putInt(cols).putInt(0).putInt(4).put(new byte[] {'v', 'a', 'l', 0});
        return bb.array();
    }

    private static byte[] mat5Header(int size) {
        byte[] b = new byte[size];
        byte[] text = "MATLAB 5.0 MAT-file, written by a test".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(text, 0, b, 0, text.length);
        for (int i = text.length; i < 116; i++) b[i] = ' ';
        b[124] = 0x00;
        b[125] = 0x01;
        b[126] = 'I';
        b[127] = 'M';
        return b;
    }
}
