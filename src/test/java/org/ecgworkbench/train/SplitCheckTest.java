package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.ecgworkbench.dataset.DatasetFormatException;
import org.ecgworkbench.dataset.SplitManifest;
import org.junit.jupiter.api.Test;

class SplitCheckTest {
    private static final Path FILE = Path.of("run", "split.json");
    private final SplitManifest split = new SplitManifest("holdout", 1, 0, 0, Map.of(
            "train", List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07"), "validation", List.of("B01"), "test", List.of("C01")));

    private static TrainingConfig config(String method, long seed) throws Exception {
        TrainingConfig.Builder b = TrainingConfig.builder(List.of(Path.of("data")));
        b.seed(seed);
        if (method.equals("kfold")) b.kfold(5, 2);
        return b.build();
    }

    @Test
    void theSameRecordsInAnyOrderMatch() throws Exception {
        assertThatCode(() -> SplitCheck.requireMatches(split, config("holdout", 1),
                List.of("C01", "B01", "A07", "A06", "A05", "A04", "A03", "A02", "A01"), FILE)).doesNotThrowAnyException();
    }

    @Test
    void goneAndNewRecordsAreCountedAndAFewNamed() {
        List<String> data = new ArrayList<>(List.of("A01", "B01", "C01", "N1", "N2", "N3", "N4", "N5", "N6"));
        assertThatThrownBy(() -> SplitCheck.requireMatches(split, config("holdout", 1), data, FILE))
                .isInstanceOf(DatasetFormatException.class)
                .hasMessageStartingWith(FILE + ": does not match the data under ")
                .hasMessageContaining("6 records of the split (of 9) are no longer in the data: A02, A03, A04, A05, A06, …")
                .hasMessageContaining("6 records in the data are not in the split: N1, N2, N3, N4, N5, …")
                .hasMessageContaining("--resplit");
        assertThatThrownBy(() -> SplitCheck.requireMatches(split, config("holdout", 1),
                List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "B01", "C01", "Z9"), FILE))
                .hasMessageContaining("1 record in the data is not in the split: Z9").hasMessageNotContaining("no longer");
    }

    @Test
    void aSplitMadeWithOtherSettingsIsNamedAsSuch() {
        List<String> ids = List.of("A01", "A02", "A03", "A04", "A05", "A06", "A07", "B01", "C01");
        assertThatThrownBy(() -> SplitCheck.requireMatches(split, config("holdout", 2), ids, FILE))
                .hasMessageContaining("was made with holdout, seed 1 but config.json says holdout, seed 2");
        assertThatThrownBy(() -> SplitCheck.requireMatches(split, config("kfold", 1), ids, FILE))
                .hasMessageContaining("config.json says kfold 5 folds, fold 2, seed 1");
    }
}
