package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecentFilesTest {

    @TempDir
    Path dir;

    @Test
    void newestFirstOnceEachAtMostTen() {
        RecentFiles recent = new RecentFiles(dir.resolve("cfg"));
        assertThat(recent.load()).isEmpty();
        for (int i = 0; i < 12; i++) recent.remember(dir.resolve("r" + i + ".hea"));
        recent.remember(dir.resolve("r5.hea"));
        assertThat(recent.load()).hasSize(RecentFiles.MAX)
                .startsWith(dir.resolve("r5.hea"), dir.resolve("r11.hea"), dir.resolve("r10.hea"))
                .doesNotContain(dir.resolve("r0.hea"), dir.resolve("r1.hea"));
        assertThat(recent.load()).filteredOn(p -> p.endsWith("r5.hea")).hasSize(1);
    }

    @Test
    void aDamagedListIsAnEmptyList() throws Exception {
        RecentFiles recent = new RecentFiles(dir);
        Files.writeString(recent.file(), "{not json");
        assertThat(recent.load()).isEmpty();
        recent.remember(dir.resolve("a.hea"));
        assertThat(recent.load()).containsExactly(dir.resolve("a.hea"));
    }

    @Test
    void theListGetsThePermissionsOfAnyNewFile() throws Exception {
        Assumptions.assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path reference = dir.resolve("reference");
        Files.newOutputStream(reference).close();
        RecentFiles recent = new RecentFiles(dir);
        recent.remember(dir.resolve("a.hea"));
        assertThat(Files.getPosixFilePermissions(recent.file())).isEqualTo(Files.getPosixFilePermissions(reference));
    }
}
