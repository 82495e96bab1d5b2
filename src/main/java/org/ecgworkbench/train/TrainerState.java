package org.ecgworkbench.train;

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

    static TrainerState fresh() {
        return new TrainerState(0, 0, 0, Double.NaN, 0, 0, 0, 0, null, List.of());
    }

    /** One finished epoch: 1-based number, losses and the selection metric. */
    public record EpochSummary(int epoch, double trainLoss, double validationLoss, double metric) {
    }
}
