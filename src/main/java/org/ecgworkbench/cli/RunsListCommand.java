package org.ecgworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
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
import org.ecgworkbench.runs.EpochRow;
import org.ecgworkbench.runs.PastRun;
import org.ecgworkbench.runs.QueueFile;
import org.ecgworkbench.runs.RunFormats;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.runs.RunSummary;
import org.ecgworkbench.runs.RunWorkspace;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code runs list}: every run of the workspace, oldest first, as the runs room lists them. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "List the runs of the workspace, oldest first: status, epochs, the best epoch's validation "
                + "challenge score and the test challenge score.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:listed (an empty workspace lists nothing)", "2:the workspace cannot be read"})
public final class RunsListCommand implements Callable<Integer> {

    @Mixin
    WorkspaceOption where;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        RunWorkspace ws = where.workspace();
        List<RunSummary> runs = new ArrayList<>();
        List<Path> waiting = new ArrayList<>();
        try {
            QueueFile.read(ws.runs()).forEach(e -> waiting.add(e.folder().toAbsolutePath().normalize()));
        } catch (IOException e) {
            spec.commandLine().getErr().println("warning: " + TerminalText.inert(e.getMessage()));
        }
        for (Path folder : ws.runFolders()) {
            PastRun run = PastRun.read(folder);
            // An empty folder is reserved for a run waiting in the workbench's queue; any other is no run.
            if (run.neverStarted() && !waiting.contains(folder)) continue;
            runs.add(RunSummary.of(run));
        }
        PrintWriter out = spec.commandLine().getOut();
        if (json.requested()) {
            ObjectNode o = Json.object();
            o.put("workspace", ws.root().toString());
            ArrayNode array = o.putArray("runs");
            runs.forEach(r -> array.add(toJson(r)));
            out.println(Json.write(o));
        } else {
            out.println(toText(runs, ws));
        }
        out.flush();
        return ExitCodes.OK;
    }

    static ObjectNode toJson(RunSummary r) {
        ObjectNode o = Json.object();
        o.put("name", r.name());
        o.put("folder", r.folder().toString());
        o.put("label", r.label());
        o.put("status", r.status().toString());
        o.put("epochs", r.epochs());
        o.put("planned_epochs", r.plannedEpochs());
        if (r.best() == null) {
            o.putNull("best_epoch");
            o.putNull("best_validation");
        } else {
            o.put("best_epoch", r.best().epoch());
            o.set("best_validation", validation(r.best()));
        }
        if (r.status() == RunStatus.FINISHED) o.set("test", metrics(r.test()));
        else o.putNull("test");
        if (r.problem() == null) o.putNull("problem");
        else o.put("problem", r.problem());
        return o;
    }

    /** An epoch's losses and validation metrics, with the keys of {@code events.jsonl}. */
    static ObjectNode validation(EpochRow row) {
        ObjectNode v = Json.object();
        Json.putNumber(v, "train_loss", row.trainLoss());
        Json.putNumber(v, "val_loss", row.validationLoss());
        Json.putNumber(v, "challenge_score", row.challengeScore());
        Json.putNumber(v, "f1_macro", row.f1Macro());
        Json.putNumber(v, "auroc_macro", row.aurocMacro());
        return v;
    }

    static ObjectNode metrics(Map<String, Double> metrics) {
        ObjectNode m = Json.object();
        metrics.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> Json.putNumber(m, e.getKey(), e.getValue()));
        return m;
    }

    private static String toText(List<RunSummary> runs, RunWorkspace ws) {
        StringBuilder sb = new StringBuilder();
        if (!runs.isEmpty()) {
            int width = Math.max(3, runs.stream().mapToInt(r -> TerminalText.inert(r.name()).length()).max().orElse(3));
            String format = "%-" + width + "s  %-11s  %-6s  %-4s  %-14s  %-14s  %s%n";
            sb.append(String.format(Locale.ROOT, format, "RUN", "STATUS", "EPOCHS", "BEST", "VAL CHALLENGE", "TEST CHALLENGE", "LABEL"));
            for (RunSummary r : runs) {
                sb.append(String.format(Locale.ROOT, format, TerminalText.inert(r.name()), r.status(),
                        r.plannedEpochs() > 0 ? r.epochs() + "/" + r.plannedEpochs() : String.valueOf(r.epochs()),
                        r.best() == null ? "" : String.valueOf(r.best().epoch()),
                        r.best() == null ? "" : RunFormats.number(r.best().challengeScore(), 3),
                        RunFormats.number(r.test().getOrDefault("challenge_score", Double.NaN), 3),
                        TerminalText.inert(r.label())));
            }
        }
        sb.append(Plural.of(runs.size(), "run")).append(" in ").append(TerminalText.inert(ws.runs().toString()));
        return sb.toString();
    }
}
