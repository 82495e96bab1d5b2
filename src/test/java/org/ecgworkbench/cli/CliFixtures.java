package org.ecgworkbench.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.BundleMetadata;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.ModelBundleIO;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.ResNet1d;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.nd4j.linalg.learning.config.Adam;

/** What the command tests share: the sample records, and a small untrained bundle behind the default recipe. */
final class CliFixtures {
    static final Path SAMPLES = Path.of("resources/samples");

    private CliFixtures() {
    }

    /**
     * Writes {@code dir/tiny.ecgmodel}: a freshly initialised ResNet18 at width 0.125 (seed 1) taking the default
     * recipe's 5000 samples, so the commands run end to end quickly; its skill is not what such tests check.
     */
    static Path tinyBundle(Path dir) throws IOException {
        NetworkSpec spec = NetworkSpec.of(Architecture.RESNET18, 0.125, Pipeline.DEFAULT_LENGTH, false);
        Path model = dir.resolve("tiny.ecgmodel");
        ModelBundleIO.write(new ModelBundle(ResNet1d.build(spec, new Adam(1e-3), 0, null, 1),
                BundleMetadata.standard(spec, PipelineJson.write(Pipeline.defaultRecipe()))), model);
        return model;
    }
}
