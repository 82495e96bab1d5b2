package org.ecgworkbench.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The bundled demonstration model is found on the class path (in place from the build tree). */
class BundledModelTest {

    @Test
    void theDemoModelIsAFileOnDisk() throws Exception {
        Path file = BundledModel.file();
        assertThat(file).isRegularFile();
        assertThat(file.getFileName().toString()).isEqualTo("demo-resnet18-w025.ecgmodel");
        assertThat(Files.size(file)).isBetween(100_000L, 8L * 1024 * 1024);
        assertThat(BundledModel.file()).isSameAs(file);
        assertThat(BundledModel.isBundled(file)).isTrue();
        assertThat(BundledModel.isBundled(Path.of("other.ecgmodel"))).isFalse();
    }
}
