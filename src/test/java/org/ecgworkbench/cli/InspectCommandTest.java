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

class InspectCommandTest {
    @TempDir
    Path dir;

    @Test
    void jsonHasExactlyTheDocumentedKeys() throws Exception {
        TestRecords.challengeRecord(dir, "E00042", 4880, "164889003,59118001,164873001,999999999");
        CliRunner r = CliRunner.run("inspect", dir.resolve("E00042").toString(), "--json");
        assertThat(r.exitCode()).isZero();
        JsonNode o = new ObjectMapper().readTree(r.out());
        List<String> keys = new ArrayList<>();
        o.fieldNames().forEachRemaining(keys::add);
        assertThat(keys).containsExactly("id", "fs", "samples", "duration_s", "age", "sex", "leads", "dx",
                "gain_corrected", "warnings");
        assertThat(o.get("id").asText()).isEqualTo("E00042");
        assertThat(o.get("fs").asDouble()).isEqualTo(500);
        assertThat(o.get("samples").asInt()).isEqualTo(1000);
        assertThat(o.get("duration_s").asDouble()).isEqualTo(2.0);
        assertThat(o.get("age").asDouble()).isEqualTo(74);
        assertThat(o.get("sex").asText()).isEqualTo("Male");
        assertThat(o.get("leads")).hasSize(12);
        JsonNode lead = o.get("leads").get(3);
        List<String> leadKeys = new ArrayList<>();
        lead.fieldNames().forEachRemaining(leadKeys::add);
        assertThat(leadKeys).containsExactly("name", "gain", "baseline", "units", "adc_min", "adc_max", "checksum_ok");
        assertThat(lead.get("name").asText()).isEqualTo("aVR");
        assertThat(lead.get("gain").asDouble()).isEqualTo(1000);
        assertThat(lead.get("checksum_ok").asBoolean()).isTrue();
        assertThat(lead.get("adc_max").asInt()).isEqualTo(800);
        JsonNode dx = o.get("dx");
        assertThat(dx).hasSize(4);
        assertThat(dx.get(0).get("abbrev").asText()).isEqualTo("AF");
        assertThat(dx.get(0).get("scored").asBoolean()).isTrue();
        assertThat(dx.get(1).get("abbrev").asText()).isEqualTo("RBBB");
        assertThat(dx.get(2).get("scored").asBoolean()).isFalse();
        assertThat(dx.get(3).get("code").asText()).isEqualTo("999999999");
        assertThat(dx.get(3).get("abbrev").isNull()).isTrue();
        assertThat(o.get("gain_corrected").asBoolean()).isTrue();
        assertThat(o.get("warnings").toString()).contains("gain correction");
    }

    @Test
    void noGainCorrectionKeepsTheHeaderGain() throws Exception {
        TestRecords.challengeRecord(dir, "S0043", 2000000, "");
        CliRunner r = CliRunner.run("inspect", dir.resolve("S0043.mat").toString(), "--json", "--no-gain-correction");
        JsonNode o = new ObjectMapper().readTree(r.out());
        assertThat(o.get("gain_corrected").asBoolean()).isFalse();
        assertThat(o.get("leads").get(0).get("gain").asDouble()).isEqualTo(2000000);
        assertThat(o.get("dx")).isEmpty();
        assertThat(o.get("warnings").toString()).contains("implausible amplitude");
    }

    @Test
    void badInputExitsWithTwoAndOneLineNamingTheFile() throws Exception {
        Path hea = TestRecords.challengeRecord(dir, "A0001", 1000, "426783006");
        Files.writeString(hea, Files.readString(hea).replace("1000/mV", "x/mV"));
        CliRunner r = CliRunner.run("inspect", hea.toString());
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err().strip()).doesNotContain("\n").contains("A0001.hea").contains("gain");
        CliRunner missing = CliRunner.run("inspect", dir.resolve("nope.hea").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("nope.hea");
    }

    @Test
    void textOutputDescribesTheRecord() throws Exception {
        TestRecords.challengeRecord(dir, "A0002", 1000, "426783006");
        CliRunner r = CliRunner.run("inspect", dir.resolve("A0002.hea").toString());
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("A0002").contains("12 leads, 500 Hz, 1000 samples").contains("NSR")
                .contains("gain corrected: no");
    }
}
