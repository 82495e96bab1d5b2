package org.ecgworkbench.launch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14, point 3: with the packaged heap (-Xmx2g), {@code export --to mat}, {@code export --to csv},
 * {@code preprocess} and {@code predict} of a 30-minute 12-lead record cost at most 300 MB of
 * peak resident memory more than a 10-second one (docs/benchmarks.md has the figures of every command).
 */
class PeakMemoryIT {

    @TempDir
    Path dir;

    @Test
    void exportPreprocessAndPredictOfAThirtyMinuteRecordStayWithin300MbOfATenSecondOne() throws Exception {
        assumeTrue(Files.isDirectory(Path.of("/proc/self")), "needs /proc to read peak memory");
        PeakMemory.writeRecord(dir, "short", 5_000);
        PeakMemory.writeRecord(dir, "long", 900_000);
        for (int i = 0; i < PeakMemory.commands("short").size(); i++) {
            List<String> small = PeakMemory.commands("short").get(i);
            List<String> large = PeakMemory.commands("long").get(i);
            PeakMemory.Run s = PeakMemory.run(dir, small);
            PeakMemory.Run l = PeakMemory.run(dir, large);
            assertThat(s.exitCode()).as(s.err()).isZero();
            assertThat(l.exitCode()).as(l.err()).isZero();
            assertThat(s.peakKb()).isPositive();
            assertThat(l.peakKb() - s.peakKb()).as("%s: peak RSS, kB: 10 s %d, 30 min %d", large, s.peakKb(), l.peakKb())
                    .isLessThanOrEqualTo(300L * 1024);
        }
        assertThat(Files.size(dir.resolve("long.out.mat"))).isGreaterThan(12L * 900_000 * 8);
    }

    @Test
    void aRecordTooLargeForTheHeapExitsThreeWithOneLine() throws Exception {
        PeakMemory.writeRecord(dir, "long", 900_000);
        PeakMemory.Run r = PeakMemory.run(dir, "40m", List.of("export", "long.hea", "--to", "csv", "--out", "long.csv"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.err().lines().toList()).singleElement().asString()
                .startsWith("error: out of memory (Java heap limit ").doesNotContain("at org.");
        assertThat(dir.resolve("long.csv")).doesNotExist();
    }

    @Test
    void predictOfARecordTooLargeForTheHeapExitsThreeWithOneLine() throws Exception {
        PeakMemory.writeRecord(dir, "long", 900_000);
        PeakMemory.Run r = PeakMemory.run(dir, "64m", List.of("predict", "long.hea"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        // Besides the bundled model's note and the record's warnings, one line says why; no stack trace.
        assertThat(r.err().lines().filter(l -> !l.startsWith("note: ") && !l.startsWith("warning: ")).toList()).singleElement()
                .asString().startsWith("error: out of memory (Java heap limit ");
        assertThat(r.err()).doesNotContain("at org.").doesNotContain("Exception");
    }

    @Test
    void predictRefusesUpFrontARecordItWouldHaveToResampleBeyondTheHeap() throws Exception {
        PeakMemory.writeRecord(dir, "fast", 900_000);
        // The same samples declared at 1000 Hz: the bundle's pipeline resamples all of them to 500 Hz first.
        Path header = dir.resolve("fast.hea");
        Files.writeString(header, Files.readString(header).replaceFirst("^fast 12 500 ", "fast 12 1000 "));
        PeakMemory.Run r = PeakMemory.run(dir, "256m", List.of("predict", "fast.hea"));
        assertThat(r.exitCode()).as(r.err()).isEqualTo(3);
        assertThat(r.err()).contains("fast.hea: the model's pipeline must resample or filter all 10,800,000 samples",
                "of Java heap, more than its limit of", "give Java more with -Xmx").doesNotContain("out of memory")
                .doesNotContain("at org.").doesNotContain("Exception");
    }
}
