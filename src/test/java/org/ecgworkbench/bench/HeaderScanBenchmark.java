package org.ecgworkbench.bench;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgworkbench.dataset.DatasetScanner;
import org.ecgworkbench.dataset.ScanResult;
import org.ecgworkbench.dataset.ScanSummary;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.RecordFormatException;
import org.ecgworkbench.record.wfdb.WfdbHeader;
import org.ecgworkbench.record.wfdb.WfdbHeaderParser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * Header-only scanning throughput on generated challenge-style headers (12 leads, #Age/#Sex/#Dx
 * comments, sources and rates as in the CinC 2020 data), each with a (sparse) signal file whose size
 * the scan checks. Scores are headers per second.
 * Run: {@code mvn -B -Pbench -DskipTests test-compile exec:exec -Dbench.args="HeaderScanBenchmark"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HeaderScanBenchmark {
    /** Headers per folder scan; the throughput is reported per header. */
    static final int HEADERS = 4000;
    private static final String[] LEADS = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};
    private static final String[] PREFIX = {"A", "Q", "I", "S", "HR", "E"};
    private static final String[] DX = {"426783006", "164889003", "59118001", "713427006", "284470004", "427172004",
        "164934002", "39732003", "164873001", "428750005", "270492004", "426177001"};

    @Param({"challenge"})
    public String layout;

    private Path dir;
    private byte[][] headerBytes;

    @Setup(Level.Trial)
    public void generate() throws IOException {
        dir = Files.createTempDirectory("ecg-header-bench");
        headerBytes = new byte[HEADERS][];
        Random rnd = new Random(2020);
        for (int i = 0; i < HEADERS; i++) {
            String id = PREFIX[i % PREFIX.length] + String.format("%05d", i);
            String text = header(id, rnd);
            headerBytes[i] = text.getBytes(StandardCharsets.US_ASCII);
            Files.write(dir.resolve(id + ".hea"), headerBytes[i]);
            // The scan checks each signal file's size (one stat): a sparse file of the right size costs no disk.
            long samples = Long.parseLong(text.substring(0, text.indexOf('\n')).split(" ")[3]);
            try (RandomAccessFile mat = new RandomAccessFile(dir.resolve(id + ".mat").toFile(), "rw")) {
                mat.setLength(24 + 12 * samples * 2);
            }
        }
    }

    static String header(String id, Random rnd) {
        int fs = id.startsWith("S") ? 1000 : id.startsWith("I") ? 257 : 500;
        int n = fs * (10 + rnd.nextInt(50));
        StringBuilder sb = new StringBuilder(id).append(" 12 ").append(fs).append(' ').append(n).append(" 05-May-2020 14:50:55\n");
        for (String lead : LEADS) {
            sb.append(id).append(".mat 16+24 1000/mV 16 0 ").append(rnd.nextInt(400) - 200).append(' ')
                    .append(rnd.nextInt(65536) - 32768).append(" 0 ").append(lead).append('\n');
        }
        sb.append("#Age: ").append(20 + rnd.nextInt(70)).append('\n');
        sb.append("#Sex: ").append(rnd.nextBoolean() ? "Male" : "Female").append('\n');
        sb.append("#Dx: ").append(DX[rnd.nextInt(DX.length)]).append(',').append(DX[rnd.nextInt(DX.length)]).append('\n');
        sb.append("#Rx: Unknown\n#Hx: Unknown\n#Sx: Unknown\n");
        return sb.toString();
    }

    /** Walk the folder, read and parse every header from disk (page cache warm), index it. */
    @Benchmark
    @OperationsPerInvocation(HEADERS)
    public ScanResult scanFolder() {
        return new DatasetScanner(false).scan(List.of(dir));
    }

    /** The same plus the class/source/duration summary the scan command prints. */
    @Benchmark
    @OperationsPerInvocation(HEADERS)
    public ScanSummary scanAndSummarise() {
        return ScanSummary.of(new DatasetScanner(false).scan(List.of(dir)), DiagnosisCatalogue.standard());
    }

    /** Parsing alone, from bytes in memory (no file system). */
    @Benchmark
    @OperationsPerInvocation(HEADERS)
    public int parseOnly() throws RecordFormatException {
        int signals = 0;
        for (byte[] h : headerBytes) {
            WfdbHeader header = WfdbHeaderParser.parse(null, h);
            signals += header.signalCount() + header.parsedComments().dx().size();
        }
        return signals;
    }

    @TearDown(Level.Trial)
    public void delete() throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }
}
