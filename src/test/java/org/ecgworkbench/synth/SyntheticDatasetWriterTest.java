package org.ecgworkbench.synth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SyntheticDatasetWriterTest {
    @TempDir
    Path dir;

    @Test
    void filesAreByteIdenticalWhateverTheThreadCount() throws Exception {
        SynthesisSettings s = new SynthesisSettings(7, 500, 4, 1, 50);
        AtomicInteger progress = new AtomicInteger();
        SyntheticDatasetWriter.Summary one = SyntheticDatasetWriter.write(dir.resolve("one"), 16, s, ClassMix.realistic(),
                false, 1, done -> progress.incrementAndGet());
        SyntheticDatasetWriter.Summary three = SyntheticDatasetWriter.write(dir.resolve("three"), 16, s, ClassMix.realistic(),
                false, 3, done -> { });
        assertThat(progress.get()).isEqualTo(16);
        assertThat(one).isEqualTo(three);
        assertThat(one.records()).isEqualTo(16);
        List<Path> files;
        try (Stream<Path> list = Files.list(dir.resolve("one"))) {
            files = list.sorted().toList();
        }
        assertThat(files).hasSize(32);
        assertThat(files.get(0).getFileName().toString()).isEqualTo("SYN00001.hea");
        for (Path f : files) {
            assertThat(Files.readAllBytes(dir.resolve("three").resolve(f.getFileName()))).as(f.getFileName().toString())
                    .isEqualTo(Files.readAllBytes(f));
        }
        assertThat(SyntheticDatasetWriter.holdsRecords(dir.resolve("one"))).isTrue();
        assertThat(SyntheticDatasetWriter.holdsRecords(dir.resolve("missing"))).isFalse();
    }

    @Test
    void existingFilesAreNotReplacedUnlessAllowed() throws Exception {
        SynthesisSettings s = new SynthesisSettings(1, 250, 2, 0, 0);
        SyntheticDatasetWriter.write(dir, 2, s, ClassMix.balanced(), false, 2, done -> { });
        Assertions.assertThatThrownBy(
                () -> SyntheticDatasetWriter.write(dir, 2, s, ClassMix.balanced(), false, 2, done -> { }))
                .isInstanceOf(FileAlreadyExistsException.class);
        SyntheticDatasetWriter.write(dir, 2, s, ClassMix.balanced(), true, 2, done -> { });
    }
}
