package org.ecgworkbench;

import org.ecgworkbench.app.EcgWorkbenchLauncher;
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
        if (args.length == 0) {
            // No command: the desktop workbench. The decision lives here so cli never touches JavaFX.
            EcgWorkbenchLauncher.launch();
            System.exit(0);
        }
        System.exit(EcgWorkbenchCommand.run(args));
    }
}
