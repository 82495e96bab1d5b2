package org.ecgworkbench.train;

import java.nio.file.Path;

/**
 * The files of one training run, all under one folder so runs can be listed, resumed and compared:
 * {@code config.json}, {@code split.json}, {@code events.jsonl}, {@code checkpoint.json} naming the
 * latest network in {@code checkpoints/}, {@code best-network.zip} (best epoch so far),
 * {@code model.ecgmodel} (the final bundle), {@code report.json} and {@code test-predictions.csv};
 * after {@code --resplit}, {@code superseded-<time>/} holds the files of the earlier split.
 */
public record RunFolder(Path root) {

    public RunFolder {
        root = root.toAbsolutePath().normalize();
    }

    public Path config() { return root.resolve("config.json"); }

    public Path split() { return root.resolve("split.json"); }

    public Path events() { return root.resolve("events.jsonl"); }

    public Path checkpointState() { return root.resolve("checkpoint.json"); }

    public Path checkpoints() { return root.resolve("checkpoints"); }

    public Path bestNetwork() { return root.resolve("best-network.zip"); }

    public Path model() { return root.resolve("model.ecgmodel"); }

    public Path report() { return root.resolve("report.json"); }

    /** The test part's per-record probabilities, labels and thresholds ({@code eval.PredictionTableCsv}). */
    public Path testPredictions() { return root.resolve("test-predictions.csv"); }

    /** Synthetic records added to the training part ({@code --synthetic-rare}). */
    public Path synthetic() { return root.resolve("synthetic"); }

    /** Where {@code train --resume --resplit} moves the files of the run's earlier split ({@code superseded-<stamp>}). */
    public Path superseded(String stamp) { return root.resolve("superseded-" + stamp); }

    /** Held (file lock) while a process trains in this folder, so two never do at once. */
    public Path lock() { return root.resolve(".lock"); }

    /** The process id of the one holding {@link #lock()}, written once it holds it: {@code runs cancel} signals it. */
    public Path pid() { return root.resolve(".pid"); }
}
