package org.ecgworkbench.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClassBalanceTest {
    @TempDir
    Path dir;

    /** 100 samples: class 0 in 60, class 1 in 6, class 2 in 1 (also class 0), 34 all negative. */
    private CachedTensors data() throws IOException {
        float[][] labels = new float[100][24];
        for (int i = 0; i < 60; i++) labels[i][0] = 1;
        for (int i = 60; i < 66; i++) labels[i][1] = 1;
        labels[0][2] = 1;
        float[] ages = new float[100];
        float[] sexes = new float[100];
        return TestCaches.write(dir.resolve("b.ecgcache"), 1, 4, labels, ages, sexes);
    }

    @Test
    void positiveWeightsAreNegativesOverPositivesCapped() throws IOException {
        try (CachedTensors d = data()) {
            double[] w = ClassBalance.positiveWeights(d);
            assertThat(w).hasSize(24);
            assertThat(w[0]).isCloseTo(40.0 / 60, within(1e-12));
            assertThat(w[1]).isCloseTo(94.0 / 6, within(1e-12));
            assertThat(w[2]).isEqualTo(99.0);
            assertThat(w[3]).isEqualTo(1.0);
            assertThat(ClassBalance.positiveWeights(d, 10)[2]).isEqualTo(10.0);
            assertThat(ClassBalance.toFloats(w)[1]).isEqualTo((float) (94.0 / 6));
        }
    }

    @Test
    void oversamplingFavoursTheRarestClassOfEachSample() throws IOException {
        try (CachedTensors d = data()) {
            double[] w = ClassBalance.oversamplingWeights(d, 100);
            assertThat(w[5]).isEqualTo(1.0);            // class 0 only: the commonest
            assertThat(w[0]).isEqualTo(60.0);           // class 0 and the single class-2 sample
            assertThat(w[61]).isEqualTo(10.0);          // class 1: 60 / 6
            assertThat(w[80]).isCloseTo(60.0 / 34, within(1e-12)); // all negative
            assertThat(ClassBalance.oversamplingWeights(d)[0]).isEqualTo(10.0);
        }
    }
}
