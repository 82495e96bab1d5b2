package org.ecgworkbench.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.ecgworkbench.record.TerminalText;
import org.ecgworkbench.runs.ComparisonRow;
import org.ecgworkbench.runs.PastRun;
import org.ecgworkbench.runs.RunFormats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code runs compare RUN...}: the runs room's comparison table (the dissertation's Table 4) from the command line. */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = "Compare runs as the Runs room does (Table 4 of the dissertation, plus the challenge score and "
                + "AUROC): architecture, learning rate, optimiser, training F1 and loss, validation loss, test F1 "
                + "(macro and per record), challenge score and AUROC. Without RUN, every run of the workspace.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:compared (a file that could not be read is a note in its row)", "2:no such run"})
public final class RunsCompareCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", arity = "0..*", description = "runs by folder name in the workspace, or run folders")
    List<String> runs = new ArrayList<>();

    @Mixin
    WorkspaceOption where;

    @Mixin
    JsonOption json;

    @Spec
    CommandSpec spec;

    /** A column of the table: its heading and how a row fills it. */
    private record Column(String heading, Function<ComparisonRow, String> cell) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("Run", r -> TerminalText.inert(r.label())),
            new Column("Architecture", ComparisonRow::architecture),
            new Column("LR", r -> RunFormats.rate(r.learningRate())),
            new Column("Optimiser", ComparisonRow::optimiser),
            new Column("Train F1 macro", r -> RunFormats.number(r.trainF1(), 3)),
            new Column("Train loss", r -> RunFormats.number(r.trainLoss(), 4)),
            new Column("Val loss", r -> RunFormats.number(r.validationLoss(), 4)),
            new Column("Test F1 macro", r -> RunFormats.number(r.testF1Macro(), 3)),
            new Column("Test F1 samples", r -> RunFormats.number(r.testF1Samples(), 3)),
            new Column("Challenge", r -> RunFormats.number(r.challengeScore(), 3)),
            new Column("Test AUROC", r -> RunFormats.number(r.aurocMacro(), 3)));

    @Override
    public Integer call() throws IOException {
        List<Path> folders = new ArrayList<>();
        if (runs.isEmpty()) {
            for (Path folder : where.workspace().runFolders()) {
                if (!PastRun.read(folder).neverStarted()) folders.add(folder);
            }
        } else {
            for (String run : runs) folders.add(where.run(run));
        }
        List<ComparisonRow> rows = new ArrayList<>();
        for (Path folder : folders) {
            PastRun past = PastRun.read(folder);
            rows.add(ComparisonRow.read(ComparisonRow.labelFor(past.metadata().label(), past.status()), folder));
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println(json.requested() ? Json.write(toJson(rows)) : toText(rows));
        out.flush();
        return ExitCodes.OK;
    }

    private static ObjectNode toJson(List<ComparisonRow> rows) {
        ObjectNode o = Json.object();
        ArrayNode array = o.putArray("runs");
        for (ComparisonRow r : rows) {
            ObjectNode n = array.addObject();
            n.put("label", r.label());
            n.put("folder", r.folder().toString());
            n.put("architecture", r.architecture());
            Json.putNumber(n, "learning_rate", r.learningRate());
            n.put("optimiser", r.optimiser());
            Json.putNumber(n, "train_f1_macro", r.trainF1());
            Json.putNumber(n, "train_loss", r.trainLoss());
            Json.putNumber(n, "val_loss", r.validationLoss());
            Json.putNumber(n, "test_f1_macro", r.testF1Macro());
            Json.putNumber(n, "test_f1_samples", r.testF1Samples());
            Json.putNumber(n, "test_challenge_score", r.challengeScore());
            Json.putNumber(n, "test_auroc_macro", r.aurocMacro());
            ArrayNode notes = n.putArray("notes");
            r.notes().forEach(notes::add);
        }
        return o;
    }

    /** Columns as wide as their widest cell, two spaces apart; the notes of a row under it. */
    private static String toText(List<ComparisonRow> rows) {
        int[] widths = new int[COLUMNS.size()];
        for (int c = 0; c < widths.length; c++) {
            widths[c] = COLUMNS.get(c).heading().length();
            for (ComparisonRow r : rows) widths[c] = Math.max(widths[c], COLUMNS.get(c).cell().apply(r).length());
        }
        StringBuilder sb = new StringBuilder();
        line(sb, widths, COLUMNS.stream().map(Column::heading).toList());
        for (ComparisonRow r : rows) {
            line(sb, widths, COLUMNS.stream().map(c -> c.cell().apply(r)).toList());
            for (String note : r.notes()) sb.append("  note: ").append(TerminalText.inert(note)).append('\n');
        }
        return sb.toString().stripTrailing();
    }

    private static void line(StringBuilder sb, int[] widths, List<String> cells) {
        StringBuilder line = new StringBuilder();
        for (int c = 0; c < cells.size(); c++) {
            if (c > 0) line.append("  ");
            line.append(cells.get(c)).append(" ".repeat(widths[c] - cells.get(c).length()));
        }
        sb.append(line.toString().stripTrailing()).append('\n');
    }
}
