package org.ecgworkbench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The backend and device a process will compute on, chosen before ND4J loads its backend (ND4J
 * picks one backend per JVM, at first use, from what is on the class path): {@code cpu} prefers the
 * oneDNN natives ({@link NativeBackend}); {@code gpu} checks, without loading anything, that this
 * build has the CUDA backend and the host has a driver, the CUDA 11.6 runtime and cuDNN 8, and fails
 * at once naming what is missing rather than deep inside the first training step.
 */
public final class ComputeDevice {
    static final String CPU_BACKEND_CLASS = "org.nd4j.linalg.cpu.nativecpu.CpuBackend";
    static final String CUDA_BACKEND_CLASS = "org.nd4j.linalg.jcublas.JCublasBackend";
    static final String REQUIREMENTS = "NVIDIA driver >= 510, the CUDA 11.6 runtime and cuDNN 8";

    private final String kind;
    private final String backend;
    private final String device;

    private ComputeDevice(String kind, String backend, String device) {
        this.kind = kind;
        this.backend = backend;
        this.device = device;
    }

    /**
     * Selects {@code "cpu"} or {@code "gpu"}; call before anything touches ND4J.
     *
     * @throws IllegalStateException    naming what is missing for the device asked for
     * @throws IllegalArgumentException for any other name
     */
    public static ComputeDevice select(String device) {
        String d = device == null ? "cpu" : device.trim().toLowerCase(Locale.ROOT);
        return switch (d) {
            case "cpu" -> cpu();
            case "gpu", "cuda" -> gpu(Path.of("/proc"), libraryDirs());
            default -> throw new IllegalArgumentException("unknown device '" + device + "' (cpu, gpu)");
        };
    }

    /** {@code cpu} or {@code gpu}. */
    public String kind() {
        return kind;
    }

    /** e.g. {@code nd4j-native (OpenBLAS + oneDNN)} or {@code nd4j-cuda-11.6 (cuDNN)}. */
    public String backend() {
        return backend;
    }

    /** e.g. {@code CPU: AMD EPYC, 2 threads} or the GPU's name and driver. */
    public String device() {
        return device;
    }

    @Override
    public String toString() {
        return backend + " on " + device;
    }

    static ComputeDevice cpu() {
        if (!present(CPU_BACKEND_CLASS)) {
            throw new IllegalStateException("--device cpu: this build has no CPU backend (it was built with -Pcuda); "
                    + "use --device gpu, or rebuild with `mvn package` for the CPU");
        }
        NativeBackend.prepare();
        String backend = "nd4j-native (OpenBLAS" + (NativeBackend.usingOneDnn() ? " + oneDNN" : ", without oneDNN") + ")";
        return new ComputeDevice("cpu", backend, "CPU: " + cpuModel() + ", " + threads() + " threads");
    }

    static ComputeDevice gpu(Path proc, List<Path> libDirs) {
        if (!present(CUDA_BACKEND_CLASS)) {
            throw new IllegalStateException("--device gpu: this build has only the CPU backend (nd4j-native). "
                    + "Rebuild with `mvn -Pcuda package` for the CUDA 11.6 backend; the host then needs " + REQUIREMENTS + ".");
        }
        List<String> missing = new ArrayList<>();
        Path version = proc.resolve("driver/nvidia/version");
        String driver = null;
        if (!Files.isReadable(version)) {
            missing.add("the NVIDIA driver (no " + version + "; driver >= 510 needed)");
        } else {
            driver = read(version).lines().findFirst().orElse("").replaceAll("\\s+", " ").trim();
        }
        if (findLibrary(libDirs, "libcuda.so") == null) missing.add("libcuda.so (the driver's CUDA library)");
        if (findLibrary(libDirs, "libcudart.so.11") == null) missing.add("the CUDA 11.6 runtime (libcudart.so.11.0)");
        if (findLibrary(libDirs, "libcudnn.so.8") == null) missing.add("cuDNN 8 (libcudnn.so.8)");
        List<String> gpus = gpuNames(proc);
        if (driver != null && gpus.isEmpty()) missing.add("a GPU (the driver lists none under " + proc.resolve("driver/nvidia/gpus") + ")");
        if (!missing.isEmpty()) {
            throw new IllegalStateException("--device gpu: missing " + String.join("; ", missing) + ". The CUDA backend needs " + REQUIREMENTS
                    + " (library folders searched: " + libDirs + ").");
        }
        return new ComputeDevice("gpu", "nd4j-cuda-11.6 (cuDNN 8)", "GPU: " + String.join(", ", gpus) + " (" + driver + ")");
    }

    static boolean present(String className) {
        try {
            Class.forName(className, false, ComputeDevice.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    /** Where the dynamic loader would look: LD_LIBRARY_PATH, the CUDA install, the distribution's folders. */
    static List<Path> libraryDirs() {
        Set<Path> dirs = new LinkedHashSet<>();
        String ld = System.getenv("LD_LIBRARY_PATH");
        if (ld != null) {
            for (String p : ld.split(":")) if (!p.isBlank()) dirs.add(Path.of(p));
        }
        for (String p : List.of("/usr/local/cuda/lib64", "/usr/local/cuda-11.6/lib64", "/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib",
                "/lib/x86_64-linux-gnu")) {
            dirs.add(Path.of(p));
        }
        return List.copyOf(dirs);
    }

    static Path findLibrary(List<Path> dirs, String prefix) {
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) continue;
            try (Stream<Path> files = Files.list(dir)) {
                var hit = files.filter(f -> f.getFileName().toString().startsWith(prefix)).findFirst();
                if (hit.isPresent()) return hit.get();
            } catch (IOException | SecurityException e) {
                // unreadable folder: keep looking
            }
        }
        return null;
    }

    static List<String> gpuNames(Path proc) {
        Path gpus = proc.resolve("driver/nvidia/gpus");
        List<String> names = new ArrayList<>();
        if (!Files.isDirectory(gpus)) return names;
        try (Stream<Path> dirs = Files.list(gpus)) {
            for (Path g : dirs.sorted().toList()) {
                read(g.resolve("information")).lines().filter(l -> l.startsWith("Model:"))
                        .findFirst().ifPresent(l -> names.add(l.substring("Model:".length()).trim()));
            }
        } catch (IOException e) {
            // no readable GPU list
        }
        return names;
    }

    static String cpuModel() {
        String info = read(Path.of("/proc/cpuinfo"));
        return info.lines().filter(l -> l.startsWith("model name")).findFirst()
                .map(l -> l.substring(l.indexOf(':') + 1).trim())
                .orElse(System.getProperty("os.arch"));
    }

    /** ND4J's OpenMP threads: OMP_NUM_THREADS when set, otherwise one per available core. */
    static int threads() {
        String omp = System.getenv("OMP_NUM_THREADS");
        if (omp != null) {
            try {
                return Math.max(1, Integer.parseInt(omp.trim()));
            } catch (NumberFormatException e) {
                // fall through
            }
        }
        return Runtime.getRuntime().availableProcessors();
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }
}
