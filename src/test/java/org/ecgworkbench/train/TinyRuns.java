package org.ecgworkbench.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.signal.PipelineJson;

/** Small synthetic datasets and tiny-network configurations, so training tests take seconds. */
final class TinyRuns {
    /** 100 Hz, 1000 samples: a tenth of the default input, enough for rate and rhythm classes. */
    static final String PIPELINE_100HZ = """
            {"format":"ecg-workbench-pipeline","version":1,"steps":[
              {"step":"resample","method":"fft","target_hz":100.0},
              {"step":"length","samples":1000,"policy":"end"}]}""";

    private TinyRuns() {
    }

    /** {@code count} synthetic 10-s records cycling through the classes, at 100 Hz. */
    static Path synth(Path dir, int count, String classes, long seed) {
        int code = EcgWorkbenchCommand.run("synth", "--out", dir.toString(), "--count", Integer.toString(count),
                "--classes", classes, "--fs", "100", "--seed", Long.toString(seed), "--threads", "2");
        if (code != 0) throw new IllegalStateException("synth failed with exit code " + code);
        return dir;
    }

    static TrainingConfig.Builder config(Path data, Path cache) throws IOException {
        TrainingConfig.Builder b = TrainingConfig.builder(List.of(data));
        b.pipeline(PipelineJson.read(PIPELINE_100HZ));
        b.architecture(Architecture.RESNET18).width(0.125).epochs(2).batch(16).learningRate(3e-3).patience(0)
                .checkpointMinutes(0).cacheDir(cache);
        return b;
    }
}
