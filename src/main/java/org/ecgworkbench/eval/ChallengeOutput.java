package org.ecgworkbench.eval;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.ecgworkbench.label.ScoredClass;

/**
 * A classifier's answer for one record in the challenge's output format: the class codes, a
 * binary output and a probability for each. Immutable: the arrays are copied in and out.
 *
 * @param recordId      the record the answer is for (line 1 of the file, {@code #<record>})
 * @param codes         SNOMED CT codes, one per column
 * @param outputs       whether each class is output (diagnosed)
 * @param probabilities the score of each class
 */
public record ChallengeOutput(String recordId, List<String> codes, boolean[] outputs, float[] probabilities) {

    public ChallengeOutput {
        Objects.requireNonNull(recordId, "recordId");
        codes = List.copyOf(codes);
        outputs = outputs.clone();
        probabilities = probabilities.clone();
        if (recordId.isBlank() || recordId.chars().anyMatch(c -> c == '\n' || c == '\r')) {
            throw new IllegalArgumentException("record id must be one non-blank line: '" + recordId + "'");
        }
        if (outputs.length != codes.size() || probabilities.length != codes.size()) {
            throw new IllegalArgumentException("one output and one probability per code expected: " + codes.size()
                    + " codes, " + outputs.length + " outputs, " + probabilities.length + " probabilities");
        }
        for (String code : codes) {
            if (code.isBlank() || code.contains(",") || code.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalArgumentException("not a usable class code: '" + code + "'");
            }
        }
    }

    /**
     * The answer of a model with one probability per class: the canonical code of each class, and
     * a class output when its probability is at least its threshold.
     */
    public static ChallengeOutput of(String recordId, List<ScoredClass> classes, float[] probabilities, double[] thresholds) {
        if (probabilities.length != classes.size() || thresholds.length != classes.size()) {
            throw new IllegalArgumentException("one probability and one threshold per class expected (" + classes.size() + ")");
        }
        boolean[] outputs = new boolean[classes.size()];
        for (int k = 0; k < outputs.length; k++) outputs[k] = probabilities[k] >= thresholds[k];
        return new ChallengeOutput(recordId, classes.stream().map(ScoredClass::canonicalCode).toList(), outputs, probabilities);
    }

    @Override
    public boolean[] outputs() {
        return outputs.clone();
    }

    @Override
    public float[] probabilities() {
        return probabilities.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChallengeOutput other && recordId.equals(other.recordId) && codes.equals(other.codes)
                && Arrays.equals(outputs, other.outputs) && Arrays.equals(probabilities, other.probabilities);
    }

    @Override
    public int hashCode() {
        return Objects.hash(recordId, codes, Arrays.hashCode(outputs), Arrays.hashCode(probabilities));
    }

    @Override
    public String toString() {
        return "ChallengeOutput[" + recordId + ", codes=" + codes + ", outputs=" + Arrays.toString(outputs)
                + ", probabilities=" + Arrays.toString(probabilities) + "]";
    }
}
