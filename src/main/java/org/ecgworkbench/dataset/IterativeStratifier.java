package org.ecgworkbench.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;

/**
 * Multi-label stratified splits by iterative stratification (Sechidis, Tsoumakas &amp; Vlahavas,
 * "On the stratification of multi-label data", ECML PKDD 2011, algorithm 1). A plain shuffle
 * leaves the rare classes (a few dozen records of 43,101) unevenly spread, or absent from a
 * part; this fills the parts class by class, rarest class first, each record going to the part
 * that still most lacks that class.
 *
 * <p>Deterministic: the records are sorted by id first, and every random choice (the order in
 * which a class's records are placed, ties between parts) comes from {@code new Random(seed)},
 * whose sequence Java specifies. The same set of records in any order with the same seed gives the
 * same manifest. Records with no class (all negative) are placed last, each to the part furthest
 * below its desired size, so the part sizes still match the fractions.
 */
public final class IterativeStratifier {

    private static final double EPS = 1e-9;

    private IterativeStratifier() {
    }

    /**
     * A train/validation/test split.
     *
     * @param fractions three non-negative shares (train, validation, test), scaled to sum to 1
     *                  (so {@code {60, 20, 20}} works too); the dissertation used 0.6/0.2/0.2
     */
    public static SplitManifest holdout(List<LabelledRecord> records, double[] fractions, long seed) {
        Objects.requireNonNull(fractions, "fractions");
        if (fractions.length != 3) throw new IllegalArgumentException("three fractions (train, validation, test) expected, got " + fractions.length);
        double sum = 0;
        for (double f : fractions) {
            if (!Double.isFinite(f) || f < 0) throw new IllegalArgumentException("fractions must be finite and >= 0: " + Arrays.toString(fractions));
            sum += f;
        }
        if (sum <= 0) throw new IllegalArgumentException("fractions sum to zero");
        double[] r = new double[3];
        for (int i = 0; i < 3; i++) r[i] = fractions[i] / sum;
        List<LabelledRecord> sorted = sortedById(records);
        int[] part = assign(sorted, r, new Random(seed));
        Map<String, List<String>> parts = emptyParts();
        for (int i = 0; i < sorted.size(); i++) parts.get(SplitManifest.PART_NAMES.get(part[i])).add(sorted.get(i).id());
        return new SplitManifest(SplitManifest.HOLDOUT, seed, 0, 0, parts);
    }

    /** The default 60/20/20 split. */
    public static SplitManifest holdout(List<LabelledRecord> records, long seed) {
        return holdout(records, new double[] {0.6, 0.2, 0.2}, seed);
    }

    /**
     * One split of a stratified k-fold partition: test = fold {@code fold}, validation = fold
     * {@code (fold + 1) mod folds}, train = the rest. The partition depends on the records and the
     * seed only, so the manifests of folds 0..k-1 with one seed rotate over the same folds.
     *
     * @param folds at least 3 (train, validation and test each need a fold)
     */
    public static SplitManifest kfold(List<LabelledRecord> records, int folds, int fold, long seed) {
        if (folds < 3) throw new IllegalArgumentException("k-fold needs at least 3 folds, got " + folds);
        if (fold < 0 || fold >= folds) throw new IllegalArgumentException("fold " + fold + " is not in [0, " + folds + ")");
        List<LabelledRecord> sorted = sortedById(records);
        double[] r = new double[folds];
        Arrays.fill(r, 1.0 / folds);
        int[] assigned = assign(sorted, r, new Random(seed));
        int validation = (fold + 1) % folds;
        Map<String, List<String>> parts = emptyParts();
        for (int i = 0; i < sorted.size(); i++) {
            String name = assigned[i] == fold ? SplitManifest.TEST
                    : assigned[i] == validation ? SplitManifest.VALIDATION : SplitManifest.TRAIN;
            parts.get(name).add(sorted.get(i).id());
        }
        return new SplitManifest(SplitManifest.KFOLD, seed, folds, fold, parts);
    }

    /**
     * The algorithm proper: the subset (0..k-1) of each record.
     *
     * @param records   sorted by id, labels of equal length
     * @param fractions desired share of each subset, summing to 1
     */
    static int[] assign(List<LabelledRecord> records, double[] fractions, Random random) {
        int n = records.size();
        int k = fractions.length;
        int classes = records.isEmpty() ? 0 : records.get(0).classes();
        int[] remaining = new int[classes];
        for (LabelledRecord r : records) {
            if (r.classes() != classes) throw new IllegalArgumentException("record " + r.id() + " has " + r.classes() + " labels, expected " + classes);
            for (int c = 0; c < classes; c++) if (r.positive(c)) remaining[c]++;
        }
        double[] desired = new double[k];
        double[][] desiredPerClass = new double[classes][k];
        for (int j = 0; j < k; j++) {
            desired[j] = n * fractions[j];
            for (int c = 0; c < classes; c++) desiredPerClass[c][j] = remaining[c] * fractions[j];
        }
        int[] subset = new int[n];
        Arrays.fill(subset, -1);
        while (true) {
            // The class with the fewest records left goes first: rare classes get their pick of the parts.
            int label = -1;
            for (int c = 0; c < classes; c++) {
                if (remaining[c] > 0 && (label < 0 || remaining[c] < remaining[label])) label = c;
            }
            if (label < 0) break;
            List<Integer> members = new ArrayList<>();
            for (int i = 0; i < n; i++) if (subset[i] < 0 && records.get(i).positive(label)) members.add(i);
            Collections.shuffle(members, random);
            for (int i : members) {
                int j = choose(desiredPerClass[label], desired, random);
                subset[i] = j;
                desired[j]--;
                LabelledRecord r = records.get(i);
                for (int c = 0; c < classes; c++) {
                    if (r.positive(c)) {
                        desiredPerClass[c][j]--;
                        remaining[c]--;
                    }
                }
            }
        }
        List<Integer> rest = new ArrayList<>();
        for (int i = 0; i < n; i++) if (subset[i] < 0) rest.add(i);
        Collections.shuffle(rest, random);
        for (int i : rest) {
            int j = choose(desired, desired, random);
            subset[i] = j;
            desired[j]--;
        }
        return subset;
    }

    /** The subset most short of this class; ties by most short overall; remaining ties at random. */
    private static int choose(double[] byClass, double[] overall, Random random) {
        List<Integer> best = new ArrayList<>();
        for (int j = 0; j < byClass.length; j++) {
            if (best.isEmpty()) {
                best.add(j);
                continue;
            }
            int b = best.get(0);
            double d = byClass[j] - byClass[b];
            if (d > EPS || (Math.abs(d) <= EPS && overall[j] > overall[b] + EPS)) {
                best.clear();
                best.add(j);
            } else if (Math.abs(d) <= EPS && Math.abs(overall[j] - overall[b]) <= EPS) {
                best.add(j);
            }
        }
        return best.size() == 1 ? best.get(0) : best.get(random.nextInt(best.size()));
    }

    private static List<LabelledRecord> sortedById(List<LabelledRecord> records) {
        Objects.requireNonNull(records, "records");
        List<LabelledRecord> sorted = new ArrayList<>(records);
        sorted.sort(Comparator.comparing(LabelledRecord::id));
        Set<String> ids = new HashSet<>();
        for (LabelledRecord r : sorted) {
            if (!ids.add(r.id())) throw new IllegalArgumentException("record id " + r.id() + " appears twice; split an index with one record per id");
        }
        return sorted;
    }

    private static Map<String, List<String>> emptyParts() {
        Map<String, List<String>> parts = new LinkedHashMap<>();
        for (String name : SplitManifest.PART_NAMES) parts.put(name, new ArrayList<>());
        return parts;
    }
}
