package org.ecgworkbench.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.GoldenText;
import org.ecgworkbench.train.TrainingEvent;
import org.junit.jupiter.api.Test;

/** What {@code score}, {@code evaluate} and {@code train} print about a report stays byte-identical to the golden text. */
class MetricTextRenderingsTest {

    @Test
    void scoreTextIsTheGoldenOne() {
        GoldenText.assertMatches(ScoreCommand.toText(GoldenText.report()), "score.txt");
    }

    @Test
    void evaluateTextIsTheGoldenOne() {
        GoldenText.assertMatches(EvaluateCommand.text(GoldenText.report()), "evaluate.txt");
    }

    @Test
    void undefinedAveragesPrintAsDashes() {
        EvaluationReport r = GoldenText.report();
        EvaluationReport undefined = new EvaluationReport(r.records(), Double.NaN, Double.NaN, Double.NaN, Double.NaN,
                Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, r.perClass().subList(0, 2));
        GoldenText.assertMatches(ScoreCommand.toText(undefined) + "\n---\n" + EvaluateCommand.text(undefined), "undefined.txt");
    }

    @Test
    void trainPrintsEpochAndDoneLinesAsBefore() {
        StringWriter out = new StringWriter();
        TrainProgressPrinter printer = new TrainProgressPrinter(new PrintWriter(out), new PrintWriter(new StringWriter()), false, false);
        Map<String, Double> validation = Map.of("challenge_score", 0.4125, "f1_macro", 0.25, "f1_micro", 0.5,
                "auroc_macro", 0.75, "accuracy", 0.125);
        printer.on(new TrainingEvent.Epoch(3, 0.61234, 0.55, validation, 12.4, true));
        printer.on(new TrainingEvent.Epoch(4, 0.6, Double.NaN, Map.of("challenge_score", 0.5), 9.6, false));
        printer.on(new TrainingEvent.Done(3, "/runs/a/model.ecgmodel", "/runs/a/report.json", validation));
        GoldenText.assertMatches(out.toString().replace(System.lineSeparator(), "\n"), "train-progress.txt");
    }
}
