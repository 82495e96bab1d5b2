#!/usr/bin/env python3
"""Golden expectations for org.ecgworkbench.eval.RocCurve, PrecisionRecallCurve and ConfusionCounts.

Writes src/test/resources/golden/curves/curves.json: a list of binary cases (labels as 0/1,
scores as float32 values written as the exact float64 they convert to, a threshold) with
  * roc: sklearn.metrics.roc_curve(y, s, drop_intermediate=False) -> fpr, tpr, thresholds
    (scikit-learn 1.2: the first threshold is max(score) + 1; rates are NaN-free only when the
    class has both labels, so cases with one label value are written with fpr/tpr as null where
    sklearn gives nan);
  * pr: sklearn.metrics.precision_recall_curve(y, s) -> precision, recall, thresholds
    (scikit-learn 1.2 has no drop_intermediate here: one point per distinct score, then (1, 0));
  * confusion: sklearn.metrics.confusion_matrix(y, s >= threshold, labels=[0, 1]) as tn, fp, fn, tp.

Run with Debian's python (scikit-learn 1.2):
    /usr/bin/python3 src/test/python/make_curves_golden.py
"""
import json
import os
import warnings

import numpy as np
import sklearn
from sklearn.metrics import confusion_matrix, precision_recall_curve, roc_curve

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "curves", "curves.json")


def nullable(values):
    return [None if not np.isfinite(v) else float(v) for v in values]


def case(name, y, s, threshold):
    y = np.asarray(y, dtype=int)
    s = np.asarray(s, dtype=np.float32).astype(np.float64)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fpr, tpr, roc_t = roc_curve(y, s, drop_intermediate=False)
        precision, recall, pr_t = precision_recall_curve(y, s)
    tn, fp, fn, tp = confusion_matrix(y, s >= threshold, labels=[0, 1]).ravel()
    return {
        "name": name, "labels": y.tolist(), "scores": s.tolist(), "threshold": threshold,
        "roc": {"fpr": nullable(fpr), "tpr": nullable(tpr), "thresholds": nullable(roc_t)},
        "pr": {"precision": nullable(precision), "recall": nullable(recall), "thresholds": nullable(pr_t)},
        "confusion": {"tn": int(tn), "fp": int(fp), "fn": int(fn), "tp": int(tp)},
    }


def main():
    rng = np.random.default_rng(20201126)
    cases = []
    for i, n in enumerate([5, 17, 60, 250]):
        y = rng.random(n) < 0.3
        y[0], y[1] = True, False
        s = np.clip(rng.normal(0.35 + 0.3 * y, 0.2), 0, 1)
        cases.append(case(f"random_{n}", y, s, 0.5))
    # ties: scores rounded to one decimal, so many records share a score
    y = rng.random(80) < 0.4
    y[0], y[1] = True, False
    cases.append(case("ties", y, np.round(rng.random(80), 1), 0.4))
    cases.append(case("perfect", [0, 0, 1, 1, 1], [0.1, 0.2, 0.7, 0.8, 0.9], 0.5))
    cases.append(case("inverted", [1, 1, 0, 0], [0.1, 0.2, 0.7, 0.8], 0.5))
    cases.append(case("all_equal_scores", [0, 1, 0, 1], [0.5, 0.5, 0.5, 0.5], 0.5))
    cases.append(case("no_positive", [0, 0, 0, 0], [0.1, 0.4, 0.6, 0.9], 0.5))
    cases.append(case("no_negative", [1, 1, 1], [0.2, 0.6, 0.6], 0.5))
    doc = {"sklearn": sklearn.__version__, "numpy": np.__version__, "cases": cases}
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {OUT} (scikit-learn {sklearn.__version__})")


if __name__ == "__main__":
    main()
