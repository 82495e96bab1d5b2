package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The bundled demonstration model is found on the class path (in place from the build tree). */
class BundledModelResourceTest {

    @Test
    void theDemoModelIsAFileOnDisk() throws Exception {
        Path file = BundledModelResource.file();
        assertThat(file).isRegularFile();
        assertThat(file.getFileName().toString()).isEqualTo("demo-resnet18-w025.ecgmodel");
        assertThat(Files.size(file)).isBetween(100_000L, 8L * 1024 * 1024);
        assertThat(BundledModelResource.file()).isSameAs(file);
    }

    /** From the jar (the installed app) the model is copied out under its own name, which the UI shows. */
    @Test
    void fromAJarTheModelIsCopiedOutUnderItsOwnName(@TempDir Path dir) throws Exception {
        byte[] bytes = {1, 2, 3, 4, 5};
        Path jar = dir.resolve("app.jar");
        try (OutputStream out = Files.newOutputStream(jar); JarOutputStream zip = new JarOutputStream(out)) {
            zip.putNextEntry(new JarEntry("models/demo-resnet18-w025.ecgmodel"));
            zip.write(bytes);
            zip.closeEntry();
        }
        URL url = new URL("jar:" + jar.toUri() + "!/models/demo-resnet18-w025.ecgmodel");

        Path copy = BundledModelResource.copyOut(url);

        assertThat(copy.getFileName().toString()).isEqualTo("demo-resnet18-w025.ecgmodel");
        assertThat(copy.getParent().getFileName().toString()).startsWith("ecg-workbench-model-");
        assertThat(Files.readAllBytes(copy)).isEqualTo(bytes);
    }
}
