package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.stream.Stream;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.runs.RunRequest;
import org.testfx.util.WaitForAsyncUtils;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.train.TrainingConfig;

/**
 * A small synthetic dataset (3 classes × 20 records, 250 Hz, 10 s), made once per test JVM in
 * {@code target/runs-fixture}, and tiny real training requests on it (ResNet18 ×0.25, batch 8: five
 * batches an epoch, a few seconds each epoch on two cores).
 */
final class TrainingFixtures {
    static final Path ROOT = Path.of("target", "runs-fixture").toAbsolutePath();
    private static final String PIPELINE = """
            {"format":"ecg-workbench-pipeline","version":1,"steps":[
              {"step":"resample","method":"fft","target_hz":250.0},
              {"step":"length","samples":2500,"policy":"end"}]}""";

    private TrainingFixtures() {
    }

    static synchronized Path dataset() throws IOException {
        Path data = ROOT.resolve("data");
        if (countHeaders(data) != 60) {
            int code = EcgWorkbenchCommand.run("synth", "--out", data.toString(), "--count", "60", "--classes", "NSR,AF,IAVB",
                    "--fs", "250", "--seed", "3", "--threads", "2", "--force");
            assertThat(code).as("synth exit code").isZero();
        }
        Files.writeString(ROOT.resolve("pipeline.json"), PIPELINE);
        return data;
    }

    private static long countHeaders(Path data) throws IOException {
        if (!Files.isDirectory(data)) return 0;
        try (Stream<Path> files = Files.list(data)) {
            return files.filter(p -> p.toString().endsWith(".hea")).count();
        }
    }

    /** A tiny real run; the tensor cache is shared, so only the first run of a JVM caches. */
    static RunRequest request(String label, int epochs, String lr) throws IOException {
        Path data = dataset();
        TrainingConfig config = TrainingConfig.builder(List.of(data)).architecture(Architecture.RESNET18).width(0.25).epochs(epochs)
                .batch(8).patience(0).learningRate(Double.parseDouble(lr)).pipeline(PipelineJson.read(PIPELINE))
                .cacheDir(ROOT.resolve("cache")).build();
        return new RunRequest(label, config);
    }

    static Path newWorkspace() throws IOException {
        Files.createDirectories(ROOT);
        return Files.createTempDirectory(ROOT, "workspace-");
    }

    /** Reads on the FX thread. */
    static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
    }

    static void waitFor(String what, BooleanSupplier onFx, long seconds) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() < deadline) {
            if (fx(onFx::getAsBoolean)) return;
            Thread.sleep(50);
        }
        throw new AssertionError("timed out after " + seconds + " s waiting for " + what);
    }

    /** Stops what the room still trains and waits for the processes to end. */
    static void stop(RunsViewModel vm) throws Exception {
        List<ProcessHandle> live = fx(() -> vm.runs().stream().flatMap(r -> vm.process(r).stream()).toList());
        fx(() -> {
            vm.stopAll();
            return null;
        });
        for (ProcessHandle p : live) {
            try {
                p.onExit().get(60, TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                p.destroyForcibly();
            }
        }
    }
}
