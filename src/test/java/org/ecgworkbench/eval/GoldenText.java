package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Byte-for-byte comparison of a rendering (HTML page, CSV table, terminal text) with its golden file
 * under src/test/resources/golden/renderings. Run the test with {@code -Decg.golden.update=true} to
 * rewrite the golden files from the code, then review the difference with git.
 */
public final class GoldenText {
    public static final Path FOLDER = Path.of("src/test/resources/golden/renderings");

    private GoldenText() {
    }

    public static void assertMatches(String actual, String goldenName) {
        Path golden = FOLDER.resolve(goldenName);
        try {
            if (Boolean.getBoolean("ecg.golden.update")) {
                Files.createDirectories(FOLDER);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertThat(actual).as("%s (regenerate with -Decg.golden.update=true and review the diff)", golden)
                    .isEqualTo(Files.readString(golden, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report every rendering test draws: {@code report.json}, itself the golden JSON of {@link EvaluationReportFilesTest#sample()}. */
    public static EvaluationReport report() {
        try {
            return EvaluationReportJson.read(Files.readString(FOLDER.resolve("report.json"), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
