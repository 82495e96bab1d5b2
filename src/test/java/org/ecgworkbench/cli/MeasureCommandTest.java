package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import org.ecgworkbench.bench.LongRecording;
import org.ecgworkbench.eval.ChallengeOutput;
import org.ecgworkbench.eval.ChallengeOutputCsv;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.measure.Beat;
import org.ecgworkbench.measure.BeatType;
import org.ecgworkbench.measure.Delineation;
import org.ecgworkbench.measure.FrontalAxes;
import org.ecgworkbench.measure.GlobalIntervals;
import org.ecgworkbench.measure.LeadMeasurement;
import org.ecgworkbench.measure.Measurement;
import org.ecgworkbench.measure.MedianBeats;
import org.ecgworkbench.measure.QtCorrection;
import org.ecgworkbench.measure.Rhythm;
import org.ecgworkbench.measure.Statement;
import org.ecgworkbench.measure.Voltages;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code measure}: the cart's block, the JSON keys docs/cli.md lists, CSV rows, challenge outputs, and failures. */
class MeasureCommandTest {
    private static final List<String> REQUIRED = List.of("id", "fs", "beats", "rate_bpm", "rr_ms", "p_ms", "pr_ms", "qrs_ms",
            "qt_ms", "qtc_ms", "axis_deg", "leads", "statements", "warnings");

    @TempDir
    Path dir;

    private Path samples(String... ids) throws IOException {
        Path folder = Files.createDirectories(dir.resolve("data"));
        for (String id : ids) {
            for (String ext : List.of(".hea", ".mat")) Files.copy(CliFixtures.SAMPLES.resolve(id + ext), folder.resolve(id + ext));
        }
        return folder;
    }

    @Test
    void printsTheCartsHeaderStatementsAndWarnings() {
        CliRunner run = CliRunner.run("measure", CliFixtures.SAMPLES.resolve("HR00599.hea").toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        assertThat(run.out()).startsWith("HR00599  (").contains("12 leads, 500 Hz, 10.0 s")
                .containsPattern("rate \\d+ bpm   RR \\d+ ms \\(SD \\d+ ms\\)   \\d+ beats")
                .containsPattern("QRS \\d+ ms")
                .contains("Bazett", "Fridericia", "Framingham", "Hodges")
                .contains("axes   P ", "statements");
        // Every value shown as missing has its warning.
        if (run.out().contains("axes   P —")) assertThat(run.out()).contains("warning: P axis not measurable");
        // The reader's warnings go to stderr, naming the record.
        assertThat(run.err()).contains("warning: ").contains("HR00599.hea: CinC 2020 gain correction");
    }

    @Test
    void jsonHasTheDocumentedKeysAndNullsCarryWarnings() throws IOException {
        CliRunner run = CliRunner.run("measure", CliFixtures.SAMPLES.resolve("A5432.hea").toString(),
                CliFixtures.SAMPLES.resolve("Q2428.hea").toString(), "--json", "--beats");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode array = Json.MAPPER.readTree(run.out());
        assertThat(array.size()).isEqualTo(2);
        assertThat(array.get(0).get("id").asText()).isEqualTo("A5432");
        for (JsonNode o : array) {
            for (String key : REQUIRED) assertThat(o.has(key)).as(key).isTrue();
            assertThat(fieldNames(o.get("qtc_ms"))).containsExactly("bazett", "fridericia", "framingham", "hodges");
            assertThat(fieldNames(o.get("axis_deg"))).containsExactly("p", "qrs", "t");
            assertThat(o.get("per_beat").size()).isEqualTo(o.get("beats").asInt());
            String warnings = o.get("warnings").toString();
            for (String key : List.of("rate_bpm", "p_ms", "pr_ms", "qrs_ms", "qt_ms")) {
                if (o.get(key).isNull()) assertThat(warnings).as(key + " is null: a warning says why").contains("not measurable");
            }
            if (o.get("axis_deg").get("qrs").isNull()) assertThat(warnings).contains("QRS axis not measurable");
        }
    }

    /** The ```json block of docs/cli.md's measure section names exactly the keys --json --beats writes, at every level. */
    @Test
    void theDocumentedKeyListIsExactlyWhatIsWritten() throws IOException {
        String doc = Files.readString(Path.of("docs/cli.md"));
        String section = doc.substring(doc.indexOf("## measure"), doc.indexOf("## bench"));
        int start = section.indexOf("```json\n") + "```json\n".length();
        JsonNode documented = Json.MAPPER.readTree(section.substring(start, section.indexOf("```", start)));

        JsonNode written = MeasurementJson.of(populated(), true);

        assertSameKeys("$", documented, written);
    }

    @Test
    void aSmallNegativeValueIsPrintedAsZero() {
        assertThat(MeasurementText.value(OptionalDouble.of(-0.004), "%.2f")).isEqualTo("0.00");
        assertThat(MeasurementText.value(OptionalDouble.of(-0.0), "%.0f ms")).isEqualTo("0 ms");
        assertThat(MeasurementText.value(OptionalDouble.of(-0.006), "%.2f")).isEqualTo("-0.01");
        assertThat(MeasurementText.value(OptionalDouble.of(-25), "%.0f°")).isEqualTo("-25°");
        assertThat(MeasurementText.value(OptionalDouble.empty(), "%.2f")).isEqualTo("—");
    }

    @Test
    void aValueTheEngineCouldNotMeasureWithoutSayingWhyGetsAWarning() {
        Measurement m = new Measurement(List.of(), Optional.empty(), Optional.empty(), new GlobalIntervals(
                OptionalDouble.of(800), OptionalDouble.of(10), OptionalDouble.of(75), OptionalDouble.empty(), OptionalDouble.empty(),
                OptionalDouble.of(90), OptionalDouble.of(380)), Map.of(), FrontalAxes.NONE, List.of(), Voltages.NONE, Rhythm.NONE,
                List.of(), List.of("P duration and PR not measurable: no P wave found on the median beat"));

        assertThat(MeasuredRecord.completeWarnings(m)).containsExactly(
                "P duration and PR not measurable: no P wave found on the median beat", "QTc not measurable: no RR",
                "P axis not measurable", "QRS axis not measurable", "T axis not measurable");
    }

    @Test
    void aFolderGivesOneCsvRowPerRecordAndChallengeOutputs() throws IOException {
        Path data = samples("A5432", "HR00599", "Q2428");
        Path csv = dir.resolve("out/m.csv");
        Path outputs = dir.resolve("statements");

        CliRunner run = CliRunner.run("measure", data.toString(), "--csv", csv.toString(), "--challenge-out", outputs.toString(),
                "--threads", "2");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        // The order given: a folder's records in path order, whatever thread finished first.
        assertThat(run.out().indexOf("A5432")).isLessThan(run.out().indexOf("HR00599"));
        assertThat(run.out().indexOf("HR00599")).isLessThan(run.out().indexOf("Q2428"));
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines).hasSize(4);
        assertThat(lines.get(0)).isEqualTo(MeasurementCsv.header()).startsWith("id,path,fs,duration_s,leads_measured,windows,beats,rate_bpm");
        assertThat(lines.get(1)).startsWith("A5432,").contains(",500,10,12,0,");
        for (String row : lines.subList(1, 4)) assertThat(row.split(",", -1)).hasSize(MeasurementCsv.COLUMNS.size());
        try (var leftovers = Files.list(csv.getParent())) {
            assertThat(leftovers.map(p -> p.getFileName().toString()).toList()).containsExactly("m.csv");
        }
        List<ScoredClass> classes = DiagnosisCatalogue.standard().scoredClasses();
        for (String id : List.of("A5432", "HR00599", "Q2428")) {
            ChallengeOutput o = ChallengeOutputCsv.read(outputs.resolve(id + ".csv"));
            assertThat(o.recordId()).isEqualTo(id);
            assertThat(o.codes()).isEqualTo(classes.stream().map(ScoredClass::canonicalCode).toList());
        }
        // The existing score command reads them.
        CliRunner score = CliRunner.run("score", data.toString(), "--outputs", outputs.toString());
        assertThat(score.exitCode()).as(score.err()).isEqualTo(ExitCodes.OK);
        assertThat(score.out()).contains("3 records scored");
    }

    @Test
    void threadsChangeNothingButTheSpeedAndBeatsAddTheBeatTable() throws IOException {
        Path data = samples("A5432", "E00009", "HR00599", "Q1805");
        CliRunner one = CliRunner.run("measure", data.toString(), "--threads", "1", "--beats");
        CliRunner two = CliRunner.run("measure", data.toString(), "--threads", "2", "--beats");
        assertThat(one.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(two.out()).isEqualTo(one.out());
        assertThat(one.out()).contains("beat   sample   time s  type").containsPattern("\\n\\s+1\\s+\\d+\\s+\\d+\\.\\d{3}  \\w+");
    }

    @Test
    void aBadRecordInAFolderIsListedAndTheOthersAreMeasured() throws IOException {
        Path data = samples("A5432", "HR00599");
        Files.copy(CliFixtures.SAMPLES.resolve("Q2428.hea"), data.resolve("Q2428.hea"));
        Files.write(data.resolve("Q2428.mat"), new byte[] {1, 2, 3}); // truncated signal file
        Path csv = dir.resolve("m.csv");

        CliRunner run = CliRunner.run("measure", data.toString(), "--csv", csv.toString());

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.PARTIAL);
        assertThat(run.out()).contains("A5432  (").contains("HR00599  (").doesNotContain("Q2428  (");
        assertThat(run.err()).containsPattern("failed: .*Q2428\\.(hea|mat)").contains("error: 1 of 3 records failed (listed above)");
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows).hasSize(4);
        assertThat(rows).anyMatch(r -> r.startsWith("Q2428,") && !r.endsWith(","));
    }

    @Test
    void nothingMeasurableIsBadInputAndAnExistingCsvNeedsForce() throws IOException {
        Path data = Files.createDirectories(dir.resolve("bad"));
        Files.copy(CliFixtures.SAMPLES.resolve("Q2428.hea"), data.resolve("Q2428.hea"));
        Files.write(data.resolve("Q2428.mat"), new byte[] {1, 2, 3});
        CliRunner bad = CliRunner.run("measure", data.toString());
        assertThat(bad.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(bad.err()).contains("error: no record could be measured");

        Path csv = Files.writeString(dir.resolve("m.csv"), "keep");
        CliRunner refused = CliRunner.run("measure", CliFixtures.SAMPLES.resolve("A5432.hea").toString(), "--csv", csv.toString());
        assertThat(refused.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(refused.err()).contains("already exists (use --force to replace it)");
        assertThat(Files.readString(csv)).isEqualTo("keep");
    }

    @Test
    void aLongRecordingIsMeasuredInWindows() throws IOException {
        Path header = LongRecording.write(dir, "L6", 360, 250);

        CliRunner run = CliRunner.run("measure", header.toString(), "--json");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(ExitCodes.OK);
        JsonNode o = Json.MAPPER.readTree(run.out()).get(0);
        assertThat(o.get("windows").asInt()).isEqualTo(7);
        assertThat(o.get("duration_s").asDouble()).isEqualTo(360.0);
        // Synthetic sinus rhythm: some 40 to 120 beats a minute, each counted once.
        assertThat(o.get("beats").asInt()).isBetween(240, 720);
        assertThat(o.get("rate_bpm").asDouble() * 6).isCloseTo(o.get("beats").asDouble(), within(3.0));
        assertThat(o.get("qrs_ms").isNumber()).isTrue();
    }

    /** A measurement with every component filled, so every key the JSON can hold is written. */
    static MeasuredRecord populated() {
        Delineation d = new Delineation(20, 70, 100, 145, 240, 290);
        OptionalDouble v = OptionalDouble.of(1);
        Measurement m = new Measurement(
                List.of(new Beat(300, BeatType.DOMINANT, 0.99, Optional.of(new Delineation(220, 270, 290, 335, 430, 480)))),
                Optional.of(new MedianBeats(List.of("I"), new double[1][600], 100, 500, 11)), Optional.of(d),
                new GlobalIntervals(v, v, v, v, v, v, v), Map.of(QtCorrection.BAZETT, 400.0, QtCorrection.FRIDERICIA, 400.0,
                QtCorrection.FRAMINGHAM, 400.0, QtCorrection.HODGES, 400.0), new FrontalAxes(v, v, v),
                List.of(new LeadMeasurement("I", v, v, v, v, v, v, v, v, v, v, v, v, v, v, v)), new Voltages(v, v),
                new Rhythm(v, v, v), List.of(new Statement("270492004", "IAVB", "1st degree av block", true, "PR 236 ms > 200 ms")),
                List.of("a warning"));
        return MeasuredRecord.of("X", Path.of("X.hea"), 500, 10, 12, m, 0);
    }

    private static void assertSameKeys(String path, JsonNode documented, JsonNode written) {
        if (documented.isObject()) {
            assertThat(written.isObject()).as(path + " is an object").isTrue();
            assertThat(fieldNames(written)).as(path + ": keys written vs documented in docs/cli.md")
                    .containsExactlyInAnyOrderElementsOf(fieldNames(documented));
            for (String key : fieldNames(documented)) assertSameKeys(path + "." + key, documented.get(key), written.get(key));
        } else if (documented.isArray() && !documented.isEmpty() && documented.get(0).isObject()) {
            assertThat(written.isArray() && !written.isEmpty()).as(path + " is a non-empty array").isTrue();
            assertSameKeys(path + "[0]", documented.get(0), written.get(0));
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) names.add(it.next());
        return names;
    }
}
