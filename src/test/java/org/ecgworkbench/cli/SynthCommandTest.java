package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynthCommandTest {
    @TempDir
    Path dir;

    private static JsonNode json(CliRunner r) throws Exception {
        assertThat(r.exitCode()).as(r.err()).isZero();
        return new ObjectMapper().readTree(r.out());
    }

    @Test
    void writesChallengeRecordsAndSummarisesThemAsJson() throws Exception {
        Path out = dir.resolve("data");
        JsonNode o = json(CliRunner.run("synth", "--out", out.toString(), "--count", "10", "--classes", "AF,RBBB+LAD",
                "--duration", "3", "--seed", "5", "--json"));
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("records", "classes");
        assertThat(o.get("records").asInt()).isEqualTo(10);
        assertThat(o.get("classes").get("AF").asInt()).isEqualTo(5);
        assertThat(o.get("classes").get("RBBB").asInt()).isEqualTo(5);
        assertThat(o.get("classes").get("LAD").asInt()).isEqualTo(5);
        assertThat(o.get("classes").size()).isEqualTo(3);
        assertThat(Files.readString(out.resolve("SYN00001.hea"))).startsWith("SYN00001 12 500 1500\nSYN00001.mat 16+24 1000/mV 16 0 ")
                .contains("\n#Age: ").contains("\n#Sex: ").endsWith("#Dx: 164889003\n");
        assertThat(Files.readString(out.resolve("SYN00002.hea"))).endsWith("#Dx: 59118001,39732003\n");

        // scan and inspect read them as ordinary challenge records.
        JsonNode scan = new ObjectMapper().readTree(CliRunner.run("scan", out.toString(), "--json", "--verify").out());
        assertThat(scan.get("records").asInt()).isEqualTo(10);
        assertThat(scan.get("failed")).isEmpty();
        assertThat(scan.get("classes").get("AF").asInt()).isEqualTo(5);
        assertThat(scan.get("classes").get("CRBBB|RBBB").asInt()).isEqualTo(5);
        assertThat(scan.get("classes").get("LAD").asInt()).isEqualTo(5);
        assertThat(scan.get("unscored")).isEmpty();
        assertThat(scan.get("by_fs").get("500").asInt()).isEqualTo(10);
        JsonNode inspect = new ObjectMapper().readTree(CliRunner.run("inspect", out.resolve("SYN00004").toString(), "--json").out());
        assertThat(inspect.get("leads")).hasSize(12);
        assertThat(inspect.get("leads").get(3).get("name").asText()).isEqualTo("aVR");
        assertThat(inspect.get("leads").get(0).get("gain").asDouble()).isEqualTo(1000);
        assertThat(inspect.get("dx").get(0).get("abbrev").asText()).isEqualTo("RBBB");
        assertThat(inspect.get("warnings")).isEmpty();
        assertThat(inspect.get("age").asInt()).isBetween(18, 90);
    }

    @Test
    void refusesAFolderThatHoldsRecordsUnlessForced() throws Exception {
        String out = dir.resolve("data").toString();
        assertThat(CliRunner.run("synth", "--out", out, "--count", "2", "--duration", "1").exitCode()).isZero();
        CliRunner again = CliRunner.run("synth", "--out", out, "--count", "2", "--duration", "1");
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("already holds records").contains("--force");
        CliRunner forced = CliRunner.run("synth", "--out", out, "--count", "2", "--duration", "1", "--force");
        assertThat(forced.exitCode()).isZero();
        assertThat(forced.out()).contains("2 records written");
    }

    @Test
    void badOptionsAreNamedInTheMessage() {
        String out = dir.resolve("x").toString();
        assertError(new String[] {"synth", "--out", out, "--count", "0"}, "--count");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--fs", "50"}, "--fs");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--fs", "2001"}, "--fs");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--duration", "0.5"}, "--duration");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--duration", "121"}, "--duration");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--noise", "-1"}, "--noise");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--noise", "NaN"}, "--noise");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--classes", "AF,XYZ"}, "unknown class 'XYZ'");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--classes", "AF+NSR"}, "cannot be combined");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--classes", "AF", "--mix", "balanced"}, "--mix");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--mix", "odd"}, "--mix");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--powerline", "55"}, "--powerline");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--threads", "0"}, "--threads");
        assertError(new String[] {"synth", "--out", out, "--count", "1", "--classes", "PVC+PAC", "--duration", "1.2"}, "--duration");
        assertError(new String[] {"synth", "--count", "1"}, "--out");
        assertError(new String[] {"synth", "--out", out}, "--count");
        assertThat(dir.resolve("x")).doesNotExist();
    }

    private static void assertError(String[] args, String mention) {
        CliRunner r = CliRunner.run(args);
        assertThat(r.exitCode()).as(String.join(" ", args)).isEqualTo(2);
        assertThat(r.err()).as(String.join(" ", args)).contains(mention);
    }

    @Test
    void theSameSeedWritesTheSameBytesOnOneThreadOrTwo() throws Exception {
        Path a = dir.resolve("a");
        Path b = dir.resolve("b");
        assertThat(CliRunner.run("synth", "--out", a.toString(), "--count", "6", "--seed", "9", "--duration", "2", "--threads", "1").exitCode()).isZero();
        assertThat(CliRunner.run("synth", "--out", b.toString(), "--count", "6", "--seed", "9", "--duration", "2", "--threads", "2").exitCode()).isZero();
        try (Stream<Path> files = Files.list(a)) {
            for (Path f : files.toList()) {
                assertThat(Files.readAllBytes(b.resolve(f.getFileName()))).as(f.getFileName().toString()).isEqualTo(Files.readAllBytes(f));
            }
        }
        Path c = dir.resolve("c");
        assertThat(CliRunner.run("synth", "--out", c.toString(), "--count", "6", "--seed", "10", "--duration", "2").exitCode()).isZero();
        assertThat(Files.readAllBytes(c.resolve("SYN00001.mat"))).isNotEqualTo(Files.readAllBytes(a.resolve("SYN00001.mat")));
    }

    @Test
    void balancedMixGivesEveryClassItsTurn() throws Exception {
        JsonNode o = json(CliRunner.run("synth", "--out", dir.toString(), "--count", "48", "--mix", "balanced",
                "--duration", "1", "--fs", "250", "--json"));
        assertThat(o.get("classes").size()).isEqualTo(24);
        o.get("classes").forEach(n -> assertThat(n.asInt()).isEqualTo(2));
    }

    @SlowTest
    @Test
    void galleryDrawsOneSmallPngPerClass() throws Exception {
        System.setProperty("java.awt.headless", "true");
        CliRunner r = CliRunner.run("synth", "--gallery", dir.toString(), "--duration", "10", "--seed", "1");
        assertThat(r.exitCode()).as(r.err()).isZero();
        List<Path> pngs;
        try (Stream<Path> files = Files.list(dir)) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).sorted().toList();
        }
        assertThat(pngs).hasSize(24);
        assertThat(dir.resolve("synth-AF.png")).exists();
        for (Path p : pngs) {
            assertThat(Files.size(p)).as(p.toString()).isLessThan(300_000);
            BufferedImage image = ImageIO.read(p.toFile());
            assertThat(image.getWidth()).isGreaterThan(1000);
        }
    }

    @Test
    void listsTheClassesWithTheirCodes() {
        CliRunner r = CliRunner.run("synth", "--list-classes");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out().lines()).hasSize(24);
        assertThat(r.out()).contains("AF     164889003").contains("PR     10370003");
    }
}
