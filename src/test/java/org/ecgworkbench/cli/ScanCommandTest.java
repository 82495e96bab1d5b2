package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScanCommandTest {
    @TempDir
    Path dir;

    @Test
    void summarisesAndNeverStopsOnABadRecord() throws Exception {
        Path sub = Files.createDirectories(dir.resolve("georgia/deeper"));
        TestRecords.challengeRecord(dir, "A0001", 1000, "426783006");
        TestRecords.challengeRecord(dir, "HR00001", 200, "59118001,164889003");
        TestRecords.challengeRecord(sub, "E00001", 4880, "713427006,164873001");
        TestRecords.challengeRecord(sub, "E00002", 4880, "");
        Files.writeString(dir.resolve("broken.hea"), "broken x 500\n");
        Path truncated = TestRecords.challengeRecord(dir, "Q0001", 1000, "164889003");
        Files.write(dir.resolve("Q0001.mat"), new byte[100]);

        CliRunner r = CliRunner.run("scan", dir.toString(), "--json");
        assertThat(r.exitCode()).isEqualTo(1);
        JsonNode o = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("records", "failed", "by_source", "by_fs", "classes", "unscored", "duration_s");
        assertThat(o.get("records").asInt()).isEqualTo(5); // header-only: Q0001's header is fine
        assertThat(o.get("failed")).hasSize(1);
        assertThat(o.get("failed").get(0).get("path").asText()).endsWith("broken.hea");
        assertThat(o.get("by_source").get("E").asInt()).isEqualTo(2);
        assertThat(o.get("by_source").get("HR").asInt()).isEqualTo(1);
        assertThat(o.get("by_fs").get("500").asInt()).isEqualTo(5);
        assertThat(o.get("classes").get("CRBBB|RBBB").asInt()).isEqualTo(2);
        assertThat(o.get("classes").get("AF").asInt()).isEqualTo(2);
        assertThat(o.get("classes").get("NSR").asInt()).isEqualTo(1);
        assertThat(o.get("unscored").get("LVH").asInt()).isEqualTo(1);
        assertThat(o.get("duration_s").get("median").asDouble()).isEqualTo(2.0);

        CliRunner verified = CliRunner.run("scan", dir.toString(), "--json", "--verify");
        JsonNode v = new ObjectMapper().readTree(verified.out());
        assertThat(v.get("records").asInt()).isEqualTo(4);
        assertThat(v.get("failed").toString()).contains("Q0001");
        assertThat(truncated).exists();
    }

    @Test
    void noUsableInputIsExitTwo() {
        CliRunner r = CliRunner.run("scan", dir.resolve("missing").toString());
        assertThat(r.exitCode()).isEqualTo(2);
    }
}
