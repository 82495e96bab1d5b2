package org.ecgworkbench.record;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guard's identity rules, beside the commands' cases in cli/OutputNeverAnInputTest. */
class OutputGuardTest {

    @TempDir
    Path dir;

    @Test
    void anInputIsRefusedUnderAnyNameThatLeadsToIt() throws Exception {
        Path input = Files.writeString(dir.resolve("A.hea"), "A 1 500 10\n");
        Path link = Files.createLink(dir.resolve("B.hea"), input);
        try (OutputGuard.Scope scope = OutputGuard.open()) {
            OutputGuard.protect(input);
            assertThatThrownBy(() -> OutputGuard.check(link)).isInstanceOf(FileAlreadyExistsException.class)
                    .hasMessageContaining("is one of this command's input files (" + input + ")");
        }
        assertThatCode(() -> OutputGuard.check(link)).as("outside a scope nothing is protected").doesNotThrowAnyException();
    }

    @Test
    void anInputThatNoLongerExistsUnderItsNameNoLongerBlocksItsFormerIdentity() throws Exception {
        // A long session (the desktop's) outlives files: a deleted input's inode may be reused by an unrelated file.
        Path input = Files.writeString(dir.resolve("A.hea"), "A 1 500 10\n");
        try (OutputGuard.Scope scope = OutputGuard.openForDesktop()) {
            OutputGuard.protect(input);
            assertThatThrownBy(() -> OutputGuard.check(input)).isInstanceOf(FileAlreadyExistsException.class)
                    .hasMessageContaining("is one of the files open in the workbench").hasMessageNotContaining("--force");
            Path moved = Files.move(input, dir.resolve("C.csv")); // same inode, the input's name is gone
            assertThatCode(() -> OutputGuard.check(moved)).doesNotThrowAnyException();
        }
    }

    @Test
    void theDesktopSessionHasOneScope() {
        try (OutputGuard.Scope first = OutputGuard.openForDesktop()) {
            assertThat(OutputGuard.openForDesktop()).isSameAs(first);
        }
    }
}
