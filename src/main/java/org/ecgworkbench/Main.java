package org.ecgworkbench;

import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.model.NativeBackend;

/**
 * Entry point of the jar. A plain class (not a JavaFX {@code Application}) so the jar starts
 * on the class path; with a command it runs the command line, without one the desktop app.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before anything touches ND4J: the oneDNN natives are ~3x faster on 1-D convolutions than the plain ones.
        NativeBackend.prepare();
        System.exit(EcgWorkbenchCommand.run(args));
    }
}
