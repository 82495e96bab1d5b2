package org.ecgworkbench.eval;

import java.util.List;

/**
 * A model's outputs on a set of labelled records, kept so a report can be reopened, re-drawn
 * (curves, confusion counts, the records list) and re-scored without the network: the per-class
 * thresholds that turned probabilities into decisions, and one {@link PredictedRecord} per record.
 * Written and read by {@link PredictionTableCsv}.
 *
 * @param thresholds one per class, finite
 */
public record PredictionTable(double[] thresholds, List<PredictedRecord> records) {

    public PredictionTable {
        thresholds = thresholds.clone();
        records = List.copyOf(records);
        for (int k = 0; k < thresholds.length; k++) {
            if (!Double.isFinite(thresholds[k])) throw new IllegalArgumentException("threshold of class " + k + " is not finite");
        }
        for (PredictedRecord r : records) {
            if (r.labels().length != thresholds.length) {
                throw new IllegalArgumentException(r.id() + ": " + r.labels().length + " classes; expected " + thresholds.length);
            }
        }
    }

    @Override
    public double[] thresholds() {
        return thresholds.clone();
    }

    public int classes() {
        return thresholds.length;
    }

    public double threshold(int c) {
        return thresholds[c];
    }

    public boolean[][] labels() {
        boolean[][] y = new boolean[records.size()][];
        for (int i = 0; i < y.length; i++) y[i] = records.get(i).labels();
        return y;
    }

    public float[][] probabilities() {
        float[][] p = new float[records.size()][];
        for (int i = 0; i < p.length; i++) p[i] = records.get(i).probabilities();
        return p;
    }

    /** Each record's decisions: probability at least the class threshold. */
    public boolean[][] decisions() {
        boolean[][] d = new boolean[records.size()][thresholds.length];
        for (int i = 0; i < d.length; i++) {
            PredictedRecord r = records.get(i);
            for (int c = 0; c < thresholds.length; c++) d[i][c] = r.predicted(c, thresholds[c]);
        }
        return d;
    }

    public boolean[] labelColumn(int c) {
        boolean[] y = new boolean[records.size()];
        for (int i = 0; i < y.length; i++) y[i] = records.get(i).label(c);
        return y;
    }

    public float[] probabilityColumn(int c) {
        float[] p = new float[records.size()];
        for (int i = 0; i < p.length; i++) p[i] = records.get(i).probability(c);
        return p;
    }

    public ConfusionCounts confusion(int c) {
        return ConfusionCounts.of(labelColumn(c), probabilityColumn(c), thresholds[c]);
    }

    public RocCurve roc(int c) {
        return RocCurve.of(labelColumn(c), probabilityColumn(c));
    }

    public PrecisionRecallCurve precisionRecall(int c) {
        return PrecisionRecallCurve.of(labelColumn(c), probabilityColumn(c));
    }

    public ClassCooccurrence cooccurrence() {
        return ClassCooccurrence.of(labels(), decisions());
    }

    /** The full report of these predictions with their thresholds (needs at least one record). */
    public EvaluationReport evaluate() {
        return Evaluator.evaluate(labels(), probabilities(), thresholds);
    }
}
