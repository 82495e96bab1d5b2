package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What System.Logger says reaches the rolling file in the config folder, stack traces included. */
class WorkbenchLogTest {

    @Test
    void systemLoggerRecordsGoToTheLogFileInTheConfigFolder(@TempDir Path config) throws IOException {
        WorkbenchLog log = WorkbenchLog.install(config);
        try {
            assertThat(log.writesFile()).isTrue();
            System.getLogger("org.ecgworkbench.app.Somewhere").log(Level.ERROR, "a thing went wrong",
                    new IllegalStateException("the detail"));
        } finally {
            log.uninstall();
        }
        assertThat(log.file()).isEqualTo(config.resolve("logs").resolve("workbench-0.log"));
        String text = Files.readString(log.file());
        assertThat(text).contains("INFO org.ecgworkbench.app.WorkbenchLog.start: ECG Workbench ")
                .contains("SEVERE org.ecgworkbench.app.Somewhere: a thing went wrong")
                .contains("java.lang.IllegalStateException: the detail").contains("\tat ");
    }

    @Test
    void aFolderThatCannotBeMadeLeavesNoFileAndNoFailure(@TempDir Path dir) throws IOException {
        Path notAFolder = Files.writeString(dir.resolve("config"), "a file, not a folder");
        WorkbenchLog log = WorkbenchLog.install(notAFolder);
        assertThat(log.writesFile()).isFalse();
        log.uninstall();
    }

    @Test
    void aPercentSignInThePathIsTakenLiterally(@TempDir Path dir) throws IOException {
        WorkbenchLog log = WorkbenchLog.install(dir.resolve("100%g"));
        try {
            System.getLogger("x").log(Level.WARNING, "kept");
        } finally {
            log.uninstall();
        }
        assertThat(Files.readString(dir.resolve("100%g").resolve("logs").resolve("workbench-0.log"))).contains("kept");
    }
}
