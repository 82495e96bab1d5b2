package org.ecgworkbench.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.ecgworkbench.record.TerminalText;
import org.ecgworkbench.synth.ClassMix;
import org.ecgworkbench.synth.ClassSet;
import org.ecgworkbench.synth.SynthClass;
import org.ecgworkbench.synth.SynthesisSettings;
import org.ecgworkbench.synth.SyntheticDatasetWriter;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code synth --out DIR --count N}: writes synthetic 12-lead ECGs with known diagnoses as challenge records. */
@Command(name = "synth", mixinStandardHelpOptions = true,
        description = "Generate synthetic 12-lead ECGs with known diagnoses (a McSharry-style dynamical model of the "
                + "cardiac dipole projected by the Dower transform) and write them as PhysioNet/CinC 2020 challenge "
                + "records: SYN00001.hea (#Age, #Sex, #Dx SNOMED codes) + SYN00001.mat (int16, 1000/mV). "
                + "Record i depends only on the seed and i. See docs/synthetic-ecg.md for the class rules.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:written", "2:bad option, or the folder already holds records (use --force)"})
public final class SynthCommand implements Callable<Integer> {

    /** Class mixes by name. */
    enum Mix { realistic, balanced }

    @Option(names = "--out", paramLabel = "DIR", description = "folder to write the records into")
    Path out;

    @Option(names = "--count", paramLabel = "N", description = "number of records, 1..1000000")
    @Range(min = "1", max = "1000000")
    Integer count;

    @Option(names = "--classes", split = ",", paramLabel = "CLASS[+CLASS]",
            description = "class sets to cycle through, e.g. AF,RBBB,AF+LAD (abbreviations as in the challenge; "
                    + "see --list-classes)")
    List<String> classes;

    @Option(names = "--mix", paramLabel = "MIX",
            description = "realistic (the challenge's prevalences, the default) or balanced (every class in turn)")
    Mix mix;

    @Option(names = "--fs", defaultValue = "500", paramLabel = "HZ", description = "sampling frequency, 100..2000 Hz (default ${DEFAULT-VALUE})")
    @Range(min = "100", max = "2000")
    int fs;

    @Option(names = "--duration", defaultValue = "10", paramLabel = "S", description = "record length, [1, 120] s (default ${DEFAULT-VALUE})")
    @Range(min = "1", max = "120")
    double duration;

    @Option(names = "--seed", defaultValue = "1", paramLabel = "S", description = "dataset seed, 0..9007199254740991 (default ${DEFAULT-VALUE})")
    @Range(min = "0", max = "9007199254740991")
    long seed;

    @Option(names = "--noise", defaultValue = "1", paramLabel = "LEVEL",
            description = "noise level, [0, 10]: 0 clean, 1 typical (default), 2 noisy; scales white noise, baseline wander and drift")
    @Range(min = "0", max = "10")
    double noise;

    @Option(names = "--powerline", defaultValue = "0", paramLabel = "HZ", description = "add mains interference at 50 or 60 Hz (default none); range [0, 60], 0 = none")
    @Range(min = "0", max = "60")
    double powerline;

    @Option(names = "--threads", paramLabel = "N", description = "generating threads, 1..256 (default: all cores)")
    @Range(min = "1", max = "256")
    Integer threads;

    @Mixin
    ForceOption force;

    @Mixin
    JsonOption json;

    @Option(names = "--gallery", paramLabel = "DIR",
            description = "instead of records, draw one record per class on ECG paper as PNGs into DIR")
    Path gallery;

    @Option(names = "--list-classes", description = "list the classes with their SNOMED codes and rules, then exit")
    boolean listClasses;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PrintWriter stdout = spec.commandLine().getOut();
        if (listClasses) {
            for (SynthClass c : SynthClass.values()) {
                stdout.printf(Locale.ROOT, "%-6s %-10s %s%n", c.abbreviation(), c.snomedCode(), c.rule());
            }
            stdout.flush();
            return ExitCodes.OK;
        }
        SynthesisSettings settings = settings();
        if (gallery != null) {
            List<Path> written = SynthGallery.write(gallery, settings, force.replace());
            for (Path p : written) stdout.println("wrote " + TerminalText.inert(p));
            stdout.flush();
            return ExitCodes.OK;
        }
        if (out == null) throw usage("--out DIR is required (or --gallery DIR, or --list-classes)");
        if (count == null) throw usage("--count N is required");
        int workers = threads == null ? Runtime.getRuntime().availableProcessors() : threads; // --count, --threads: @Range
        ClassMix classMix = classMix();
        if (!force.replace() && SyntheticDatasetWriter.holdsRecords(out)) {
            spec.commandLine().getErr().println("error: " + TerminalText.inert(out) + " already holds records; use --force to write into it anyway");
            return ExitCodes.BAD_INPUT;
        }
        TerminalProgress progress = TerminalProgress.forStderr(spec.commandLine().getErr(), "synthesising");
        SyntheticDatasetWriter.Summary summary = SyntheticDatasetWriter.write(out, count, settings, classMix, force.replace(),
                workers, done -> progress.update(done, count));
        progress.finish();
        stdout.println(json.requested() ? Json.write(toJson(summary)) : toText(summary, out));
        stdout.flush();
        return ExitCodes.OK;
    }

    private SynthesisSettings settings() {
        // --fs, --duration, --noise and --powerline are within their @Range; mains is one of two frequencies.
        if (powerline != 0 && powerline != 50 && powerline != 60) throw usage("--powerline must be 50 or 60 Hz, got " + powerline);
        return new SynthesisSettings(seed, fs, duration, noise, powerline);
    }

    private ClassMix classMix() {
        if (classes != null && mix != null) throw usage("--classes and --mix exclude each other");
        if (classes != null) {
            List<ClassSet> sets = new ArrayList<>();
            for (String text : classes) {
                try {
                    sets.add(ClassSet.parse(text));
                } catch (IllegalArgumentException e) {
                    throw usage("--classes: " + e.getMessage());
                }
            }
            if (sets.isEmpty()) throw usage("--classes: no class given");
            for (ClassSet set : sets) {
                if (duration < set.minimumDurationSeconds()) {
                    throw usage("--duration " + duration + " s is too short for " + set + ": premature beats of both kinds need "
                            + set.minimumDurationSeconds() + " s");
                }
            }
            return ClassMix.listed(sets);
        }
        return mix == Mix.balanced ? ClassMix.balanced() : ClassMix.realistic();
    }

    private CommandLine.ParameterException usage(String message) {
        return new CommandLine.ParameterException(spec.commandLine(), message);
    }

    static ObjectNode toJson(SyntheticDatasetWriter.Summary summary) {
        ObjectNode o = Json.object();
        o.put("records", summary.records());
        ObjectNode classes = o.putObject("classes");
        for (Map.Entry<SynthClass, Integer> e : summary.classes().entrySet()) classes.put(e.getKey().abbreviation(), e.getValue());
        return o;
    }

    static String toText(SyntheticDatasetWriter.Summary summary, Path dir) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s written to %s%nrecords per class:%n", Plural.of(summary.records(), "record"), dir));
        summary.classes().forEach((c, n) -> sb.append(String.format(Locale.ROOT, "  %-6s %-10s %7d%n",
                c.abbreviation(), c.snomedCode(), n)));
        return sb.toString().stripTrailing();
    }
}
