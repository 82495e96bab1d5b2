package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code measure-score}: statements and the model against the labels of the samples, with LUDB-style labels too. */
@SlowTest
class MeasureScoreCommandTest {

    @TempDir
    Path tmp;

    @Test
    void scoresStatementsBesideTheModelOnLabelledRecordsAndTakesLudbLabelsFromTheCsv() throws IOException {
        Path samples = Files.createDirectories(tmp.resolve("samples"));
        try (Stream<Path> files = Files.list(Path.of("resources/samples"))) {
            for (Path f : files.toList()) Files.copy(f, samples.resolve(f.getFileName()));
        }
        CliRunner plain = CliRunner.run("measure-score", samples.toString());
        assertThat(plain.exitCode()).as(plain.err()).isZero();
        assertThat(plain.out()).startsWith("5 labelled records (1 record without labels, 0 repeated ids skipped;");
        // one row per scored class, in the challenge's order, with both sides
        assertThat(plain.out().lines().filter(l -> l.matches("  \\S+\\s+\\d{6,}\\s+\\d+( +(\\d\\.\\d{3}|—)){6}"))).hasSize(24);

        // 00001_lr has no #Dx: a ludb.csv row with its id labels it (sinus rhythm, LBBB) through the mapping
        Path csv = tmp.resolve("ludb.csv");
        Files.writeString(csv, "ID,Sex,Age,Rhythms,Conduction abnormalities\n"
                + "00001_lr,M,60,Sinus rhythm,\"Complete left bundle branch block\nUnheard-of block\"\n");
        CliRunner ludb = CliRunner.run("measure-score", "--ludb-csv", csv.toString(), samples.toString(), samples.toString());
        assertThat(ludb.exitCode()).as(ludb.err()).isZero();
        assertThat(ludb.out()).startsWith("6 labelled records (0 records without labels, 6 repeated ids skipped;");
        assertThat(ludb.out()).containsPattern("\\n  LBBB\\s+164909002\\s+1 ");
        assertThat(ludb.err()).contains("finding not in the mapping, left out: Conduction abnormalities: Unheard-of block");
    }
}
