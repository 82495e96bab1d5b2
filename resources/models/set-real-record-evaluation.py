#!/usr/bin/env python3
"""set-real-record-evaluation.py — writes a model bundle's `real_record_evaluation` metadata entry.

What a model measurably does on real records it was not trained on goes into the bundle, so that the
viewer's model notice can say it (docs/formats.md, "Model bundle"). The figures come from the
project's own commands, run on the same records:

    java -jar target/ecg-workbench.jar evaluate --model M.ecgmodel --data D1,D2,... --report eval.json
    java -jar target/ecg-workbench.jar predict --json --model M.ecgmodel D1 D2 ... > predictions.json

and this script copies `records`, `challenge_score`, `auroc_macro`, `f1_macro` from the evaluation
report and computes `precision_micro` = confirmed suggestions / all suggestions: the confirmed ones
are the true positives of the report's per-class table (recall x support, summed), all suggestions
are the classes `predict` marks predicted, summed over the records.

Only `metadata.json` is rewritten: the `network.dl4j` entry is copied unchanged (same bytes, same
date). The bundle is written to a temporary file beside it and renamed over it.

Usage:
    resources/models/set-real-record-evaluation.py BUNDLE eval.json predictions.json \
        --data "CinC 2020 fixtures, ..." --trained-on "synthetic records only" --measured 2026-12-07
"""
import argparse
import json
import os
import sys
import tempfile
import zipfile


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("bundle")
    ap.add_argument("report", help="evaluate --report ....json")
    ap.add_argument("predictions", help="predict --json output for the same records")
    ap.add_argument("--data", required=True, help="which real records, in words")
    ap.add_argument("--trained-on", required=True, help="what the model was trained on, in words")
    ap.add_argument("--measured", required=True, help="ISO date of the measurement")
    a = ap.parse_args()

    with open(a.report, encoding="utf-8") as f:
        report = json.load(f)
    with open(a.predictions, encoding="utf-8") as f:
        predictions = json.load(f)
    if len(predictions) != report["records"]:
        sys.exit(f"{a.predictions}: {len(predictions)} records, but {a.report} scored {report['records']}")
    confirmed = sum(round(c["recall"] * c["support"]) for c in report["per_class"])
    suggested = sum(1 for r in predictions for p in r["predictions"] if p["predicted"])
    if suggested == 0:
        sys.exit(f"{a.predictions}: the model suggested nothing; precision is undefined")
    evaluation = {
        "data": a.data,
        "records": report["records"],
        "trained_on": a.trained_on,
        "challenge_score": round(report["challenge_score"], 4),
        "auroc_macro": round(report["auroc_macro"], 4),
        "f1_macro": round(report["f1_macro"], 4),
        "precision_micro": round(confirmed / suggested, 4),
        "measured": a.measured,
    }

    with zipfile.ZipFile(a.bundle) as z:
        names = z.namelist()
        if sorted(names) != ["metadata.json", "network.dl4j"]:
            sys.exit(f"{a.bundle}: expected the entries metadata.json and network.dl4j, found {names}")
        meta_info = z.getinfo("metadata.json")
        net_info = z.getinfo("network.dl4j")
        metadata = json.loads(z.read(meta_info).decode("utf-8"))
        network = z.read(net_info)
    metadata["real_record_evaluation"] = evaluation
    text = json.dumps(metadata, indent=2, ensure_ascii=False) + "\n"

    folder = os.path.dirname(os.path.abspath(a.bundle))
    fd, tmp = tempfile.mkstemp(prefix=".bundle-", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        with zipfile.ZipFile(tmp, "w") as out:
            info = zipfile.ZipInfo("metadata.json", date_time=meta_info.date_time)
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, text.encode("utf-8"))
            net = zipfile.ZipInfo("network.dl4j", date_time=net_info.date_time)
            net.compress_type = net_info.compress_type
            out.writestr(net, network)
        os.chmod(tmp, os.stat(a.bundle).st_mode & 0o777)
        os.replace(tmp, a.bundle)
    finally:
        if os.path.exists(tmp):
            os.remove(tmp)
    print(json.dumps(evaluation, indent=2, ensure_ascii=False))


if __name__ == "__main__":
    main()
