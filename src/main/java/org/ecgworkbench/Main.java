package org.ecgworkbench;

import org.ecgworkbench.app.EcgWorkbenchLauncher;
import org.ecgworkbench.app.LaunchFiles;
import org.ecgworkbench.cli.EcgWorkbenchCommand;
import org.ecgworkbench.model.NativeBackend;

/**
 * Entry point of the jar. A plain class (not a JavaFX {@code Application}) so the jar starts
 * on the class path; with a command it runs the command line, without one (or given only record
 * and model files to open) the desktop app.
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        // Before anything touches ND4J: the oneDNN natives are ~3x faster on 1-D convolutions than the plain ones.
        NativeBackend.prepare();
        if (args.length == 0 || LaunchFiles.opensApp(args)) {
            // No command, or only record/model files (a desktop's "Open with"): the desktop workbench.
            // The decision lives here so cli never touches JavaFX.
            // Exit 2 with a short message when there is no display or no GTK 3.
            System.exit(EcgWorkbenchLauncher.launch(System.err, args));
        }
        System.exit(EcgWorkbenchCommand.run(args));
    }
}
