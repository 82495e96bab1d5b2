package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The samples are found on the class path: in place from the build tree, copied out of a jar. */
class SampleRecordsTest {

    @Test
    void fromTheBuildTreeTheFolderIsReadInPlace() {
        assertThat(SampleRecords.folder()).isDirectory();
        assertThat(SampleRecords.folder().resolve("README.md")).isRegularFile();
        assertThat(SampleRecords.records()).hasSize(6).allSatisfy(p -> assertThat(p.toString()).endsWith(".hea"));
    }

    @Test
    void fromAJarTheyAreCopiedToATemporaryFolder(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); ZipOutputStream zip = new ZipOutputStream(out)) {
            for (String name : new String[] {"samples/README.md", "samples/A5432.hea", "samples/A5432.mat"}) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(Files.readAllBytes(Path.of("resources").resolve(name)));
                zip.closeEntry();
            }
        }
        URI marker = URI.create("jar:" + jar.toUri() + "!" + SampleRecords.MARKER);
        Path copied = SampleRecords.copyOut(marker);
        assertThat(RecordFiles.inFolder(copied)).singleElement()
                .satisfies(p -> assertThat(p.getFileName().toString()).isEqualTo("A5432.hea"));
        assertThat(copied.resolve("A5432.mat")).hasSameBinaryContentAs(Path.of("resources", "samples", "A5432.mat"));
    }
}
