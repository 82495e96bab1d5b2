package org.ecgworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.ecgworkbench.dataset.DatasetScanner;
import org.ecgworkbench.dataset.ScanResult;
import org.ecgworkbench.dataset.ScanSummary;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.record.TerminalText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code scan DIR…}: indexes folders of records and summarises them; never stops on a bad record. */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "Walk folders recursively and summarise the ECG records in them: sources, sampling rates, "
                + "scored classes (equivalent pairs merged), unscored diagnoses and durations. Reads the headers and "
                + "checks that the signal files they name exist and are as large as the headers say, without reading "
                + "them; --verify reads every signal too. A bad record is reported and skipped.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:no record failed the checks", "1:some records failed (listed)", "2:no usable input (no record found, or none passed)"})
public final class ScanCommand implements Callable<Integer> {

    @Parameters(paramLabel = "DIR", arity = "1..*", description = "folders (or record files) to scan")
    List<Path> roots;

    @Mixin
    JsonOption json;

    @Option(names = "--verify", description = "read every record's signals too (slower), not only the headers")
    boolean verify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        TerminalProgress progress = TerminalProgress.forStderr(spec.commandLine().getErr(), verify ? "verifying" : "scanning");
        ScanResult result = new DatasetScanner(verify, p -> progress.update(p.done(), p.total()),
                new AtomicBoolean()).scan(roots);
        progress.finish();
        ScanSummary summary = ScanSummary.of(result, DiagnosisCatalogue.standard());
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.requested() ? Json.write(toJson(summary, result, verify)) : toText(summary, result, verify));
        out.flush();
        PrintWriter err = spec.commandLine().getErr();
        if (result.records().isEmpty()) {
            err.println("error: " + (result.failed().isEmpty() ? "no records found in " + roots.stream().map(Path::toString).collect(Collectors.joining(", "))
                    : "no record passed the checks (" + result.failed().size() + " failed, listed above)"));
            return ExitCodes.BAD_INPUT;
        }
        if (result.failed().isEmpty()) return ExitCodes.OK;
        err.println("error: " + result.failed().size() + " of " + (result.records().size() + result.failed().size())
                + " records failed the checks (listed above)");
        return ExitCodes.PARTIAL;
    }

    static ObjectNode toJson(ScanSummary s, ScanResult result, boolean verify) {
        ObjectNode o = Json.object();
        o.put("records", s.records());
        o.put("checked", checked(verify));
        ArrayNode failed = o.putArray("failed");
        for (ScanResult.Failure f : result.failed()) {
            failed.addObject().put("path", f.path().toString()).put("error", f.reason());
        }
        putCounts(o.putObject("by_source"), s.bySource());
        putCounts(o.putObject("by_fs"), s.byFs());
        putCounts(o.putObject("classes"), s.classes());
        putCounts(o.putObject("unscored"), s.unscored());
        ObjectNode d = o.putObject("duration_s");
        Json.putNumber(d, "min", s.durations().min());
        Json.putNumber(d, "median", s.durations().median());
        Json.putNumber(d, "max", s.durations().max());
        return o;
    }

    /** What the scan looked at, so that "0 failed" is not read as "every signal read". */
    static String checked(boolean verify) {
        return verify ? "headers and signals"
                : "headers and signal file sizes; signals not read (--verify reads them)";
    }

    private static void putCounts(ObjectNode node, Map<String, Integer> counts) {
        counts.forEach(node::put);
    }

    static String toText(ScanSummary s, ScanResult result, boolean verify) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "%s read, %d failed, %d without a scored class%n",
                Plural.of(s.records(), "record"), s.failed(), s.withoutScored()));
        sb.append("checked: ").append(checked(verify)).append('\n');
        sb.append("by source:");
        s.bySource().forEach((k, v) -> { if (v > 0) sb.append(' ').append(k).append('=').append(v); });
        sb.append("\nby rate (Hz):");
        s.byFs().forEach((k, v) -> sb.append(' ').append(k).append('=').append(v));
        sb.append(String.format(Locale.ROOT, "%nduration (s): min %.1f, median %.1f, max %.1f%n",
                s.durations().min(), s.durations().median(), s.durations().max()));
        sb.append("scored classes (records):\n");
        s.classes().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-12s %7d%n", TerminalText.inert(k), v)));
        if (!s.unscored().isEmpty()) {
            sb.append("unscored or unknown diagnoses (records):\n");
            s.unscored().forEach((k, v) -> sb.append(String.format(Locale.ROOT, "  %-12s %7d%n", TerminalText.inert(k), v)));
        }
        for (ScanResult.Failure f : result.failed()) sb.append("failed: ").append(TerminalText.inert(f.line())).append('\n');
        return sb.toString().stripTrailing();
    }
}
