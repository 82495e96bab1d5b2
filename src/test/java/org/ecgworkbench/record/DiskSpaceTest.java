package org.ecgworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, point 4: long writers refuse up front when their estimate does not fit the disk. */
class DiskSpaceTest {

    @TempDir
    Path tmp;

    @Test
    void whatFitsPassesAndWhatDoesNotIsRefusedNamingTheFolderAndBothSizes() throws Exception {
        DiskSpace.require(tmp.resolve("out.csv"), 1000, "export");
        assertThatThrownBy(() -> DiskSpace.require(tmp.resolve("out.csv"), 5_000_000_000_000_000L, "export"))
                .isInstanceOf(ResourceLimitException.class)
                .hasMessageStartingWith("not enough disk space in " + tmp.toAbsolutePath() + ": export needs about 5.0 PB, ")
                .hasMessageEndingWith(" free");
    }

    @Test
    void aFolderStillToBeCreatedCountsAsItsNearestExistingParent() {
        assertThatThrownBy(() -> DiskSpace.require(tmp.resolve("a/b/c"), Long.MAX_VALUE, "synth"))
                .isInstanceOf(ResourceLimitException.class)
                .hasMessageContaining("disk space in " + tmp.toAbsolutePath() + ": synth needs");
    }

    @Test
    void sizesReadAsPeopleReadThem() {
        assertThat(DiskSpace.format(512)).isEqualTo("512 B");
        assertThat(DiskSpace.format(3_400_000)).isEqualTo("3.4 MB");
        assertThat(DiskSpace.format(5_760_000_000_000L)).isEqualTo("5.8 TB");
    }
}
