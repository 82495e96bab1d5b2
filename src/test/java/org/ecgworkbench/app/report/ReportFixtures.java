package org.ecgworkbench.app.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.eval.PredictedRecord;
import org.ecgworkbench.eval.PredictionTable;
import org.ecgworkbench.eval.PredictionTableCsv;

/**
 * Reports to open: a real tiny training run made once per test JVM with the {@code synth} and
 * {@code train} commands, and predictions files made directly from eval classes.
 */
public final class ReportFixtures {
    static final int CLASSES = 24;
    static final String PIPELINE_100HZ = """
            {"format":"ecg-workbench-pipeline","version":1,"steps":[
              {"step":"resample","method":"fft","target_hz":100.0},
              {"step":"length","samples":1000,"policy":"end"}]}""";
    private static Path run;

    private ReportFixtures() {
    }

    /**
     * A finished run: 60 synthetic records of NSR, AF and LBBB at 100 Hz, a ResNet18 at width 0.125,
     * one epoch; its test part has 12 records. Made once, kept until the JVM ends.
     */
    public static synchronized Path tinyRun() {
        if (run != null) return run;
        try {
            Path dir = Files.createTempDirectory("report-fixture");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            Path data = dir.resolve("data");
            check(EcgWorkbenchCommand.run("synth", "--out", data.toString(), "--count", "60", "--classes", "NSR,AF,LBBB",
                    "--fs", "100", "--seed", "5", "--threads", "2"), "synth");
            Path pipeline = Files.writeString(dir.resolve("pipeline.json"), PIPELINE_100HZ);
            Path out = dir.resolve("run-tiny");
            check(EcgWorkbenchCommand.run("train", "--data", data.toString(), "--out", out.toString(), "--arch", "resnet18",
                    "--width", "0.125", "--epochs", "1", "--batch", "16", "--lr", "3e-3", "--patience", "0",
                    "--pipeline", pipeline.toString(), "--cache-dir", dir.resolve("cache").toString(), "--seed", "1",
                    "--progress", "none"), "train");
            run = out;
            return run;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void check(int exitCode, String command) {
        if (exitCode != 0) throw new IllegalStateException(command + " failed with exit code " + exitCode);
    }

    /** A predictions table with random probabilities; labels follow the probabilities loosely, so metrics are not trivial. */
    static PredictionTable randomTable(int records, long seed) {
        Random random = new Random(seed);
        double[] thresholds = new double[CLASSES];
        for (int c = 0; c < CLASSES; c++) thresholds[c] = 0.3 + 0.4 * random.nextDouble();
        List<PredictedRecord> rows = new ArrayList<>();
        for (int i = 0; i < records; i++) {
            float[] p = new float[CLASSES];
            boolean[] y = new boolean[CLASSES];
            for (int c = 0; c < CLASSES; c++) {
                y[c] = c % 3 == 0 && random.nextInt(4) == 0;
                p[c] = (float) Math.min(1, Math.max(0, (y[c] ? 0.6 : 0.3) + 0.25 * random.nextGaussian()));
            }
            rows.add(new PredictedRecord(String.format("T%04d", i), "/records/T" + i + ".hea", p, y));
        }
        return new PredictionTable(thresholds, rows);
    }

    static Path predictionsFile(Path dir, PredictionTable table) throws IOException {
        Path file = dir.resolve("evaluation.csv");
        PredictionTableCsv.write(table, file, true);
        return file;
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a temporary folder
        }
    }
}
