package org.ecgworkbench.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The workspace: where it is, and how new run folders are named. */
class RunWorkspaceTest {
    @TempDir
    Path tmp;

    @Test
    void newRunFoldersAreNamedByTimeAndLabelAndNeverShared() throws Exception {
        RunWorkspace ws = new RunWorkspace(tmp);
        LocalDateTime now = LocalDateTime.of(2026, 11, 26, 14, 25, 1);
        Path a = ws.newRunFolder("ResNet34 · Adam, lr 1e-3!", now);
        Path b = ws.newRunFolder("ResNet34 · Adam, lr 1e-3!", now);
        Path c = ws.newRunFolder("", now);
        assertThat(a.getFileName().toString()).isEqualTo("20261126-142501-resnet34-adam-lr-1e-3");
        assertThat(b.getFileName().toString()).isEqualTo("20261126-142501-resnet34-adam-lr-1e-3-2");
        assertThat(c.getFileName().toString()).isEqualTo("20261126-142501");
        assertThat(ws.runFolders()).containsExactly(c, a, b);
        // A default name's leading time is already in the stamp.
        Path d = ws.newRunFolder("14:25 ResNet18×0.25 Adam lr 1e-3", now.plusSeconds(1));
        assertThat(d.getFileName().toString()).isEqualTo("20261126-142502-resnet18-0-25-adam-lr-1e-3");
        assertThat(RunWorkspace.slug("x".repeat(60))).hasSize(41);
    }

    @Test
    void theWorkspaceComesFromTheSystemPropertyInTests() {
        assertThat(RunWorkspace.resolve().root()).isEqualTo(Path.of(System.getProperty(RunWorkspace.PROPERTY)).toAbsolutePath().normalize());
    }
}
