package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.ecgworkbench.eval.PredictedRecord;
import org.ecgworkbench.eval.PredictionTableCsv;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.BundleMetadata;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.ResNet1d;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

/** {@code predict} and {@code evaluate} read a bundle's outputs through one mapping: codes[i] is what output i means. */
class BundleClassMappingTest {
    @TempDir
    Path tmp;

    @Test
    void aBundleWithItsClassesInAnotherOrderGivesEachClassTheSameProbabilityInPredictAndEvaluate() throws Exception {
        NetworkSpec spec = NetworkSpec.of(Architecture.RESNET18, 0.125, Pipeline.DEFAULT_LENGTH, false);
        BundleMetadata standard = BundleMetadata.standard(spec, PipelineJson.write(Pipeline.defaultRecipe()));
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < standard.codes().size(); i++) order.add(i);
        Collections.reverse(order);
        BundleMetadata reversed = new BundleMetadata(standard.formatVersion(), standard.softwareVersion(), spec,
                order.stream().map(standard.classes()::get).toList(), standard.pipelineJson(), null, null, null, null, null);
        Path model = tmp.resolve("reversed.ecgmodel");
        ModelBundleIO.write(new ModelBundle(ResNet1d.build(spec, new Adam(1e-3), 0, null, 1), reversed), model);
        Path data = tmp.resolve("data");
        assertThat(CliRunner.run("synth", "--out", data.toString(), "--count", "2", "--classes", "NSR,AF", "--fs", "100",
                "--seed", "3", "--threads", "2").exitCode()).isZero();

        CliRunner predict = CliRunner.run("predict", "--model", model.toString(), "--json", data.toString());
        assertThat(predict.exitCode()).as(predict.err()).isZero();
        Path predictions = tmp.resolve("p.csv");
        CliRunner evaluate = CliRunner.run("evaluate", "--model", model.toString(), "--predictions", predictions.toString(), data.toString());
        assertThat(evaluate.exitCode()).as(evaluate.err()).isZero();

        List<ScoredClass> classes = DiagnosisCatalogue.standard().scoredClasses();
        List<PredictedRecord> rows = PredictionTableCsv.read(predictions).records();
        for (JsonNode record : new ObjectMapper().readTree(predict.out())) {
            PredictedRecord row = rows.stream().filter(r -> r.id().equals(record.get("id").asText())).findFirst().orElseThrow();
            for (JsonNode p : record.get("predictions")) {
                ScoredClass c = DiagnosisCatalogue.standard().scoredClassOf(p.get("code").asText()).orElseThrow();
                assertThat(p.get("abbrev").asText()).isEqualTo(c.label());
                assertThat((double) row.probabilities()[c.index()]).as(c.label())
                        .isCloseTo(p.get("probability").asDouble(), within(1e-6));
            }
        }
        assertThat(classes).hasSize(24);
    }
}
