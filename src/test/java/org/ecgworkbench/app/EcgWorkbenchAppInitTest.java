package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Logger;
import org.ecgworkbench.runs.AppConfigDir;
import org.junit.jupiter.api.Test;

/** A launched workbench (Application.launch calls init; tests that call start do not) logs to its file and catches the uncaught. */
class EcgWorkbenchAppInitTest {

    @Test
    void initInstallsTheLogFileAndTheErrorDialog() throws Exception {
        Thread.UncaughtExceptionHandler handler = Thread.getDefaultUncaughtExceptionHandler();
        Logger root = Logger.getLogger("");
        Path file = AppConfigDir.resolve().resolve("logs").resolve("workbench-0.log");
        long before = Files.exists(file) ? Files.size(file) : 0; // the test config folder outlives a run
        try {
            new EcgWorkbenchApp().init();
            assertThat(Thread.getDefaultUncaughtExceptionHandler()).isInstanceOf(UncaughtErrorDialog.class);
            String added = Files.readString(file).substring((int) before);
            assertThat(added).contains("ECG Workbench ").contains(" started, Java ");
        } finally {
            Thread.setDefaultUncaughtExceptionHandler(handler);
            for (Handler h : root.getHandlers()) {
                if (h instanceof FileHandler) {
                    root.removeHandler(h);
                    Logger.getLogger(WorkbenchLog.class.getName() + ".start").removeHandler(h);
                    h.close();
                }
            }
        }
    }
}
