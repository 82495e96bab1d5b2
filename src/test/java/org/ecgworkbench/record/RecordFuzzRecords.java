package org.ecgworkbench.record;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static java.nio.charset.StandardCharsets.US_ASCII;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.ecgworkbench.record.wfdb.WfdbFormat;

/**
 * The unmutated records the fuzz starts from: small records synthesized in memory (always there,
 * so the fuzz never depends on files outside the clone) and, when present, a few real ones copied
 * from {@code resources/samples/} or from the {@code ecg.shared.data} folder.
 */
final class RecordFuzzRecords {

    static final String[] TWELVE = {"I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"};

    /** Real records tried under {@code ecg.shared.data}, as {@code folder/name}. */
    private static final String[] SHARED = {
        "cinc2020-fixtures/A5432", "cinc2020-unlabelled/E00001", "native/00001_lr", "native/s0010_re",
        "cinc2021-sample/E07500",
    };

    private RecordFuzzRecords() {
    }

    /**
     * One record: every file by name (the header included) and the signal files it references.
     *
     * @param id          the record's base name; {@code id + ".hea"} is the header
     * @param files       file name to contents, header first
     * @param signalFiles the signal files, in header order
     * @param real        whether it was copied from real data
     */
    record Rec(String id, Map<String, byte[]> files, List<String> signalFiles, boolean real) {
        String headerName() {
            return id + ".hea";
        }

        byte[] header() {
            return files.get(headerName());
        }

        void writeTo(Path dir) throws IOException {
            for (Map.Entry<String, byte[]> e : files.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
        }
    }

    // ---------------------------------------------------------------- synthesized

    /** Small records covering formats 16, 212, 80, 24, MAT v4, two signal files, frames and a byte offset. */
    static List<Rec> synthesized() {
        List<Rec> out = new ArrayList<>();
        out.add(wfdb("syn16", "500 64", List.of(new SigFile("syn16.dat", WfdbFormat.F16, "", new String[] {"I", "II", "V1"}, 1, 200))));
        // Three signals in 212 make an odd sample total: the last sample takes two bytes.
        out.add(wfdb("syn212", "360 33", List.of(new SigFile("syn212.dat", WfdbFormat.F212, "", new String[] {"MLII", "V5", "V2"}, 1, 200))));
        out.add(wfdb("syn80", "250 50", List.of(new SigFile("syn80.dat", WfdbFormat.F80, "", new String[] {"II", "aVF"}, 1, 20))));
        out.add(wfdb("syn24", "1000 16", List.of(new SigFile("syn24.dat", WfdbFormat.F24, "", TWELVE, 1, 1000))));
        out.add(wfdb("syn2f", "1000 30", List.of(
                new SigFile("syn2f.dat", WfdbFormat.F16, "", new String[] {"i", "ii"}, 1, 2000),
                new SigFile("syn2f.xyz", WfdbFormat.F212, "", new String[] {"vx", "vy", "vz"}, 1, 200))));
        out.add(wfdb("synspf", "250 20", List.of(new SigFile("synspf.dat", WfdbFormat.F16, "x2", new String[] {"I", "II"}, 2, 200))));
        // No sample count on the record line: the length comes from the file size after the offset.
        out.add(wfdb("synoff", "360", List.of(new SigFile("synoff.dat", WfdbFormat.F16, "+64", new String[] {"V1", "V2"}, 1, 200))));
        out.add(mat4("synmat", 12, 40, 4880));
        return out;
    }

    /** One signal file of a synthesized record. */
    record SigFile(String name, WfdbFormat format, String suffix, String[] leads, int spf, double gain) {
    }

    /** A native WFDB record; {@code recordTail} is what follows {@code id nsig} on the record line. */
    static Rec wfdb(String id, String recordTail, List<SigFile> sigFiles) {
        String[] tail = recordTail.split(" ");
        int frames = tail.length > 1 ? Integer.parseInt(tail[1]) : 24;
        int nsig = sigFiles.stream().mapToInt(f -> f.leads().length).sum();
        StringBuilder hea = new StringBuilder(id).append(' ').append(nsig).append(' ').append(recordTail).append('\n');
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(id + ".hea", null);
        int signal = 0;
        for (SigFile f : sigFiles) {
            int width = f.leads().length * f.spf();
            int[][] stream = new int[width][frames];
            for (int s = 0; s < f.leads().length; s++) {
                int[] samples = wave(f.format(), signal + s, frames * f.spf());
                for (int i = 0; i < samples.length; i++) stream[s * f.spf() + i % f.spf()][i / f.spf()] = samples[i];
                hea.append(f.name()).append(' ').append(f.format().code()).append(f.suffix()).append(' ')
                        .append(gainText(f.gain())).append("(0)/mV ").append(f.format().bitsPerSample()).append(" 0 ")
                        .append(samples[0]).append(' ').append(checksum(samples)).append(" 0 ").append(f.leads()[s]).append('\n');
            }
            signal += f.leads().length;
            byte[] data = f.format().encode(stream);
            if (f.suffix().startsWith("+")) data = concat(prefix(Integer.parseInt(f.suffix().substring(1))), data);
            files.put(f.name(), data);
        }
        hea.append("#Age: 61\n#Sex: Female\n#Dx: 426783006\n");
        files.put(id + ".hea", hea.toString().getBytes(US_ASCII));
        return new Rec(id, files, sigFiles.stream().map(SigFile::name).toList(), false);
    }

    /** A challenge-style record: a MAT v4 int16 matrix {@code val}, header format {@code 16+24}. */
    static Rec mat4(String id, int nsig, int frames, double gain) {
        int[][] samples = new int[nsig][];
        StringBuilder hea = new StringBuilder(id).append(".mat ").append(nsig).append(" 500 ").append(frames)
                .append(" 05-May-2020 14:50:55\n");
        for (int s = 0; s < nsig; s++) {
            samples[s] = wave(WfdbFormat.F16, s, frames);
            hea.append(id).append(".mat 16+24 ").append(gainText(gain)).append("/mV 16 0 ").append(samples[s][0]).append(' ')
                    .append(checksum(samples[s])).append(" 0 ").append(TWELVE[s % TWELVE.length]).append('\n');
        }
        hea.append("#Age: NaN\n#Sex: Male\n#Dx: 164889003,59118001\n#Rx: Unknown\n");
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(id + ".hea", hea.toString().getBytes(US_ASCII));
        files.put(id + ".mat", concat(mat4Header(30, nsig, frames, 0, "val"), WfdbFormat.F16.encode(samples)));
        return new Rec(id, files, List.of(id + ".mat"), false);
    }

    /** The 20 fixed bytes and the NUL-terminated name of a little-endian MAT v4 matrix header. */
    static byte[] mat4Header(int type, int rows, int cols, int imagf, String name) {
        byte[] nameBytes = (name + "\0").getBytes(US_ASCII);
        ByteBuffer bb = ByteBuffer.allocate(20 + nameBytes.length).order(ByteOrder.LITTLE_ENDIAN);
        bb.putInt(type).putInt(rows).putInt(cols).putInt(imagf).putInt(nameBytes.length).put(nameBytes);
        return bb.array();
    }

    /**
     * An ECG-ish wave that fits the format. The first sample is negative and no sample is the format's
     * minimum, so the first bytes of a valid .dat never read as a MAT v4 type (see the zero-start test).
     */
    static int[] wave(WfdbFormat format, int signal, int n) {
        int amp = Math.min(format.maxValue() / 3, 900);
        int[] out = new int[n];
        for (int i = 0; i < n; i++) {
            double t = i / 12.0 + signal * 0.7;
            int v = (int) Math.round(amp * (0.6 * Math.sin(t) + 0.3 * Math.sin(3.1 * t + signal))) - 37 - signal;
            out[i] = Math.max(format.minValue() + 1, Math.min(format.maxValue(), v));
        }
        out[0] = -Math.max(7, Math.abs(out[0]));
        return out;
    }

    static int checksum(int[] samples) {
        long sum = 0;
        for (int v : samples) sum += v;
        return (short) sum;
    }

    private static String gainText(double gain) {
        return gain == Math.rint(gain) ? Long.toString((long) gain) : Double.toString(gain);
    }

    /** Non-sample bytes before the data of a record with a byte offset (printable, so never MAT-like). */
    private static byte[] prefix(int n) {
        byte[] p = new byte[n];
        for (int i = 0; i < n; i++) p[i] = (byte) ("WFDB-prefix-".charAt(i % 12));
        return p;
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }

    // ---------------------------------------------------------------- real

    /**
     * Real records, read once into memory: every record in {@code resources/samples/} when the project
     * has them, else the few listed in {@link #SHARED} under {@code ecg.shared.data}; empty when neither exists.
     */
    static List<Rec> real() {
        List<Rec> out = new ArrayList<>();
        Path samples = Path.of("resources", "samples");
        try {
            if (Files.isDirectory(samples)) {
                try (Stream<Path> s = Files.list(samples)) {
                    for (Path hea : s.filter(p -> p.getFileName().toString().endsWith(".hea")).sorted().toList()) {
                        load(hea).ifPresent(out::add);
                        if (out.size() >= 6) break;
                    }
                }
            }
            String shared = System.getProperty("ecg.shared.data");
            if (out.isEmpty() && shared != null && Files.isDirectory(Path.of(shared))) {
                for (String rec : SHARED) {
                    Path hea = Path.of(shared).resolve(rec + ".hea");
                    if (Files.isRegularFile(hea)) load(hea).ifPresent(out::add);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the real records: " + e, e);
        }
        return out;
    }

    /** The header and the signal files it names (first field of each signal line), if all exist. */
    private static Optional<Rec> load(Path hea) throws IOException {
        String name = hea.getFileName().toString();
        String id = name.substring(0, name.length() - 4);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(name, Files.readAllBytes(hea));
        Set<String> signalFiles = new LinkedHashSet<>();
        boolean recordLine = true;
        for (String line : new String(files.get(name), ISO_8859_1).split("\r?\n")) {
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) continue;
            if (recordLine) {
                recordLine = false;
                continue;
            }
            signalFiles.add(t.split("[ \t]+")[0]);
        }
        for (String f : signalFiles) {
            Path p = hea.resolveSibling(f);
            if (!Files.isRegularFile(p)) return Optional.empty();
            files.put(f, Files.readAllBytes(p));
        }
        return signalFiles.isEmpty() ? Optional.empty()
                : Optional.of(new Rec(id, files, List.copyOf(signalFiles), true));
    }
}
