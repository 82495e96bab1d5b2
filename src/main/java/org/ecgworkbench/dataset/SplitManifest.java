package org.ecgworkbench.dataset;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.ecgworkbench.record.TerminalText;

/**
 * Which record ids went where. Saved with a run ({@code split.json}, {@link SplitManifestJson}) and
 * reused for resume, evaluation and comparison, so every use sees the same parts.
 *
 * @param method "holdout" or "kfold"
 * @param seed   the seed the split was drawn with
 * @param folds  number of folds for k-fold; 0 for holdout
 * @param fold   the fold used as test part for k-fold (validation is the next fold); 0 for holdout
 * @param parts  "train", "validation", "test" → record ids, sorted, disjoint (in that key order)
 */
public record SplitManifest(String method, long seed, int folds, int fold, Map<String, List<String>> parts) {

    public static final String HOLDOUT = "holdout";
    public static final String KFOLD = "kfold";
    public static final String TRAIN = "train";
    public static final String VALIDATION = "validation";
    public static final String TEST = "test";
    /** The part names, in manifest order. */
    public static final List<String> PART_NAMES = List.of(TRAIN, VALIDATION, TEST);
    /**
     * A record id is a record's name, never a path: 1 to 128 ASCII letters, digits, {@code _},
     * {@code -} or {@code .}, starting with a letter, digit or {@code _} (so no {@code /}, no
     * {@code ..}-prefixed or hidden name, no space or control character). Every challenge source,
     * PTB-XL's {@code 00001_lr} and the synthetic {@code SYN00001} fit.
     */
    private static final Pattern RECORD_ID = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}");
    /** The rule above in words, for error messages. */
    public static final String RECORD_ID_RULE = "a record id is 1 to 128 letters, digits, '_', '-' or '.', "
            + "starting with a letter, digit or '_'";

    public SplitManifest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(parts, "parts");
        if (!method.equals(HOLDOUT) && !method.equals(KFOLD)) {
            throw new IllegalArgumentException("method must be \"holdout\" or \"kfold\", got \"" + method + "\"");
        }
        if (method.equals(KFOLD) && (folds < 3 || fold < 0 || fold >= folds)) {
            throw new IllegalArgumentException("k-fold needs folds >= 3 and 0 <= fold < folds, got folds " + folds + ", fold " + fold);
        }
        if (method.equals(HOLDOUT) && (folds != 0 || fold != 0)) {
            throw new IllegalArgumentException("holdout has folds 0 and fold 0, got " + folds + ", " + fold);
        }
        if (!parts.keySet().equals(Set.copyOf(PART_NAMES))) {
            throw new IllegalArgumentException("parts must be exactly " + PART_NAMES + ", got " + parts.keySet());
        }
        Map<String, List<String>> copy = new LinkedHashMap<>();
        Set<String> seen = new HashSet<>();
        for (String name : PART_NAMES) {
            List<String> ids = new ArrayList<>(parts.get(name));
            Collections.sort(ids);
            for (String id : ids) {
                if (id == null || id.isEmpty()) throw new IllegalArgumentException("part " + name + " holds an empty id");
                if (!isRecordId(id)) {
                    throw new IllegalArgumentException("part " + name + " holds a malformed record id " + TerminalText.quoted(id) + ": " + RECORD_ID_RULE);
                }
                if (!seen.add(id)) throw new IllegalArgumentException("record " + id + " appears twice in the split");
            }
            copy.put(name, List.copyOf(ids));
        }
        parts = Collections.unmodifiableMap(copy);
    }

    /** Whether {@code id} is a well-formed record id ({@link #RECORD_ID_RULE}). */
    public static boolean isRecordId(String id) {
        return id != null && RECORD_ID.matcher(id).matches();
    }

    /** The sorted ids of one part. */
    public List<String> part(String name) {
        List<String> ids = parts.get(name);
        if (ids == null) throw new IllegalArgumentException("no part \"" + name + "\" (" + PART_NAMES + ")");
        return ids;
    }

    /** Records over all parts. */
    public int size() {
        return parts.values().stream().mapToInt(List::size).sum();
    }
}
