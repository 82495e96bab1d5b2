package org.ecgworkbench.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every format a command writes gets the permissions of a normally created file (0666 less the umask), not 0600. */
class OutputPermissionsTest {

    @TempDir
    Path dir;

    @Test
    void exportAndPreprocessOutputsFollowTheUmask() throws Exception {
        assumeTrue(FileSystems.getDefault().supportedFileAttributeViews().contains("posix"));
        Path reference = dir.resolve("reference");
        Files.newOutputStream(reference).close();
        Set<PosixFilePermission> normal = Files.getPosixFilePermissions(reference);
        Path hea = TestRecords.challengeRecord(Files.createDirectories(dir.resolve("data")), "A0001", 1000, "164889003");

        assertThat(CliRunner.run("export", hea.toString(), "--to", "csv", "--out", dir.resolve("a.csv").toString()).exitCode()).isZero();
        assertThat(CliRunner.run("export", hea.toString(), "--to", "mat", "--out", dir.resolve("a.mat").toString()).exitCode()).isZero();
        assertThat(CliRunner.run("export", hea.toString(), "--to", "wfdb", "--out", dir.resolve("w.hea").toString()).exitCode()).isZero();
        assertThat(CliRunner.run("preprocess", hea.toString(), "--out", dir.resolve("p.csv").toString()).exitCode()).isZero();

        for (String name : new String[] {"a.csv", "a.mat", "w.hea", "w.mat", "p.csv"}) {
            assertThat(Files.getPosixFilePermissions(dir.resolve(name))).as(name).isEqualTo(normal);
        }
    }
}
