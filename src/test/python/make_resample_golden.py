#!/usr/bin/env python3
"""Golden vectors for FftResampler and PolyphaseResampler: scipy's answers, stored with their inputs.

Usage (from the project root):

    python3 src/test/python/make_resample_golden.py            # writes src/test/resources/golden/resample/
    python3 src/test/python/make_resample_golden.py --check    # recomputes every stored case with the
                                                               # scipy at hand and prints the largest
                                                               # difference (e.g. /usr/bin/python3 for
                                                               # Debian's scipy 1.10)

Needs numpy and scipy. Reading the real ECG inputs needs ../shared/data (``--data`` to point elsewhere);
the tests themselves never do: every input is stored in the golden files. Deterministic: random inputs
come from ``numpy.random.default_rng(SEED)`` and the real leads from fixed sample ranges, so running it
twice with the same numpy/scipy gives identical files (the index names both versions).

What scipy computes
-------------------
* ``fft``: ``scipy.signal.resample(x, num)`` on one row ``x``;
* ``poly``: ``scipy.signal.resample_poly(x, up, down)`` (defaults: window ``('kaiser', 5.0)``,
  ``padtype='constant'``, ``cval=0``), up and down as given (unreduced pairs such as 2/4 included);
* ``fft-rates`` / ``poly-rates``: the same for a rate pair: ``num = round(n * target_fs / fs)`` (Python's
  round, ties to even) and ``up/down = target_fs/fs`` reduced; several rows (leads) per case, each
  resampled on its own.

Cases
-----
* random standard-normal inputs: FFT for lengths 1-12, 16, 17, 31-33, 64, 100, 101, 127, 128, 255, 256
  against many output lengths (1-5, about n/2, n-1, n, n+1, 3n/2, 2n, 2n+1: odd and even, up and down),
  and more whole-number ratios (20 -> 100, 160; 99 -> 33, 297, 792; 300 -> 37, 75, 100, 1500; 400 -> 50, 100,
  2000, 3200), and 1009 (prime: JTransforms' Bluestein path), 1024, 2570 (2*5*257: Bluestein), 16384 -> 8192 (split
  radix, long enough for JTransforms' own threads); poly for lengths 1-5, 7, 8, 10, 17, 31, 32, 100,
  101, 1000 against 16 up/down pairs, and tiny inputs through the big 500/257, 257/500, 25/18 filters;
* rate pairs 100, 250, 257, 360, 1000 -> 500 Hz and 500 -> 250, 500 -> 1000 Hz with both methods, two
  real leads of 4 s each. Sources: 100 Hz = PTB-XL ``00001_lr`` (leads I, II); 1000 Hz = PTB
  ``s0010_re`` (i, v1); 500 Hz = CinC 2020 ``A5432`` (II, V3); 250 Hz = ``s0010_re`` (ii, v5) taking
  every 4th sample; 257 and 360 Hz have no real record here, so ``A5432`` samples (V2, aVF) are used as
  if recorded at those rates (real ECG shape, different playback speed);
* all 12 leads of ``s0010_re`` (1.5 s) at 1000 -> 500 Hz, both methods.
Physical values are ``(raw - baseline) / gain`` in mV, as float64.

Files (all little-endian float64, no header)
--------------------------------------------
``index.json``: ``format``, ``generator``, ``numpy``, ``scipy``, ``data`` (the binary file's name),
``lengths`` (per rate pair ``fs``, ``target_fs``: the output lengths for n = 1..50, ``fft`` as
``round(n * target_fs / fs)`` and ``poly`` as ``len(resample_poly(...))``),
``inputs`` (name -> ``{offset, rows, length, source}``) and ``cases`` (a list of ``{name, method,
input, output: {offset, rows, length}}`` plus ``num`` (fft), ``up``, ``down`` (poly, as passed to scipy)
or ``fs``, ``target_fs``, ``num``, ``up``, ``down`` (rate cases; up/down reduced)). ``offset`` counts
float64 values from the start of ``resample.f64``; a block is ``rows * length`` values, row after row.
"""

import argparse
import json
import math
import sys
from pathlib import Path

import numpy as np
import scipy
import scipy.io
import scipy.signal

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "data"
OUT_DIR = PROJECT_ROOT / "src" / "test" / "resources" / "golden" / "resample"
DATA_FILE = "resample.f64"
SEED = 20240611

FFT_LENGTHS = list(range(1, 13)) + [16, 17, 31, 32, 33, 64, 100, 101, 127, 128, 255, 256]
FFT_BIG = {20: [100, 160], 99: [33, 297, 792], 300: [75, 100, 37, 1500], 400: [100, 50, 2000, 3200], 1009: [500, 1008, 1010, 2018], 1024: [512, 1000, 2048],
           2570: [1285, 5000], 16384: [8192]}
POLY_LENGTHS = [1, 2, 3, 4, 5, 7, 8, 10, 17, 31, 32, 100, 101, 1000]
POLY_PAIRS = [(1, 2), (2, 1), (1, 3), (3, 1), (2, 3), (3, 2), (5, 4), (4, 5), (1, 1), (2, 4), (6, 4),
              (7, 3), (3, 7), (1, 5), (5, 1), (11, 13)]
POLY_BIG = [(500, 257), (257, 500), (25, 18), (18, 25)]
POLY_BIG_LENGTHS = [1, 2, 3, 10, 60]
RATE_PAIRS = [(100, 500), (250, 500), (257, 500), (360, 500), (1000, 500), (500, 250), (500, 1000)]
SECONDS = 4


def fft_nums(n):
    """Output lengths for an input of n: tiny ones, around n/2, n and 2n (odd and even)."""
    nums = {1, 2, 3, 4, 5, n // 2, n // 2 + 1, n - 1, n, n + 1, (3 * n) // 2, 2 * n, 2 * n + 1}
    return sorted(k for k in nums if k >= 1)


# ------------------------------------------------------------------------------------ real leads

def wfdb_leads(header, names, start, count, step=1):
    """Rows of physical values from a format-16 WFDB record: (raw - baseline) / gain for the named
    signals of the header's first signal file, samples start, start + step, ... (count of them)."""
    lines = [ln.split() for ln in header.read_text().splitlines() if ln.strip() and not ln.startswith("#")]
    signals = lines[1:]
    first_file = signals[0][0]
    in_file = [s for s in signals if s[0] == first_file]
    for s in in_file:
        if s[1] != "16":
            raise SystemExit(f"{header}: only format 16 is read here, not {s[1]}")
    raw = np.fromfile(header.parent / first_file, dtype="<i2").reshape(-1, len(in_file))
    rows = []
    for name in names:
        (idx,) = [i for i, s in enumerate(in_file) if s[-1] == name]
        gain_field = in_file[idx][2].split("/")[0]
        if "(" in gain_field:
            gain = float(gain_field.split("(")[0])
            baseline = float(gain_field.split("(")[1].rstrip(")"))
        else:
            gain = float(gain_field)
            baseline = float(in_file[idx][4])  # ADC zero
        rows.append((raw[start:start + step * count:step, idx].astype(np.float64) - baseline) / gain)
    return np.array(rows)


def challenge_leads(data, names, start, count):
    """Rows of A5432 (500 Hz, gain 1000/mV, baseline 0): MAT v4 ``val`` 12 x 5000."""
    header = (data / "cinc2020-fixtures" / "A5432.hea").read_text().splitlines()
    leads = [ln.split()[-1] for ln in header[1:13]]
    for ln in header[1:13]:
        if ln.split()[2] != "1000/mV" or ln.split()[4] != "0":
            raise SystemExit("A5432: expected gain 1000/mV and ADC zero 0")
    val = scipy.io.loadmat(data / "cinc2020-fixtures" / "A5432.mat")["val"]
    return np.array([val[leads.index(name), start:start + count].astype(np.float64) / 1000.0 for name in names])


def real_inputs(data):
    """name -> (rows, source description) for the rate cases."""
    native = data / "native"
    out = {}
    n = lambda fs: SECONDS * fs  # noqa: E731
    out["ecg_100"] = (wfdb_leads(native / "00001_lr.hea", ["I", "II"], 100, n(100)),
                      "PTB-XL 00001_lr leads I, II, samples 100..499 (100 Hz)")
    out["ecg_1000"] = (wfdb_leads(native / "s0010_re.hea", ["i", "v1"], 1000, n(1000)),
                       "PTB s0010_re leads i, v1, samples 1000..4999 (1000 Hz)")
    out["ecg_250"] = (wfdb_leads(native / "s0010_re.hea", ["ii", "v5"], 2000, n(250), step=4),
                      "PTB s0010_re leads ii, v5, every 4th sample from 2000 (1000 Hz -> 250 Hz)")
    out["ecg_500"] = (challenge_leads(data, ["II", "V3"], 500, n(500)),
                      "CinC 2020 A5432 leads II, V3, samples 500..2499 (500 Hz)")
    out["ecg_257"] = (challenge_leads(data, ["V2", "aVF"], 1000, n(257)),
                      "CinC 2020 A5432 leads V2, aVF, samples 1000..2027, used as if 257 Hz")
    out["ecg_360"] = (challenge_leads(data, ["V2", "aVF"], 2500, n(360)),
                      "CinC 2020 A5432 leads V2, aVF, samples 2500..3939, used as if 360 Hz")
    twelve = ["i", "ii", "iii", "avr", "avl", "avf", "v1", "v2", "v3", "v4", "v5", "v6"]
    out["ecg12_1000"] = (wfdb_leads(native / "s0010_re.hea", twelve, 5000, 1500),
                         "PTB s0010_re all 12 leads, samples 5000..6499 (1000 Hz)")
    return out


# ------------------------------------------------------------------------------------ cases

def rate_up_down(fs, target):
    g = math.gcd(fs, target)
    return target // g, fs // g


def compute(case, x):
    """scipy's output rows for one case and its input rows."""
    method = case["method"]
    if method in ("fft", "fft-rates"):
        return np.array([scipy.signal.resample(row, case["num"]) for row in x])
    if method in ("poly", "poly-rates"):
        return np.array([scipy.signal.resample_poly(row, case["up"], case["down"]) for row in x])
    raise ValueError(method)


def build_cases(data):
    rng = np.random.default_rng(SEED)
    inputs = {}  # name -> (rows, source)
    cases = []

    def rand_input(n):
        name = f"rand_{n}"
        if name not in inputs:
            inputs[name] = (rng.standard_normal((1, n)), f"standard normal, numpy default_rng({SEED})")
        return name

    for n in FFT_LENGTHS:
        for num in fft_nums(n):
            cases.append({"name": f"fft n={n} num={num}", "method": "fft", "input": rand_input(n), "num": num})
    for n, nums in FFT_BIG.items():
        for num in nums:
            cases.append({"name": f"fft n={n} num={num}", "method": "fft", "input": rand_input(n), "num": num})
    for n in POLY_LENGTHS:
        for up, down in POLY_PAIRS:
            cases.append({"name": f"poly n={n} {up}/{down}", "method": "poly", "input": rand_input(n),
                          "up": up, "down": down})
    for n in POLY_BIG_LENGTHS:
        for up, down in POLY_BIG:
            cases.append({"name": f"poly n={n} {up}/{down}", "method": "poly", "input": rand_input(n),
                          "up": up, "down": down})

    inputs.update(real_inputs(data))
    rate_cases = [(fs, target, f"ecg_{fs}", "") for fs, target in RATE_PAIRS]
    rate_cases.append((1000, 500, "ecg12_1000", "12 leads "))
    for fs, target, src, label in rate_cases:
        n = inputs[src][0].shape[1]
        up, down = rate_up_down(fs, target)
        num = round(n * target / fs)
        for method in ("fft-rates", "poly-rates"):
            cases.append({"name": f"{method} {label}{fs}->{target} Hz", "method": method, "input": src,
                          "fs": fs, "target_fs": target, "num": num, "up": up, "down": down})
    return inputs, cases


def output_lengths():
    """For every rate pair (and a few more) and n = 1..50: the FFT length round(n * target / fs) and the
    length resample_poly actually returns."""
    pairs = RATE_PAIRS + [(1000, 250), (500, 500), (360, 250), (128, 500)]
    out = []
    for fs, target in pairs:
        up, down = rate_up_down(fs, target)
        out.append({"fs": fs, "target_fs": target,
                    "fft": [round(n * target / fs) for n in range(1, 51)],
                    "poly": [len(scipy.signal.resample_poly(np.ones(n), up, down)) for n in range(1, 51)]})
    return out


# ------------------------------------------------------------------------------------ files

def write(out_dir, inputs, cases):
    out_dir.mkdir(parents=True, exist_ok=True)
    blocks = []
    offset = 0
    index_inputs = {}
    for name, (rows, source) in inputs.items():
        rows = np.ascontiguousarray(rows, dtype="<f8")
        index_inputs[name] = {"offset": offset, "rows": rows.shape[0], "length": rows.shape[1], "source": source}
        blocks.append(rows.ravel())
        offset += rows.size
    index_cases = []
    for case in cases:
        y = np.ascontiguousarray(compute(case, inputs[case["input"]][0]), dtype="<f8")
        entry = dict(case)
        entry["output"] = {"offset": offset, "rows": y.shape[0], "length": y.shape[1]}
        index_cases.append(entry)
        blocks.append(y.ravel())
        offset += y.size
    data = np.concatenate(blocks).astype("<f8")
    (out_dir / DATA_FILE).write_bytes(data.tobytes())
    index = {
        "format": "ecg-workbench resample golden 1",
        "generator": "src/test/python/make_resample_golden.py",
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "data": DATA_FILE,
        "dtype": "<f8",
        "values": int(data.size),
        "lengths": output_lengths(),
        "inputs": index_inputs,
        "cases": index_cases,
    }
    with open(out_dir / "index.json", "w") as f:
        f.write("{\n")
        for key in ("format", "generator", "numpy", "scipy", "data", "dtype", "values"):
            f.write(f'  {json.dumps(key)}: {json.dumps(index[key])},\n')
        f.write('  "lengths": [\n')
        f.write(",\n".join(f"    {json.dumps(e)}" for e in index["lengths"]))
        f.write("\n  ],\n")
        f.write('  "inputs": {\n')
        f.write(",\n".join(f"    {json.dumps(k)}: {json.dumps(v)}" for k, v in index_inputs.items()))
        f.write("\n  },\n  \"cases\": [\n")
        f.write(",\n".join(f"    {json.dumps(c)}" for c in index_cases))
        f.write("\n  ]\n}\n")
    print(f"{len(index_cases)} cases, {len(index_inputs)} inputs, {data.size} values "
          f"({data.size * 8 / 1e6:.2f} MB) -> {out_dir}")


def check(out_dir):
    """Recomputes every stored case from its stored input with this interpreter's scipy."""
    index = json.loads((out_dir / "index.json").read_text())
    data = np.frombuffer((out_dir / index["data"]).read_bytes(), dtype="<f8")

    def block(ref):
        return data[ref["offset"]:ref["offset"] + ref["rows"] * ref["length"]].reshape(ref["rows"], ref["length"])

    worst = (0.0, None)
    for case in index["cases"]:
        y = compute(case, block(index["inputs"][case["input"]]))
        stored = block(case["output"])
        if y.shape != stored.shape:
            raise SystemExit(f"{case['name']}: shape {y.shape} here, {stored.shape} stored")
        scale = max(1.0, float(np.ptp(stored)))
        err = float(np.max(np.abs(y - stored))) / scale
        if err > worst[0]:
            worst = (err, case["name"])
    print(f"numpy {np.__version__}, scipy {scipy.__version__} against the files of scipy {index['scipy']}: "
          f"{len(index['cases'])} cases, largest |difference| / max(1, range) = {worst[0]:.3g}"
          + (f" ({worst[1]})" if worst[1] else ""))
    return worst[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the shared data folder")
    parser.add_argument("--out", type=Path, default=OUT_DIR, help="output folder")
    parser.add_argument("--check", action="store_true", help="compare the stored files with this scipy")
    args = parser.parse_args()
    if args.check:
        sys.exit(0 if check(args.out) < 1e-12 else 1)
    inputs, cases = build_cases(args.data)
    write(args.out, inputs, cases)


if __name__ == "__main__":
    main()
