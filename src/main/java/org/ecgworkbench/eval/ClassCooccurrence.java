package org.ecgworkbench.eval;

/**
 * The multi-label confusion heat map: cell (t, p) counts the records that have true class t and
 * were predicted class p. The diagonal is each class's true positives; off the diagonal, how often
 * one class was output where another was true (a record with several labels counts in several rows).
 * Normalised, each row is divided by its class's support, so a cell is the share of that class's
 * records predicted as p (a row of a class with no record stays 0).
 *
 * @param counts  classes × classes
 * @param support records per true class
 */
public record ClassCooccurrence(int[][] counts, int[] support) {

    public ClassCooccurrence {
        int n = support.length;
        int[][] copy = new int[n][];
        if (counts.length != n) throw new IllegalArgumentException("expected " + n + " rows, got " + counts.length);
        for (int i = 0; i < n; i++) {
            if (counts[i].length != n) throw new IllegalArgumentException("row " + i + " has " + counts[i].length + " columns; expected " + n);
            copy[i] = counts[i].clone();
        }
        counts = copy;
        support = support.clone();
    }

    /** From true labels and decisions, one row per record and one column per class. */
    public static ClassCooccurrence of(boolean[][] truth, boolean[][] decision) {
        if (truth.length != decision.length) {
            throw new IllegalArgumentException(truth.length + " label rows but " + decision.length + " decision rows");
        }
        int classes = truth.length == 0 ? 0 : truth[0].length;
        int[][] counts = new int[classes][classes];
        int[] support = new int[classes];
        for (int r = 0; r < truth.length; r++) {
            if (truth[r].length != classes || decision[r].length != classes) {
                throw new IllegalArgumentException("record " + r + " does not have " + classes + " classes");
            }
            for (int t = 0; t < classes; t++) {
                if (!truth[r][t]) continue;
                support[t]++;
                for (int p = 0; p < classes; p++) if (decision[r][p]) counts[t][p]++;
            }
        }
        return new ClassCooccurrence(counts, support);
    }

    public int classes() {
        return support.length;
    }

    public int count(int trueClass, int predictedClass) {
        return counts[trueClass][predictedClass];
    }

    /** The count divided by the true class's support; 0 for a class with no record. */
    public double share(int trueClass, int predictedClass) {
        return support[trueClass] == 0 ? 0.0 : counts[trueClass][predictedClass] / (double) support[trueClass];
    }

    public int max() {
        int m = 0;
        for (int[] row : counts) for (int v : row) m = Math.max(m, v);
        return m;
    }

    @Override
    public int[][] counts() {
        int[][] copy = new int[counts.length][];
        for (int i = 0; i < counts.length; i++) copy[i] = counts[i].clone();
        return copy;
    }

    @Override
    public int[] support() {
        return support.clone();
    }
}
