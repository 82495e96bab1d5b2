package org.ecgworkbench.app.wizard;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.ecgworkbench.model.ComputeDevice;

/**
 * What this build and machine can train on, found without loading any ND4J backend class
 * ({@link ComputeDevice#select} only looks the CUDA backend class up, and reads the driver's files).
 *
 * @param cpu       e.g. "CPU: AMD EPYC 7B13, 2 threads"
 * @param gpu       the GPU's name and driver, when this build has the CUDA backend and the host a usable GPU
 * @param gpuMemory the GPU's memory as nvidia-smi reports it, when it can be asked
 * @param noGpu     why there is no GPU to train on (empty when there is one)
 */
public record ComputeDetection(String cpu, Optional<String> gpu, Optional<String> gpuMemory, String noGpu) {

    public boolean gpuAvailable() {
        return gpu.isPresent();
    }

    /** Looks at this process's build and the host. */
    public static ComputeDetection detect() {
        String cpu;
        try {
            cpu = ComputeDevice.select("cpu").device();
        } catch (IllegalStateException e) {
            cpu = "no CPU backend: " + e.getMessage();
        }
        try {
            ComputeDevice gpu = ComputeDevice.select("gpu");
            return new ComputeDetection(cpu, Optional.of(gpu.device()), nvidiaSmiMemory(), "");
        } catch (IllegalStateException e) {
            return new ComputeDetection(cpu, Optional.empty(), Optional.empty(), e.getMessage());
        }
    }

    /** Total memory of the first GPU from {@code nvidia-smi}, if the tool is there and answers within 5 s. */
    static Optional<String> nvidiaSmiMemory() {
        try {
            Process p = new ProcessBuilder("nvidia-smi", "--query-gpu=memory.total", "--format=csv,noheader")
                    .redirectErrorStream(true).start();
            if (!p.waitFor(5, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return Optional.empty();
            }
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("").trim();
            return p.exitValue() == 0 && !out.isEmpty() ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
