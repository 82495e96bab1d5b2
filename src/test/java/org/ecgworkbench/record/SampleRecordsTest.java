package org.ecgworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.DynamicContainer.dynamicContainer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.ecgworkbench.record.RealRecordsTest.Check;
import org.ecgworkbench.record.RealRecordsTest.Golden;
import org.ecgworkbench.record.RealRecordsTest.GoldenRecord;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The real records committed in {@code resources/samples/} (for the app and for tests on any
 * machine) read exactly as scipy reads them: the checks of {@link RealRecordsTest} against
 * {@code golden/samples.json}, written by {@code src/test/python/make_record_golden.py
 * resources/samples src/test/resources/golden/samples.json}. Never skipped.
 */
class SampleRecordsTest {

    /** Relative to the project root, Surefire's working directory. */
    static final Path SAMPLES = Path.of("resources", "samples");
    static final String GOLDEN_RESOURCE = "/golden/samples.json";
    static final long MAX_TOTAL_BYTES = 1_500_000;

    @TestFactory
    Stream<DynamicNode> everySampleMatchesScipy() {
        assertThat(SAMPLES).as("samples folder, relative to %s", Path.of("").toAbsolutePath()).isDirectory();
        List<GoldenRecord> records = Golden.load(GOLDEN_RESOURCE).records();
        return records.stream().map(g -> dynamicContainer(g.id(), Check.testsFor(SAMPLES, g)));
    }

    @Test
    void everySampleFileIsCoveredAndTheFolderStaysSmall() throws IOException {
        List<GoldenRecord> records = Golden.load(GOLDEN_RESOURCE).records();
        Set<String> ids = new HashSet<>();
        for (GoldenRecord g : records) {
            assertThat(g.expectError()).as("%s: a sample must be readable", g.path()).isNull();
            ids.add(g.id());
        }
        long total = 0;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            for (Path f : files.toList()) {
                String name = f.getFileName().toString();
                total += Files.size(f);
                if (name.equals("README.md")) continue;
                String stem = name.substring(0, name.lastIndexOf('.'));
                assertThat(ids).as("%s belongs to a record in %s (regenerate the golden file)", f, GOLDEN_RESOURCE)
                        .contains(stem);
            }
        }
        assertThat(total).as("bytes in %s", SAMPLES).isLessThanOrEqualTo(MAX_TOTAL_BYTES);
    }

    @Test
    void readmeDescribesEverySampleAndCreditsTheData() throws IOException {
        String readme = Files.readString(SAMPLES.resolve("README.md"), StandardCharsets.UTF_8);
        for (GoldenRecord g : Golden.load(GOLDEN_RESOURCE).records()) {
            assertThat(readme).as("README.md names %s", g.id()).contains(g.id());
        }
        assertThat(readme).contains("CC BY 4.0", "ODC-By", "Perez Alday", "124003", "Goldberger", "101(23)");
    }

    @Test
    void samplesCoverSeveralSourcesAndTheCinc2020GainCorrection() {
        List<GoldenRecord> records = Golden.load(GOLDEN_RESOURCE).records();
        Set<String> prefixes = new HashSet<>();
        records.forEach(g -> prefixes.add(g.id().replaceAll("[0-9_].*$", "").toUpperCase(Locale.ROOT)));
        assertThat(prefixes).as("record prefixes (sources)").hasSizeGreaterThanOrEqualTo(4);
        assertThat(records).as("a Georgia record with the 4880/mV gain")
                .anyMatch(g -> g.gainFix() && g.signals().stream().allMatch(s -> s.gain() == 4880.0));
        assertThat(records).as("a native WFDB .dat record").anyMatch(g -> g.id().equals("00001_lr"));
    }
}
