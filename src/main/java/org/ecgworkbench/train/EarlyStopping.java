package org.ecgworkbench.train;

/**
 * Which epoch is the best so far and when to stop: an epoch is the best when its validation metric
 * improves on the best one; training stops after {@code patience} epochs in a row without (0: never).
 * The counts it reads live in {@link TrainerState}, so they survive a checkpoint and a resume.
 */
record EarlyStopping(ValidationMetric metric, int patience) {

    EarlyStopping {
        if (patience < 0) throw new IllegalArgumentException("negative patience " + patience);
    }

    static EarlyStopping of(TrainingConfig config) {
        return new EarlyStopping(config.metric(), config.patience());
    }

    /** Whether an epoch that scored {@code score} beats the best epoch of {@code state}. */
    boolean isBest(double score, TrainerState state) {
        return metric.improves(score, state.bestScore());
    }

    /** Whether the run has gone {@code patience} epochs without a new best (never when patience is 0). */
    boolean exhausted(TrainerState state) {
        return patience > 0 && state.staleEpochs() >= patience;
    }
}
