package org.ecgworkbench.runs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/** Event lines in the exact form {@code train --progress jsonl} writes them (see TrainingEventJson), for fixtures. */
public final class EventLines {
    private EventLines() {
    }

    public static String start(boolean resumed) {
        return "{\"type\":\"start\",\"backend\":\"nd4j-native (OpenBLAS + oneDNN)\",\"device\":\"CPU: test, 2 threads\",\"resumed\":" + resumed + "}";
    }

    public static String prepared(int epochs, int batches) {
        return "{\"type\":\"prepared\",\"train_records\":36,\"validation_records\":12,\"test_records\":12,\"parameters\":555544,"
                + "\"epochs\":" + epochs + ",\"batches_per_epoch\":" + batches + ",\"start_epoch\":1,\"notes\":[]}";
    }

    public static String batch(int epoch, long iteration, double loss, int batch, int batches) {
        return String.format(Locale.ROOT, "{\"type\":\"batch\",\"epoch\":%d,\"iteration\":%d,\"loss\":%s,\"samples_per_s\":12.5,"
                + "\"learning_rate\":0.001,\"batch\":%d,\"batches\":%d}", epoch, iteration, Double.toString(loss), batch, batches);
    }

    public static String epoch(int epoch, double trainLoss, double valLoss, double challenge, double f1, double auroc, boolean best) {
        return epoch(epoch, trainLoss, valLoss, challenge, f1, auroc, best, 4.0);
    }

    public static String epoch(int epoch, double trainLoss, double valLoss, double challenge, double f1, double auroc, boolean best,
                        double seconds) {
        return String.format(Locale.ROOT, "{\"type\":\"epoch\",\"epoch\":%d,\"train_loss\":%s,\"val_loss\":%s,\"val\":{\"accuracy\":0.25,"
                + "\"auroc_macro\":%s,\"challenge_score\":%s,\"f1_macro\":%s},\"seconds\":%s,\"best\":%s}",
                epoch, trainLoss, valLoss, auroc, challenge, f1, seconds, best);
    }

    public static String checkpoint(Path path, int epoch, long iteration) {
        return "{\"type\":\"checkpoint\",\"path\":\"" + path + "\",\"epoch\":" + epoch + ",\"iteration\":" + iteration + "}";
    }

    public static String done(Path run, int bestEpoch) {
        return "{\"type\":\"done\",\"best_epoch\":" + bestEpoch + ",\"model\":\"" + run.resolve("model.ecgmodel") + "\",\"report\":\""
                + run.resolve("report.json") + "\",\"test\":{\"challenge_score\":0.3,\"f1_macro\":0.2}}";
    }

    public static String cancelled(Path checkpoint, int epoch, long iteration) {
        return "{\"type\":\"cancelled\",\"checkpoint\":\"" + checkpoint + "\",\"epoch\":" + epoch + ",\"iteration\":" + iteration + "}";
    }

    public static String failed(String message) {
        return "{\"type\":\"failed\",\"message\":\"" + message + "\"}";
    }

    /** A run folder under {@code runs} with these events.jsonl lines. */
    public static Path runFolder(Path runs, String name, List<String> lines) throws IOException {
        Path folder = Files.createDirectories(runs.resolve(name));
        Files.write(folder.resolve("events.jsonl"), lines);
        return folder;
    }
}
