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
        assertThat(keys).containsExactly("records", "checked", "failed", "by_source", "by_fs", "classes", "unscored", "duration_s");
        // Without reading signals: Q0001's header is fine but its 100-byte signal file is far too small.
        assertThat(o.get("records").asInt()).isEqualTo(4);
        assertThat(o.get("checked").asText()).startsWith("headers and signal file sizes; signals not read");
        assertThat(o.get("failed")).hasSize(2);
        assertThat(o.get("failed").get(1).get("path").asText()).endsWith("broken.hea");
        assertThat(o.get("failed").get(0).get("path").asText()).endsWith("Q0001.hea");
        assertThat(o.get("failed").get(0).get("error").asText()).contains("Q0001.mat").doesNotStartWith(dir.toString() + "/Q0001.hea");
        assertThat(o.get("by_source").get("E").asInt()).isEqualTo(2);
        assertThat(o.get("by_source").get("HR").asInt()).isEqualTo(1);
        assertThat(o.get("by_fs").get("500").asInt()).isEqualTo(4);
        assertThat(o.get("classes").get("CRBBB|RBBB").asInt()).isEqualTo(2);
        assertThat(o.get("classes").get("AF").asInt()).isEqualTo(1);
        assertThat(o.get("classes").get("NSR").asInt()).isEqualTo(1);
        assertThat(o.get("unscored").get("LVH").asInt()).isEqualTo(1);
        assertThat(o.get("duration_s").get("median").asDouble()).isEqualTo(2.0);

        CliRunner verified = CliRunner.run("scan", dir.toString(), "--json", "--verify");
        JsonNode v = new ObjectMapper().readTree(verified.out());
        assertThat(v.get("records").asInt()).isEqualTo(4);
        assertThat(v.get("checked").asText()).isEqualTo("headers and signals");
        assertThat(v.get("failed").toString()).contains("Q0001");

        CliRunner text = CliRunner.run("scan", dir.toString());
        assertThat(text.out()).startsWith("4 records read, 2 failed").contains("checked: headers and signal file sizes");
        // Each failure line names the file once.
        assertThat(text.out()).contains("failed: " + dir.resolve("broken.hea") + ": ")
                .doesNotContain(dir.resolve("broken.hea") + ": " + dir.resolve("broken.hea"));
        assertThat(truncated).exists();
    }

    @Test
    void oneRecordIsSingular() throws Exception {
        TestRecords.challengeRecord(dir, "A0001", 1000, "426783006");
        assertThat(CliRunner.run("scan", dir.toString()).out()).startsWith("1 record read, 0 failed");
    }

    @Test
    void noUsableInputIsExitTwo() {
        CliRunner r = CliRunner.run("scan", dir.resolve("missing").toString());
        assertThat(r.exitCode()).isEqualTo(2);
    }
}
