package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The commands behave alike (issue 13, points 9 and 12): records in the order given, the folder as an
 * argument, the bundled model by default, the header's diagnoses beside the suggestions, unknown commands
 * refused, nothing scored without a scored label, "—" for an undefined metric, "1 record".
 */
class CliConsistencyTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Path SAMPLES = CliFixtures.SAMPLES;

    @TempDir
    static Path dir;
    static Path model;

    @TempDir
    Path tmp;

    @BeforeAll
    static void bundle() throws Exception {
        model = CliFixtures.tinyBundle(dir);
    }

    @Test
    void predictKeepsTheOrderGivenAndShowsTheHeadersDiagnoses() throws Exception {
        String[] order = {"Q2428.hea", "A5432.hea", "HR00599.hea"};
        CliRunner text = CliRunner.run("predict", "--model", model.toString(),
                SAMPLES.resolve(order[0]).toString(), SAMPLES.resolve(order[1]).toString(), SAMPLES.resolve(order[2]).toString());
        assertThat(text.exitCode()).as(text.err()).isZero();
        List<String> lines = text.out().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("Q2428:");
        assertThat(lines.get(1)).startsWith("A5432:").endsWith("| header: PAC");
        assertThat(lines.get(2)).startsWith("HR00599:").endsWith("| header: MI LPR NSR");

        CliRunner json = CliRunner.run("predict", "--model", model.toString(), "--json",
                SAMPLES.resolve(order[2]).toString(), SAMPLES.resolve(order[0]).toString());
        JsonNode array = MAPPER.readTree(json.out());
        assertThat(array.get(0).get("id").asText()).isEqualTo("HR00599");
        assertThat(array.get(1).get("id").asText()).isEqualTo("Q2428");
        assertThat(array.get(0).get("header_dx").toString()).isEqualTo("[\"164865005\",\"164947007\",\"426783006\"]");
    }

    @Test
    void predictWithoutAModelUsesTheBundledOneAndSaysSo() {
        CliRunner r = CliRunner.run("predict", SAMPLES.resolve("A5432.hea").toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.err()).contains("no --model given: using the bundled demonstration model demo-resnet18-w025.ecgmodel");
        assertThat(r.out()).startsWith("A5432:");
    }

    @Test
    void anUnknownCommandExitsTwoWhateverFollowsIt() {
        for (String[] args : List.of(new String[] {"nonsense"}, new String[] {"nonsense", "--help"},
                new String[] {"nonsense", "--version"}, new String[] {"nonsense", "scan", "x"})) {
            CliRunner r = CliRunner.run(args);
            assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(ExitCodes.BAD_INPUT);
            assertThat(r.err()).contains("Unmatched argument at index 0: 'nonsense'");
            assertThat(r.out()).doesNotContain("Usage: ecg-workbench [-hV]");
        }
        assertThat(CliRunner.run("--help").exitCode()).isZero();
    }

    @Test
    void evaluateAndScoreTakeTheFolderAsAnArgument() throws Exception {
        CliRunner evaluate = CliRunner.run("evaluate", "--model", model.toString(), SAMPLES.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        assertThat(evaluate.out()).startsWith("6 records\n");
        CliRunner same = CliRunner.run("evaluate", "--model", model.toString(), "--data", SAMPLES.toString());
        assertThat(same.out()).isEqualTo(evaluate.out());
        assertThat(CliRunner.run("evaluate", "--model", model.toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);

        Path outputs = Files.createDirectories(tmp.resolve("outputs"));
        assertThat(CliRunner.run("predict", "--model", model.toString(), "--out-dir", outputs.toString(), SAMPLES.toString())
                .exitCode()).isZero();
        CliRunner positional = CliRunner.run("score", SAMPLES.toString(), "--outputs", outputs.toString());
        CliRunner option = CliRunner.run("score", "--labels", SAMPLES.toString(), "--outputs", outputs.toString());
        assertThat(positional.exitCode()).as(positional.err()).isEqualTo(ExitCodes.PARTIAL); // 00001_lr has no #Dx line: a warning
        assertThat(positional.out()).isEqualTo(option.out()).startsWith("6 records scored");
        assertThat(CliRunner.run("score", "--outputs", outputs.toString()).exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
    }

    /** Undefined metrics read "—" in the table, never NaN; one record is "1 record". */
    @Test
    void evaluateShowsADashForUndefinedMetricsAndCountsInTheSingular() throws Exception {
        Path one = Files.createDirectories(tmp.resolve("one"));
        for (String f : List.of("A5432.hea", "A5432.mat")) Files.copy(SAMPLES.resolve(f), one.resolve(f));
        CliRunner r = CliRunner.run("evaluate", "--model", model.toString(), one.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).startsWith("1 record\n").doesNotContain("NaN");
        // Most classes have neither a positive record nor a prediction from this untrained model.
        assertThat(r.out().lines().filter(l -> l.matches("\\d+ +\\S+ +— +— +— +0 +— +.*"))).isNotEmpty();
        JsonNode json = MAPPER.readTree(CliRunner.run("evaluate", "--model", model.toString(), "--json", one.toString()).out());
        assertThat(json.get("per_class").findValues("precision")).anyMatch(JsonNode::isNull);
    }

    @Test
    void nothingIsScoredWithoutAScoredLabel() throws Exception {
        Path unlabelled = Files.createDirectories(tmp.resolve("unlabelled"));
        Files.copy(SAMPLES.resolve("A5432.mat"), unlabelled.resolve("A5432.mat"));
        Files.writeString(unlabelled.resolve("A5432.hea"), Files.readString(SAMPLES.resolve("A5432.hea"))
                .replace("#Dx: 284470004", "#Dx: 195042002")); // an unscored code only (IIAVB)
        CliRunner evaluate = CliRunner.run("evaluate", "--model", model.toString(), unlabelled.toString());
        assertThat(evaluate.exitCode()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(evaluate.err()).contains("no record carries a scored label: nothing to score");
        assertThat(evaluate.out()).isEmpty();

        Path outputs = Files.createDirectories(tmp.resolve("outputs"));
        CliRunner.run("predict", "--model", model.toString(), "--out-dir", outputs.toString(), unlabelled.toString());
        CliRunner score = CliRunner.run("score", unlabelled.toString(), "--outputs", outputs.toString());
        assertThat(score.exitCode()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(score.err()).contains("no record carries a scored label: nothing to score");
        assertThat(score.out()).isEmpty();
    }

    @Test
    void failureLinesNameTheFileOnce() throws Exception {
        Path folder = Files.createDirectories(tmp.resolve("bad"));
        Path header = folder.resolve("I0001.hea");
        Files.writeString(header, Files.readString(SAMPLES.resolve("A5432.hea")).replace("A5432", "I0001"));
        for (String command : List.of("predict", "evaluate")) {
            CliRunner r = CliRunner.run(command, "--model", model.toString(), folder.toString(), SAMPLES.resolve("A5432.hea").toString());
            List<String> failed = r.err().lines().filter(l -> l.startsWith("failed: ")).toList();
            assertThat(failed).as(command + ": " + r.err()).singleElement().satisfies(l -> {
                assertThat(l).startsWith("failed: " + header + ": ").contains("signal file I0001.mat not found");
                assertThat(l.indexOf(header.toString())).isEqualTo(l.lastIndexOf(header.toString()));
            });
        }
    }
}
