package org.ecgworkbench.runs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.EvaluationReportJson;
import org.ecgworkbench.train.RunFolder;
import org.ecgworkbench.train.TrainingConfig;
import org.ecgworkbench.train.TrainingConfigJson;
import org.ecgworkbench.train.TrainingEvent;

/**
 * One run as a row of the dissertation's Table 4, plus the challenge score and AUROC. Losses are
 * those of the best epoch (the one the model keeps; the last epoch while no report exists); the
 * training and test numbers come from {@code report.json}. NaN (shown blank) where a run has no such
 * number: runs finished before {@code train} measured the training part have no train section.
 *
 * @param trainF1       training-part macro F1 with the thresholds tuned on validation (the same
 *                      average as {@code testF1Macro})
 * @param testF1Macro   test macro F1 (scikit-learn's, undefined classes counting 0)
 * @param testF1Samples test F1 averaged per record: the number the dissertation called "weighted"
 * @param notes         files that could not be read, by name and reason
 */
public record ComparisonRow(String label, Path folder, String architecture, double learningRate, String optimiser,
                            double trainF1, double trainLoss, double validationLoss, double testF1Macro,
                            double testF1Samples, double challengeScore, double aurocMacro, List<String> notes) {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    public ComparisonRow {
        notes = List.copyOf(notes);
    }

    /** A run's name in the comparison: "✗ name (failed)" for a failed run, so nobody reads its numbers as a result. */
    public static String labelFor(String label, RunStatus status) {
        return status == RunStatus.FAILED ? "✗ " + label + " (failed)" : label;
    }

    public static ComparisonRow read(String label, Path folder) {
        RunFolder run = new RunFolder(folder);
        List<String> notes = new ArrayList<>();
        String architecture = "";
        double lr = Double.NaN;
        String optimiser = "";
        if (Files.isRegularFile(run.config())) {
            try {
                TrainingConfig c = TrainingConfigJson.read(run.config());
                architecture = c.architecture().id() + (c.width() == 1.0 ? "" : " ×" + trim(c.width()));
                lr = c.learningRate();
                optimiser = c.optimizer().name().toLowerCase(Locale.ROOT);
            } catch (IOException | RuntimeException e) {
                notes.add(e.getMessage());
            }
        } else {
            notes.add(run.config() + ": missing");
        }
        List<TrainingEvent.Epoch> epochs = new ArrayList<>();
        try {
            EventsFile events = EventsFile.read(run.events());
            events.events().stream().filter(TrainingEvent.Epoch.class::isInstance).map(TrainingEvent.Epoch.class::cast).forEach(epochs::add);
            notes.addAll(events.skipped());
        } catch (IOException e) {
            notes.add(run.events() + ": " + e.getMessage());
        }
        int bestEpoch = -1;
        EvaluationReport train = null;
        EvaluationReport test = null;
        if (Files.isRegularFile(run.report())) {
            try {
                JsonNode report = MAPPER.readTree(Files.readString(run.report()));
                bestEpoch = report.path("best_epoch").asInt(-1);
                if (report.hasNonNull("test")) test = EvaluationReportJson.fromJson(report.get("test"));
                if (report.hasNonNull("train")) train = EvaluationReportJson.fromJson(report.get("train"));
            } catch (IOException | RuntimeException e) {
                notes.add(run.report() + ": " + e.getMessage());
            }
        }
        TrainingEvent.Epoch chosen = pick(epochs, bestEpoch);
        return new ComparisonRow(label, run.root(), architecture, lr, optimiser,
                train == null ? Double.NaN : train.f1Macro(),
                chosen == null ? Double.NaN : chosen.trainLoss(), chosen == null ? Double.NaN : chosen.validationLoss(),
                test == null ? Double.NaN : test.f1Macro(), test == null ? Double.NaN : test.f1Samples(),
                test == null ? Double.NaN : test.challengeScore(), test == null ? Double.NaN : test.aurocMacro(), notes);
    }

    /** The last event of the best epoch (a resumed run may repeat an epoch), else the last epoch. */
    private static TrainingEvent.Epoch pick(List<TrainingEvent.Epoch> epochs, int bestEpoch) {
        TrainingEvent.Epoch chosen = null;
        for (TrainingEvent.Epoch e : epochs) {
            if (bestEpoch < 0 || e.epoch() == bestEpoch) chosen = e;
        }
        return chosen != null || epochs.isEmpty() ? chosen : epochs.get(epochs.size() - 1);
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }
}
