package org.ecgworkbench.measure.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LudbReferenceTest {

    @Test
    void combinesLeadsByEarliestOnsetAndLatestOffset() {
        // Two beats at 500 Hz; lead "ii" and lead "v1" disagree on every boundary.
        List<AnnotatedWave> ii = List.of(
                new AnnotatedWave(WaveKind.P, 100, 130, 150),
                new AnnotatedWave(WaveKind.QRS, 180, 200, 220),
                new AnnotatedWave(WaveKind.T, 300, 350, 400),
                new AnnotatedWave(WaveKind.P, 500, 530, 550),
                new AnnotatedWave(WaveKind.QRS, 580, 600, 620),
                new AnnotatedWave(WaveKind.T, 700, 750, 800));
        List<AnnotatedWave> v1 = List.of(
                new AnnotatedWave(WaveKind.P, 95, 130, 160),
                new AnnotatedWave(WaveKind.QRS, 175, 205, 230),
                new AnnotatedWave(WaveKind.T, 300, 350, 410),
                new AnnotatedWave(WaveKind.QRS, 585, 603, 625),
                new AnnotatedWave(WaveKind.T, 700, 750, 790));
        LudbReference r = LudbReference.of("x", 500, Map.of("ii", ii, "v1", v1));
        assertThat(r.beats()).containsExactly(
                new ReferenceBeat(205, 175, 230, 95, 160, 410),
                new ReferenceBeat(603, 580, 625, 500, 550, 800));
        assertThat(r.rrMs().getAsDouble()).isCloseTo(800, within(1e-9));
        assertThat(r.rateBpm().getAsDouble()).isCloseTo(75, within(1e-9));
        // QRS 55 and 45 samples -> median 50 samples = 100 ms; PR 80 and 80 samples = 160 ms.
        assertThat(r.qrsMs().getAsDouble()).isCloseTo(100, within(1e-9));
        assertThat(r.prMs().getAsDouble()).isCloseTo(160, within(1e-9));
        assertThat(r.pMs().getAsDouble()).isCloseTo(115, within(1e-9)); // 65 and 50 samples
        assertThat(r.qtMs().getAsDouble()).isCloseTo(455, within(1e-9)); // 235 and 220 samples
        assertThat(r.pPresent()).isTrue();
    }

    @Test
    void withoutPWavesThereIsNoPrAndNoPresence() {
        List<AnnotatedWave> ii = List.of(new AnnotatedWave(WaveKind.QRS, 180, 200, 220));
        LudbReference r = LudbReference.of("x", 500, Map.of("ii", ii));
        assertThat(r.pPresent()).isFalse();
        assertThat(r.prMs()).isEmpty();
        assertThat(r.rrMs()).isEmpty();
        assertThat(r.qtMs()).isEmpty();
    }

    @Test
    void everyLudbRecordGivesAPlausibleReference() throws IOException {
        Path ludb = Path.of(System.getProperty("ecg.shared.data", "../shared/data"), "ludb");
        assumeTrue(Files.isRegularFile(ludb.resolve("1.hea")), "LUDB not present: " + ludb);
        int records = 0;
        int withP = 0;
        for (int n = 1; n <= 200; n++) {
            if (!Files.isRegularFile(ludb.resolve(n + ".i"))) continue;
            LudbReference r = LudbReference.load(ludb, Integer.toString(n), 500);
            records++;
            assertThat(r.beats()).as("record %d", n).hasSizeGreaterThan(2);
            assertThat(r.qrsMs().getAsDouble()).as("record %d QRS", n).isBetween(40.0, 250.0);
            assertThat(r.rateBpm().getAsDouble()).as("record %d rate", n).isBetween(30.0, 200.0);
            if (r.pPresent()) {
                withP++;
                assertThat(r.prMs().getAsDouble()).as("record %d PR", n).isBetween(60.0, 450.0);
            }
        }
        assertThat(records).isGreaterThanOrEqualTo(1);
        assertThat(withP).isGreaterThan(0);
    }
}
