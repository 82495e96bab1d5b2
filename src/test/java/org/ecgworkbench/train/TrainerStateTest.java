package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The state's withers, and checkpoint.json's shape (a resume reads what earlier versions wrote). */
class TrainerStateTest {
    private static final TrainerState.EpochSummary FIRST = new TrainerState.EpochSummary(1, 0.7, 0.6, 0.2);

    @Test
    void progressRoundTripsThroughTheState() {
        EpochProgress progress = new EpochProgress(2, 5, 45, 3.5, 5).afterBatch(0.5);
        assertThat(progress).isEqualTo(new EpochProgress(2, 6, 46, 4.0, 6));
        assertThat(progress.meanLoss()).isEqualTo(4.0 / 6);
        assertThat(new EpochProgress(0, 0, 0, 0, 0).meanLoss()).isNaN();
        TrainerState state = TrainerState.fresh().afterEpoch(FIRST, 40, true).withProgress(progress);
        assertThat(state.progress()).isEqualTo(progress);
        assertThat(state.bestEpoch()).isEqualTo(1);
        assertThat(state.history()).containsExactly(FIRST);
    }

    @Test
    void afterEpochStartsTheNextEpochAndTracksTheBest() {
        TrainerState midway = TrainerState.fresh().withProgress(new EpochProgress(0, 3, 3, 2.1, 3));
        TrainerState best = midway.afterEpoch(FIRST, 4, true);
        assertThat(best).isEqualTo(new TrainerState(1, 0, 4, 0.2, 1, 0, 0, 0, null, List.of(FIRST)));
        TrainerState.EpochSummary second = new TrainerState.EpochSummary(2, 0.6, 0.65, 0.1);
        assertThat(best.afterEpoch(second, 8, false))
                .isEqualTo(new TrainerState(2, 0, 8, 0.2, 1, 1, 0, 0, null, List.of(FIRST, second)));
    }

    @Test
    void withNetworkChangesOnlyTheFile() {
        TrainerState state = TrainerState.fresh().afterEpoch(FIRST, 4, true);
        assertThat(state.withNetwork("ckpt-4.zip"))
                .isEqualTo(new TrainerState(1, 0, 4, 0.2, 1, 0, 0, 0, "ckpt-4.zip", List.of(FIRST)));
    }

    @Test
    void checkpointJsonKeepsItsFields() throws Exception {
        TrainerState state = TrainerState.fresh().afterEpoch(FIRST, 4, true).withNetwork("ckpt-4.zip");
        String json = TrainingConfigJson.MAPPER.writeValueAsString(state);
        assertThat(TrainingConfigJson.MAPPER.readTree(json).fieldNames()).toIterable().containsExactly("epoch", "batch_in_epoch",
                "iteration", "best_score", "best_epoch", "stale_epochs", "loss_sum", "loss_count", "network", "history");
        assertThat(TrainingConfigJson.MAPPER.readValue(json, TrainerState.class)).isEqualTo(state);
    }
}
