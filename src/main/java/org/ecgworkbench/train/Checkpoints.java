package org.ecgworkbench.train;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.deeplearning4j.util.ModelSerializer;
import org.ecgworkbench.model.OneDnnHelpers;
import org.ecgworkbench.record.AtomicFiles;

/**
 * Saves and restores a run's checkpoint: the network with its updater state in
 * {@code checkpoints/ckpt-<iteration>.zip}, then {@code checkpoint.json} naming it. Each file is
 * written to a temporary file and renamed, and the state is written last, so a run killed at any
 * moment (SIGKILL included) resumes from a complete checkpoint.
 */
final class Checkpoints {
    private final RunFolder run;

    Checkpoints(RunFolder run) {
        this.run = run;
    }

    /** Writes the checkpoint and returns the network file. */
    Path save(ComputationGraph network, TrainerState state) throws IOException {
        Files.createDirectories(run.checkpoints());
        String name = "ckpt-" + state.iteration() + ".zip";
        Path file = run.checkpoints().resolve(name);
        writeNetwork(network, file, true);
        TrainerState saved = state.withNetwork(name);
        byte[] json = TrainingConfigJson.MAPPER.writeValueAsString(saved).getBytes(StandardCharsets.UTF_8);
        AtomicFiles.write(run.checkpointState(), true, out -> out.write(json));
        deleteOthers(name);
        return file;
    }

    /** The saved state, if a checkpoint was written. */
    Optional<TrainerState> state() throws IOException {
        if (!Files.exists(run.checkpointState())) return Optional.empty();
        try {
            TrainerState state = TrainingConfigJson.MAPPER.readValue(Files.readString(run.checkpointState()), TrainerState.class);
            if (state.network() == null || state.network().contains("/") || state.network().contains("\\")) {
                throw new IOException(run.checkpointState() + ": field 'network': not a checkpoint file name");
            }
            return Optional.of(state);
        } catch (JsonProcessingException e) {
            throw new IOException(run.checkpointState() + ": not a valid checkpoint state: " + e.getOriginalMessage(), e);
        }
    }

    ComputationGraph restore(TrainerState state) throws IOException {
        Path file = run.checkpoints().resolve(state.network());
        if (!Files.isRegularFile(file)) throw new IOException(run.checkpointState() + ": names " + file + ", which is missing");
        ComputationGraph network;
        try {
            network = ModelSerializer.restoreComputationGraph(file.toFile(), true);
        } catch (IOException | RuntimeException e) {
            // DL4J's own messages rarely say which file; a damaged checkpoint must be named so it can be removed.
            throw new IOException(file + ": not a readable checkpoint (" + e.getMessage() + ")", e);
        }
        OneDnnHelpers.install(network); // restored layers come back without the oneDNN batch-norm helper
        return network;
    }

    /** A network written through a temporary file and renamed. */
    static void writeNetwork(ComputationGraph network, Path file, boolean withUpdater) throws IOException {
        AtomicFiles.writeFile(file, true, tmp -> ModelSerializer.writeModel(network, tmp.toFile(), withUpdater));
    }

    private void deleteOthers(String keep) throws IOException {
        try (DirectoryStream<Path> files = Files.newDirectoryStream(run.checkpoints(), "ckpt-*")) {
            for (Path f : files) {
                if (!f.getFileName().toString().equals(keep)) Files.deleteIfExists(f);
            }
        }
    }
}
