package org.ecgworkbench.model;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.ecgworkbench.label.Diagnosis;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.record.TerminalText;

/**
 * A bundle's classes checked against the diagnosis catalogue, and the one mapping from network
 * outputs to the catalogue's scored classes that every command uses. A bundle's {@code codes}
 * decide what each output means; its {@code abbreviations} are only a copy of the catalogue's
 * label, so one that disagrees is refused rather than shown: otherwise {@code predict} (which
 * prints the bundle's labels) and {@code evaluate} (which scores by class) could name the same
 * output differently.
 */
public final class BundleClasses {
    /** Longest abbreviation accepted for a code the catalogue does not know. */
    private static final int MAX_ABBREVIATION = 32;

    private BundleClasses() {
    }

    /**
     * Refuses, naming the field ({@code codes[3]}, {@code abbreviations[3]}): a code that is not a
     * SNOMED CT concept identifier, two outputs for one class (the same code, or the two codes of
     * an equivalent pair), an abbreviation other than the catalogue's label for its code, or, for a
     * code the catalogue does not know, an abbreviation that is empty, long or not printable ASCII.
     */
    static void check(BundleMetadata m) {
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        Map<String, Integer> classes = new HashMap<>();
        for (int i = 0; i < m.codes().size(); i++) {
            String code = m.codes().get(i);
            String abbrev = m.abbreviations().get(i);
            if (!isSnomedConceptId(code)) {
                throw new IllegalArgumentException("field 'codes[" + i + "]': " + TerminalText.quoted(code) + " is not a SNOMED CT concept identifier");
            }
            Optional<ScoredClass> scored = catalogue.scoredClassOf(code);
            String key = scored.map(ScoredClass::canonicalCode).orElse(code);
            Integer earlier = classes.putIfAbsent(key, i);
            if (earlier != null) {
                throw new IllegalArgumentException("field 'codes[" + i + "]': " + code + " is the class of codes[" + earlier + "] ("
                        + m.codes().get(earlier) + ") again");
            }
            String expected = scored.map(ScoredClass::label).orElse(catalogue.byCode(code).map(Diagnosis::abbreviation).orElse(null));
            if (expected != null && !expected.equals(abbrev)) {
                throw new IllegalArgumentException("field 'abbreviations[" + i + "]': " + TerminalText.quoted(abbrev) + " does not match the catalogue's "
                        + TerminalText.quoted(expected) + " for " + code);
            }
            if (expected == null && !printable(abbrev)) {
                throw new IllegalArgumentException("field 'abbreviations[" + i + "]': " + TerminalText.quoted(abbrev) + " is not 1 to "
                        + MAX_ABBREVIATION + " printable ASCII characters");
            }
        }
    }

    /**
     * For each of the catalogue's scored classes (standard order), the bundle output that predicts
     * it: how {@code evaluate} and a run's reports line outputs up with labels.
     *
     * @throws IllegalArgumentException when the bundle's outputs are not exactly the scored classes
     */
    public static int[] outputOfEachScoredClass(BundleMetadata m) {
        DiagnosisCatalogue catalogue = DiagnosisCatalogue.standard();
        List<ScoredClass> standard = catalogue.scoredClasses();
        int[] output = new int[standard.size()];
        Arrays.fill(output, -1);
        for (int i = 0; i < m.codes().size(); i++) {
            String code = m.codes().get(i);
            ScoredClass c = catalogue.scoredClassOf(code).orElseThrow(() -> new IllegalArgumentException(
                    "the bundle's output for " + code + " is not one of the " + standard.size() + " scored classes"));
            output[c.index()] = i;
        }
        for (ScoredClass c : standard) {
            if (output[c.index()] < 0) {
                throw new IllegalArgumentException("the bundle has no output for the scored class " + c.canonicalCode() + " (" + c.label() + ")");
            }
        }
        return output;
    }

    /** {@code values} (one per bundle output) in the scored classes' standard order. */
    public static float[] inScoredOrder(float[] values, int[] outputOfEachScoredClass) {
        float[] out = new float[outputOfEachScoredClass.length];
        for (int k = 0; k < out.length; k++) out[k] = values[outputOfEachScoredClass[k]];
        return out;
    }

    /** {@code values} (one per bundle output) in the scored classes' standard order. */
    public static double[] inScoredOrder(double[] values, int[] outputOfEachScoredClass) {
        double[] out = new double[outputOfEachScoredClass.length];
        for (int k = 0; k < out.length; k++) out[k] = values[outputOfEachScoredClass[k]];
        return out;
    }

    /**
     * A SNOMED CT concept identifier: 6 to 18 digits, no leading zero, partition identifier
     * {@code 00} or {@code 10} (concept) in the two digits before the last, and a last digit that
     * is the Verhoeff check digit of the others.
     */
    static boolean isSnomedConceptId(String code) {
        if (code == null || code.length() < 6 || code.length() > 18 || code.charAt(0) == '0') return false;
        for (int i = 0; i < code.length(); i++) if (code.charAt(i) < '0' || code.charAt(i) > '9') return false;
        String partition = code.substring(code.length() - 3, code.length() - 1);
        return (partition.equals("00") || partition.equals("10")) && Verhoeff.valid(code);
    }

    private static boolean printable(String s) {
        if (s == null || s.isEmpty() || s.length() > MAX_ABBREVIATION) return false;
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7e) return false;
        return true;
    }

    /** The Verhoeff check-digit scheme SNOMED CT identifiers use. */
    private static final class Verhoeff {
        private static final int[][] D = {
                {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
                {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
                {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
                {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
        private static final int[][] P = {
                {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
                {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
                {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};

        static boolean valid(String digits) {
            int c = 0;
            for (int i = 0; i < digits.length(); i++) {
                c = D[c][P[i % 8][digits.charAt(digits.length() - 1 - i) - '0']];
            }
            return c == 0;
        }
    }
}
