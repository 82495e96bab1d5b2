package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class BenchCommandTest {

    @Test
    void measuresATinyNetworkAsJson() throws Exception {
        CliRunner r = CliRunner.run("bench", "--arch", "resnet18", "--width", "0.125", "--length", "256", "--batch", "2",
                "--iterations", "1", "--warmup", "0", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode n = Json.MAPPER.readTree(r.out());
        assertThat(n.get("arch").asText()).isEqualTo("resnet18");
        assertThat(n.get("backend").asText()).isEqualTo("nd4j-native (OpenBLAS + oneDNN)");
        assertThat(n.get("parameters").asLong()).isPositive();
        for (String key : new String[] {"inference_batch1_ms", "inference_batch1_unfolded_ms", "inference_batch_ms",
                "throughput_samples_per_s", "train_step_ms", "peak_rss_mb", "javacpp_physical_mb"}) {
            assertThat(n.get(key).asDouble()).as(key).isPositive();
        }
        assertThat(n.get("folded_max_difference").asDouble()).isLessThan(1e-4);
    }

    @Test
    void textOutputNamesEachMeasurement() {
        CliRunner r = CliRunner.run("bench", "--arch", "resnet34", "--width", "0.125", "--length", "256", "--batch", "2",
                "--iterations", "1", "--warmup", "0", "--no-training");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).contains("resnet34 width 0.125").contains("inference, batch 1:").contains("peak memory")
                .doesNotContain("training step");
    }

    @Test
    void gpuInACpuBuildIsBadInputWithTheReason() {
        CliRunner r = CliRunner.run("bench", "--device", "gpu");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).startsWith("error: --device gpu: this build has only the CPU backend").contains("mvn -Pcuda package");
    }

    @Test
    void unknownArchitectureIsBadInput() {
        CliRunner r = CliRunner.run("bench", "--arch", "vgg16");
        assertThat(r.exitCode()).isEqualTo(ExitCodes.BAD_INPUT);
        assertThat(r.err()).contains("unknown architecture 'vgg16'");
    }
}
