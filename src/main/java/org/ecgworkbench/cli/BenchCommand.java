package org.ecgworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.deeplearning4j.nn.conf.CacheMode;
import org.deeplearning4j.nn.conf.WorkspaceMode;
import org.ecgworkbench.model.Architecture;
import org.ecgworkbench.model.ComputeDevice;
import org.ecgworkbench.model.NetworkBenchmark;
import org.ecgworkbench.model.NetworkSpec;
import org.ecgworkbench.record.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code bench --arch resnet34 --batch 16}: how fast this machine runs a network. Compare with
 * {@code /usr/bin/python3 src/test/python/bench_resnet_torch.py} (same architecture, same timing).
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Time a ResNet on random input: inference latency at batch 1 (as trained, and with BatchNormalization "
                + "folded into the convolutions, which predict uses), inference throughput and one training step "
                + "(forward, loss, backward, Adam) at --batch; medians after warm-up; then peak memory (resident set, "
                + "and JavaCPP's native accounting). Compare with src/test/python/bench_resnet_torch.py.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:measured", "2:bad option, or the device is not available"})
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--arch", defaultValue = "resnet34", paramLabel = "ARCH", description = "resnet18 or resnet34 (default ${DEFAULT-VALUE})")
    String arch;

    @Option(names = "--batch", defaultValue = "16", paramLabel = "B", description = "batch for throughput and training, 1..1024 (default ${DEFAULT-VALUE})")
    @Range(min = "1", max = "1024")
    int batch;

    @Option(names = "--width", defaultValue = "1", paramLabel = "W", description = "channel multiplier, (0, 4] (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "4", minExclusive = true)
    double width;

    @Option(names = "--length", defaultValue = "5000", paramLabel = "N", description = "samples per lead, 32..60000 (default ${DEFAULT-VALUE}: 10 s at 500 Hz)")
    @Range(min = "32", max = "60000")
    int length;

    @Option(names = "--iterations", defaultValue = "10", paramLabel = "N",
            description = "timed runs per measurement (batch-1 latency: 3×N), 1..10000 (default ${DEFAULT-VALUE})")
    @Range(min = "1", max = "10000")
    int iterations;

    @Option(names = "--warmup", defaultValue = "3", paramLabel = "N", description = "untimed runs first, 0..1000 (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "1000")
    int warmup;

    @Option(names = "--workspace", defaultValue = "enabled", paramLabel = "MODE", description = "DL4J workspaces: enabled or none (default ${DEFAULT-VALUE})")
    String workspace;

    @Option(names = "--cache-mode", defaultValue = "none", paramLabel = "MODE", description = "DL4J cache mode: none, host or device (default ${DEFAULT-VALUE})")
    String cacheMode;

    @Option(names = "--no-training", description = "skip the training step")
    boolean noTraining;

    @Option(names = "--device", defaultValue = "cpu", paramLabel = "DEVICE", description = "cpu or gpu (default ${DEFAULT-VALUE})")
    String device;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        ComputeDevice dev;
        try {
            dev = ComputeDevice.select(device); // before anything loads ND4J
        } catch (IllegalStateException e) {
            spec.commandLine().getErr().println("error: " + TerminalText.inert(e.getMessage()));
            return ExitCodes.BAD_INPUT;
        }
        NetworkSpec net = NetworkSpec.of(Architecture.parse(arch), width, length, false);
        WorkspaceMode ws = switch (workspace.toLowerCase(Locale.ROOT)) {
            case "enabled" -> WorkspaceMode.ENABLED;
            case "none" -> WorkspaceMode.NONE;
            default -> throw new IllegalArgumentException("--workspace: '" + workspace + "' is not enabled or none");
        };
        CacheMode cm = switch (cacheMode.toLowerCase(Locale.ROOT)) {
            case "none" -> CacheMode.NONE;
            case "host" -> CacheMode.HOST;
            case "device" -> CacheMode.DEVICE;
            default -> throw new IllegalArgumentException("--cache-mode: '" + cacheMode + "' is not none, host or device");
        };
        NetworkBenchmark.Result r = NetworkBenchmark.run(new NetworkBenchmark.Options(net, batch, iterations, warmup, ws, cm, !noTraining));
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.requested() ? Json.write(toJson(r, dev)) : toText(r, dev));
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode toJson(NetworkBenchmark.Result r, ComputeDevice dev) {
        NetworkBenchmark.Options o = r.options();
        ObjectNode n = Json.object();
        n.put("framework", "deeplearning4j 1.0.0-M2.1");
        n.put("backend", dev.backend());
        n.put("device", dev.device());
        n.put("arch", o.spec().architecture().id());
        Json.putNumber(n, "width", o.spec().width());
        n.put("batch", o.batch());
        n.put("length", o.spec().length());
        n.put("workspace", o.workspaceMode().name().toLowerCase(Locale.ROOT));
        n.put("cache_mode", o.cacheMode().name().toLowerCase(Locale.ROOT));
        n.put("omp_wait_policy", String.valueOf(System.getenv("OMP_WAIT_POLICY")));
        n.put("parameters", r.parameters());
        n.put("dl4j_parameters", r.dl4jParameters());
        Json.putNumber(n, "inference_batch1_ms", round(r.inferenceBatch1FoldedMs(), 2));
        Json.putNumber(n, "inference_batch1_unfolded_ms", round(r.inferenceBatch1Ms(), 2));
        Json.putNumber(n, "folded_max_difference", r.foldedMaxDifference());
        Json.putNumber(n, "inference_batch_ms", round(r.inferenceBatchMs(), 2));
        n.put("throughput_folded", r.throughputFolded());
        Json.putNumber(n, "throughput_samples_per_s", round(r.throughputPerSecond(), 1));
        Json.putNumber(n, "train_step_ms", round(r.trainStepMs(), 1));
        Json.putNumber(n, "train_peak_rss_mb", round(r.trainPeakRssMb(), 1));
        Json.putNumber(n, "peak_rss_mb", round(r.peakRssMb(), 1));
        Json.putNumber(n, "javacpp_physical_mb", round(r.javacppPhysicalMb(), 1));
        Json.putNumber(n, "javacpp_max_physical_mb", round(r.javacppMaxPhysicalMb(), 1));
        return n;
    }

    static String toText(NetworkBenchmark.Result r, ComputeDevice dev) {
        NetworkBenchmark.Options o = r.options();
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%s width %s, input 12 x %d, batch %d: %,d parameters (%,d in DL4J, with BN running statistics)%n",
                o.spec().architecture().id(), Json.write(Json.MAPPER.getNodeFactory().numberNode(o.spec().width())), o.spec().length(),
                o.batch(), r.parameters(), r.dl4jParameters()));
        b.append(String.format(Locale.ROOT, "backend: %s on %s; workspaces %s, cache mode %s%n", dev.backend(), dev.device(),
                o.workspaceMode(), o.cacheMode()));
        b.append(String.format(Locale.ROOT, "inference, batch 1:      %8.2f ms (BN folded; %.2f ms as trained; outputs differ by %.1e)%n",
                r.inferenceBatch1FoldedMs(), r.inferenceBatch1Ms(), r.foldedMaxDifference()));
        b.append(String.format(Locale.ROOT, "inference, batch %-3d     %8.2f ms = %.1f samples/s%n", o.batch(), r.inferenceBatchMs(), r.throughputPerSecond()));
        if (o.training()) b.append(String.format(Locale.ROOT, "training step, batch %-3d %8.1f ms%n", o.batch(), r.trainStepMs()));
        if (o.training()) b.append(String.format(Locale.ROOT, "peak memory after training: %.0f MB resident%n", r.trainPeakRssMb()));
        b.append(String.format(Locale.ROOT, "peak memory: %.0f MB resident (JavaCPP physical bytes now %.0f MB, limit %.0f MB)",
                r.peakRssMb(), r.javacppPhysicalMb(), r.javacppMaxPhysicalMb()));
        return b.toString();
    }

    private static double round(double v, int digits) {
        if (!Double.isFinite(v)) return v;
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
