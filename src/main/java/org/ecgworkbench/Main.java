package org.ecgworkbench;

import org.ecgworkbench.cli.EcgWorkbenchCommand;

/**
 * Entry point of the jar. A plain class (not a JavaFX {@code Application}) so the jar starts
 * on the class path; with a command it runs the command line, without one the desktop app.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(EcgWorkbenchCommand.run(args));
    }
}
