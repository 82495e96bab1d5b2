package org.ecgworkbench.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The layer table is read as docs/architecture.md writes it, and a subpackage falls into its parent's row. */
class LayerTableTest {
    private static final String DOC = """
            # Architecture

            ## Packages and their one-way dependencies

            Some words.

            | layer | package | holds | uses |
            |---|---|---|---|
            | 1 | `record` | readers, `EcgRecord` | — |
            | 2 | `signal` | the `Pipeline` | `record` |
            | 2 | `signal.dsp` | scipy equivalents | `record` |
            | 3 | `app` | the workbench | `record`, `signal` |

            ## MVVM in `app`

            | not | a | layer | row |
            """;

    @Test
    void rowsGiveLayersAndUses() {
        LayerTable t = LayerTable.parse(DOC);
        assertThat(t.layers()).containsOnlyKeys("record", "signal", "signal.dsp", "app");
        assertThat(t.uses().get("app")).containsExactly("record", "signal");
        assertThat(t.uses().get("record")).isEmpty();
        assertThat(t.allows("app", "signal")).isTrue();
        assertThat(t.allows("signal", "app")).isFalse();
        assertThat(t.allows("signal", "signal")).isTrue();
        assertThat(t.upwardUses()).isEmpty();
    }

    @Test
    void aClassBelongsToTheNearestPackageWithARow() {
        LayerTable t = LayerTable.parse(DOC);
        assertThat(t.rowOf("org.ecgworkbench.record.wfdb")).contains("record");
        assertThat(t.rowOf("org.ecgworkbench.signal.dsp.iir")).contains("signal.dsp");
        assertThat(t.rowOf("org.ecgworkbench.signal")).contains("signal");
        assertThat(t.rowOf("org.ecgworkbench.runs")).contains("runs"); // no row: ArchitectureTest says so
        assertThat(t.rowOf("org.ecgworkbench")).isEmpty();
        assertThat(t.rowOf("org.ecgworkbenchx.a")).isEmpty();
    }

    @Test
    void aUseWithoutARowOrAnUpwardUseIsCaught() {
        assertThatThrownBy(() -> LayerTable.parse(DOC.replace("| `record`, `signal` |", "| `record`, `cli` |")))
                .hasMessageContaining("app uses cli, which has no row");
        assertThat(LayerTable.parse(DOC.replace("| 2 | `signal` | the `Pipeline` | `record` |", "| 2 | `signal` | x | `app` |"))
                .upwardUses()).containsExactly("signal (layer 2) uses app (layer 3)");
        assertThatThrownBy(() -> LayerTable.parse("# nothing")).hasMessageContaining("no section");
    }

    @Test
    void theProjectsOwnTableReads() throws IOException {
        LayerTable t = LayerTable.read();
        assertThat(t.layers()).containsKeys("record", "label", "app", "cli");
        assertThat(t.uses().get("record")).isEqualTo(Set.of());
    }
}
