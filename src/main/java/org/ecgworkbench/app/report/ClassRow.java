package org.ecgworkbench.app.report;

import org.ecgworkbench.eval.ClassMetrics;
import org.ecgworkbench.label.ScoredClass;

/**
 * One row of the per-class table: a scored class and its metrics.
 *
 * @param index column of the class in the predictions (catalogue order)
 * @param name  the class's full name, e.g. "atrial fibrillation"
 */
public record ClassRow(int index, String abbrev, String code, String name, double precision, double recall, double f1,
                       int support, double auroc, double auprc, double threshold) {

    static ClassRow of(int index, ScoredClass scored, ClassMetrics m) {
        return new ClassRow(index, m.abbrev(), m.code(), scored.name(), m.precision(), m.recall(), m.f1(), m.support(),
                m.auroc(), m.auprc(), m.threshold());
    }
}
