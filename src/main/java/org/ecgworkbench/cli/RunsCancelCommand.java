package org.ecgworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.ecgworkbench.record.TerminalText;
import org.ecgworkbench.runs.PastRun;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.train.RunFolder;
import org.ecgworkbench.train.TrainingEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runs cancel RUN}: what the runs room's Cancel does to a training run: SIGTERM to the process
 * that holds the run's lock (its id is in the folder's {@code .pid}), on which {@code train} finishes the
 * batch, writes a checkpoint and says cancelled. Waits for that, so the run can be resumed at once.
 */
@Command(name = "cancel", mixinStandardHelpOptions = true,
        description = "Stop a training run as the Runs room's Cancel does: its train process gets SIGTERM, finishes "
                + "the batch, writes a checkpoint and ends cancelled (runs resume continues it). Waits until it has.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:the run stopped", "2:no such run, or it is not training",
                "3:the process did not stop within the wait"})
public final class RunsCancelCommand implements Callable<Integer> {
    /** As long as {@code train} gives itself to finish the batch and checkpoint after SIGTERM. */
    private static final long WAIT_SECONDS = 300;

    @Parameters(paramLabel = "RUN", description = "the run's folder name in the workspace, or a run folder")
    String run;

    @Mixin
    WorkspaceOption where;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path folder = where.run(run);
        PastRun past = PastRun.read(folder);
        RunStatus status = past.status();
        if (status == RunStatus.QUEUED) {
            throw new IllegalArgumentException(folder + ": the run waits in the workbench's queue: cancel it in the Runs room");
        }
        if (status != RunStatus.RUNNING) throw new IllegalArgumentException(folder + ": the run is " + status + ": nothing to cancel");
        ProcessHandle process = trainer(new RunFolder(folder));
        PrintWriter out = spec.commandLine().getOut();
        out.println("cancelling " + TerminalText.inert(past.metadata().label()) + " (process " + process.pid()
                + "): the batch finishes and a checkpoint is written");
        out.flush();
        process.destroy();
        try {
            process.onExit().get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            spec.commandLine().getErr().println("error: process " + process.pid() + " did not stop within " + WAIT_SECONDS + " s");
            return ExitCodes.INTERNAL_ERROR;
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        PastRun after = PastRun.read(folder);
        TrainingEvent last = after.events().terminal();
        String how = last instanceof TrainingEvent.Cancelled c && c.checkpoint() != null
                ? "cancelled in epoch " + c.epoch() + ", checkpoint saved; continue with: ecg-workbench runs resume " + folder.getFileName()
                : String.valueOf(after.status());
        out.println(TerminalText.inert(past.metadata().label()) + ": " + how);
        out.flush();
        return ExitCodes.OK;
    }

    /** The live {@code train} process that holds the run's lock, from {@code .pid}. */
    private static ProcessHandle trainer(RunFolder run) throws IOException {
        long pid;
        try {
            pid = Long.parseLong(Files.readString(run.pid(), StandardCharsets.US_ASCII).strip());
        } catch (IOException | NumberFormatException e) {
            throw new IOException(run.pid() + ": cannot tell which process trains the run: " + e.getMessage(), e);
        }
        ProcessHandle process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IOException(run.pid() + ": process " + pid + " is not running"));
        // Where the system says what the process runs, it must be train: a recycled id is never signalled.
        boolean train = process.info().arguments().map(args -> Arrays.asList(args).contains("train")).orElse(true);
        if (!train) throw new IOException(run.pid() + ": process " + pid + " is not a train process");
        return process;
    }
}
