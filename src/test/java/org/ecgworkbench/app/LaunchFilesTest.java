package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LaunchFilesTest {
    @TempDir
    Path dir;

    @Test
    void onlyExistingRecordAndModelFilesOpenTheApp() throws IOException {
        Path hea = Files.writeString(dir.resolve("A0001.hea"), "A0001 12 500 5000\n");
        Path model = Files.writeString(dir.resolve("m.ecgmodel"), "zip");
        Path other = Files.writeString(dir.resolve("notes.txt"), "x");

        assertThat(LaunchFiles.opensApp(hea.toString())).isTrue();
        assertThat(LaunchFiles.opensApp(hea.toString(), model.toString())).isTrue();
        assertThat(LaunchFiles.opensApp()).isFalse();
        assertThat(LaunchFiles.opensApp("inspect", hea.toString())).isFalse();
        assertThat(LaunchFiles.opensApp(other.toString())).isFalse();
        assertThat(LaunchFiles.opensApp(dir.resolve("missing.hea").toString())).isFalse();
        assertThat(LaunchFiles.opensApp(dir.toString())).isFalse();
        assertThat(LaunchFiles.opensApp("--version")).isFalse();
    }

    @Test
    void sortsRecordsFromModels() throws IOException {
        Path hea = Files.writeString(dir.resolve("A0001.hea"), "A0001 12 500 5000\n");
        Path mat = Files.writeString(dir.resolve("B0002.mat"), "m");
        Path model = Files.writeString(dir.resolve("m.ECGMODEL"), "zip");

        LaunchFiles files = LaunchFiles.of(List.of(model.toString(), hea.toString(), "ignored", mat.toString()));

        assertThat(files.records()).containsExactly(hea.toAbsolutePath(), mat.toAbsolutePath());
        assertThat(files.models()).containsExactly(model.toAbsolutePath());
    }
}
