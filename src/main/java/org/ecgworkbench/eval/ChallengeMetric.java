package org.ecgworkbench.eval;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.ecgworkbench.label.DiagnosisCatalogue;
import org.ecgworkbench.label.ScoredClass;

/**
 * The PhysioNet/CinC Challenge 2020 metric: a reward matrix ({@code weights.csv}) gives partial
 * credit for near-miss diagnoses; the score is normalised so that always answering "normal sinus
 * rhythm" ({@value #NORMAL_CLASS}) scores 0 and the true labels score 1.
 *
 * <p>The 27×27 table holds both codes of each equivalent pair. As the official scorer does, every
 * code is first replaced by the representative of its pair (the first code, e.g. 713427006 for
 * 59118001); rows or columns of the two codes must then be identical, and only the first
 * occurrence is kept, which leaves the 24 classes of {@link DiagnosisCatalogue#scoredClasses()}.
 *
 * <p>Definition (as in {@code compute_challenge_metric}): for each record, each (label j, output
 * k) pair adds 1/|labels ∪ outputs| to A[j][k]; a score is Σ W∘A; the result is
 * (observed − inactive) / (correct − inactive), or 0 when correct = inactive.
 */
public final class ChallengeMetric {
    public static final String RESOURCE = "/catalogue/weights.csv";
    /** The challenge's "normal" class, sinus rhythm: the output of the inactive classifier. */
    public static final String NORMAL_CLASS = "426783006";

    private static volatile ChallengeMetric standard;

    private final List<ScoredClass> classes;
    /** The reduced weights in the order of the file, which is the order the official scorer sums in. */
    private final double[][] weights;
    /** For each catalogue class, its row/column in {@link #weights}. */
    private final int[] fileIndex;
    private final int normalIndex;

    private ChallengeMetric(List<ScoredClass> classes, double[][] weights, int[] fileIndex, int normalIndex) {
        this.classes = classes;
        this.weights = weights;
        this.fileIndex = fileIndex;
        this.normalIndex = normalIndex;
    }

    /** The challenge's own table, {@value #RESOURCE} on the classpath; loaded once. */
    public static ChallengeMetric standard() {
        ChallengeMetric result = standard;
        if (result == null) {
            synchronized (ChallengeMetric.class) {
                result = standard;
                if (result == null) {
                    InputStream in = ChallengeMetric.class.getResourceAsStream(RESOURCE);
                    if (in == null) throw new IllegalStateException("resource " + RESOURCE + " is not on the classpath");
                    try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                        result = read(Path.of(RESOURCE), reader.lines().toList(), DiagnosisCatalogue.standard());
                    } catch (EvalFileFormatException e) {
                        throw new IllegalStateException("malformed resource: " + e.getMessage(), e);
                    } catch (IOException | UncheckedIOException e) {
                        throw new IllegalStateException("cannot read resource " + RESOURCE + ": " + e.getMessage(), e);
                    }
                    standard = result;
                }
            }
        }
        return result;
    }

    /**
     * A weights table in the challenge's format ({@code ,code,code…} then one row per code). It
     * must cover exactly the classes of the standard catalogue, in any order.
     *
     * @throws EvalFileFormatException naming the file and line when the table is malformed
     */
    public static ChallengeMetric fromCsv(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (MalformedInputException e) {
            throw new EvalFileFormatException(file, null, "not UTF-8 text");
        }
        return read(file, lines, DiagnosisCatalogue.standard());
    }

    static ChallengeMetric read(Path file, List<String> rawLines, DiagnosisCatalogue catalogue) throws EvalFileFormatException {
        List<String[]> rows = new ArrayList<>();
        List<Integer> lineNumbers = new ArrayList<>();
        for (int i = 0; i < rawLines.size(); i++) {
            if (rawLines.get(i).isBlank()) continue;
            String[] fields = rawLines.get(i).split(",", -1);
            for (int j = 0; j < fields.length; j++) fields[j] = fields[j].strip();
            rows.add(fields);
            lineNumbers.add(i + 1);
        }
        if (rows.size() < 2) throw new EvalFileFormatException(file, null, "empty table: expected a header row and one row per code");
        String[] header = rows.get(0);
        int size = header.length - 1;
        if (size != rows.size() - 1) {
            throw new EvalFileFormatException(file, "line " + lineNumbers.get(0),
                    "the header names " + size + " codes but there are " + (rows.size() - 1) + " rows; the table must be square");
        }
        String[] codes = Arrays.copyOfRange(header, 1, header.length);
        double[][] values = new double[size][size];
        for (int r = 0; r < size; r++) {
            String[] row = rows.get(r + 1);
            String where = "line " + lineNumbers.get(r + 1);
            if (row.length != header.length) {
                throw new EvalFileFormatException(file, where, "expected " + header.length + " fields like the header, found " + row.length);
            }
            if (!row[0].equals(codes[r])) {
                throw new EvalFileFormatException(file, where, "row code '" + row[0] + "' differs from column " + (r + 1)
                        + " of the header ('" + codes[r] + "'); rows and columns must list the same codes in the same order");
            }
            for (int c = 0; c < size; c++) {
                double v;
                try {
                    v = ChallengeNumbers.parse(row[c + 1]);
                } catch (NumberFormatException e) {
                    v = Double.NaN;
                }
                if (Double.isNaN(v) || Double.isInfinite(v)) {
                    throw new EvalFileFormatException(file, where + ", column " + (c + 2), "'" + row[c + 1] + "' is not a finite number");
                }
                values[r][c] = v;
            }
        }
        // Replace each code by the representative of its equivalent pair; keep first occurrences.
        String[] representative = new String[size];
        for (int i = 0; i < size; i++) representative[i] = representativeOf(codes[i]);
        List<Integer> kept = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            int first = indexOf(representative, representative[i]);
            if (first == i) {
                kept.add(i);
                continue;
            }
            for (int c = 0; c < size; c++) {
                if (values[i][c] != values[first][c] || values[c][i] != values[c][first]) {
                    throw new EvalFileFormatException(file, "line " + lineNumbers.get(i + 1), "code " + codes[i]
                            + " counts as " + codes[first] + " but their weights differ (column " + codes[c] + ")");
                }
            }
        }
        double[][] weights = new double[kept.size()][kept.size()];
        for (int a = 0; a < kept.size(); a++) {
            for (int b = 0; b < kept.size(); b++) weights[a][b] = values[kept.get(a)][kept.get(b)];
        }
        List<ScoredClass> classes = catalogue.scoredClasses();
        int[] fileIndex = new int[classes.size()];
        Arrays.fill(fileIndex, -1);
        for (int a = 0; a < kept.size(); a++) {
            String code = representative[kept.get(a)];
            Optional<ScoredClass> c = catalogue.scoredClassOf(code);
            if (c.isEmpty() || !c.get().canonicalCode().equals(code)) {
                throw new EvalFileFormatException(file, "line " + lineNumbers.get(kept.get(a) + 1),
                        "code " + codes[kept.get(a)] + " is not a scored class of the challenge catalogue");
            }
            fileIndex[c.get().index()] = a;
        }
        for (ScoredClass c : classes) {
            if (fileIndex[c.index()] < 0) {
                throw new EvalFileFormatException(file, null, "no row for scored class " + c.canonicalCode() + " (" + c.label() + ")");
            }
        }
        int normal = catalogue.scoredClassOf(NORMAL_CLASS).orElseThrow().index();
        return new ChallengeMetric(classes, weights, fileIndex, normal);
    }

    private static String representativeOf(String code) {
        for (DiagnosisCatalogue.EquivalentPair pair : DiagnosisCatalogue.EQUIVALENT_PAIRS) {
            if (pair.equivalentCode().equals(code)) return pair.canonicalCode();
        }
        return code;
    }

    private static int indexOf(String[] values, String value) {
        for (int i = 0; i < values.length; i++) if (values[i].equals(value)) return i;
        return -1;
    }

    /** The classes scored, in catalogue order (the column order of {@link #score}'s arguments). */
    public List<ScoredClass> classes() {
        return classes;
    }

    /** The reward for outputting class {@code outputClass} when {@code trueClass} is a label (catalogue indices). */
    public double weight(int trueClass, int outputClass) {
        return weights[fileIndex[trueClass]][fileIndex[outputClass]];
    }

    /**
     * The normalised challenge score of binary outputs against labels, both one row per record
     * and one column per class in catalogue order. 0 when the labels give the inactive
     * classifier full marks (e.g. every record normal), as the official scorer returns then.
     */
    public double score(boolean[][] labels, boolean[][] outputs) {
        Evaluator.checkShape("labels", labels, classes.size());
        Evaluator.checkShape("outputs", outputs, classes.size());
        if (labels.length != outputs.length) {
            throw new IllegalArgumentException(labels.length + " label rows but " + outputs.length + " output rows");
        }
        boolean[][] inactive = new boolean[labels.length][classes.size()];
        for (boolean[] row : inactive) row[normalIndex] = true;
        double observed = total(labels, outputs);
        double correct = total(labels, labels);
        double inactiveScore = total(labels, inactive);
        return correct != inactiveScore ? (observed - inactiveScore) / (correct - inactiveScore) : 0.0;
    }

    /** Σ W∘A with A the modified confusion matrix, both in file order. */
    private double total(boolean[][] labels, boolean[][] outputs) {
        int m = weights.length;
        double[][] a = new double[m][m];
        for (int i = 0; i < labels.length; i++) {
            int union = 0;
            for (int c = 0; c < classes.size(); c++) if (labels[i][c] || outputs[i][c]) union++;
            double norm = Math.max(union, 1);
            for (int j = 0; j < classes.size(); j++) {
                if (!labels[i][j]) continue;
                for (int k = 0; k < classes.size(); k++) {
                    if (outputs[i][k]) a[fileIndex[j]][fileIndex[k]] += 1.0 / norm;
                }
            }
        }
        double[] products = new double[m * m];
        for (int r = 0; r < m; r++) {
            for (int c = 0; c < m; c++) products[r * m + c] = weights[r][c] * a[r][c];
        }
        return PairwiseSum.sum(products);
    }

    @Override
    public String toString() {
        return "ChallengeMetric[" + classes.size() + " classes, normal " + NORMAL_CLASS + "]";
    }

    /** For tests: a copy of the reduced table in catalogue order. */
    double[][] weightsInClassOrder() {
        double[][] w = new double[classes.size()][classes.size()];
        for (int j = 0; j < classes.size(); j++) {
            for (int k = 0; k < classes.size(); k++) w[j][k] = weight(j, k);
        }
        return w;
    }
}
