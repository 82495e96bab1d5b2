package org.ecgworkbench.app.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.launch.MonocleAgent;
import org.ecgworkbench.runs.QueueFile;
import org.ecgworkbench.runs.RunMetadata;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.train.TrainingConfig;

/**
 * Issue 13, point 1: the workbench started as the README says — {@code java -jar target/ecg-workbench.jar},
 * a relative jar path, from the repository root — trains a run. The run waits in the workspace's
 * {@code runs/queue.json} (as one left queued when the workbench closed), so starting the workbench picks
 * it up and launches its {@code train} child, which starts in the run folder; the test waits for the
 * {@code done} event in the run's {@code events.jsonl}. The queued arguments name the data, pipeline and
 * cache by paths relative to the repository root, as a hand-edited queue or a sweep may.
 *
 * <p>A Failsafe integration test: the jar exists only after {@code package}. The workbench runs under
 * Monocle (no display), brought onto the {@code -jar} class path as a Java agent ({@link MonocleAgent}).
 */
class ReadmeLaunchIT {
    private static final long TIMEOUT_MINUTES = 10;
    private static final String PIPELINE = """
            {"format":"ecg-workbench-pipeline","version":1,"steps":[
              {"step":"resample","method":"fft","target_hz":250.0},
              {"step":"length","samples":2500,"policy":"end"}]}""";

    private Process workbench;

    @AfterEach
    void stopWorkbench() throws InterruptedException {
        if (workbench == null) return;
        List<ProcessHandle> family = new ArrayList<>(workbench.descendants().toList());
        family.forEach(ProcessHandle::destroy);
        workbench.destroy();
        if (!workbench.waitFor(30, TimeUnit.SECONDS)) workbench.destroyForcibly();
        family.forEach(ProcessHandle::destroyForcibly);
    }

    @Test
    void aRunQueuedInTheWorkspaceTrainsToDoneWhenTheJarIsStartedByARelativePath() throws Exception {
        Path repo = Path.of("").toAbsolutePath();
        Path jar = Path.of("target", "ecg-workbench.jar");
        assertThat(repo.resolve(jar)).as("the packaged jar (Failsafe runs after package)").isRegularFile();
        Path scratch = fresh(repo.resolve("target").resolve("readme-launch-it"));

        Path data = scratch.resolve("data");
        int synth = EcgWorkbenchCommand.run("synth", "--out", data.toString(), "--count", "20", "--classes", "NSR,AF",
                "--fs", "250", "--seed", "13", "--threads", "2");
        assertThat(synth).as("synth exit code").isZero();
        Path pipeline = Files.writeString(scratch.resolve("pipeline.json"), PIPELINE);

        Path workspace = scratch.resolve("workspace");
        Path runs = workspace.resolve("runs");
        Path run = Files.createDirectories(runs.resolve("20260101-000000-readme-launch"));
        // Given relative to the repository (this JVM's working directory), as a user would: the config holds them absolute.
        TrainingConfig config = TrainingConfig.builder(List.of(repo.relativize(data))).architecture(Architecture.RESNET18).width(0.25)
                .epochs(1).batch(8).patience(0).pipeline(PipelineJson.read(Files.readString(pipeline)))
                .cacheDir(repo.relativize(scratch.resolve("cache"))).build();
        // As the runs room saves a waiting run: its reserved, empty folder and its configuration.
        QueueFile.write(runs, List.of(QueueFile.Entry.of(run, "readme launch", config)));

        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-javaagent:" + MonocleAgent.write(scratch.resolve("monocle-agent.jar")));
        command.addAll(Arrays.asList(System.getProperty("headless.fx",
                "-Dglass.platform=Monocle -Dmonocle.platform=Headless -Dprism.order=sw").trim().split("\\s+")));
        command.add("-Decg.workspace=" + workspace);
        command.add("-Decg.config.dir=" + scratch.resolve("config"));
        command.addAll(List.of("-jar", jar.toString()));
        Path log = scratch.resolve("workbench.log");
        ProcessBuilder pb = new ProcessBuilder(command).directory(repo.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("OMP_WAIT_POLICY", "PASSIVE");
        workbench = pb.start();

        Path events = run.resolve("events.jsonl");
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(TIMEOUT_MINUTES);
        while (true) {
            String last = lastEventType(events);
            if ("done".equals(last)) break;
            if ("failed".equals(last)) fail("the run failed: " + Files.readString(events) + report(run, log));
            Path metadata = run.resolve(RunMetadata.FILE);
            if (Files.isRegularFile(metadata) && Files.readString(metadata).contains("death_reason")) {
                fail("the training process died: " + Files.readString(metadata) + report(run, log));
            }
            if (!workbench.isAlive()) fail("the workbench exited with " + workbench.exitValue() + report(run, log));
            if (System.nanoTime() > deadline) fail("no done event after " + TIMEOUT_MINUTES + " min" + report(run, log));
            Thread.sleep(500);
        }
        assertThat(run.resolve("model.ecgmodel")).as("the run's model").isRegularFile();
        assertThat(QueueFile.read(runs)).as("the queue once the run started").isEmpty();
        // Issue 13, point 7: JavaFX's warning about its classes on the class path is not printed on start.
        assertThat(Files.readString(log)).doesNotContain("Unsupported JavaFX configuration");
    }

    /** The type of the last complete event line, or null. */
    private static String lastEventType(Path events) throws IOException {
        if (!Files.isRegularFile(events)) return null;
        String type = null;
        ObjectMapper json = new ObjectMapper();
        for (String line : Files.readAllLines(events, StandardCharsets.UTF_8)) {
            if (line.isBlank()) continue;
            try {
                JsonNode n = json.readTree(line);
                type = n.path("type").asText(null);
            } catch (IOException partialLine) {
                // the writer is mid-line: read again next time
            }
        }
        return type;
    }

    private static String report(Path run, Path log) throws IOException {
        StringBuilder s = new StringBuilder("\nrun folder ").append(run).append(": ");
        try (Stream<Path> files = Files.list(run)) {
            s.append(files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        s.append("\nworkbench output (").append(log).append("):\n");
        List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        lines.subList(Math.max(0, lines.size() - 60), lines.size()).forEach(l -> s.append(l).append('\n'));
        return s.toString();
    }

    private static Path fresh(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
            }
        }
        return Files.createDirectories(dir);
    }
}
