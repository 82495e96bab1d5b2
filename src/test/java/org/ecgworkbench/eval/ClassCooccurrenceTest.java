package org.ecgworkbench.eval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ClassCooccurrenceTest {

    @Test
    void cellsCountRecordsByTrueAndPredictedClassAndNormaliseByRowSupport() {
        boolean[][] truth = {{true, false, false}, {true, true, false}, {false, true, false}, {true, false, false}};
        boolean[][] decision = {{true, true, false}, {false, true, false}, {false, true, true}, {true, false, false}};
        ClassCooccurrence m = ClassCooccurrence.of(truth, decision);

        assertThat(m.support()).containsExactly(3, 2, 0);
        assertThat(m.counts()).isDeepEqualTo(new int[][] {{2, 2, 0}, {0, 2, 1}, {0, 0, 0}});
        // The diagonal is each class's true positives.
        for (int c = 0; c < 3; c++) {
            boolean[] y = new boolean[4], d = new boolean[4];
            for (int r = 0; r < 4; r++) {
                y[r] = truth[r][c];
                d[r] = decision[r][c];
            }
            assertThat(m.count(c, c)).isEqualTo(ConfusionCounts.of(y, d).truePositives());
        }
        assertThat(m.share(0, 1)).isEqualTo(2 / 3.0);
        assertThat(m.share(1, 2)).isEqualTo(0.5);
        assertThat(m.share(2, 2)).isZero();
        assertThat(m.max()).isEqualTo(2);
    }
}
