package org.ecgworkbench.app;

import javafx.application.Application;

/** Starts the desktop workbench from a plain {@code main} (see {@link EcgWorkbenchApp}). Blocks until the window closes. */
public final class EcgWorkbenchLauncher {

    private EcgWorkbenchLauncher() {
    }

    public static void launch(String... args) {
        Application.launch(EcgWorkbenchApp.class, args);
    }
}
