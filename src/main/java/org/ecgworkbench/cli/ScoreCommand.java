package org.ecgworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecgworkbench.eval.ChallengeFolders;
import org.ecgworkbench.eval.ChallengeMetric;
import org.ecgworkbench.eval.ClassMetrics;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.EvaluationReportJson;
import org.ecgworkbench.eval.Evaluator;
import org.ecgworkbench.eval.Metric;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/**
 * {@code score --labels DIR --outputs DIR}: scores a folder of challenge output files against
 * the labels of a folder of headers, as the official CinC 2020 scorer does, and prints the same
 * report as {@code evaluate}.
 */
@Command(name = "score", mixinStandardHelpOptions = true,
        description = "Score challenge-format outputs (<record>.csv: codes, binary outputs, probabilities) against the "
                + "#Dx labels of the headers (<record>.hea) in a folder: the official PhysioNet/CinC 2020 metrics "
                + "(challenge score, AUROC, AUPRC, F-measure, F-beta, G-beta, accuracy) and scikit-learn's per-class "
                + "metrics and F1 averages. A missing or malformed output file is scored as all-negative and listed.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every record scored from its output file",
                "1:scored, but some output files were missing or malformed, or some headers unreadable (listed on stderr)",
                "2:unusable input (no such folder, no headers, malformed weights)"})
public final class ScoreCommand implements Callable<Integer> {

    @Option(names = "--labels", paramLabel = "DIR", description = "folder of label headers (*.hea; header-only is fine), or give it as the argument")
    Path labelsOption;

    @Parameters(paramLabel = "DIR", arity = "0..1", description = "folder of label headers (the same as --labels)")
    Path labelsArgument;

    private Path labels;

    @Option(names = "--outputs", required = true, paramLabel = "DIR", description = "folder of output files (<record>.csv)")
    Path outputs;

    @Option(names = "--weights", paramLabel = "weights.csv",
            description = "the challenge's reward matrix (default: the one built in, identical to the challenge's)")
    Path weights;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        if (labelsOption != null && labelsArgument != null && !labelsOption.equals(labelsArgument)) {
            throw new CommandLine.ParameterException(spec.commandLine(), "Two label folders given: " + labelsArgument + " and --labels=" + labelsOption);
        }
        labels = labelsOption != null ? labelsOption : labelsArgument;
        if (labels == null) throw new CommandLine.ParameterException(spec.commandLine(), "Missing the label folder: give DIR or --labels=DIR");
        ChallengeMetric metric = weights == null ? ChallengeMetric.standard() : ChallengeMetric.fromCsv(weights);
        ChallengeFolders.Loaded loaded = ChallengeFolders.load(labels, outputs, DiagnosisCatalogue.standard());
        if (loaded.recordIds().isEmpty()) {
            loaded.problems().forEach(p -> spec.commandLine().getErr().println("error: " + TerminalText.inert(p)));
            throw new IOException(labels + ": no readable label header");
        }
        if (Arrays.stream(loaded.labels()).noneMatch(ScoreCommand::any)) {
            for (String p : loaded.problems()) spec.commandLine().getErr().println("warning: " + TerminalText.inert(p));
            spec.commandLine().getErr().println("error: " + EvaluateCommand.NOTHING_TO_SCORE + " ("
                    + Plural.of(loaded.recordIds().size(), "record") + " in " + labels + ")");
            return ExitCodes.PARTIAL;
        }
        double[] thresholds = new double[metric.classes().size()];
        Arrays.fill(thresholds, Double.NaN); // binary outputs come from the files, not from thresholds
        EvaluationReport report = Evaluator.evaluate(loaded.labels(), loaded.outputs(), loaded.probabilities(), thresholds, metric);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.requested() ? EvaluationReportJson.write(report) : toText(report));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        for (String p : loaded.problems()) err.println("warning: " + TerminalText.inert(p));
        err.flush();
        return loaded.problems().isEmpty() ? ExitCodes.OK : ExitCodes.PARTIAL;
    }

    private static boolean any(boolean[] row) {
        for (boolean b : row) if (b) return true;
        return false;
    }

    static String toText(EvaluationReport r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Plural.of(r.records(), "record")).append(" scored\n\n");
        for (Metric.Group group : Metric.Group.values()) {
            if (group != Metric.Group.CHALLENGE) sb.append('\n');
            sb.append(group.heading()).append('\n');
            for (Metric m : group.metrics()) line(sb, name(m), m.of(r));
        }
        sb.append(String.format(Locale.ROOT, "%nper class%n  %-14s %-15s %9s %7s %7s %8s %7s %7s%n",
                "class", "code", "precision", "recall", "F1", "support", "AUROC", "AUPRC"));
        for (ClassMetrics c : r.perClass()) {
            sb.append(String.format(Locale.ROOT, "  %-14s %-15s %9s %7s %7s %8d %7s %7s%n", TerminalText.inert(c.abbrev()), TerminalText.inert(c.code()),
                    number(c.precision()), number(c.recall()), number(c.f1()), c.support(), number(c.auroc()), number(c.auprc())));
        }
        return sb.toString().stripTrailing();
    }

    /**
     * The metric's name in this table: the F1 averages stand under their heading without "F1", and
     * the terminal spells beta out.
     */
    private static String name(Metric m) {
        return switch (m) {
            case CHALLENGE_SCORE -> m.label();
            case AUROC_MACRO, AUPRC_MACRO, F_MEASURE_MACRO -> m.title();
            case F_BETA -> "F-beta (beta=2)";
            case G_BETA -> "G-beta (beta=2)";
            case ACCURACY -> "accuracy (exact match)";
            case F1_MICRO -> "micro";
            case F1_MACRO -> "macro";
            case F1_WEIGHTED -> "weighted (by support)";
            case F1_SAMPLES -> "samples (per record)";
        };
    }

    private static void line(StringBuilder sb, String name, double value) {
        sb.append(String.format(Locale.ROOT, "  %-24s %s%n", name, number(value)));
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v + 0.0) : "—";
    }
}
