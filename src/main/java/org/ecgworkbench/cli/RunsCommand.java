package org.ecgworkbench.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code runs}: the training runs of a workspace, as the workbench's runs room shows them. */
@Command(name = "runs", mixinStandardHelpOptions = true,
        description = "The training runs of a workspace (the folders the workbench's Runs room lists): list them, "
                + "show one, compare several (Table 4), resume a stopped run, cancel a training one.",
        subcommands = {RunsListCommand.class, RunsShowCommand.class, RunsCompareCommand.class, RunsResumeCommand.class,
                RunsCancelCommand.class})
public final class RunsCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /** No subcommand: the usage, on stderr, and exit 2 (as for any missing argument). */
    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing required subcommand: list, show, compare, resume or cancel");
    }
}
