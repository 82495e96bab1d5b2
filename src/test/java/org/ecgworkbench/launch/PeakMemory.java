package org.ecgworkbench.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * Issue 14, point 3: runs a command of the packaged jar in a child JVM with the heap the installer ships
 * ({@code -Xmx2g}) and reads its peak resident memory (VmHWM of /proc/PID/status, polled while it runs).
 * Records are written as WFDB format 16 (12 leads, 500 Hz): a 10-second one and a 30-minute one.
 * {@code main} prints the table of docs/benchmarks.md:
 * {@code java -cp target/test-classes org.ecgworkbench.launch.PeakMemory WORK_DIR}.
 */
public final class PeakMemory {
    static final Path JAR = Path.of("target/ecg-workbench.jar");
    static final String[] LEADS = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};

    /** A finished run: exit code, peak resident set, stderr. */
    record Run(int exitCode, long peakKb, String err) {
    }

    private PeakMemory() {
    }

    /** A 12-lead 500-Hz WFDB 16 record of {@code samples} samples: a 1.2-Hz wave and noise, 1000/mV. */
    static Path writeRecord(Path dir, String name, int samples) throws IOException {
        Files.createDirectories(dir);
        StringBuilder h = new StringBuilder(name + " 12 500 " + samples + "\n");
        for (String lead : LEADS) h.append(name).append(".dat 16 1000/mV 16 0 0 0 0 ").append(lead).append('\n');
        h.append("#Age: 50\n#Sex: Male\n#Dx: 426783006\n");
        Path header = dir.resolve(name + ".hea");
        Files.writeString(header, h.toString());
        Random random = new Random(1);
        ByteBuffer buffer = ByteBuffer.allocate(12 * 2 * 4096).order(ByteOrder.LITTLE_ENDIAN);
        try (FileChannel out = FileChannel.open(dir.resolve(name + ".dat"), StandardOpenOption.CREATE,
                StandardOpenOption.TRUNCATE_EXISTING, StandardOpenOption.WRITE)) {
            for (int i = 0; i < samples; i++) {
                short wave = (short) (500 * Math.sin(2 * Math.PI * 1.2 * i / 500));
                for (int l = 0; l < 12; l++) buffer.putShort((short) (wave + random.nextGaussian() * 20));
                if (!buffer.hasRemaining()) {
                    buffer.flip();
                    while (buffer.hasRemaining()) out.write(buffer);
                    buffer.clear();
                }
            }
            buffer.flip();
            while (buffer.hasRemaining()) out.write(buffer);
        }
        return header;
    }

    /** Runs {@code java -Xmx2g -jar target/ecg-workbench.jar ARGS} in {@code dir}, measuring its peak RSS. */
    static Run run(Path dir, List<String> args) throws IOException, InterruptedException {
        return run(dir, "2g", args);
    }

    /** The same with another heap limit ({@code -Xmx}). */
    static Run run(Path dir, String heap, List<String> args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heap, "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(args);
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile())
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile());
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        Process p = pb.start();
        Path status = Path.of("/proc", Long.toString(p.pid()), "status");
        long peak = 0;
        while (!p.waitFor(20, TimeUnit.MILLISECONDS)) {
            peak = Math.max(peak, vmHwmKb(status));
        }
        return new Run(p.exitValue(), peak, Files.readString(err));
    }

    private static long vmHwmKb(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", ""));
            }
        } catch (IOException | RuntimeException exited) {
            // The process ended between two reads.
        }
        return 0;
    }

    /** The commands of the rule, each on the 10-second and the 30-minute record. */
    static List<List<String>> commands(String record) {
        return List.of(
                List.of("export", record + ".hea", "--to", "mat", "--out", record + ".out.mat", "--force"),
                List.of("export", record + ".hea", "--to", "csv", "--out", record + ".out.csv", "--force"),
                List.of("preprocess", record + ".hea", "--out", record + ".pre.csv", "--force"),
                List.of("predict", record + ".hea"));
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "target/peak-memory").toAbsolutePath();
        writeRecord(dir, "short", 5_000);
        writeRecord(dir, "long", 900_000);
        OutputStream out = System.out;
        out.write("| command | 10 s | 30 min | difference |\n|---|---|---|---|\n".getBytes());
        List<List<String>> shorts = commands("short");
        List<List<String>> longs = commands("long");
        for (int i = 0; i < shorts.size(); i++) {
            Run s = run(dir, shorts.get(i));
            Run l = run(dir, longs.get(i));
            String name = String.join(" ", shorts.get(i)).replace("short", "R");
            out.write(String.format(Locale.ROOT, "| `%s` | %d MB | %d MB | %+d MB |%s%n", name, s.peakKb() / 1024,
                    l.peakKb() / 1024, (l.peakKb() - s.peakKb()) / 1024,
                    s.exitCode() == 0 && l.exitCode() == 0 ? "" : " exit " + s.exitCode() + "/" + l.exitCode()).getBytes());
            out.flush();
        }
    }
}
