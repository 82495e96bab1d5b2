package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning engine end to end, as a researcher would run it: {@code synth} 10 classes × 200
 * records, {@code train} a ResNet18 at width 0.25, then {@code evaluate} the bundle on the run's
 * test part (records it never saw). The bar is a macro F1 of at least 0.95 over the ten classes
 * present (the 14 other scored classes have no record, so sklearn's 24-class macro average would
 * count them as 0). Runs for a few minutes on two cores.
 */
@SlowTest
class SyntheticTrainEvaluateTest {
    private static final String CLASSES = "NSR,AF,IAVB,RBBB,LBBB,LAD,STach,SB,PVC,LQRSV";
    private static final String PIPELINE_250HZ = """
            {"format":"ecg-workbench-pipeline","version":1,"steps":[
              {"step":"resample","method":"fft","target_hz":250.0},
              {"step":"length","samples":2500,"policy":"end"}]}""";

    @TempDir
    Path tmp;

    @Test
    void trainThenEvaluateReachesMacroF1OfAtLeast095OnTheTestPart() throws Exception {
        Path data = tmp.resolve("data");
        assertThat(CliRunner.run("synth", "--out", data.toString(), "--count", "2000", "--classes", CLASSES,
                "--seed", "11", "--threads", "2").exitCode()).isZero();
        Path pipeline = tmp.resolve("pipeline.json");
        Files.writeString(pipeline, PIPELINE_250HZ);
        Path run = tmp.resolve("run");

        CliRunner train = CliRunner.run("train", "--data", data.toString(), "--out", run.toString(),
                "--arch", "resnet18", "--width", "0.25", "--epochs", "10", "--batch", "32", "--lr", "3e-3",
                "--patience", "0", "--pipeline", pipeline.toString(), "--cache-dir", tmp.resolve("cache").toString(),
                "--seed", "1", "--progress", "none");
        assertThat(train.exitCode()).as(train.out() + train.err()).isZero();
        assertThat(train.out()).contains("done: best epoch");

        CliRunner evaluate = CliRunner.run("evaluate", "--model", run.resolve("model.ecgmodel").toString(),
                "--data", data.toString(), "--split-manifest", run.resolve("split.json").toString(), "--part", "test", "--json");
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(evaluate.out());
        assertThat(report.get("records").asInt()).isEqualTo(400);

        List<String> present = new ArrayList<>();
        double f1Sum = 0;
        for (JsonNode c : report.get("per_class")) {
            if (c.get("support").asInt() > 0) {
                present.add(c.get("abbrev").asText());
                f1Sum += c.get("f1").asDouble();
            }
        }
        assertThat(present).hasSize(10);
        double macroF1 = f1Sum / present.size();
        System.out.printf("synthetic test part: macro F1 over the 10 present classes %.4f, challenge score %.4f, AUROC macro %.4f%n",
                macroF1, report.get("challenge_score").asDouble(), report.get("auroc_macro").asDouble());
        assertThat(macroF1).as(report.toPrettyString()).isGreaterThanOrEqualTo(0.95);
    }
}
