package org.ecgworkbench.cli;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.ecgworkbench.eval.ChallengeMetric;
import org.ecgworkbench.eval.ClassMetrics;
import org.ecgworkbench.eval.EvaluationReport;
import org.ecgworkbench.eval.Evaluator;
import org.ecgworkbench.label.ScoredClass;
import org.ecgworkbench.record.TerminalText;

/**
 * The rows of {@code measure-score}: per labelled record its labels, the statements' classes and the model's, and
 * the table that compares the two with the challenge's metrics (per class scikit-learn's precision, recall and F1;
 * the challenge score over all records and per group).
 */
final class StatementsAgainstLabels {

    private final ChallengeMetric metric;
    private final List<String> groups = new ArrayList<>();
    private final List<boolean[]> labels = new ArrayList<>();
    private final List<boolean[]> statements = new ArrayList<>();
    private final List<boolean[]> model = new ArrayList<>();

    StatementsAgainstLabels(ChallengeMetric metric) {
        this.metric = metric;
    }

    void add(String group, boolean[] labelRow, boolean[] statementRow, boolean[] modelRow) {
        groups.add(group);
        labels.add(labelRow);
        statements.add(statementRow);
        model.add(modelRow);
    }

    int size() {
        return labels.size();
    }

    String table() {
        boolean[][] y = labels.toArray(new boolean[0][]);
        EvaluationReport s = evaluate(y, statements.toArray(new boolean[0][]));
        EvaluationReport m = evaluate(y, model.toArray(new boolean[0][]));
        StringBuilder sb = new StringBuilder();
        sb.append(String.format(Locale.ROOT, "challenge score %20s %10s%n", "statements", "model"));
        sb.append(String.format(Locale.ROOT, "  %-28s %8s %10s%n", "all (" + size() + ")", number(s.challengeScore()),
                number(m.challengeScore())));
        Map<String, List<Integer>> byGroup = new LinkedHashMap<>();
        for (int i = 0; i < groups.size(); i++) byGroup.computeIfAbsent(groups.get(i), g -> new ArrayList<>()).add(i);
        if (byGroup.size() > 1) {
            for (Map.Entry<String, List<Integer>> g : byGroup.entrySet()) {
                sb.append(String.format(Locale.ROOT, "  %-28s %8s %10s%n", TerminalText.inert(g.getKey()) + " (" + g.getValue().size() + ")",
                        number(score(g.getValue(), statements)), number(score(g.getValue(), model))));
            }
        }
        sb.append(String.format(Locale.ROOT, "  %-28s %8s %10s%n", "F1 macro", number(s.f1Macro()), number(m.f1Macro())));
        sb.append(String.format(Locale.ROOT, "%nper class %33s %23s%n", "statements", "model"));
        sb.append(String.format(Locale.ROOT, "  %-12s %-10s %7s  %6s %6s %6s  %6s %6s %6s%n",
                "class", "code", "support", "P", "R", "F1", "P", "R", "F1"));
        List<ClassMetrics> ps = s.perClass();
        List<ClassMetrics> pm = m.perClass();
        for (int k = 0; k < ps.size(); k++) {
            ClassMetrics a = ps.get(k);
            ClassMetrics b = pm.get(k);
            sb.append(String.format(Locale.ROOT, "  %-12s %-10s %7d  %6s %6s %6s  %6s %6s %6s%n", a.abbrev(), a.code(), a.support(),
                    number(a.precision()), number(a.recall()), number(a.f1()), number(b.precision()), number(b.recall()),
                    number(b.f1())));
        }
        return sb.toString().stripTrailing();
    }

    private EvaluationReport evaluate(boolean[][] y, boolean[][] outputs) {
        double[][] probabilities = new double[outputs.length][];
        for (int i = 0; i < outputs.length; i++) {
            probabilities[i] = new double[outputs[i].length];
            for (int k = 0; k < outputs[i].length; k++) probabilities[i][k] = outputs[i][k] ? 1 : 0;
        }
        double[] thresholds = new double[metric.classes().size()];
        Arrays.fill(thresholds, Double.NaN); // binary outputs, not thresholds
        return Evaluator.evaluate(y, outputs, probabilities, thresholds, metric);
    }

    private double score(List<Integer> rows, List<boolean[]> outputs) {
        boolean[][] y = new boolean[rows.size()][];
        boolean[][] o = new boolean[rows.size()][];
        for (int i = 0; i < rows.size(); i++) {
            y[i] = labels.get(rows.get(i));
            o[i] = outputs.get(rows.get(i));
        }
        return metric.score(y, o);
    }

    /** The classes of {@code codes} as a row in the metric's class order; codes of no scored class are left out. */
    static boolean[] row(List<ScoredClass> classes, List<String> codes) {
        boolean[] row = new boolean[classes.size()];
        for (String code : codes) {
            for (ScoredClass c : classes) if (c.hasCode(code)) row[c.index()] = true;
        }
        return row;
    }

    private static String number(double v) {
        return Double.isFinite(v) ? String.format(Locale.ROOT, "%.3f", v + 0.0) : "—";
    }
}
