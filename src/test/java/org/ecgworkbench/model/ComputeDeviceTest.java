package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ComputeDeviceTest {

    @Test
    void cpuReportsTheOneDnnBackendAndTheProcessor() {
        ComputeDevice d = ComputeDevice.select("cpu");
        assertThat(d.kind()).isEqualTo("cpu");
        assertThat(d.backend()).isEqualTo("nd4j-native (OpenBLAS + oneDNN)");
        assertThat(d.device()).startsWith("CPU: ").contains(ComputeDevice.cpuModel()).endsWith(ComputeDevice.threads() + " threads");
        assertThat(System.getProperty(NativeBackend.EXTENSION_PROPERTY)).isEqualTo("-onednn");
    }

    @Test
    void gpuIsRefusedAtOnceInACpuBuild() {
        assertThatThrownBy(() -> ComputeDevice.select("gpu"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("only the CPU backend")
                .hasMessageContaining("mvn -Pcuda package")
                .hasMessageContaining("driver >= 510")
                .hasMessageContaining("CUDA 11.6")
                .hasMessageContaining("cuDNN 8");
    }

    @Test
    void unknownDevicesAreRefused() {
        assertThatThrownBy(() -> ComputeDevice.select("tpu")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("cpu, gpu");
    }

    @Test
    void missingCudaPiecesAreNamed(@TempDir Path dir) throws IOException {
        // Only meaningful where the CUDA backend class is present; here the presence check comes first.
        if (!ComputeDevice.present(ComputeDevice.CUDA_BACKEND_CLASS)) {
            assertThat(ComputeDevice.findLibrary(List.of(dir), "libcudnn.so.8")).isNull();
            Files.createFile(dir.resolve("libcudnn.so.8.9.7"));
            assertThat(ComputeDevice.findLibrary(List.of(dir.resolve("absent"), dir), "libcudnn.so.8")).isEqualTo(dir.resolve("libcudnn.so.8.9.7"));
            Path gpus = Files.createDirectories(dir.resolve("driver/nvidia/gpus/0000:01:00.0"));
            Files.writeString(gpus.resolve("information"), "Model: \t\t NVIDIA A100-SXM4-40GB\nIRQ: 1\n");
            assertThat(ComputeDevice.gpuNames(dir)).containsExactly("NVIDIA A100-SXM4-40GB");
            return;
        }
        assertThatThrownBy(() -> ComputeDevice.gpu(dir, List.of(dir))).hasMessageContaining("NVIDIA driver").hasMessageContaining("cuDNN 8");
    }
}
