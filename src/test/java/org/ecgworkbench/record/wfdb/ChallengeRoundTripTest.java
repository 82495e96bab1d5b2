package org.ecgworkbench.record.wfdb;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.ReadOptions;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Every real challenge record (format 16+24, MAT v4) read and written back comes out byte-identical. */
@SlowTest
class ChallengeRoundTripTest {
    private static final List<String> CHALLENGE_FOLDERS = List.of("cinc2020-fixtures", "cinc2020-unlabelled", "cpsc2018-early");

    @TempDir
    Path out;

    static Path sharedData() {
        return Path.of(System.getProperty("ecg.shared.data", "../shared/data"));
    }

    @TestFactory
    Stream<DynamicTest> challengeRecordsRoundTripByteForByte() throws IOException {
        Assumptions.assumeTrue(Files.isDirectory(sharedData()), sharedData() + " not present: skipping");
        List<Path> headers;
        try (Stream<Path> s = CHALLENGE_FOLDERS.stream().map(sharedData()::resolve).flatMap(ChallengeRoundTripTest::list)) {
            headers = s.filter(p -> p.toString().endsWith(".hea"))
                    .filter(p -> Files.exists(p.resolveSibling(p.getFileName().toString().replace(".hea", ".mat"))))
                    .sorted().toList();
        }
        assertThat(headers).hasSizeGreaterThan(100);
        return headers.stream().map(h -> DynamicTest.dynamicTest(h.getParent().getFileName() + "/" + h.getFileName(), () -> {
            EcgRecord record = EcgRecordReader.read(h, ReadOptions.AS_WRITTEN);
            Path dir = Files.createDirectories(out.resolve(h.getParent().getFileName().toString()));
            String stem = h.getFileName().toString().replace(".hea", "");
            ChallengeRecordWriter.write(record, dir.resolve(stem + ".hea"), false);
            assertThat(dir.resolve(stem + ".mat")).hasSameBinaryContentAs(h.resolveSibling(stem + ".mat"));
            assertThat(dir.resolve(stem + ".hea")).hasSameBinaryContentAs(h);
        }));
    }

    private static Stream<Path> list(Path dir) {
        try {
            return Files.isDirectory(dir) ? Files.list(dir).toList().stream() : Stream.empty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
