package org.ecgworkbench.train;

import java.util.ArrayList;
import java.util.List;

/**
 * Where a run stands, saved with every checkpoint ({@code checkpoint.json}).
 *
 * @param epoch          0-based epoch in progress (or next to start)
 * @param batchInEpoch   batches of that epoch already trained
 * @param iteration      batches trained in the whole run
 * @param bestScore      best validation metric so far (NaN: none yet)
 * @param bestEpoch      1-based epoch of the best score (0: none)
 * @param staleEpochs    epochs since the best one (early stopping)
 * @param lossSum        sum of the batch losses of the epoch in progress
 * @param lossCount      number of those batches
 * @param network        checkpoint network file name inside {@code checkpoints/}
 * @param history        finished epochs
 */
public record TrainerState(int epoch, int batchInEpoch, long iteration, double bestScore, int bestEpoch, int staleEpochs,
                           double lossSum, int lossCount, String network, List<EpochSummary> history) {

    public TrainerState {
        history = List.copyOf(history);
    }

    /** A run that has trained nothing yet. */
    static TrainerState fresh() {
        return new TrainerState(0, 0, 0, Double.NaN, 0, 0, 0, 0, null, List.of());
    }

    /** Where the epoch to train next stands: from the start, or mid-way for a run checkpointed mid-epoch. */
    EpochProgress progress() {
        return new EpochProgress(epoch, batchInEpoch, iteration, lossSum, lossCount);
    }

    /** Stopped mid-epoch (a timed checkpoint, or a cancel) at {@code progress}. */
    TrainerState withProgress(EpochProgress progress) {
        return new TrainerState(progress.epoch(), progress.batchInEpoch(), progress.iteration(), bestScore, bestEpoch,
                staleEpochs, progress.lossSum(), progress.lossCount(), network, history);
    }

    /**
     * The epoch {@code summary} has finished after {@code iteration} batches in all: the next epoch
     * starts from its first batch; it is the best so far (its score kept, the stale count reset) or
     * one more epoch without improvement.
     */
    TrainerState afterEpoch(EpochSummary summary, long iteration, boolean best) {
        List<EpochSummary> epochs = new ArrayList<>(history);
        epochs.add(summary);
        return new TrainerState(summary.epoch(), 0, iteration, best ? summary.metric() : bestScore,
                best ? summary.epoch() : bestEpoch, best ? 0 : staleEpochs + 1, 0, 0, network, epochs);
    }

    /** The same state, saved with the network in {@code checkpoints/<file>}. */
    TrainerState withNetwork(String file) {
        return new TrainerState(epoch, batchInEpoch, iteration, bestScore, bestEpoch, staleEpochs, lossSum, lossCount, file,
                history);
    }

    /** One finished epoch: 1-based number, losses and the selection metric. */
    public record EpochSummary(int epoch, double trainLoss, double validationLoss, double metric) {
    }
}
