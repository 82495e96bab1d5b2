package org.ecgworkbench.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.ecgworkbench.record.TerminalText;
import org.ecgworkbench.runs.ChildListener;
import org.ecgworkbench.runs.JvmTrainLauncher;
import org.ecgworkbench.runs.PastRun;
import org.ecgworkbench.runs.RunMetadata;
import org.ecgworkbench.runs.RunStatus;
import org.ecgworkbench.runs.TrainChild;
import org.ecgworkbench.train.RunFolder;
import org.ecgworkbench.train.TrainingEvent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code runs resume RUN}: what the runs room's Resume does, in the foreground: {@code train --resume RUN}
 * in a JVM of its own, its progress printed here, and a process that dies without a last event
 * recorded in the run's {@code workbench-run.json} so the workbench says so too.
 */
@Command(name = "resume", mixinStandardHelpOptions = true,
        description = "Continue a cancelled, interrupted or failed run from its last checkpoint, as the Runs room's "
                + "Resume does: train --resume RUN in a process of its own, its progress shown here. Ctrl-C stops it "
                + "with a checkpoint.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:trained to the end", "2:no such run, nothing to resume, or training failed",
                "3:internal error, or the training process died", "4:cancelled (resume again later)"})
public final class RunsResumeCommand implements Callable<Integer> {

    @Parameters(paramLabel = "RUN", description = "the run's folder name in the workspace, or a run folder")
    String run;

    @Mixin
    WorkspaceOption where;

    @Option(names = "--progress", paramLabel = "MODE", description = "as for train: jsonl, bar (default on a terminal) or none")
    String progress;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException, InterruptedException {
        Path folder = where.run(run);
        PastRun past = PastRun.read(folder);
        RunStatus status = past.status();
        if (!status.resumable()) throw new IllegalArgumentException(folder + ": the run is " + status + ": nothing to resume");
        if (!Files.isRegularFile(new RunFolder(folder).config())) {
            throw new IOException(new RunFolder(folder).config() + ": missing: the run never started training");
        }
        TrainProgressPrinter printer = TrainProgressPrinter.forMode(progress, spec.commandLine());
        // As the runs room: the death of an earlier process no longer stands once this one runs.
        RunMetadata metadata = past.metadata().died(null);
        if (Files.isRegularFile(folder.resolve(RunMetadata.FILE))) metadata.write(folder);

        AtomicReference<TrainingEvent> terminal = new AtomicReference<>();
        CompletableFuture<Integer> exit = new CompletableFuture<>();
        StringBuilder errorTail = new StringBuilder();
        PrintWriter err = spec.commandLine().getErr();
        ProcessBuilder command = new JvmTrainLauncher().command(List.of("--resume", folder.toString(), "--progress", "jsonl"))
                .directory(folder.toFile());
        TrainChild child = TrainChild.start(command, Runnable::run, new ChildListener() {
            @Override
            public void event(TrainingEvent event) {
                if (event.terminal()) terminal.set(event);
                printer.on(event);
            }

            @Override
            public void log(String line) {
                synchronized (errorTail) {
                    errorTail.append(line).append('\n');
                    if (errorTail.length() > 4000) errorTail.delete(0, errorTail.length() - 4000);
                }
                err.println(TerminalText.inert(line));
                err.flush();
            }

            @Override
            public void exited(int exitCode) {
                exit.complete(exitCode);
            }
        });
        // Stopped itself (SIGTERM, Ctrl-C): the child is asked to checkpoint and stop too, and waited for.
        Thread onSignal = new Thread(() -> {
            child.cancel();
            try {
                exit.get(5, TimeUnit.MINUTES);
            } catch (InterruptedException | ExecutionException | TimeoutException e) {
                // the JVM ends anyway
            }
        }, "runs-resume-shutdown");
        Runtime.getRuntime().addShutdownHook(onSignal);
        int code;
        try {
            code = exit.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        try {
            Runtime.getRuntime().removeShutdownHook(onSignal);
        } catch (IllegalStateException shuttingDown) {
            // the hook waits for the child
        }
        TrainingEvent last = terminal.get();
        if (last instanceof TrainingEvent.Done) return ExitCodes.OK;
        if (last instanceof TrainingEvent.Cancelled) return ExitCodes.CANCELLED;
        if (last instanceof TrainingEvent.Failed) return code == ExitCodes.INTERNAL_ERROR ? ExitCodes.INTERNAL_ERROR : ExitCodes.BAD_INPUT;
        String reason = "the training process ended with exit code " + code + " without a final event";
        metadata.died(reason + (errorTail.isEmpty() ? "" : ":\n" + errorTail.toString().strip())).write(folder);
        err.println("error: " + folder + ": " + reason);
        err.flush();
        return code == ExitCodes.BAD_INPUT ? ExitCodes.BAD_INPUT : ExitCodes.INTERNAL_ERROR;
    }
}
