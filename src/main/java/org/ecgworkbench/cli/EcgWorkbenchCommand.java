package org.ecgworkbench.cli;

import org.ecgworkbench.record.OutputGuard;
import org.ecgworkbench.record.ResourceLimitException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code ecg-workbench} command; its subcommands are the engine's faces. */
@Command(name = "ecg-workbench",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = "12-lead ECG classification workbench: read, preprocess, train and evaluate.%n"
                + "Without a command, the desktop workbench starts.",
        subcommands = {InspectCommand.class, ScanCommand.class, ExportCommand.class, PreprocessCommand.class,
                SynthCommand.class, TrainCommand.class, EvaluateCommand.class, PredictCommand.class, ScoreCommand.class,
                MeasureCommand.class, MeasureScoreCommand.class, BenchCommand.class, RunsCommand.class},
        resourceBundle = "org.ecgworkbench.cli.options")
public final class EcgWorkbenchCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No command given here: the help ({@code Main} starts the desktop app itself when run with no arguments at all). */
    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }

    public static CommandLine commandLine() {
        return new CommandLine(new EcgWorkbenchCommand())
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionStrategy(EcgWorkbenchCommand::refuseUnknownCommand)
                .setExecutionExceptionHandler(new ExitCodes.ErrorHandler())
                .setParameterExceptionHandler(new ExitCodes.ParameterErrorHandler());
    }

    /**
     * An unknown command is an error (exit 2, with picocli's "Did you mean …") whatever follows it:
     * picocli lets {@code --help} or {@code --version} win over an unmatched word, so that
     * {@code ecg-workbench nonsense --help} would print the help and exit 0.
     */
    private static int refuseUnknownCommand(CommandLine.ParseResult parsed) {
        if (!parsed.hasSubcommand() && !parsed.unmatched().isEmpty()) {
            throw new CommandLine.UnmatchedArgumentException(parsed.commandSpec().commandLine(), parsed.unmatched());
        }
        Integer help = CommandLine.executeHelpRequest(parsed);
        if (help != null) return help;
        OptionRanges.check(parsed); // before the command does any work
        // Every command runs inside the output guard: the files it reads are never replaced by what it writes.
        try (OutputGuard.Scope inputs = OutputGuard.open()) {
            return new CommandLine.RunLast().execute(parsed);
        } catch (OutOfMemoryError e) {
            // A record too large for this heap is a limit of the machine: one line and exit 3, not a stack trace.
            CommandLine last = parsed.asCommandLineList().get(parsed.asCommandLineList().size() - 1);
            throw new CommandLine.ExecutionException(last, e.getMessage(), new ResourceLimitException(
                    "out of memory (Java heap limit " + Runtime.getRuntime().maxMemory() / (1 << 20)
                            + " MB): the input is too large for this command; give Java more with -Xmx", e));
        }
    }

    public static int run(String... args) {
        return commandLine().execute(args);
    }
}
