package org.ecgworkbench.app;

import java.io.PrintStream;
import java.util.Optional;
import java.util.logging.Filter;
import java.util.logging.Logger;
import javafx.application.Application;

/** Starts the desktop workbench from a plain {@code main} (see {@link EcgWorkbenchApp}). Blocks until the window closes. */
public final class EcgWorkbenchLauncher {
    /** The exit code when the desktop cannot start here (the command line's "bad input"). */
    public static final int CANNOT_START = 2;

    /**
     * JavaFX warns "Unsupported JavaFX configuration: classes were loaded from 'unnamed module'" on every
     * start when its jars are on the class path, which is how the plain jar runs them (a manifest cannot
     * name a module path). The configuration is the one we ship and test, so that one record is dropped
     * from JavaFX's logger (named "javafx", a System.Logger backed by java.util.logging; its records show
     * the caller, PlatformImpl), every other record is kept. The logger is held here because
     * java.util.logging keeps loggers only weakly.
     */
    private static final Logger PLATFORM_LOG = Logger.getLogger("javafx");
    private static final Filter NO_UNNAMED_MODULE_WARNING =
            r -> r.getMessage() == null || !r.getMessage().startsWith("Unsupported JavaFX configuration");

    private EcgWorkbenchLauncher() {
    }

    /**
     * Runs the workbench until its window closes: 0, or {@link #CANNOT_START} after a short message on
     * {@code err} (Main's standard error) when there is no display or no GTK 3 (instead of the toolkit's stack trace).
     */
    public static int launch(PrintStream err, String... args) {
        DesktopPrerequisites prerequisites = DesktopPrerequisites.ofThisProcess();
        Optional<String> missing = prerequisites.missing();
        if (missing.isPresent()) {
            err.println(missing.get());
            return CANNOT_START;
        }
        PLATFORM_LOG.setFilter(NO_UNNAMED_MODULE_WARNING);
        try {
            Application.launch(EcgWorkbenchApp.class, args);
            return 0;
        } catch (RuntimeException | LinkageError failure) {
            Optional<String> explained = prerequisites.explain(failure);
            if (explained.isEmpty()) throw failure;
            err.println(explained.get());
            return CANNOT_START;
        }
    }
}
