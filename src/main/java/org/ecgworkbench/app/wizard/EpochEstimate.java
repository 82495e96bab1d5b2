package org.ecgworkbench.app.wizard;

import java.util.Locale;
import org.ecgworkbench.model.NetworkBenchmark;
import org.ecgworkbench.model.NetworkSpec;

/**
 * The time an epoch will take, from a measured number: one training step (forward, loss, backward,
 * Adam) of the chosen network at the chosen batch, timed on this machine as {@code bench} times it,
 * times the batches of an epoch. Validation and data loading are not counted, so it is a lower bound
 * the page calls an estimate.
 *
 * @param stepMillis     the measured training step
 * @param batches        batches per epoch
 * @param trainRecords   records in the training part
 * @param batch          batch size
 */
record EpochEstimate(double stepMillis, int batches, int trainRecords, int batch) {

    /** Times one training step (median of two after one warm-up); seconds of work, run it in the background. */
    static double trainStepMillis(NetworkSpec spec, int batch) {
        return NetworkBenchmark.trainStepMs(spec, batch, 2, 1);
    }

    static int batchesPerEpoch(int trainRecords, int batch) {
        return Math.max(1, (trainRecords + batch - 1) / batch);
    }

    double epochSeconds() {
        return stepMillis * batches / 1000;
    }

    /** "Estimated time per epoch: ≈ 2 min 10 s (…)". */
    String text() {
        return String.format(Locale.ROOT, "Estimated time per epoch: ≈ %s (an estimate: one training step measured here at %.0f ms × %d batches "
                + "of %d from %d training records; validation not counted)", duration(epochSeconds()), stepMillis, batches, batch, trainRecords);
    }

    static String duration(double seconds) {
        long s = Math.round(seconds);
        if (s < 60) return s + " s";
        if (s < 3600) return (s / 60) + " min " + (s % 60) + " s";
        return (s / 3600) + " h " + (s % 3600 / 60) + " min";
    }
}
