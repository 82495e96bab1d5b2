package org.ecgworkbench.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ExplainNormalisationTest {

    @Test
    void normalisedKeepsPositiveEvidenceScaledByTheMaximumOverAllLeads() {
        Explanation e = new Explanation("164889003", "occlusion", 4, 500, new float[][] {{-2, 0, 1, 2}, {4, -8, 0, 0}});
        float[][] n = e.normalised();
        assertThat(n[0]).containsExactly(0f, 0f, 0.25f, 0.5f);
        assertThat(n[1]).containsExactly(1f, 0f, 0f, 0f);
        float[][] m = e.normalised(Explanation.Polarity.MAGNITUDE, 1);
        assertThat(m[1]).containsExactly(0.5f, 1f, 0f, 0f);
        assertThat(e.max()).isEqualTo(4f);
        assertThat(e.argMax()).containsExactly(1, 0);
        assertThat(e.leads()).isEqualTo(2);
    }

    @Test
    void nothingPositiveGivesZerosAndSmoothingAveragesNeighbours() {
        Explanation neg = new Explanation("x", "occlusion", 3, 100, new float[][] {{-1, -2, -3}});
        assertThat(neg.normalised()[0]).containsExactly(0f, 0f, 0f);
        assertThat(Explanation.movingAverage(new float[] {0, 0, 3, 0, 0}, 3)).containsExactly(0f, 1f, 1f, 1f, 0f);
        assertThat(Explanation.movingAverage(new float[] {3, 0, 0}, 3)[0]).isCloseTo(1.5f, within(1e-6f));
        Explanation spike = new Explanation("x", "gradient-x-input", 5, 100, new float[][] {{0, 0, 3, 0, 0}});
        assertThat(spike.normalised(Explanation.Polarity.POSITIVE, 3)[0]).containsExactly(0f, 1f, 1f, 1f, 0f);
    }

    @Test
    void shapesAreChecked() {
        assertThatThrownBy(() -> new Explanation("x", "occlusion", 4, 500, new float[][] {{1, 2, 3}}))
                .hasMessageContaining("4 samples");
        assertThatThrownBy(() -> new Explanation("x", "occlusion", 4, 0, new float[][] {{1, 2, 3, 4}}))
                .hasMessageContaining("fs");
        assertThatThrownBy(() -> new Explanation("x", "occlusion", 4, 500, new float[][] {{1, 2, 3, 4}}).normalised(Explanation.Polarity.POSITIVE, 0))
                .hasMessageContaining("smoothing");
    }
}
