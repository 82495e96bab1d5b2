package org.ecgworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.ecgworkbench.support.SlowTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Temporary files of killed writers are removed (points 12), and outputs get a normal file's permissions (13). */
class AtomicFilesTest {

    @TempDir
    Path dir;

    private static boolean posix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }

    @Test
    void aNewOutputHasThePermissionsOfAFileCreatedNormallyAndAReplacedOneKeepsItsOwn() throws Exception {
        assumeTrue(posix());
        Path reference = dir.resolve("reference");
        Files.newOutputStream(reference).close(); // 0666 less this process's umask
        Set<PosixFilePermission> normal = Files.getPosixFilePermissions(reference);

        Path csv = dir.resolve("out.csv");
        AtomicFiles.write(csv, false, out -> out.write('x'));
        assertThat(Files.getPosixFilePermissions(csv)).isEqualTo(normal);
        Path mat = dir.resolve("out.mat");
        AtomicFiles.writeFile(mat, false, tmp -> Files.writeString(tmp, "y"));
        assertThat(Files.getPosixFilePermissions(mat)).isEqualTo(normal);

        Files.setPosixFilePermissions(csv, PosixFilePermissions.fromString("rw-r-----"));
        AtomicFiles.write(csv, true, out -> out.write('z'));
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(csv))).isEqualTo("rw-r-----");
        assertThat(Files.readString(csv)).isEqualTo("z");
    }

    @Test
    void staleTemporaryFilesOfOurPatternAreRemovedOnTheNextWriteThere() throws Exception {
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Path dead = Files.writeString(dir.resolve(".big.csv.ecgwb-" + gone.pid() + "-123.tmp"), "half");
        Process living = new ProcessBuilder("sleep", "60").start();
        try {
            Path alive = Files.writeString(dir.resolve(".big.csv.ecgwb-" + living.pid() + "-456.tmp"), "being written");
            Path ancient = Files.writeString(dir.resolve(".old.mat.ecgwb-" + living.pid() + "-789.tmp"), "pid reused");
            Files.setLastModifiedTime(ancient, FileTime.from(Instant.now().minus(AtomicFiles.STALE_AFTER).minusSeconds(60)));
            Path notOurs = Files.writeString(dir.resolve(".other.csv123.tmp"), "someone else's");

            AtomicFiles.write(dir.resolve("new.csv"), false, out -> out.write('x'));

            assertThat(dead).doesNotExist();
            assertThat(ancient).doesNotExist();
            assertThat(alive).exists();
            assertThat(notOurs).exists();
        } finally {
            living.destroy();
        }
    }

    @SlowTest
    @Test
    void aWriterStoppedBySigtermLeavesNoTemporaryFile() throws Exception {
        assumeTrue(posix());
        List<String> cmd = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), SlowWriter.class.getName(), dir.resolve("big.csv").toString());
        Process child = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(dir.resolve("child.log").toFile()).start();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (temporaryFiles().isEmpty() && System.nanoTime() < deadline) Thread.sleep(50);
            assertThat(temporaryFiles()).as(Files.readString(dir.resolve("child.log"))).hasSize(1);
            child.destroy(); // SIGTERM
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(temporaryFiles()).isEmpty();
            assertThat(dir.resolve("big.csv")).doesNotExist();
        } finally {
            child.destroyForcibly();
        }
    }

    private List<Path> temporaryFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".tmp")).toList();
        }
    }

    /** A child that starts a large write and never finishes it. */
    public static final class SlowWriter {
        public static void main(String[] args) throws IOException {
            AtomicFiles.write(Path.of(args[0]), false, out -> {
                out.write(new byte[1 << 20]);
                out.flush();
                try {
                    Thread.sleep(600_000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
    }
}
