package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.record.CsvText;
import org.ecgworkbench.record.TerminalText;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Text from files (a header's #Dx, a lead name, a file or folder name) reaches the terminal inert: no escape
 * sequence, carriage return or line break of a crafted file is ever printed raw; and a CSV cell taken from a
 * file never starts a spreadsheet formula.
 */
class InertTextTest {
    private static final String TITLE = "\u001b]0;pwned\u0007";
    private static final String CLEAR = "\u001b[2J\u001b[H";

    @TempDir
    Path dir;

    @Test
    void controlCharactersAreShownAsVisibleEscapes() {
        assertThat(TerminalText.inert("AF" + CLEAR)).isEqualTo("AF\\u001b[2J\\u001b[H");
        assertThat(TerminalText.inert("a\nerror: forged\r")).isEqualTo("a\\u000aerror: forged\\u000d");
        assertThat(TerminalText.inert("x\u009b31m\u202eevil")).isEqualTo("x\\u009b31m\\u202eevil");
        assertThat(TerminalText.inert("Ärzte µV – V1")).isEqualTo("Ärzte µV – V1");
        assertThat(TerminalText.inert(null)).isEqualTo("null");
    }

    @Test
    void csvTextCellsNeverStartAFormulaButNumbersStayNumbers() {
        assertThat(CsvText.cell("=HYPERLINK(\"http://x\",\"y\")")).isEqualTo("\"'=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\"");
        for (String s : List.of("+1", "-1+2", "@SUM(A1)", "\tx", "\rx")) assertThat(CsvText.cell(s)).startsWith("\"'");
        assertThat(CsvText.cell("V1")).isEqualTo("V1");
        assertThat(CsvText.cell("a,b")).isEqualTo("\"a,b\"");
    }

    @Test
    void anEscapeSequenceInDxOrALeadNameIsPrintedInertByInspectAndPredict() throws Exception {
        Path hea = TestRecords.challengeRecord(dir, "A0001", 1000, "164889003," + TITLE + CLEAR);
        Files.writeString(hea, Files.readString(hea).replace(" V6\n", " V6" + CLEAR + "\n"));

        CliRunner inspect = CliRunner.run("inspect", hea.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out() + inspect.err()).doesNotContain("\u001b").doesNotContain("\u0007")
                .contains("]0;pwned\\u0007\\u001b[2J").contains("V6\\u001b[2J");

        CliRunner predict = CliRunner.run("predict", hea.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        assertThat(predict.out() + predict.err()).doesNotContain("\u001b").contains("\\u001b");
        assertThat(predict.out().lines()).hasSize(1);
    }

    @Test
    void aLeadNameThatIsAFormulaIsNeutralisedInTheExportedCsvWhileNegativeSamplesStayNumbers() throws Exception {
        Path hea = TestRecords.challengeRecord(dir, "A0002", 1000, "164889003");
        Files.writeString(hea, Files.readString(hea).replace(" V6\n", " =cmd|' /C calc'!A0\n"));
        Path csv = dir.resolve("out.csv");
        CliRunner export = CliRunner.run("export", hea.toString(), "--to", "csv", "--out", csv.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).endsWith(",\"'=cmd|' /C calc'!A0\"");
        assertThat(lines.stream().skip(1).flatMap(l -> List.of(l.split(",")).stream()))
                .anyMatch(cell -> cell.startsWith("-") && Double.parseDouble(cell) < 0)
                .noneMatch(cell -> cell.startsWith("'") || cell.startsWith("\""));
    }

    @Test
    void aFileNameWithALineBreakCannotForgeAnOutputLine() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("site\nerror: forged line\u001b[2J"));
        Path hea = TestRecords.challengeRecord(folder, "A0003", 1000, "164889003");
        Files.writeString(folder.resolve("B0001.hea"), "this is not a header\n");

        CliRunner inspect = CliRunner.run("inspect", hea.toString());
        assertThat(inspect.exitCode()).as(inspect.err()).isZero();
        assertThat(inspect.out()).doesNotContain("\nerror: forged").contains("site\\u000aerror: forged line\\u001b[2J");

        CliRunner scan = CliRunner.run("scan", folder.toString());
        assertThat(scan.out() + scan.err()).doesNotContain("\nerror: forged").doesNotContain("\u001b").contains("site\\u000aerror");

        CliRunner broken = CliRunner.run("inspect", folder.resolve("B0001.hea").toString());
        assertThat(broken.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(broken.err().lines()).hasSize(1);
        assertThat(broken.err()).startsWith("error: ").doesNotContain("\u001b");

        Path out = dir.resolve("export\nwrote forged.csv");
        CliRunner export = CliRunner.run("export", hea.toString(), "--to", "csv", "--out", out.toString());
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out().lines()).hasSize(1);
    }
}
