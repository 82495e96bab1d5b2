package org.ecgworkbench.dataset;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Small cache files written directly, with recognisable samples: value (i, c, k) = i + c/100 + k/1e5 + 1. */
final class TestCaches {
    private TestCaches() {
    }

    static float value(int sample, int channel, int k) {
        return sample + channel / 100f + k / 1e5f + 1;
    }

    static CachedTensors write(Path file, int channels, int length, float[][] labels, float[] ages, float[] sexes) throws IOException {
        try (CacheFileWriter w = new CacheFileWriter(file, CachePrecision.FLOAT32, channels, length, labels[0].length, new byte[32])) {
            for (int i = 0; i < labels.length; i++) {
                float[] s = new float[channels * length];
                for (int c = 0; c < channels; c++) {
                    for (int k = 0; k < length; k++) s[c * length + k] = value(i, c, k);
                }
                w.append(s, labels[i], ages[i], sexes[i], "R" + i);
            }
            w.finish(500, List.of());
        }
        return CachedTensors.open(file);
    }

    /** n samples; sample i has class i mod 3 (classes 3..23 never), ages 20 + i (every fourth unknown), sex alternating. */
    static CachedTensors simple(Path file, int n, int channels, int length) throws IOException {
        float[][] labels = new float[n][24];
        float[] ages = new float[n];
        float[] sexes = new float[n];
        for (int i = 0; i < n; i++) {
            labels[i][i % 3] = 1;
            ages[i] = i % 4 == 3 ? Float.NaN : 20 + i;
            sexes[i] = i % 5 == 4 ? Float.NaN : i % 2;
        }
        return write(file, channels, length, labels, ages, sexes);
    }
}
