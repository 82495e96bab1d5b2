package org.ecgworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.ecgworkbench.record.TerminalText;
import org.ecgworkbench.runs.EpochRow;
import org.ecgworkbench.runs.PastRun;
import org.ecgworkbench.runs.RunFormats;
import org.ecgworkbench.runs.RunSummary;
import org.ecgworkbench.train.TrainingEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runs show RUN}: one run's details and its epochs, as the runs room's dashboard shows them. */
@Command(name = "show", mixinStandardHelpOptions = true,
        description = "Show one run: status, backend, records, the arguments it was asked with, its files, "
                + "its test metrics, and one line per epoch.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:shown", "2:no such run, or its folder cannot be read"})
public final class RunsShowCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "the run's folder name in the workspace, or a run folder")
    String run;

    @Mixin
    WorkspaceOption where;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        PastRun past = PastRun.read(where.run(run));
        RunSummary summary = RunSummary.of(past);
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.requested() ? Json.write(toJson(past, summary)) : toText(past, summary));
        out.flush();
        return ExitCodes.OK;
    }

    private static ObjectNode toJson(PastRun past, RunSummary summary) {
        ObjectNode o = RunsListCommand.toJson(summary);
        TrainingEvent.Started started = last(past, TrainingEvent.Started.class);
        TrainingEvent.Prepared prepared = last(past, TrainingEvent.Prepared.class);
        TrainingEvent.Checkpoint checkpoint = last(past, TrainingEvent.Checkpoint.class);
        if (started == null) o.putNull("backend");
        else o.put("backend", started.backend() + " · " + started.device());
        if (prepared == null) {
            o.putNull("records");
        } else {
            ObjectNode records = o.putObject("records");
            records.put("train", prepared.trainRecords());
            records.put("validation", prepared.validationRecords());
            records.put("test", prepared.testRecords());
        }
        ArrayNode arguments = o.putArray("arguments");
        past.metadata().arguments().forEach(arguments::add);
        if (checkpoint == null) o.putNull("last_checkpoint");
        else o.put("last_checkpoint", checkpoint.path());
        if (past.events().terminal() instanceof TrainingEvent.Done d) {
            o.put("model", d.model());
            o.put("report", d.report());
        } else {
            o.putNull("model");
            o.putNull("report");
        }
        ArrayNode epochs = o.putArray("epoch_rows");
        for (EpochRow row : past.epochRows()) {
            ObjectNode e = RunsListCommand.validation(row);
            e.put("epoch", row.epoch());
            Json.putNumber(e, "seconds", row.seconds());
            e.put("best", row.best());
            epochs.add(e);
        }
        ArrayNode notes = o.putArray("notes");
        past.notes().forEach(notes::add);
        return o;
    }

    private static String toText(PastRun past, RunSummary s) {
        StringBuilder sb = new StringBuilder();
        sb.append(TerminalText.inert(s.label())).append("  (").append(TerminalText.inert(s.folder().toString())).append(")\n");
        sb.append("  status: ").append(s.status());
        if (s.plannedEpochs() > 0) sb.append(", epoch ").append(s.epochs()).append(" of ").append(s.plannedEpochs());
        sb.append('\n');
        if (s.problem() != null) sb.append("  problem: ").append(TerminalText.inert(s.problem())).append('\n');
        TrainingEvent.Started started = last(past, TrainingEvent.Started.class);
        if (started != null) sb.append("  backend: ").append(TerminalText.inert(started.backend() + " · " + started.device())).append('\n');
        TrainingEvent.Prepared p = last(past, TrainingEvent.Prepared.class);
        if (p != null) {
            sb.append(String.format(Locale.ROOT, "  records: %d train, %d validation, %d test; %,d parameters%n",
                    p.trainRecords(), p.validationRecords(), p.testRecords(), p.parameters()));
        }
        if (!past.metadata().arguments().isEmpty()) {
            sb.append("  arguments: ").append(TerminalText.inert(String.join(" ", past.metadata().arguments()))).append('\n');
        }
        TrainingEvent.Checkpoint c = last(past, TrainingEvent.Checkpoint.class);
        if (c != null) sb.append("  last checkpoint: ").append(TerminalText.inert(c.path())).append('\n');
        if (past.events().terminal() instanceof TrainingEvent.Done d) {
            sb.append("  model: ").append(TerminalText.inert(d.model())).append('\n');
            sb.append("  report: ").append(TerminalText.inert(d.report())).append('\n');
            sb.append(String.format(Locale.ROOT, "  test: challenge %s, F1 macro %s, AUROC macro %s%n",
                    RunFormats.number(d.test().getOrDefault("challenge_score", Double.NaN), 3),
                    RunFormats.number(d.test().getOrDefault("f1_macro", Double.NaN), 3),
                    RunFormats.number(d.test().getOrDefault("auroc_macro", Double.NaN), 3)));
        }
        for (String note : past.notes()) sb.append("  note: ").append(TerminalText.inert(note)).append('\n');
        if (!past.epochRows().isEmpty()) {
            String format = "  %5s  %10s  %10s  %9s  %8s  %6s  %7s  %s%n";
            sb.append(String.format(Locale.ROOT, format, "epoch", "train loss", "val loss", "challenge", "macro F1", "AUROC", "seconds", "best"));
            for (EpochRow r : past.epochRows()) {
                sb.append(String.format(Locale.ROOT, format, r.epoch(), RunFormats.number(r.trainLoss(), 4),
                        RunFormats.number(r.validationLoss(), 4), RunFormats.number(r.challengeScore(), 3),
                        RunFormats.number(r.f1Macro(), 3), RunFormats.number(r.aurocMacro(), 3),
                        RunFormats.number(r.seconds(), 1), r.best() ? "*" : ""));
            }
        }
        return sb.toString().stripTrailing();
    }

    /** The run's last event of a type (a resumed run has several), or null. */
    private static <T extends TrainingEvent> T last(PastRun past, Class<T> type) {
        T found = null;
        for (TrainingEvent e : past.events().events()) {
            if (type.isInstance(e)) found = type.cast(e);
        }
        return found;
    }
}
