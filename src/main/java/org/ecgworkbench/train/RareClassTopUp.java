package org.ecgworkbench.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import org.ecgworkbench.dataset.DatasetScanner;
import org.ecgworkbench.dataset.LabelledRecord;
import org.ecgworkbench.dataset.TrainingIndex;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.synth.ClassMix;
import org.ecgworkbench.synth.ClassSet;
import org.ecgworkbench.synth.SynthClass;
import org.ecgworkbench.synth.SyntheticDatasetWriter;
import org.ecgworkbench.synth.SynthesisSettings;

/**
 * Tops up rare classes of the training part with synthetic records: every scored class the
 * generator can draw that has some, but fewer than {@code target}, training positives gets synthetic
 * records of that class alone until it has {@code target}. They are written once into the run folder
 * ({@code synthetic/}, reused on resume) and join the training part only, never validation or test.
 */
final class RareClassTopUp {
    private RareClassTopUp() {
    }

    /** The synthetic records to add, and a note saying which. */
    record TopUp(List<LabelledRecord> records, String note) {
    }

    static TopUp create(List<LabelledRecord> train, int target, Path dir, long seed, TrainingListener events,
                        AtomicBoolean cancel) throws IOException {
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        int classes = catalogue.scoredClasses().size();
        int[] positives = new int[classes];
        for (LabelledRecord r : train) {
            float[] labels = r.labels();
            for (int c = 0; c < classes; c++) if (labels[c] > 0.5f) positives[c]++;
        }
        Map<SynthClass, Integer> deficits = new LinkedHashMap<>();
        boolean[] covered = new boolean[classes];
        for (SynthClass s : SynthClass.values()) {
            Optional<ScoredClass> scored = catalogue.scoredClassOf(s.snomedCode());
            if (scored.isEmpty() || covered[scored.get().index()]) continue; // equivalent pairs: the first name draws for both
            covered[scored.get().index()] = true;
            int have = positives[scored.get().index()];
            // Only classes the data has at all: a class known from synthetic records alone would be learnt from them alone.
            if (have > 0 && have < target) deficits.put(s, target - have);
        }
        if (deficits.isEmpty()) return new TopUp(List.of(), "train: no class has between 1 and " + (target - 1) + " training positives: no synthetic records");

        if (!SyntheticDatasetWriter.holdsRecords(dir)) {
            List<ClassSet> sets = new ArrayList<>();
            deficits.forEach((s, n) -> {
                for (int i = 0; i < n; i++) sets.add(ClassSet.of(s));
            });
            SyntheticDatasetWriter.write(dir, sets.size(), SynthesisSettings.defaults(seed), new ClassMix.Listed(sets), false,
                    Runtime.getRuntime().availableProcessors(), done -> events.on(new TrainingEvent.Preparing("synth", done, sets.size())));
        }
        TrainingData.throwIfCancelled(cancel);
        TrainingIndex index = TrainingIndex.of(new DatasetScanner(false).scan(List.of(dir)), true);
        StringBuilder note = new StringBuilder("train: " + index.records().size() + " synthetic records for rare classes (");
        deficits.forEach((s, n) -> note.append(s.abbreviation()).append(' ').append(n).append(", "));
        note.setLength(note.length() - 2);
        return new TopUp(index.records(), note.append(')').toString());
    }
}
