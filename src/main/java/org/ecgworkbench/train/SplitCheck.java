package org.ecgworkbench.train;

import java.nio.file.Path;
import java.util.stream.Collectors;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.ecgworkbench.dataset.DatasetFormatException;
import org.ecgworkbench.dataset.SplitManifest;

/**
 * Whether a run's saved split still fits its data and settings. A resumed run must train on the
 * parts it started with: a record already trained on that lands in the test part inflates the
 * test scores without a trace, so a changed data set or a split made with other settings stops
 * the resume (unless {@code --resplit} restarts the run on a new split).
 */
final class SplitCheck {
    /** How many ids a message lists per kind. */
    private static final int SHOWN = 5;

    private SplitCheck() {
    }

    /**
     * @param dataIds the ids of the records the run would use now
     * @throws DatasetFormatException naming {@code file}, the counts and a few ids of each kind
     */
    static void requireMatches(SplitManifest split, TrainingConfig config, Collection<String> dataIds, Path file)
            throws DatasetFormatException {
        String settings = settingsMismatch(split, config);
        if (settings != null) {
            throw new DatasetFormatException(file, null, settings + "; " + howToGoOn());
        }
        Set<String> inSplit = new HashSet<>();
        split.parts().values().forEach(inSplit::addAll);
        Set<String> inData = new HashSet<>(dataIds);
        List<String> gone = sorted(inSplit.stream().filter(id -> !inData.contains(id)).toList());
        List<String> added = sorted(inData.stream().filter(id -> !inSplit.contains(id)).toList());
        if (gone.isEmpty() && added.isEmpty()) return;
        List<String> problems = new ArrayList<>();
        if (!gone.isEmpty()) problems.add(count(gone.size()) + " of the split (of " + inSplit.size() + ") "
                + (gone.size() == 1 ? "is" : "are") + " no longer in the data: " + some(gone));
        if (!added.isEmpty()) problems.add(count(added.size()) + " in the data " + (added.size() == 1 ? "is" : "are")
                + " not in the split: " + some(added));
        throw new DatasetFormatException(file, null, "does not match the data under " + config.data().stream().map(Path::toString).collect(Collectors.joining(", "))
                + ": " + String.join("; ", problems) + ". " + howToGoOn());
    }

    /** A one-line reason when the split was made with other split settings than the run's, else null. */
    private static String settingsMismatch(SplitManifest split, TrainingConfig config) {
        String method = config.splitMethod().key();
        boolean kfold = SplitManifest.KFOLD.equals(method);
        if (!split.method().equals(method) || split.seed() != config.seed()
                || kfold && (split.folds() != config.folds() || split.fold() != config.fold())) {
            return "was made with " + describe(split.method(), split.seed(), split.folds(), split.fold())
                    + " but config.json says " + describe(method, config.seed(), config.folds(), config.fold());
        }
        return null;
    }

    private static String describe(String method, long seed, int folds, int fold) {
        return SplitManifest.KFOLD.equals(method) ? "kfold " + folds + " folds, fold " + fold + ", seed " + seed
                : method + ", seed " + seed;
    }

    static String howToGoOn() {
        return "Resuming would move records between the training, validation and test parts; restore the data "
                + "(or the file), or use --resplit to split anew and restart the run from epoch 0";
    }

    private static String count(int n) {
        return n == 1 ? "1 record" : n + " records";
    }

    private static List<String> sorted(List<String> ids) {
        List<String> copy = new ArrayList<>(ids);
        copy.sort(null);
        return copy;
    }

    private static String some(List<String> ids) {
        return String.join(", ", ids.subList(0, Math.min(SHOWN, ids.size()))) + (ids.size() > SHOWN ? ", …" : "");
    }
}
