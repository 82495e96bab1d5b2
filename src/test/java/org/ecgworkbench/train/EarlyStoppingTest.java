package org.ecgworkbench.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Best-epoch tracking and patience, epoch by epoch as the loop drives them. */
class EarlyStoppingTest {

    /** Runs the epochs' scores through the stopping rule; returns the state after the last epoch trained. */
    private static TrainerState train(EarlyStopping stopping, double... scores) {
        TrainerState state = TrainerState.fresh();
        long iteration = 0;
        for (double score : scores) {
            if (stopping.exhausted(state)) break;
            iteration += 10;
            boolean best = stopping.isBest(score, state);
            state = state.afterEpoch(new TrainerState.EpochSummary(state.epoch() + 1, 0.5, 0.4, score), iteration, best);
        }
        return state;
    }

    @Test
    void keepsTheBestEpochAndStopsAfterPatienceEpochsWithoutOne() {
        TrainerState state = train(new EarlyStopping(ValidationMetric.CHALLENGE_SCORE, 2), 0.1, 0.3, 0.2, 0.3, 0.9, 1.0);
        assertThat(state.epoch()).isEqualTo(4); // epochs 3 and 4 did not beat 0.3 (a tie is no improvement)
        assertThat(state.bestEpoch()).isEqualTo(2);
        assertThat(state.bestScore()).isEqualTo(0.3);
        assertThat(state.staleEpochs()).isEqualTo(2);
        assertThat(state.history()).extracting(TrainerState.EpochSummary::metric).containsExactly(0.1, 0.3, 0.2, 0.3);
        assertThat(state.iteration()).isEqualTo(40);
    }

    @Test
    void aNewBestResetsThePatience() {
        TrainerState state = train(new EarlyStopping(ValidationMetric.F1_MACRO, 2), 0.1, 0.05, 0.2, 0.1, 0.3);
        assertThat(state.epoch()).isEqualTo(5);
        assertThat(state.bestEpoch()).isEqualTo(5);
        assertThat(state.staleEpochs()).isZero();
    }

    @Test
    void theLossIsBestLowestAndNaNNeverCounts() {
        TrainerState state = train(new EarlyStopping(ValidationMetric.VAL_LOSS, 3), Double.NaN, 0.8, 0.6, Double.NaN, 0.7);
        assertThat(state.bestEpoch()).isEqualTo(3);
        assertThat(state.bestScore()).isEqualTo(0.6);
        assertThat(state.staleEpochs()).isEqualTo(2);
    }

    @Test
    void patienceZeroNeverStops() {
        EarlyStopping never = new EarlyStopping(ValidationMetric.CHALLENGE_SCORE, 0);
        TrainerState state = train(never, 0.5, 0.1, 0.1, 0.1, 0.1, 0.1);
        assertThat(state.epoch()).isEqualTo(6);
        assertThat(state.staleEpochs()).isEqualTo(5);
        assertThat(never.exhausted(state)).isFalse();
        assertThatThrownBy(() -> new EarlyStopping(ValidationMetric.CHALLENGE_SCORE, -1)).hasMessageContaining("patience");
    }
}
