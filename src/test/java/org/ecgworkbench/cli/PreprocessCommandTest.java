package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PreprocessCommandTest {
    private static final String LR100 = "resources/samples/00001_lr"; // PTB-XL, 100 Hz, 10 s
    private static final String HEADER = "t,I,II,III,aVR,aVL,aVF,V1,V2,V3,V4,V5,V6,mask";

    @TempDir
    Path dir;

    @Test
    void defaultRecipeResamples100HzTo5000SamplesAt500Hz() throws Exception {
        Path out = dir.resolve("lr.csv");
        CliRunner r = CliRunner.run("preprocess", LR100, "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(5001);
        assertThat(lines.get(0)).isEqualTo(HEADER);
        assertThat(lines.get(2)).startsWith("0.002,").endsWith(",1");
        assertThat(lines.get(1).split(",")).hasSize(14);
        assertThat(r.out()).contains("Resample to 500 Hz");
    }

    @Test
    void keepingRateAndLengthReproducesTheRecord() throws Exception {
        Path out = dir.resolve("same.csv");
        CliRunner r = CliRunner.run("preprocess", LR100, "--resample", "none", "--length", "0", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines).hasSize(1001);
        assertThat(lines.get(11)).startsWith("0.1,");
    }

    @Test
    void paddingIsMarkedInTheMaskColumn() throws Exception {
        Path out = dir.resolve("pad.csv");
        CliRunner r = CliRunner.run("preprocess", LR100, "--resample", "none", "--length", "1200", "--pad", "center",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<String> lines = Files.readAllLines(out);
        assertThat(lines.get(1)).startsWith("-1.0,").endsWith(",0");
        assertThat(lines.get(101)).startsWith("0.0,").endsWith(",1");
        assertThat(lines.get(1200)).endsWith(",0");
    }

    @Test
    void stagesAreWrittenBesideTheOutput() throws Exception {
        Path out = dir.resolve("s.csv");
        CliRunner r = CliRunner.run("preprocess", LR100, "--highpass", "0.5", "--notch", "50", "--normalize", "zscore",
                "--stages", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        for (String stage : List.of("0-input", "1-resample", "2-highpass", "3-notch", "4-normalize", "5-length")) {
            assertThat(dir.resolve("s." + stage + ".csv")).exists();
        }
        assertThat(Files.readAllLines(dir.resolve("s.0-input.csv"))).hasSize(1001);
        assertThat(out).exists();
    }

    @Test
    void anExistingStageFileStopsTheCommandBeforeAnythingIsWritten() throws Exception {
        Path out = dir.resolve("x.csv");
        Files.writeString(dir.resolve("x.2-length.csv"), "mine");
        CliRunner r = CliRunner.run("preprocess", LR100, "--stages", "--out", out.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("x.2-length.csv").contains("--force");
        assertThat(dir.resolve("x.0-input.csv")).doesNotExist();
        assertThat(out).doesNotExist();
        assertThat(Files.readString(dir.resolve("x.2-length.csv"))).isEqualTo("mine");
    }

    @Test
    void windowsGetNumberedFiles() throws Exception {
        Path out = dir.resolve("w.csv");
        CliRunner r = CliRunner.run("preprocess", LR100, "--length", "2000", "--pad", "windows", "--hop", "1500",
                "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(dir.resolve("w.w1.csv")).exists();
        assertThat(dir.resolve("w.w3.csv")).exists();
        assertThat(dir.resolve("w.w4.csv")).doesNotExist();
        assertThat(Files.readAllLines(dir.resolve("w.w2.csv")).get(1)).startsWith("3.0,");
    }

    @Test
    void pipelineJsonRoundTripsThroughPrintAndPipeline() throws Exception {
        CliRunner printed = CliRunner.run("preprocess", LR100, "--resample", "poly", "--fs", "250", "--lowpass", "40",
                "--length", "2500", "--print-pipeline");
        assertThat(printed.exitCode()).as(printed.err()).isZero();
        Pipeline p = PipelineJson.read(printed.out());
        assertThat(p.steps()).hasSize(3);
        Path json = dir.resolve("p.json");
        Files.writeString(json, printed.out());
        Path out = dir.resolve("p.csv");
        CliRunner r = CliRunner.run("preprocess", LR100, "--pipeline", json.toString(), "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(2501);
        CliRunner both = CliRunner.run("preprocess", LR100, "--pipeline", json.toString(), "--fs", "500", "--out", out.toString());
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("--pipeline cannot be combined with --fs");
    }

    @Test
    void badParametersGiveExitTwoNamingTheParameter() {
        Path out = dir.resolve("bad.csv");
        assertBad(List.of("--fs", "-500"), "--fs must be in (0, 100000], got -500");
        assertBad(List.of("--resample", "none", "--notch", "60"), "Nyquist");
        assertBad(List.of("--length", "-1"), "--length must be in 0..600000, got -1");
        assertBad(List.of("--highpass", "0"), "--highpass must be in (0, 50000], got 0");
        assertBad(List.of("--highpass", "40", "--lowpass", "1"), "low cutoff 40");
        assertBad(List.of("--order", "12", "--lowpass", "40"), "--order must be in 1..8, got 12");
        assertThat(out).doesNotExist();
    }

    private void assertBad(List<String> options, String message) {
        List<String> args = new ArrayList<>(List.of("preprocess", LR100));
        args.addAll(options);
        args.addAll(List.of("--out", dir.resolve("bad.csv").toString()));
        CliRunner r = CliRunner.run(args.toArray(String[]::new));
        assertThat(r.exitCode()).as(options + ": " + r.err()).isEqualTo(2);
        assertThat(r.err()).as(options.toString()).contains(message);
    }
}
