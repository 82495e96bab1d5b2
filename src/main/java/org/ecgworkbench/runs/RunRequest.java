package org.ecgworkbench.runs;

import java.util.Objects;
import org.ecgworkbench.train.TrainingConfig;

/**
 * A training run somebody asked for (the wizard, a sweep): a short label for the runs list and the
 * configuration to train. The runs room writes the configuration into a new run folder as
 * {@code config.json} and starts {@code train --config RUN/config.json --out RUN --progress jsonl}.
 *
 * @param label  e.g. "14:05 ResNet18×0.25 Adam lr 1e-3"
 * @param config what to train (its paths absolute: the child starts in the run folder)
 */
public record RunRequest(String label, TrainingConfig config) {
    public RunRequest {
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(config, "config");
    }
}
