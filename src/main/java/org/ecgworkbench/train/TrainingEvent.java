package org.ecgworkbench.train;

import java.util.List;
import java.util.Map;

/**
 * What a training run reports, in order: {@link Started} first (naming the backend and device
 * actually used), {@link Preparing} while data is scanned and cached, {@link Prepared}, then
 * {@link Batch} and {@link Epoch} events with {@link Checkpoint}s between them, and exactly one of
 * {@link Done}, {@link Failed} or {@link Cancelled} last. {@link TrainingEventJson} gives each its
 * one-line JSON form; epochs are counted from 1 in events.
 */
public sealed interface TrainingEvent {

    /** The JSON {@code type}. */
    String type();

    /** Whether the run ends with this event. */
    default boolean terminal() {
        return false;
    }

    record Started(String backend, String device, boolean resumed) implements TrainingEvent {
        public String type() { return "start"; }
    }

    record Preparing(String stage, int done, int total) implements TrainingEvent {
        public String type() { return "preparing"; }
    }

    record Prepared(int trainRecords, int validationRecords, int testRecords, long parameters, int epochs,
                    int batchesPerEpoch, int startEpoch, List<String> notes) implements TrainingEvent {
        public Prepared {
            notes = List.copyOf(notes);
        }

        public String type() { return "prepared"; }
    }

    record Batch(int epoch, long iteration, double loss, double samplesPerSecond, double learningRate,
                 int batchInEpoch, int batchesPerEpoch) implements TrainingEvent {
        public String type() { return "batch"; }
    }

    /** @param validation validation metrics by JSON key (challenge_score, f1_macro, auroc_macro, …) */
    record Epoch(int epoch, double trainLoss, double validationLoss, Map<String, Double> validation, double seconds,
                 boolean best) implements TrainingEvent {
        public Epoch {
            validation = Map.copyOf(validation);
        }

        public String type() { return "epoch"; }
    }

    record Checkpoint(String path, int epoch, long iteration) implements TrainingEvent {
        public String type() { return "checkpoint"; }
    }

    /** @param test test-part metrics by JSON key, with the tuned thresholds */
    record Done(int bestEpoch, String model, String report, Map<String, Double> test) implements TrainingEvent {
        public Done {
            test = Map.copyOf(test);
        }

        public String type() { return "done"; }

        public boolean terminal() { return true; }
    }

    record Failed(String message) implements TrainingEvent {
        public String type() { return "failed"; }

        public boolean terminal() { return true; }
    }

    record Cancelled(String checkpoint, int epoch, long iteration) implements TrainingEvent {
        public String type() { return "cancelled"; }

        public boolean terminal() { return true; }
    }
}
