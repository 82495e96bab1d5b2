package org.ecgworkbench.bench;

import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.BundleMetadata;
import org.ecgworkbench.model.ExplainMethod;
import org.ecgworkbench.model.ExplainOptions;
import org.ecgworkbench.model.Explainer;
import org.ecgworkbench.model.Explanation;
import org.ecgworkbench.model.ModelBundle;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.model.ResNet1d;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.nd4j.linalg.learning.config.Adam;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One explanation of one class for one 12 × 5000 window (10 s at 500 Hz) by a ResNet18 at width 1
 * (random weights; the cost does not depend on them), with {@link ExplainOptions#defaults()}: occlusion
 * 0.2 s / stride 0.1 s across all leads = 99 occluded copies + 1 in batches of 16; gradient × input = one
 * forward pass + one forward-and-backward pass of the workspace-free gradient graph.
 * Run: {@code mvn -B -q -Pbench,cpu -DskipTests test-compile exec:exec -Dbench.args="ExplainBenchmark -f 1 -wi 2 -i 3"}.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 2, time = 1)
@Measurement(iterations = 3, time = 1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
public class ExplainBenchmark {
    @Param({"GRADIENT_X_INPUT", "OCCLUSION"})
    public ExplainMethod method;

    private Explainer explainer;
    private float[] signal;
    private String code;

    @Setup
    public void setUp() {
        NetworkSpec spec = NetworkSpec.of(Architecture.RESNET18, 1.0, Pipeline.DEFAULT_LENGTH, false);
        ModelBundle bundle = new ModelBundle(ResNet1d.build(spec, new Adam(1e-3), 0, null, 1),
                BundleMetadata.standard(spec, PipelineJson.write(Pipeline.defaultRecipe())));
        explainer = new Explainer(bundle);
        Random r = new Random(3);
        signal = new float[12 * Pipeline.DEFAULT_LENGTH];
        for (int i = 0; i < signal.length; i++) {
            int t = i % Pipeline.DEFAULT_LENGTH;
            signal[i] = (float) ((t % 400 < 40 ? Math.sin(Math.PI * (t % 400) / 40.0) : 0) + 0.05 * r.nextGaussian());
        }
        code = bundle.metadata().codes().get(0);
    }

    @Benchmark
    public List<Explanation> explainOneClass() {
        return explainer.explainWindow(signal, null, Pipeline.DEFAULT_FS, List.of(code), method, ExplainOptions.defaults(), null, null);
    }
}
