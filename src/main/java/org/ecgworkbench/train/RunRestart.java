package org.ecgworkbench.train;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * {@code --resplit}: the run starts over on a new split. Everything made with the old split (the
 * split itself, events, checkpoints, best network, bundle, report, predictions, synthetic top-up)
 * is moved, not deleted, to {@code superseded-<UTC time>/} inside the run folder: a resplit given
 * by mistake loses nothing, and the old files can still be looked at or deleted by hand. Only
 * {@code config.json} (the run's settings) stays. Renames within one folder, so nothing is copied.
 */
final class RunRestart {
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private RunRestart() {
    }

    /** Whether the run has trained: a checkpoint, a best network or a bundle exists. */
    static boolean hasTrained(RunFolder run) throws IOException {
        if (Files.exists(run.checkpointState()) || Files.exists(run.bestNetwork()) || Files.exists(run.model())) return true;
        if (!Files.isDirectory(run.checkpoints())) return false;
        try (Stream<Path> files = Files.list(run.checkpoints())) {
            return files.findAny().isPresent();
        }
    }

    /** Moves the old split's files aside; returns their new folder, or empty when there was nothing to move. */
    static Optional<Path> moveAside(RunFolder run, Clock clock) throws IOException {
        List<Path> files = Stream.of(run.split(), run.events(), run.checkpointState(), run.checkpoints(), run.bestNetwork(),
                run.model(), run.report(), run.testPredictions(), run.synthetic()).filter(Files::exists).toList();
        if (files.isEmpty()) return Optional.empty();
        String stamp = STAMP.format(clock.instant());
        Path target = run.superseded(stamp);
        for (int n = 2; Files.exists(target); n++) target = run.superseded(stamp + "-" + n);
        Files.createDirectory(target);
        for (Path f : files) Files.move(f, target.resolve(f.getFileName()));
        return Optional.of(target);
    }
}
