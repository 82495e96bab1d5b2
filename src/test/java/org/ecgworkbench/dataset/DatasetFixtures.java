package org.ecgworkbench.dataset;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import org.ecgworkbench.record.Sex;

/** In-memory labelled records for split and balance tests. */
final class DatasetFixtures {
    static final int CLASSES = 24;

    private DatasetFixtures() {
    }

    static IndexedRecord indexed(String id) {
        return new IndexedRecord(Path.of("/data/" + id + ".hea"), id, ChallengeSource.ofRecordId(id), 500, 5000, 12,
                OptionalDouble.of(50), Optional.of(Sex.MALE), List.of(), List.of());
    }

    static LabelledRecord labelled(String id, int... positives) {
        float[] labels = new float[CLASSES];
        for (int c : positives) labels[c] = 1f;
        return new LabelledRecord(indexed(id), labels);
    }

    /**
     * A skewed, correlated multi-label set like the challenge's: class c has prevalence about
     * 0.25 · 0.8^c (the rarest a few records per thousand), pairs of classes co-occur, and about
     * one record in eight has no class.
     */
    static List<LabelledRecord> skewedMultiLabel(int n, long seed) {
        Random random = new Random(seed);
        List<LabelledRecord> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            float[] labels = new float[CLASSES];
            for (int c = 0; c < CLASSES; c++) {
                if (random.nextDouble() < 0.25 * Math.pow(0.8, c)) labels[c] = 1f;
            }
            if (labels[1] > 0 && random.nextDouble() < 0.5) labels[7] = 1f;
            if (labels[3] > 0 && random.nextDouble() < 0.4) labels[15] = 1f;
            if (random.nextDouble() < 0.12) Arrays.fill(labels, 0f);
            out.add(new LabelledRecord(indexed(String.format("R%05d", i)), labels));
        }
        return out;
    }
}
