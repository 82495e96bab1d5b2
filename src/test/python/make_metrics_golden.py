#!/usr/bin/env python3
"""Golden expectations for org.ecgworkbench.eval (Evaluator, ThresholdTuner) and the `score` command.

Writes
  src/test/resources/golden/metrics/<case>.json   random and degenerate multi-label cases: labels,
        probabilities (float32 values, written as the exact float64 they convert to), thresholds,
        and every number of an EvaluationReport plus the tuned thresholds;
  src/test/resources/golden/score/outputs/*.csv   challenge-format outputs for the header-only
        label folder golden/score/labels/ (29 real CinC 2020 headers, see its README.md), written
        with the quirks official files have (spaces after commas, True/False, no '#' line, CRLF,
        'nan', scientific notation, codes in another order, both codes of an equivalent pair, an
        unscored code, missing classes);
  src/test/resources/golden/score/expected.json   the report `score` must print for that folder;
  src/test/resources/golden/score/expected_missing.json   the same with the output of
        MISSING_RECORD scored as all-negative (what `score` does when that file is missing or
        malformed).

Definitions (written for this project, not copied from anywhere):
  * per class precision / recall / F1 / support: sklearn.metrics.precision_recall_fscore_support,
    average=None, default zero_division (an undefined ratio is 0);
  * per class AUROC: sklearn.metrics.roc_auc_score on the class column, NaN when the class has only
    one label value (sklearn raises); per class AUPRC: average_precision_score (sklearn 1.2 returns
    0 with a warning when the class has no positive);
  * f1_micro / f1_macro / f1_weighted / f1_samples: sklearn.metrics.f1_score with that average;
  * challenge quantities (challenge_score, auroc_macro, auprc_macro, f_measure_macro, f_beta,
    g_beta, accuracy): an independent numpy re-implementation of the formulas of the official
    scorer `evaluate_12ECG_score.py` (physionetchallenges/evaluation-2020, master): weights.csv
    reduced to 24 classes by replacing each code with the first code of its equivalent pair and
    keeping first occurrences; modified confusion matrix with 1/|labels ∪ outputs| per record;
    normalised with the "always 426783006" classifier and the truth, 0 when those two tie; curves
    at every distinct output value with NaN where a rate is undefined and np.nanmean over classes;
    F-beta/G-beta with beta=2 and per-record normalisation by max(#labels, 1).
  * tuned thresholds: brute force over the distinct probabilities of each class, keeping the
    highest threshold among equal F1; 0.5 for a class with no positive.

How the challenge numbers were verified against the official scorer: with OFFICIAL_SCORER set to
a copy of the official evaluate_12ECG_score.py (kept outside the repository; numpy >= 1.24 needs
the `np.bool = bool` shim this script applies), every case is also written as a folder of
header-only label files (#Dx lines, equivalent codes chosen at random) and output CSVs, the
official evaluate_12ECG_score() is run on it, and each challenge quantity must equal ours exactly
(the script stops otherwise). For the score fixture the official loaders' label and output matrices
must also equal this script's own folding, and expected.json / expected_missing.json take their
challenge numbers from the official run itself. Without OFFICIAL_SCORER the script still writes
everything from the re-implementation and says that nothing was cross-checked. The committed files
were generated with the cross-check on (scikit-learn 1.2.1, numpy 1.24.2):

    OFFICIAL_SCORER=/tmp/official/evaluate_12ECG_score.py /usr/bin/python3 src/test/python/make_metrics_golden.py
"""
import contextlib
import csv
import importlib.util
import io
import json
import os
import shutil
import sys
import tempfile
import warnings

import numpy as np
from sklearn.metrics import (average_precision_score, f1_score, precision_recall_fscore_support,
                             roc_auc_score)

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
CATALOGUE = os.path.join(ROOT, "resources", "catalogue")
GOLDEN = os.path.join(ROOT, "src", "test", "resources", "golden")
SHARED_HEADERS = os.path.join(ROOT, "..", "shared", "data", "cinc2020-fixtures")
NORMAL = "426783006"
PAIRS = {"59118001": "713427006", "63593006": "284470004", "17338001": "427172004"}
MISSING_RECORD = "Q0017"


# ---------------------------------------------------------------- catalogue and weights

def read_weights():
    with open(os.path.join(CATALOGUE, "weights.csv")) as f:
        table = [[x.strip() for x in line.split(",")] for line in f if line.strip()]
    codes = table[0][1:]
    values = np.array([[float(x) for x in row[1:]] for row in table[1:]])
    canonical = [PAIRS.get(c, c) for c in codes]
    keep = [i for i, c in enumerate(canonical) if canonical.index(c) == i]
    for i, c in enumerate(canonical):
        j = canonical.index(c)
        assert np.array_equal(values[i], values[j]) and np.array_equal(values[:, i], values[:, j])
    classes = [canonical[i] for i in keep]
    return classes, values[np.ix_(keep, keep)]


CLASSES, WEIGHTS = read_weights()
K = len(CLASSES)
assert K == 24


def abbreviations():
    with open(os.path.join(CATALOGUE, "dx_mapping_scored.csv")) as f:
        rows = list(csv.DictReader(f))
    by_class = {c: [] for c in CLASSES}
    for r in rows:
        code = r["SNOMED CT Code"]
        by_class[PAIRS.get(code, code)].append(r["Abbreviation"])
    return ["|".join(by_class[c]) for c in CLASSES]


ABBREVS = abbreviations()


def unscored_codes():
    with open(os.path.join(CATALOGUE, "dx_mapping_unscored.csv")) as f:
        return [r["SNOMED CT Code"] for r in csv.DictReader(f)]


# ---------------------------------------------------------------- challenge quantities (numpy)

def running_total(terms):
    """Left-to-right sum over the first axis (the order the official scorer adds records in)."""
    return np.add.accumulate(terms, axis=0)[-1]


def confusion_weighted(labels, outputs):
    """Sum over records of outer(label, output) / max(|labels ∪ outputs|, 1)."""
    union = np.maximum(np.logical_or(labels, outputs).sum(axis=1), 1).astype(float)
    return running_total((labels / union[:, None])[:, :, None] * outputs[:, None, :])


def challenge_score(labels, outputs):
    inactive = np.zeros_like(outputs)
    inactive[:, CLASSES.index(NORMAL)] = True
    observed, correct, baseline = (np.sum(WEIGHTS * confusion_weighted(labels, o)) for o in (outputs, labels, inactive))
    return 0.0 if correct == baseline else (observed - baseline) / (correct - baseline)


def challenge_curves(y, s):
    """The challenge's AUROC and AUPRC of one class (NaN where undefined)."""
    levels = np.unique(s)[::-1]
    pos, neg = y.sum(), (~y).sum()
    tp = np.array([0] + [np.sum(y & (s >= t)) for t in levels], dtype=float)
    fp = np.array([0] + [np.sum(~y & (s >= t)) for t in levels], dtype=float)
    with np.errstate(invalid="ignore", divide="ignore"):
        sens = tp / pos if pos else np.full(tp.shape, np.nan)
        spec = (neg - fp) / neg if neg else np.full(tp.shape, np.nan)
        prec = tp / (tp + fp)
    # Python's sum() adds left to right from 0, as the scorer accumulates its steps.
    roc = sum((0.5 * np.diff(sens) * (spec[1:] + spec[:-1])).tolist())
    pr = sum((np.diff(sens) * prec[1:]).tolist())
    return roc, pr


def challenge_quantities(labels, outputs, probs):
    curves = np.array([challenge_curves(labels[:, k], probs[:, k]) for k in range(K)])
    tp = (labels & outputs).sum(axis=0).astype(float)
    fp = (~labels & outputs).sum(axis=0).astype(float)
    fn = (labels & ~outputs).sum(axis=0).astype(float)
    with np.errstate(invalid="ignore", divide="ignore"):
        f = np.where(2 * tp + fp + fn > 0, 2 * tp / (2 * tp + fp + fn), np.nan)
    w = 1.0 / np.maximum(labels.sum(axis=1), 1)
    ntp = running_total((labels & outputs) * w[:, None])
    nfp = running_total((~labels & outputs) * w[:, None])
    nfn = running_total((labels & ~outputs) * w[:, None])
    with np.errstate(invalid="ignore", divide="ignore"):
        fb = np.where(5 * ntp + nfp + 4 * nfn > 0, 5 * ntp / (5 * ntp + nfp + 4 * nfn), np.nan)
        gb = np.where(ntp + nfp + 2 * nfn > 0, ntp / (ntp + nfp + 2 * nfn), np.nan)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        return {
            "challenge_score": float(challenge_score(labels, outputs)),
            "auroc_macro": float(np.nanmean(curves[:, 0])),
            "auprc_macro": float(np.nanmean(curves[:, 1])),
            "f_measure_macro": float(np.nanmean(f)),
            "f_beta": float(np.nanmean(fb)),
            "g_beta": float(np.nanmean(gb)),
            "accuracy": float(np.mean(np.all(labels == outputs, axis=1))),
        }


CHALLENGE_KEYS = ["challenge_score", "auroc_macro", "auprc_macro", "f_measure_macro", "f_beta", "g_beta", "accuracy"]


# ---------------------------------------------------------------- sklearn quantities

def sklearn_quantities(labels, outputs, probs, thresholds):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        p, r, f, support = precision_recall_fscore_support(labels, outputs, average=None)
        per_class = []
        for k in range(K):
            try:
                auroc = roc_auc_score(labels[:, k], probs[:, k])
            except ValueError:
                auroc = float("nan")
            auprc = average_precision_score(labels[:, k], probs[:, k])
            per_class.append({"code": CLASSES[k], "abbrev": ABBREVS[k], "precision": float(p[k]), "recall": float(r[k]),
                              "f1": float(f[k]), "support": int(support[k]), "auroc": float(auroc),
                              "auprc": float(auprc), "threshold": float(thresholds[k])})
        return {"f1_micro": float(f1_score(labels, outputs, average="micro")),
                "f1_macro": float(f1_score(labels, outputs, average="macro")),
                "f1_weighted": float(f1_score(labels, outputs, average="weighted")),
                "f1_samples": float(f1_score(labels, outputs, average="samples"))}, per_class


def tuned_thresholds(labels, probs):
    result = []
    for k in range(K):
        y, s = labels[:, k], probs[:, k]
        if not y.any():
            result.append(0.5)
            continue
        best, best_f = None, -1.0
        for t in sorted(set(s.tolist()), reverse=True):
            pred = s >= t
            tp = np.sum(y & pred)
            f = 2 * tp / (2 * tp + np.sum(~y & pred) + np.sum(y & ~pred))
            if f > best_f:
                best, best_f = t, f
        result.append(float(best))
    return result


def report(labels, outputs, probs, thresholds):
    averages, per_class = sklearn_quantities(labels, outputs, probs, thresholds)
    r = {"records": int(labels.shape[0])}
    r.update(challenge_quantities(labels, outputs, probs))
    r.update(averages)
    r["per_class"] = per_class
    return r


def nulls(x):
    """JSON has no NaN: null, as EvaluationReportJson writes it."""
    if isinstance(x, float) and x != x:
        return None
    if isinstance(x, dict):
        return {k: nulls(v) for k, v in x.items()}
    if isinstance(x, list):
        return [nulls(v) for v in x]
    return x


# ---------------------------------------------------------------- official scorer (optional)

def load_official():
    path = os.environ.get("OFFICIAL_SCORER")
    if not path:
        return None
    np.bool = bool  # removed in numpy 1.24; the 2020 scorer still uses it
    spec = importlib.util.spec_from_file_location("official_scorer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


OFFICIAL = load_official()


def run_official(label_dir, output_dir):
    """The official evaluate_12ECG_score() on two folders (it reads weights.csv from the working directory)."""
    work = tempfile.mkdtemp()
    shutil.copy(os.path.join(CATALOGUE, "weights.csv"), work)
    cwd = os.getcwd()
    os.chdir(work)
    try:
        with contextlib.redirect_stdout(io.StringIO()), warnings.catch_warnings():
            warnings.simplefilter("ignore")
            r = OFFICIAL.evaluate_12ECG_score(label_dir, output_dir)
            classes, weights = OFFICIAL.load_weights("weights.csv", [[v, k] for k, v in PAIRS.items()])
            files = OFFICIAL.find_challenge_files(label_dir, output_dir)
            labels = OFFICIAL.load_labels(files[0], classes, [[v, k] for k, v in PAIRS.items()])
            binary, scalar = OFFICIAL.load_outputs(files[1], classes, [[v, k] for k, v in PAIRS.items()])
    finally:
        os.chdir(cwd)
        shutil.rmtree(work)
    assert classes == CLASSES, "official class order differs"
    assert np.array_equal(weights, WEIGHTS)
    _, auroc, auprc, _, _, accuracy, f, _, fb, gb, cm = r
    numbers = {"challenge_score": cm, "auroc_macro": auroc, "auprc_macro": auprc, "f_measure_macro": f,
               "f_beta": fb, "g_beta": gb, "accuracy": accuracy}
    return {k: float(v) for k, v in numbers.items()}, (labels, binary, scalar)


def same(a, b):
    return (a != a and b != b) or a == b


def check_against_official(name, ours, official):
    for key in CHALLENGE_KEYS:
        if not same(ours[key], official[key]):
            sys.exit(f"{name}: {key} = {ours[key]!r} here but {official[key]!r} from the official scorer")


def header_text(record, codes):
    lines = [f"{record} 12 500 5000"]
    lines += [f"{record}.mat 16+24 1000/mV 16 0 0 0 0 {lead}"
              for lead in ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"]]
    lines += ["#Age: 60", "#Sex: Female", "#Dx: " + ",".join(codes), "#Rx: Unknown", "#Hx: Unknown", "#Sx: Unknown"]
    return "\n".join(lines) + "\n"


def official_case_check(name, labels, outputs, probs, ours, rng):
    """Writes a metrics case as folders, runs the official scorer on them, requires equal numbers."""
    tmp = tempfile.mkdtemp()
    try:
        ldir, odir = os.path.join(tmp, "labels"), os.path.join(tmp, "outputs")
        os.makedirs(ldir)
        os.makedirs(odir)
        second = {v: k for k, v in PAIRS.items()}
        unscored = unscored_codes()
        for i in range(labels.shape[0]):
            rec = f"R{i:04d}"
            codes = []
            for k in np.flatnonzero(labels[i]):
                c = CLASSES[k]
                if c in second:  # either code of a pair, or both, must count as the class
                    codes += [[c], [second[c]], [c, second[c]]][rng.integers(3)]
                else:
                    codes.append(c)
            codes.append(unscored[rng.integers(len(unscored))])
            with open(os.path.join(ldir, rec + ".hea"), "w") as f:
                f.write(header_text(rec, codes))
            with open(os.path.join(odir, rec + ".csv"), "w") as f:
                f.write(f"#{rec}\n" + ",".join(CLASSES) + "\n" + ",".join("1" if o else "0" for o in outputs[i]) + "\n"
                        + ",".join(repr(float(p)) for p in probs[i]) + "\n")
        official, (ol, ob, os_) = run_official(ldir, odir)
        assert np.array_equal(ol, labels) and np.array_equal(ob, outputs) and np.array_equal(os_, probs), name
        check_against_official(name, ours, official)
    finally:
        shutil.rmtree(tmp)


# ---------------------------------------------------------------- metric cases

def float32(x):
    return np.asarray(x, dtype=np.float32).astype(np.float64)


def scores_for(rng, labels, separation):
    logits = rng.normal(0, 1, labels.shape) + separation * (2 * labels - 1)
    return float32(1 / (1 + np.exp(-logits)))


def cases(rng):
    n = 60
    prevalence = rng.uniform(0.05, 0.4, K)
    labels = rng.random((n, K)) < prevalence
    yield ("random", "60 records, prevalence 5-40 %, random per-class thresholds",
           labels, scores_for(rng, labels, 1.2), np.round(rng.uniform(0.3, 0.7, K), 2))

    n = 40
    labels = rng.random((n, K)) < 0.2
    probs = scores_for(rng, labels, 1.0)
    labels[:, 3] = False                       # no positive: AUROC NaN, AUPRC 0, F1 0 vs challenge NaN
    labels[:, 5] = True                        # all positive: AUROC NaN
    labels[:, 7] = False
    probs[:, 7] = float32(rng.uniform(0, 0.4, n))  # never present, never predicted
    probs[:, 9] = float32(rng.uniform(0.6, 1, n))  # predicted for every record
    labels[:4] = False                         # records without any scored label
    yield ("degenerate", "classes with no positive, all positive, never predicted, always predicted; unlabelled records",
           labels, probs, np.full(K, 0.5))

    n = 50
    labels = rng.random((n, K)) < 0.25
    probs = float32(np.round(scores_for(rng, labels, 1.0) * 10) / 10)
    yield ("ties", "probabilities on a 0.1 grid: many ties, some exactly at the 0.5 threshold",
           labels, probs, np.full(K, 0.5))

    n = 30
    labels = rng.random((n, K)) < 0.3
    yield ("all_zero", "every probability 0, so nothing is output",
           labels, np.zeros((n, K)), np.full(K, 0.5))

    labels = np.zeros((1, K), dtype=bool)
    labels[0, [1, 4, 20]] = True
    yield ("single_record", "one record with three labels",
           labels, scores_for(rng, labels, 1.0), np.full(K, 0.5))

    n = 30
    labels = rng.random((n, K)) < 0.2
    labels[~labels.any(axis=1), CLASSES.index(NORMAL)] = True
    yield ("perfect", "outputs equal to the labels: challenge score 1",
           labels, float32(np.where(labels, 0.9, 0.1)), np.full(K, 0.5))

    normal = np.zeros((n, K), dtype=bool)
    normal[:, CLASSES.index(NORMAL)] = True
    yield ("inactive", "always sinus rhythm: challenge score 0",
           labels, float32(np.where(normal, 0.8, 0.2)), np.full(K, 0.5))

    n = 25
    yield ("all_normal_labels", "every label is sinus rhythm: truth and inactive tie, challenge score 0",
           normal[:n].copy(), scores_for(rng, normal[:n], 0.5), np.full(K, 0.5))


def write_metric_cases():
    out = os.path.join(GOLDEN, "metrics")
    os.makedirs(out, exist_ok=True)
    rng = np.random.default_rng(20200)
    for name, description, labels, probs, thresholds in cases(rng):
        labels = labels.astype(bool)
        outputs = probs >= thresholds
        expected = report(labels, outputs, probs, thresholds)
        if OFFICIAL:
            official_case_check(name, labels, outputs, probs, expected, rng)
        doc = {"case": name, "description": description,
               "labels": ["".join("1" if v else "0" for v in row) for row in labels],
               "probabilities": [[float(p) for p in row] for row in probs],
               "thresholds": [float(t) for t in thresholds],
               "tuned_thresholds": tuned_thresholds(labels, probs),
               "expected": nulls(expected)}
        with open(os.path.join(out, name + ".json"), "w") as f:
            json.dump(doc, f, separators=(",", ":"))
            f.write("\n")
        print(f"metrics/{name}.json: {labels.shape[0]} records, challenge {expected['challenge_score']:.4f}")


# ---------------------------------------------------------------- score fixture

def read_label_codes(path):
    with open(path) as f:
        for line in f:
            if line.startswith("#Dx"):
                return [c.strip() for c in line.split(":", 1)[1].split(",") if c.strip()]
    return []


def fold_output(path):
    """This project's reading of an output file, folded onto the 24 classes (None: all-negative)."""
    with open(path, newline="") as f:
        lines = [l.strip() for l in f.read().splitlines() if l.strip() and not l.strip().startswith("#")]
    if len(lines) != 3:
        return None
    codes, binary, values = ([x.strip() for x in l.split(",")] for l in lines)
    out, prob = np.zeros(K, dtype=bool), np.zeros(K)
    for k, c in enumerate(CLASSES):
        cols = [j for j, x in enumerate(codes) if PAIRS.get(x, x) == c]
        if cols:
            out[k] = any(binary[j] in ("1", "True", "true", "T", "t") for j in cols)
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                m = np.nanmean([float(values[j]) for j in cols])
            prob[k] = 0.0 if m != m else m
    return out, prob


def write_score_fixture():
    base = os.path.join(GOLDEN, "score")
    ldir, odir = os.path.join(base, "labels"), os.path.join(base, "outputs")
    os.makedirs(ldir, exist_ok=True)
    if os.path.isdir(SHARED_HEADERS):
        for name in sorted(os.listdir(SHARED_HEADERS)):
            if name.endswith(".hea") and read_label_codes(os.path.join(SHARED_HEADERS, name)):
                shutil.copy(os.path.join(SHARED_HEADERS, name), ldir)
    records = sorted(n[:-4] for n in os.listdir(ldir) if n.endswith(".hea"))
    if os.path.isdir(odir):
        shutil.rmtree(odir)
    os.makedirs(odir)
    rng = np.random.default_rng(2020)
    second = {v: k for k, v in PAIRS.items()}
    unscored = unscored_codes()
    for i, rec in enumerate(records):
        truth = np.zeros(K, dtype=bool)
        for c in read_label_codes(os.path.join(ldir, rec + ".hea")):
            if PAIRS.get(c, c) in CLASSES:
                truth[CLASSES.index(PAIRS.get(c, c))] = True
        probs = float32(1 / (1 + np.exp(-(rng.normal(0, 1, K) + 2.2 * truth - 1.6))))
        codes, binary, values = list(CLASSES), ["1" if p >= 0.5 else "0" for p in probs], [repr(float(p)) for p in probs]
        sep, newline, head = ",", "\n", f"#{rec}\n"
        quirk = i % 12
        if quirk == 1:
            sep = ", "
        elif quirk == 2:
            binary = ["True" if b == "1" else "False" for b in binary]
        elif quirk == 3:
            order = rng.permutation(K)
            codes, binary, values = ([x[j] for j in order] for x in (codes, binary, values))
        elif quirk == 4:  # both codes of every pair, the second with its own values
            for c, s in second.items():
                codes.append(s)
                binary.append("1" if rng.random() < 0.5 else "0")
                values.append(repr(float(float32(rng.random()))))
        elif quirk == 5:
            codes.append(unscored[i % len(unscored)])
            binary.append("1")
            values.append("0.75")
        elif quirk == 6:
            head = ""
        elif quirk == 7:
            values[2] = "nan"
            values[4] = "NaN"
        elif quirk == 8:
            newline = "\r\n"
        elif quirk == 9:
            values = ["%.6e" % float(v) for v in values]
        elif quirk == 10:  # only the first 20 classes
            codes, binary, values = codes[:20], binary[:20], values[:20]
        with open(os.path.join(odir, rec + ".csv"), "w", newline="") as f:
            f.write(head.replace("\n", newline) + newline.join(sep.join(x) for x in (codes, binary, values)) + newline)

    def expected_for(output_dir, name):
        labels = np.array([[PAIRS.get(c, c) in read_set for c in CLASSES]
                           for read_set in ({PAIRS.get(c, c) for c in read_label_codes(os.path.join(ldir, r + ".hea"))}
                                            for r in records)])
        folded = [fold_output(os.path.join(output_dir, r + ".csv")) for r in records]
        outputs = np.array([f[0] if f else np.zeros(K, dtype=bool) for f in folded])
        probs = np.array([f[1] if f else np.zeros(K) for f in folded])
        expected = report(labels, outputs, probs, np.full(K, np.nan))
        if OFFICIAL:
            official, (ol, ob, os_) = run_official(ldir, output_dir)
            if not (np.array_equal(ol, labels) and np.array_equal(ob, outputs) and np.array_equal(os_, probs)):
                sys.exit(name + ": the official loaders read the folders differently")
            check_against_official(name, expected, official)
            expected.update(official)
        with open(os.path.join(base, name), "w") as f:
            json.dump(nulls(expected), f, indent=1)
            f.write("\n")
        print(f"score/{name}: {len(records)} records, challenge {expected['challenge_score']:.4f}")

    expected_for(odir, "expected.json")
    tmp = tempfile.mkdtemp()
    try:
        shutil.copytree(odir, os.path.join(tmp, "outputs"))
        with open(os.path.join(tmp, "outputs", MISSING_RECORD + ".csv"), "w") as f:
            f.write(",".join(CLASSES) + "\n" + ",".join("0" * K) + "\n" + ",".join("0" * K) + "\n")
        expected_for(os.path.join(tmp, "outputs"), "expected_missing.json")
    finally:
        shutil.rmtree(tmp)


if __name__ == "__main__":
    write_metric_cases()
    write_score_fixture()
    print("cross-checked against the official scorer" if OFFICIAL
          else "NOT cross-checked: set OFFICIAL_SCORER to the official evaluate_12ECG_score.py")
