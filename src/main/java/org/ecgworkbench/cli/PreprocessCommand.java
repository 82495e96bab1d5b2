package org.ecgworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecgworkbench.record.AtomicFiles;
import org.ecgworkbench.record.DiskSpace;
import org.ecgworkbench.record.EcgRecord;
import org.ecgworkbench.record.EcgRecordReader;
import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.record.PlainNumber;
import org.ecgworkbench.record.TerminalText;
import org.ecgworkbench.signal.FilterStep;
import org.ecgworkbench.signal.LengthStep;
import org.ecgworkbench.signal.NormalizeStep;
import org.ecgworkbench.signal.Pipeline;
import org.ecgworkbench.signal.PipelineJson;
import org.ecgworkbench.signal.PipelineStep;
import org.ecgworkbench.signal.ResampleStep;
import org.ecgworkbench.signal.SignalBlock;
import org.ecgworkbench.signal.SignalBlockCsvWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code preprocess FILE}: runs a preprocessing pipeline on one record and writes the result as CSV. */
@Command(name = "preprocess", mixinStandardHelpOptions = true,
        description = "Run the preprocessing pipeline on one record and write CSV: t,I,II,III,aVR,aVL,aVF,V1..V6,mask "
                + "(mask 1 = real sample, 0 = padding). Without options: the default recipe (FFT resample to 500 Hz, "
                + "truncate/zero-pad at the end to 5000 samples). Steps run in this order: resample, high/low-pass "
                + "(both = band-pass), notch, normalise, length.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:unreadable record, bad parameter, or the output exists"})
public final class PreprocessCommand implements Callable<Integer> {

    /** Resampling choices on the command line. */
    enum Resample { fft, poly, none }

    /** Padding choices on the command line. */
    enum Pad { end, center, windows }

    /** Normalisation choices on the command line. */
    enum Normalize { none, zscore, minmax }

    private static final List<String> STEP_OPTIONS = List.of("--fs", "--resample", "--highpass", "--lowpass", "--order",
            "--notch", "--notch-q", "--normalize", "--length", "--pad", "--hop");

    @Parameters(paramLabel = "FILE", description = "the .hea, the .mat/.dat, or the record path without extension")
    Path file;

    @Option(names = "--pipeline", paramLabel = "JSON", description = "a pipeline JSON file (instead of the step options)")
    Path pipelineFile;

    @Option(names = "--fs", paramLabel = "HZ", defaultValue = "500", description = "target rate, (0, 100000] Hz (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "100000", minExclusive = true)
    double fs;

    @Option(names = "--resample", defaultValue = "fft", description = "fft (scipy.signal.resample), poly (resample_poly) or none (keep the rate); default ${DEFAULT-VALUE}")
    Resample resample;

    @Option(names = "--highpass", paramLabel = "HZ", description = "Butterworth high-pass cutoff, (0, 50000] Hz, e.g. 0.5 for baseline wander")
    @Range(min = "0", max = "50000", minExclusive = true)
    Double highpass;

    @Option(names = "--lowpass", paramLabel = "HZ", description = "Butterworth low-pass cutoff, (0, 50000] Hz, e.g. 40")
    @Range(min = "0", max = "50000", minExclusive = true)
    Double lowpass;

    @Option(names = "--order", defaultValue = "2", description = "Butterworth order, 1..8 (default ${DEFAULT-VALUE})")
    @Range(min = "1", max = "8")
    int order;

    @Option(names = "--notch", paramLabel = "HZ", description = "notch frequency, (0, 50000] Hz: 50 or 60 (mains)")
    @Range(min = "0", max = "50000", minExclusive = true)
    Double notch;

    @Option(names = "--notch-q", defaultValue = "30", description = "notch quality factor, (0, 10000] (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "10000", minExclusive = true)
    double notchQ;

    @Option(names = "--normalize", defaultValue = "none", description = "none, zscore or minmax (default ${DEFAULT-VALUE})")
    Normalize normalize;

    @Option(names = "--length", defaultValue = "5000", description = "target length in samples, 0..600000; 0 keeps the length (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "600000")
    int length;

    @Option(names = "--pad", defaultValue = "end", description = "end (truncate/pad at the end), center, or windows (default ${DEFAULT-VALUE})")
    Pad pad;

    @Option(names = "--hop", paramLabel = "SAMPLES", description = "window hop for --pad windows, 1..600000 (default: the length, no overlap)")
    @Range(min = "1", max = "600000")
    Integer hop;

    @Option(names = "--stages", description = "also write one CSV per stage beside --out (NAME.0-input.csv, NAME.1-resample.csv, …)")
    boolean stages;

    @Option(names = "--out", paramLabel = "CSV", description = "output CSV (windows: NAME.w1.csv, NAME.w2.csv, …)")
    Path out;

    @Mixin
    ForceOption force;

    @Option(names = "--print-pipeline", description = "print the pipeline JSON (and do nothing else unless --out is given)")
    boolean printPipeline;

    @Mixin
    ReadOptionsMixin read;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        Pipeline pipeline = pipeline();
        PrintWriter stdout = spec.commandLine().getOut();
        if (printPipeline) {
            stdout.println(PipelineJson.write(pipeline));
            stdout.flush();
            if (out == null) return ExitCodes.OK;
        }
        if (out == null) throw new IllegalArgumentException("--out is required (the CSV to write)");
        EcgRecord record = EcgRecordReader.read(file, read.readOptions());
        RecordWarnings.print(spec.commandLine().getErr(), record);
        // Only --stages keeps every intermediate stage: on a long record each is a full copy of the signal.
        List<Pipeline.Stage> all = stages ? pipeline.stages(record) : List.of();
        List<SignalBlock> result = stages ? all.get(all.size() - 1).blocks() : pipeline.apply(record);

        // Every file to write, stages first, checked before any is written so a refusal leaves nothing behind.
        Map<Path, SignalBlock> files = new LinkedHashMap<>();
        for (Pipeline.Stage s : all) files.putAll(targets(besides(out, s.index() + "-" + s.type()), s.blocks()));
        files.putAll(targets(out, result));
        AtomicFiles.requireAbsent(force.replace(), files.keySet().toArray(Path[]::new));
        DiskSpace.require(out, files.values().stream().mapToLong(SignalBlockCsvWriter::estimatedBytes).sum(), "preprocess");
        for (Map.Entry<Path, SignalBlock> f : files.entrySet()) SignalBlockCsvWriter.write(f.getValue(), f.getKey(), force.replace());
        SignalBlock first = result.get(0);
        stdout.printf(Locale.ROOT, "%s: %d block(s) of 12 × %d at %s Hz%s%n", TerminalText.inert(record.id()), result.size(), first.length(),
                PlainNumber.format(first.fs()),
                first.missingLeads().isEmpty() ? "" : " (missing leads zero-filled: " + TerminalText.inert(first.missingLeads()) + ")");
        stdout.println(pipeline.describe());
        for (Path p : files.keySet()) stdout.println("wrote " + TerminalText.inert(p));
        stdout.flush();
        return ExitCodes.OK;
    }

    Pipeline pipeline() throws IOException {
        if (pipelineFile != null) {
            for (String option : STEP_OPTIONS) {
                if (spec.commandLine().getParseResult().hasMatchedOption(option)) {
                    throw new IllegalArgumentException("--pipeline cannot be combined with " + option + "; edit the JSON instead");
                }
            }
            try {
                OutputGuard.protect(pipelineFile);
                return PipelineJson.read(Files.readString(pipelineFile));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(pipelineFile + ": " + e.getMessage(), e);
            }
        }
        List<PipelineStep> steps = new ArrayList<>();
        if (resample != Resample.none) {
            steps.add(new ResampleStep(resample == Resample.fft ? ResampleStep.Method.FFT : ResampleStep.Method.POLY, fs));
        } else if (spec.commandLine().getParseResult().hasMatchedOption("--fs")) {
            throw new IllegalArgumentException("--fs has no effect with --resample none");
        }
        if (highpass != null && lowpass != null) steps.add(FilterStep.bandPass(highpass, lowpass, order));
        else if (highpass != null) steps.add(FilterStep.highPass(highpass, order));
        else if (lowpass != null) steps.add(FilterStep.lowPass(lowpass, order));
        if (notch != null) steps.add(FilterStep.notch(notch, notchQ));
        if (normalize != Normalize.none) {
            steps.add(NormalizeStep.of(normalize == Normalize.zscore ? NormalizeStep.Kind.ZSCORE : NormalizeStep.Kind.MINMAX));
        }
        if (length < 0) throw new IllegalArgumentException("--length " + length + " must be 0 (keep) or a positive number of samples");
        if (length > 0) {
            LengthStep.Policy policy = LengthStep.Policy.valueOf(pad.name().toUpperCase(Locale.ROOT));
            steps.add(new LengthStep(length, policy, policy == LengthStep.Policy.WINDOWS ? (hop == null ? length : hop) : 0));
        }
        return new Pipeline(steps);
    }


    /** {@code out.csv} → {@code out.<tag>.csv}. */
    private static Path besides(Path out, String tag) {
        String name = out.getFileName().toString();
        int dot = name.toLowerCase(Locale.ROOT).endsWith(".csv") ? name.length() - 4 : name.length();
        return out.resolveSibling(name.substring(0, dot) + "." + tag + ".csv");
    }

    /** One block: {@code path}; several (windows): {@code NAME.w1.csv}, {@code NAME.w2.csv}, … */
    private static Map<Path, SignalBlock> targets(Path path, List<SignalBlock> blocks) {
        Map<Path, SignalBlock> out = new LinkedHashMap<>();
        if (blocks.size() == 1) out.put(path, blocks.get(0));
        else for (int i = 0; i < blocks.size(); i++) out.put(besides(path, "w" + (i + 1)), blocks.get(i));
        return out;
    }
}
