package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.stream.Stream;
import org.ecgworkbench.eval.GoldenReports;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code score} on src/test/resources/golden/score: 29 real header-only label files and output
 * files with the quirks of real ones; expected.json holds the official scorer's challenge numbers
 * and scikit-learn's per-class metrics (make_metrics_golden.py).
 */
class ScoreCommandTest {
    private static final Path FIXTURE = Path.of("src/test/resources/golden/score");
    private static final Path LABELS = FIXTURE.resolve("labels");
    private static final Path OUTPUTS = FIXTURE.resolve("outputs");
    private static final String MISSING = "Q0017";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void reproducesTheOfficialScorerOnTheFixture() throws IOException {
        CliRunner r = CliRunner.run("score", "--labels", LABELS.toString(), "--outputs", OUTPUTS.toString(), "--json");
        assertThat(r.err()).isEmpty();
        assertThat(r.exitCode()).isEqualTo(0);
        GoldenReports.assertMatches(MAPPER.readTree(r.out()), MAPPER.readTree(FIXTURE.resolve("expected.json").toFile()));
    }

    @Test
    void aMissingOutputFileIsScoredAllNegativeAndReported() throws IOException {
        Path outputs = copyOutputs();
        Files.delete(outputs.resolve(MISSING + ".csv"));
        CliRunner r = CliRunner.run("score", "--labels", LABELS.toString(), "--outputs", outputs.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("warning: " + outputs.resolve(MISSING + ".csv") + ": no output file");
        GoldenReports.assertMatches(MAPPER.readTree(r.out()), MAPPER.readTree(FIXTURE.resolve("expected_missing.json").toFile()));
    }

    @Test
    void aMalformedOutputFileIsScoredAllNegativeAndNamedWithItsLine() throws IOException {
        Path outputs = copyOutputs();
        Path bad = outputs.resolve(MISSING + ".csv");
        Files.writeString(bad, Files.readString(bad).replaceFirst("\n0,", "\nmaybe,"));
        CliRunner r = CliRunner.run("score", "--labels", LABELS.toString(), "--outputs", outputs.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains(bad + ": line 3, field 1: 'maybe' is not a binary output").contains("all-negative");
        GoldenReports.assertMatches(MAPPER.readTree(r.out()), MAPPER.readTree(FIXTURE.resolve("expected_missing.json").toFile()));
    }

    @Test
    void textOutputIsAReadableTable() throws IOException {
        JsonNode expected = MAPPER.readTree(FIXTURE.resolve("expected.json").toFile());
        CliRunner r = CliRunner.run("score", "--labels", LABELS.toString(), "--outputs", OUTPUTS.toString());
        assertThat(r.exitCode()).isEqualTo(0);
        assertThat(r.out()).contains("29 records scored", "challenge score",
                String.format(Locale.ROOT, "%.3f", expected.get("challenge_score").asDouble()),
                "samples (per record)", "CRBBB|RBBB", "713427006");
    }

    @Test
    void anExplicitWeightsFileIsUsedAndABadOneIsBadInput() throws IOException {
        Path weights = dir.resolve("weights.csv");
        Files.copy(Path.of("resources/catalogue/weights.csv"), weights);
        CliRunner same = CliRunner.run("score", "--labels", LABELS.toString(), "--outputs", OUTPUTS.toString(), "--json",
                "--weights", weights.toString());
        assertThat(same.exitCode()).isEqualTo(0);
        GoldenReports.assertMatches(MAPPER.readTree(same.out()), MAPPER.readTree(FIXTURE.resolve("expected.json").toFile()));

        Files.writeString(weights, Files.readString(weights).replaceFirst("\n270492004,1\\.0,", "\n270492004,x,"));
        CliRunner bad = CliRunner.run("score", "--labels", LABELS.toString(), "--outputs", OUTPUTS.toString(),
                "--weights", weights.toString());
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains(weights + ": line 2, column 2");
    }

    @Test
    void unusableFoldersAreBadInput() throws IOException {
        CliRunner none = CliRunner.run("score", "--labels", dir.resolve("nope").toString(), "--outputs", OUTPUTS.toString());
        assertThat(none.exitCode()).isEqualTo(2);
        assertThat(none.err()).contains("nope");
        CliRunner empty = CliRunner.run("score", "--labels", dir.toString(), "--outputs", OUTPUTS.toString());
        assertThat(empty.exitCode()).isEqualTo(2);
        assertThat(empty.err()).contains("no label headers");
    }

    private Path copyOutputs() throws IOException {
        Path outputs = Files.createDirectories(dir.resolve("outputs"));
        try (Stream<Path> files = Files.list(OUTPUTS)) {
            for (Path f : (Iterable<Path>) files::iterator) Files.copy(f, outputs.resolve(f.getFileName()));
        }
        return outputs;
    }
}
