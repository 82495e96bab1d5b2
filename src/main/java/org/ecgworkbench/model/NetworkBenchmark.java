package org.ecgworkbench.model;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.bytedeco.javacpp.Pointer;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.ComputationGraphConfiguration;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.deeplearning4j.nn.graph.ComputationGraph;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.dataset.MultiDataSet;
import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.linalg.learning.config.Adam;
import org.nd4j.linalg.ops.transforms.Transforms;

/**
 * Times a ResNet the way {@code bench} reports it and {@code src/test/python/bench_resnet_torch.py}
 * times PyTorch: inference at batch 1 (trained graph and BN-folded graph), inference throughput at
 * the batch, one training step (forward, loss, backward, Adam) at the batch; medians after warm-up;
 * the process's peak resident memory after training (measured first, its workspaces then released)
 * and at the end. Random inputs, fixed seed.
 */
public final class NetworkBenchmark {

    /** What to measure. */
    public record Options(NetworkSpec spec, int batch, int iterations, int warmup, WorkspaceMode workspaceMode,
                          CacheMode cacheMode, boolean training) {
        public Options {
            if (batch < 1) throw new IllegalArgumentException("batch must be at least 1");
            if (iterations < 1) throw new IllegalArgumentException("iterations must be at least 1");
            if (warmup < 0) throw new IllegalArgumentException("warmup must be >= 0");
        }
    }

    /**
     * Medians in milliseconds; memory in MiB.
     *
     * @param foldedMaxDifference largest |p_folded − p_trained| over the batch-1 outputs
     * @param throughputFolded    whether the throughput was measured with the folded graph (the faster at batch 1)
     */
    public record Result(Options options, long parameters, long dl4jParameters, double inferenceBatch1Ms,
                         double inferenceBatch1FoldedMs, double foldedMaxDifference, double inferenceBatchMs,
                         boolean throughputFolded, double throughputPerSecond, double trainStepMs, double trainPeakRssMb, double peakRssMb,
                         double javacppPhysicalMb, double javacppMaxPhysicalMb) {
    }

    private NetworkBenchmark() {
    }

    public static Result run(Options o) {
        NativeBackend.prepare();
        NetworkSpec spec = o.spec();
        ComputationGraphConfiguration conf = ResNet1d.configuration(spec, new Adam(1e-3), 1e-5, null, 1);
        conf.setTrainingWorkspaceMode(o.workspaceMode());
        conf.setInferenceWorkspaceMode(o.workspaceMode());
        conf.setCacheMode(o.cacheMode());
        ComputationGraph net = new ComputationGraph(conf);
        net.init();
        OneDnnHelpers.install(net);
        INDArray x1 = random(1, spec, 1);
        INDArray xb = random(o.batch(), spec, 2);
        INDArray[] in1 = inputs(x1, spec);
        INDArray[] inb = inputs(xb, spec);

        // Training first, so its peak is measured alone; then its workspaces go before inference builds its own.
        double train = Double.NaN;
        double trainPeak = Double.NaN;
        if (o.training()) {
            INDArray y = Nd4j.rand(DataType.FLOAT, o.batch(), spec.outputs()).lt(0.1).castTo(DataType.FLOAT);
            MultiDataSet ds = new MultiDataSet(inb, new INDArray[] {y});
            train = medianMs(() -> net.fit(ds), o.iterations(), o.warmup());
            trainPeak = peakRssMb();
            Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        }

        double infer1 = medianMs(() -> net.output(false, in1), o.iterations() * 3, o.warmup());
        ComputationGraph folded = BatchNormFolding.fold(net, spec);
        double infer1Folded = medianMs(() -> folded.output(false, in1), o.iterations() * 3, o.warmup());
        double diff = Transforms.abs(folded.output(false, in1)[0].sub(net.output(false, in1)[0])).maxNumber().doubleValue();
        boolean useFolded = infer1Folded < infer1;
        ComputationGraph fast = useFolded ? folded : net;
        double inferB = medianMs(() -> fast.output(false, inb), o.iterations(), o.warmup());

        return new Result(o, ResNet1d.parameterCount(spec), net.numParams(), infer1, infer1Folded, diff, inferB, useFolded,
                o.batch() / inferB * 1000, train, trainPeak, peakRssMb(), Pointer.physicalBytes() / 1048576.0, Pointer.maxPhysicalBytes() / 1048576.0);
    }

    /**
     * Only the training step (forward, loss, backward, Adam) at the batch, timed as {@link #run} times it
     * (median after warm-up), without the inference measurements: what an epoch estimate needs.
     */
    public static double trainStepMs(NetworkSpec spec, int batch, int iterations, int warmup) {
        NativeBackend.prepare();
        ComputationGraph net = new ComputationGraph(ResNet1d.configuration(spec, new Adam(1e-3), 1e-5, null, 1));
        net.init();
        OneDnnHelpers.install(net);
        INDArray y = Nd4j.rand(DataType.FLOAT, batch, spec.outputs()).lt(0.1).castTo(DataType.FLOAT);
        MultiDataSet ds = new MultiDataSet(inputs(random(batch, spec, 2), spec), new INDArray[] {y});
        double ms = medianMs(() -> net.fit(ds), iterations, warmup);
        Nd4j.getWorkspaceManager().destroyAllWorkspacesForCurrentThread();
        return ms;
    }

    private static INDArray random(int batch, NetworkSpec spec, long seed) {
        Random r = new Random(seed);
        float[] data = new float[batch * spec.channels() * spec.length()];
        for (int i = 0; i < data.length; i++) data[i] = (float) r.nextGaussian();
        return Nd4j.create(data, new long[] {batch, spec.channels(), spec.length()}, 'c');
    }

    private static INDArray[] inputs(INDArray x, NetworkSpec spec) {
        if (!spec.demographics()) return new INDArray[] {x};
        return new INDArray[] {x, Nd4j.valueArrayOf(new long[] {x.size(0), 2}, 0.5f)};
    }

    static double medianMs(Runnable r, int iterations, int warmup) {
        for (int i = 0; i < warmup; i++) r.run();
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < iterations; i++) {
            long t0 = System.nanoTime();
            r.run();
            times.add((System.nanoTime() - t0) / 1e6);
        }
        Collections.sort(times);
        int n = times.size();
        return n % 2 == 1 ? times.get(n / 2) : (times.get(n / 2 - 1) + times.get(n / 2)) / 2;
    }

    /** VmHWM from /proc/self/status: the process's peak resident set (heap, native, code). NaN elsewhere. */
    public static double peakRssMb() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return Double.NaN;
    }
}
