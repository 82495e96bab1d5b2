package org.ecgworkbench.train;

/**
 * How far the epoch in progress has come: its batches so far, the run's iteration count, and the
 * running sum of the batch losses for the epoch's mean training loss.
 *
 * @param epoch        0-based epoch in progress
 * @param batchInEpoch batches of that epoch trained
 * @param iteration    batches trained in the whole run
 * @param lossSum      sum of the batch losses of the epoch
 * @param lossCount    number of those batches
 */
record EpochProgress(int epoch, int batchInEpoch, long iteration, double lossSum, int lossCount) {

    /** One more batch trained, with its loss. */
    EpochProgress afterBatch(double loss) {
        return new EpochProgress(epoch, batchInEpoch + 1, iteration + 1, lossSum + loss, lossCount + 1);
    }

    /** The epoch's mean batch loss so far (NaN before the first batch). */
    double meanLoss() {
        return lossCount == 0 ? Double.NaN : lossSum / lossCount;
    }
}
