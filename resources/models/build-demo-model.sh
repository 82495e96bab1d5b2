#!/usr/bin/env bash
# build-demo-model.sh — rebuilds resources/models/demo-resnet18-w025.ecgmodel, the small
# DEMONSTRATION model the workbench opens with on first launch (not for clinical use).
#
# What it does, with the project's own commands only (`synth`, `train`, `evaluate`):
#   1. synth: 2,400 synthetic 10-s, 500-Hz, 12-lead records in the challenge's realistic class
#      mix (seed 2020), and 960 more cycling through 24 class sets, one per class the generator
#      knows (rhythm classes alone, the other findings on top of sinus rhythm, 40 records each;
#      seed 2021) so that rare classes are not absent. The second set's records are renamed
#      SYR00001… (headers and file names; the signals are untouched) so that record ids stay
#      unique across the two folders.
#   2. train: ResNet18 at width 0.25 (555,544 parameters, a ~2 MB bundle), default pipeline
#      (FFT resampling to 500 Hz, 5000 samples, zero-padded at the end: works on any record),
#      split 70/15/15 (seed 1), 16 epochs, batch 32, Adam, peak lr 3e-3 with a cosine schedule,
#      augmentation on, no early stopping, best epoch by challenge score, thresholds tuned on
#      the validation part. Synthetic records only: no real record is trained on.
#   3. copies RUN/model.ecgmodel to resources/models/demo-resnet18-w025.ecgmodel, checks that
#      it is at most 8 MiB, and evaluates it on the run's test part (records it never saw).
#   4. when the real records of ../shared/data (or REAL=...) exist, evaluates it on them and
#      writes the result into the bundle's metadata (real_record_evaluation, what the viewer's
#      model notice says) with set-real-record-evaluation.py.
#
# Needs: a built jar (`mvn -B -q -DskipTests package` → target/ecg-workbench.jar), Java 17,
# about 1.5 GB of disk under $WORK (records + tensor cache) and 2 GB of memory.
# Takes: about 15 minutes on 2 shared cores with OMP_WAIT_POLICY=PASSIVE (measured 2026-11-26,
# load 2-4: 14 min 26 s in all; synth 18 s, caching ≈ 20 s, 16 epochs 810 s, evaluation ≈ 15 s);
# see resources/models/README.md.
#
# Usage (from anywhere):
#   resources/models/build-demo-model.sh            # work folder target/demo-model (must not exist)
#   WORK=/tmp/demo resources/models/build-demo-model.sh
#
# Reproducibility: every random draw is seeded (synth seeds 2020 and 2021, train seed 1: split,
# initial weights, shuffling, dropout and augmentation). Synthetic records are bit-identical for
# a seed; training on the CPU backend is deterministic up to the thread scheduling of oneDNN's
# floating-point reductions, so a rebuilt bundle may differ in the last digits of its weights.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
JAR="${JAR:-$ROOT/target/ecg-workbench.jar}"
WORK="${WORK:-$ROOT/target/demo-model}"
OUT="$HERE/demo-resnet18-w025.ecgmodel"
MAX_BYTES=$((8 * 1024 * 1024))

# OpenMP's default active spinning makes training several times slower on a shared machine.
export OMP_WAIT_POLICY="${OMP_WAIT_POLICY:-PASSIVE}"

if [[ ! -f "$JAR" ]]; then
    echo "build-demo-model: $JAR not found; build it first: mvn -B -q -DskipTests package" >&2
    exit 2
fi
if [[ -e "$WORK" ]]; then
    echo "build-demo-model: $WORK already exists; remove it or set WORK to a new folder" >&2
    exit 2
fi
mkdir -p "$WORK"
ecg() { java -jar "$JAR" "$@"; }
start=$(date +%s)

echo "== synth: realistic mix (2400 records, seed 2020)"
ecg synth --out "$WORK/data/realistic" --count 2400 --mix realistic --seed 2020 --json > "$WORK/synth-realistic.json"

echo "== synth: every class (24 sets x 40 records, seed 2021)"
SETS="NSR,SB,Brady,STach,SA,AF,AFL,PR,NSR+IAVB,NSR+LPR,NSR+RBBB,NSR+CRBBB,NSR+IRBBB,NSR+LBBB,NSR+LAD,NSR+RAD,NSR+LQT,NSR+PVC,NSR+VPB,NSR+PAC,NSR+SVPB,NSR+TInv,NSR+TAb,NSR+LQRSV"
ecg synth --out "$WORK/data/classes" --count 960 --classes "$SETS" --seed 2021 --json > "$WORK/synth-classes.json"
# Unique ids: SYNnnnnn → SYRnnnnn in the second folder (record line, signal file names, file names).
for hea in "$WORK"/data/classes/SYN*.hea; do
    base="$(basename "$hea" .hea)"
    new="SYR${base#SYN}"
    sed "s/^$base/$new/" "$hea" > "$WORK/data/classes/$new.hea"
    mv "$WORK/data/classes/$base.mat" "$WORK/data/classes/$new.mat"
    rm "$hea"
done

echo "== train (ResNet18, width 0.25, 16 epochs)"
ecg train --data "$WORK/data/realistic,$WORK/data/classes" --out "$WORK/run" \
    --arch resnet18 --width 0.25 --epochs 16 --batch 32 --optimizer adam --lr 3e-3 \
    --schedule cosine --augment --patience 0 --split 70/15/15 --seed 1 \
    --cache-dir "$WORK/cache" --progress none

cp "$WORK/run/model.ecgmodel" "$OUT"
size=$(stat -c %s "$OUT")
echo "== bundle: $OUT ($size bytes)"
if (( size > MAX_BYTES )); then
    echo "build-demo-model: the bundle is $size bytes, more than 8 MiB" >&2
    exit 1
fi

echo "== evaluate on the run's test part (synthetic records it was not trained on)"
ecg evaluate --model "$OUT" --data "$WORK/data/realistic,$WORK/data/classes" \
    --split-manifest "$WORK/run/split.json" --part test --report "$WORK/eval-synthetic-test.json"

# What the viewer's notice says (real_record_evaluation): measured on real records when there are some.
REAL="${REAL:-$ROOT/../shared/data}"
if [[ -d "$REAL/cinc2020-fixtures" && -d "$REAL/cinc2021-sample" && -d "$REAL/cpsc2018-early" ]]; then
    echo "== evaluate on real records ($REAL) and record it in the bundle's metadata"
    ecg evaluate --model "$OUT" --data "$REAL/cinc2020-fixtures,$REAL/cinc2021-sample,$REAL/cpsc2018-early" \
        --report "$WORK/eval-real.json"
    ecg predict --json --model "$OUT" "$REAL/cinc2020-fixtures" "$REAL/cinc2021-sample" "$REAL/cpsc2018-early" \
        > "$WORK/predictions-real.json"
    "$HERE/set-real-record-evaluation.py" "$OUT" "$WORK/eval-real.json" "$WORK/predictions-real.json" \
        --trained-on "synthetic records only" --measured "$(date -u +%F)" \
        --data "CinC 2020 fixtures, CinC 2021 sample and CPSC 2018 early (labelled real 12-lead ECGs)"
else
    echo "== no real records at $REAL: the bundle carries no real_record_evaluation (the viewer says so)"
fi

echo "== done in $(( $(date +%s) - start )) s; run folder $WORK/run"
