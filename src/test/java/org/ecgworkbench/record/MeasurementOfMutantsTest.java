package org.ecgworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.ecgworkbench.measure.LeadMatrix;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The measurement path (issue 16, "Speed and robustness") over the readers' fuzz mutants: every mutated record the
 * reader accepts goes through {@link LeadMatrix#of} and {@link Measurement#of}, which must neither throw nor hang,
 * and must give finite numbers or warnings. Reproducible: {@code -Decg.fuzz.seed}, {@code -Decg.measurefuzz.cases}.
 */
@SlowTest
class MeasurementOfMutantsTest {

    static final int DEFAULT_CASES = 1500;
    static final Duration LIMIT = Duration.ofSeconds(240);

    @Test
    void mutantsTheReaderAcceptsAreMeasuredWithoutEscape(@TempDir Path tmp) {
        long seed = RecordFuzzTest.parseSeed(System.getProperty("ecg.fuzz.seed", Long.toString(RecordFuzzTest.DEFAULT_SEED)));
        int cases = Integer.getInteger("ecg.measurefuzz.cases", DEFAULT_CASES);
        List<RecordFuzzRecords.Rec> records = new ArrayList<>(RecordFuzzRecords.synthesized());
        records.addAll(RecordFuzzRecords.real());
        List<String> problems = new ArrayList<>();
        int[] measured = {0};
        String[] current = {""};
        assertTimeoutPreemptively(LIMIT, () -> {
            for (int i = 0; i < cases; i++) {
                long caseSeed = RecordFuzzRun.caseSeed(seed, i);
                Random rnd = new Random(caseSeed);
                RecordFuzzRecords.Rec rec = records.get(rnd.nextInt(records.size()));
                StringBuilder log = new StringBuilder(rec.id()).append(": ");
                RecordFuzzMutator mutator = new RecordFuzzMutator(rnd, log);
                Map<String, byte[]> files = new LinkedHashMap<>(rec.files());
                if (rnd.nextBoolean()) {
                    Map<String, Integer> sizes = new LinkedHashMap<>();
                    for (String s : rec.signalFiles()) sizes.put(s, rec.files().get(s).length);
                    files.put(rec.headerName(), mutator.mutateHeader(rec.header(), rec.headerName(), sizes));
                } else {
                    String name = rec.signalFiles().get(rnd.nextInt(rec.signalFiles().size()));
                    byte[] mutated = mutator.mutateSignal(name, files.get(name));
                    if (mutated == null) files.remove(name);
                    else files.put(name, mutated);
                }
                Path dir = Files.createDirectories(tmp.resolve("c" + i));
                for (Map.Entry<String, byte[]> e : files.entrySet()) Files.write(dir.resolve(e.getKey()), e.getValue());
                current[0] = "case " + i + " (seed 0x" + Long.toHexString(caseSeed) + ") " + log;
                EcgRecord record;
                try {
                    record = EcgRecordReader.read(dir.resolve(rec.headerName()));
                } catch (RecordFormatException | RuntimeException e) {
                    deleteAll(dir);
                    continue; // the reader's own fuzz judges its errors
                }
                try {
                    Measurement m = Measurement.of(LeadMatrix.of(record));
                    measured[0]++;
                    m.intervals().rateBpm().ifPresent(r -> {
                        if (!Double.isFinite(r)) problems.add(current[0] + ": rate " + r);
                    });
                    m.intervals().qtMs().ifPresent(q -> {
                        if (!Double.isFinite(q)) problems.add(current[0] + ": QT " + q);
                    });
                } catch (Throwable t) {
                    problems.add(current[0] + ": escaped " + t);
                }
                deleteAll(dir);
            }
        }, () -> "hang while measuring " + current[0]);
        System.out.println("measured " + measured[0] + " accepted mutants of " + cases + " cases");
        assertThat(problems).isEmpty();
        assertThat(measured[0]).isGreaterThan(cases / 10);
    }

    private static void deleteAll(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            for (Path p : s.toList()) Files.delete(p);
        }
        Files.delete(dir);
    }
}
