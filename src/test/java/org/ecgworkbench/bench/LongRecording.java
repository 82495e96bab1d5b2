package org.ecgworkbench.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.Lead;
import org.ecgworkbench.record.LeadName;
import org.ecgworkbench.synth.ClassSet;
import org.ecgworkbench.synth.SynthesisSettings;
import org.ecgworkbench.synth.SyntheticEcgGenerator;

/**
 * Writes a long three-lead recording (I, II, V5 of synthetic sinus rhythm, WFDB format 16, 200 units/mV) of
 * 120-s synthetic stretches back to back, streamed to disk so that a 24-hour record never sits in memory.
 * Run: {@code java -cp target/test-classes:target/classes:<classpath> org.ecgworkbench.bench.LongRecording DIR NAME HOURS FS}.
 */
public final class LongRecording {
    private static final List<LeadName> LEADS = List.of(LeadName.I, LeadName.II, LeadName.V5);
    private static final double GAIN = 200;
    private static final double CHUNK_S = 120;

    private LongRecording() {
    }

    public static void main(String[] args) throws IOException {
        Path header = write(Path.of(args[0]), args[1], Double.parseDouble(args[2]) * 3600, Integer.parseInt(args[3]));
        System.out.println(header);
    }

    /** Writes {@code dir/NAME.hea} and {@code NAME.dat}, {@code seconds} long at {@code fs}; returns the header. */
    public static Path write(Path dir, String name, double seconds, int fs) throws IOException {
        Files.createDirectories(dir);
        long frames = Math.round(seconds * fs);
        int perChunk = (int) Math.round(CHUNK_S * fs);
        int[] first = new int[LEADS.size()];
        int[] checksum = new int[LEADS.size()];
        ClassSet sinus = ClassSet.parse("NSR");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(dir.resolve(name + ".dat")), 1 << 16)) {
            long written = 0;
            for (long chunk = 0; written < frames; chunk++) {
                EcgRecord r = SyntheticEcgGenerator.generate(new SynthesisSettings(7, fs, CHUNK_S, 1, 0), chunk, sinus).record();
                float[][] mv = new float[LEADS.size()][];
                for (int k = 0; k < LEADS.size(); k++) mv[k] = r.lead(LEADS.get(k)).map(Lead::millivolts).orElseThrow();
                int n = (int) Math.min(perChunk, frames - written);
                for (int j = 0; j < n; j++) {
                    for (int k = 0; k < LEADS.size(); k++) {
                        int v = (int) Math.max(-32768, Math.min(32767, Math.round(mv[k][j] * GAIN)));
                        if (written == 0 && j == 0) first[k] = v;
                        checksum[k] += v;
                        out.write(v & 0xFF);
                        out.write((v >> 8) & 0xFF);
                    }
                }
                written += n;
            }
        }
        StringBuilder hea = new StringBuilder(String.format(Locale.ROOT, "%s %d %d %d%n", name, LEADS.size(), fs, frames));
        for (int k = 0; k < LEADS.size(); k++) {
            hea.append(String.format(Locale.ROOT, "%s.dat 16 %.0f/mV 16 0 %d %d 0 %s%n", name, GAIN, first[k], (short) checksum[k],
                    LEADS.get(k).label()));
        }
        Path header = dir.resolve(name + ".hea");
        Files.writeString(header, hea);
        return header;
    }
}
