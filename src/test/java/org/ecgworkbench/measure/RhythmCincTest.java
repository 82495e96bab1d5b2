package org.ecgworkbench.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;

/**
 * The rhythm figures on the labelled CinC records of ../shared/data: atrial fibrillation against normal sinus
 * rhythm (figures printed; the separation asserted at levels the rules of docs/measurements.md rely on).
 */
@SlowTest
class RhythmCincTest {

    private static final List<String> FOLDERS = List.of("cpsc2018-early", "cinc2020-fixtures", "cinc2021-sample");
    private static final Set<String> AF = Set.of("AF", "164889003");
    private static final Set<String> NORMAL = Set.of("Normal", "426783006");

    /** An AF reading as the statement rules make it: irregular RR and P waves before fewer than half the beats. */
    static boolean afLike(Rhythm r) {
        return r.rrVariation().orElse(0) > 0.1 && r.pBeatFraction().orElse(0) < 0.5;
    }

    @Test
    void atrialFibrillationAndSinusRhythmSeparate() throws IOException {
        Path root = Path.of(System.getProperty("ecg.shared.data", "../shared/data"));
        assumeTrue(Files.isDirectory(root.resolve(FOLDERS.get(0))), "shared data not present");
        List<Rhythm> af = new ArrayList<>();
        List<Rhythm> normal = new ArrayList<>();
        for (String folder : FOLDERS) {
            List<Path> headers;
            try (Stream<Path> s = Files.list(root.resolve(folder))) {
                headers = s.filter(p -> p.toString().endsWith(".hea")).sorted().toList();
            }
            for (Path h : headers) {
                EcgRecord record;
                try {
                    record = EcgRecordReader.read(h);
                } catch (RuntimeException | IOException e) {
                    continue;
                }
                List<String> dx = record.dx();
                boolean isAf = dx.stream().anyMatch(AF::contains);
                boolean isNormal = !isAf && dx.stream().anyMatch(NORMAL::contains);
                if (!isAf && !isNormal) continue;
                Rhythm r = Measurement.of(LeadMatrix.of(record)).rhythm();
                System.out.printf(Locale.ROOT, "%-10s %-6s P %s RRvar %s atrial %s flutter %s%n", record.id(),
                        isAf ? "AF" : "NSR", r.pBeatFraction(), r.rrVariation(), r.atrialRateBpm(), r.flutterWaves());
                (isAf ? af : normal).add(r);
            }
        }
        long afCaught = af.stream().filter(RhythmCincTest::afLike).count();
        long normalCaught = normal.stream().filter(RhythmCincTest::afLike).count();
        long flutterInNormal = normal.stream().filter(Rhythm::flutterWaves).count();
        double afP = RhythmLudbTest.median(af.stream().map(r -> r.pBeatFraction().orElse(0)).toList());
        double normalP = RhythmLudbTest.median(normal.stream().map(r -> r.pBeatFraction().orElse(0)).toList());
        double afRr = RhythmLudbTest.median(af.stream().map(r -> r.rrVariation().orElse(0)).toList());
        double normalRr = RhythmLudbTest.median(normal.stream().map(r -> r.rrVariation().orElse(0)).toList());
        System.out.printf(Locale.ROOT, "CinC AF (%d records): P fraction median %.2f, RR variation median %.3f, AF-like %d%n",
                af.size(), afP, afRr, afCaught);
        System.out.printf(Locale.ROOT, "CinC NSR (%d records): P fraction median %.2f, RR variation median %.3f, AF-like %d%n",
                normal.size(), normalP, normalRr, normalCaught);
        System.out.printf(Locale.ROOT, "flutter waves read in %d of %d NSR records%n", flutterInNormal, normal.size());
        assumeTrue(af.size() >= 5 && normal.size() >= 5, "too few labelled records");
        assertThat(afP).isLessThan(0.5);
        assertThat(normalP).isGreaterThan(0.8);
        assertThat(afRr).isGreaterThan(3 * normalRr);
        assertThat(afCaught).isGreaterThanOrEqualTo(Math.round(0.7 * af.size()));
        assertThat(normalCaught).isLessThanOrEqualTo(Math.round(0.1 * normal.size()));
        assertThat(flutterInNormal).isLessThanOrEqualTo(Math.round(0.1 * normal.size()));
    }
}
