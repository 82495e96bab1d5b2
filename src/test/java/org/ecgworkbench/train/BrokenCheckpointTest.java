package org.ecgworkbench.train;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 14, point 14: a damaged checkpoint network is refused with its file named. */
class BrokenCheckpointTest {

    @Test
    void aDamagedCheckpointNamesItsFile(@TempDir Path tmp) throws IOException {
        RunFolder run = new RunFolder(tmp);
        Files.createDirectories(run.checkpoints());
        Path zip = Files.write(run.checkpoints().resolve("ckpt-7.zip"), new byte[] {'P', 'K', 3, 4, 0, 0, 9});
        TrainerState state = new TrainerState(1, 0, 7, 0, 0, 0, 0, 0, "ckpt-7.zip", List.of());
        IOException e = assertThrows(IOException.class, () -> new Checkpoints(run).restore(state));
        assertTrue(e.getMessage().startsWith(zip.toString() + ": not a readable checkpoint"), e.getMessage());
    }
}
