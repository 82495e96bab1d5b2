#!/usr/bin/env python3
"""Writes the golden values that RealRecordsTest and SampleRecordsTest compare the Java reader with.

Usage (from the project root):

    python3 src/test/python/make_record_golden.py                       # ../shared/data -> records.json
    python3 src/test/python/make_record_golden.py resources/samples \\
            src/test/resources/golden/samples.json                        # the committed samples

Needs numpy and scipy only (no wfdb package). Run it again whenever a record is added to
the data folder; the tests fail when the folder holds a record the golden file lacks.
The output depends only on the files read (no time stamps, sorted walk), so it is
deterministic; it names the numpy and scipy versions that produced it.

What is read, and how
---------------------
Every folder under DATA (recursively, DATA itself included) except ``challenge2020/``:

* ``NAME.hea`` — a WFDB header. Parsed here from the header(5) grammar (record line, one
  line per signal, ``#`` comments). The signals are read file by file, in header order:
  a ``.mat`` signal file (MATLAB level 4, the challenge's ``16+24``) with
  ``scipy.io.loadmat(f)['val']`` — rows are the file's signals — and cross-checked against
  a direct format-16 decode at the header's byte offset; any other file (``.dat``,
  ``.xyz``) must be format 16 and is decoded with
  ``np.fromfile(f, dtype='<i2', offset=byte_offset).reshape(frames, signals_in_file)``.
  The first ``n`` samples are used, ``n`` being the header's sample count (the file must
  hold at least that many), or everything the file holds when the header gives none.
  A header whose signal file is missing (the St Petersburg ``I*.hea``) gets
  ``expect_error`` with the reason instead of signals.
* ``NAME.mat`` without a header beside it — a MATLAB level 5 file of the original CPSC 2018
  (``loadmat(f)['ECG']``: struct with ``sex``, ``age``, ``data`` 12 × N float64 in mV).
  Its leads are the CPSC order I, II, III, aVR, aVL, aVF, V1–V6 and its rate 500 Hz, as the
  CPSC 2018 description and the data README state (the file holds neither).

Output (JSON, one record per line inside ``records``)
-----------------------------------------------------
Top level: ``format``, ``generator``, ``numpy``, ``scipy``, ``definitions`` (these rules in
short) and ``records``, sorted by ``path``. Each record:

* ``path``: the file to read, relative to DATA with ``/`` (the header, or the MAT v5 file);
* ``kind``: ``"wfdb"`` or ``"mat5"``;
* ``id``: record name from the record line without a ``.mat``/``.dat`` extension (MAT v5:
  the file name without ``.mat``);
* ``fs``: sampling frequency in Hz; ``n``: samples per signal;
* ``leads``: signal names exactly as written (header description field), header order;
* ``age`` (number or null: ``NaN``/missing gives null), ``sex`` (``"Male"``, ``"Female"``
  or null), ``dx`` (the ``#Dx`` entries, comma separated, blanks dropped), ``has_dx``
  (whether a ``Dx`` comment line exists at all). Comment keys are case-insensitive and the
  space after ``#`` is optional (``#Age: 74`` and ``# Age: 78`` are the same); for MAT v5
  these come from the struct (``dx`` empty, ``has_dx`` false);
* ``gain_fix`` (WFDB only): whether the CinC 2020 gain correction applies, i.e. at least
  one signal has gain 4880, 200 or 2000000 per mV, format 16 with one sample per frame,
  byte offset 24, in a ``.mat`` file;
* ``expect_error`` (instead of ``signals``): why the record cannot be read;
* ``signals``: an object of parallel lists, entry ``i`` of each belonging to signal ``i``
  in header (or data row) order, the same order as ``leads``:

  - WFDB only: ``gain`` and ``baseline`` as the header gives them (baseline defaults to the
    ADC zero), ``units`` (``"mV"`` when not written), ``format`` (the field as written,
    e.g. ``16+24``), ``checksum_ok`` (the header's checksum against the 16-bit sum of the
    samples, null when the header gives none), ``min``/``max`` of the raw integers, and
  - ``sha256``: SHA-256, lower-case hex, of this one signal's ``n`` raw integer samples in
    time order, each written as a 4-byte little-endian two's-complement int32 (so 4·n
    bytes; no header, no separator). In Java: ``ByteBuffer.allocate(4 * n)
    .order(LITTLE_ENDIAN)``, ``putInt`` each value, ``MessageDigest "SHA-256"``.
  - MAT v5 only: ``mv_min``/``mv_max`` of the physical values, no hash;
  - both: physical values ``x = (val - baseline) / gain`` in float64 (MAT v5: the data as
    stored) — ``sum`` (``np.sum``), ``sumsq`` (``np.sum(x * x)``), and ``at``: the values at
    sample indices ``[0, 1, n // 2, n - 1]``.

Floats are written rounded to 12 significant digits (far finer than the float32 samples
the Java reader keeps), in Python's shortest repr of the rounded value.
"""

import argparse
import hashlib
import json
import math
import re
import sys
from pathlib import Path

import numpy as np
import scipy
import scipy.io

PROJECT_ROOT = Path(__file__).resolve().parents[3]
DEFAULT_DATA = PROJECT_ROOT.parent / "shared" / "data"
DEFAULT_OUT = PROJECT_ROOT / "src" / "test" / "resources" / "golden" / "records.json"

SKIPPED_FOLDERS = {"challenge2020"}
IGNORED_SUFFIXES = {".md", ".txt", ".csv",
                    # WFDB annotation files beside a record (LUDB: one per lead, named by the lead)
                    ".i", ".ii", ".iii", ".avr", ".avl", ".avf", ".v1", ".v2", ".v3", ".v4", ".v5", ".v6"}
CINC_WRONG_GAINS = {4880.0, 200.0, 2000000.0}
CPSC_LEADS = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"]
CPSC_FS = 500

FORMAT_FIELD = re.compile(r"(\d+)(?:x(\d+))?(?::(-?\d+))?(?:\+(\d+))?$")
GAIN_FIELD = re.compile(r"([^()/]+)(?:\(([^()]*)\))?(?:/(.*))?$")
FS_FIELD = re.compile(r"([^/()]+)(?:/([^/()]+))?(?:\(([^()]+)\))?$")


class DataError(Exception):
    """Something in the data folder this script does not understand; it refuses to guess."""


def rounded(x):
    """A float rounded to 12 significant digits (an int stays an int)."""
    if isinstance(x, (int, np.integer)):
        return int(x)
    x = float(x)
    if not math.isfinite(x):
        raise DataError(f"non-finite value {x}")
    return float(f"{x:.12g}")


def number(x):
    """A header number as JSON: integral values as ints (1000, not 1000.0)."""
    x = float(x)
    return int(x) if x.is_integer() and abs(x) < 2**53 else x


# ---------------------------------------------------------------------------------------- headers

def parse_header(path):
    """The record line, signal lines and comments of a WFDB header (header(5))."""
    text = path.read_text(encoding="utf-8-sig")
    comments = []
    field_lines = []
    for raw in text.splitlines():
        line = raw.strip()
        if not line:
            continue
        if line.startswith("#"):
            comments.append(line[1:].strip())
        else:
            field_lines.append(line)
    if not field_lines:
        raise DataError(f"{path}: no record line")
    rec = field_lines[0].split()
    if "/" in rec[0]:
        raise DataError(f"{path}: multi-segment records are not covered")
    nsig = int(rec[1])
    fs = 250.0
    if len(rec) > 2:
        m = FS_FIELD.match(rec[2])
        if not m:
            raise DataError(f"{path}: bad sampling frequency {rec[2]!r}")
        fs = float(m.group(1))
    nsamp = int(rec[3]) if len(rec) > 3 else 0
    if len(field_lines) < 1 + nsig:
        raise DataError(f"{path}: {nsig} signals declared, {len(field_lines) - 1} signal lines")
    signals = [parse_signal_line(path, line) for line in field_lines[1:1 + nsig]]
    return {"name": rec[0], "nsig": nsig, "fs": fs, "nsamp": nsamp, "signals": signals, "comments": comments}


def parse_signal_line(path, line):
    f = line.split(None, 8)
    fm = FORMAT_FIELD.match(f[1]) if len(f) > 1 else None
    if not fm:
        raise DataError(f"{path}: bad format field in {line!r}")
    gain, baseline, units = 200.0, None, "mV"
    if len(f) > 2:
        gm = GAIN_FIELD.match(f[2])
        if not gm:
            raise DataError(f"{path}: bad gain field in {line!r}")
        g = float(gm.group(1))
        if g != 0:
            gain = g
        if gm.group(2) is not None:
            baseline = int(gm.group(2))
        if gm.group(3):
            units = gm.group(3)
    adc_zero = int(f[4]) if len(f) > 4 else 0
    return {
        "file": f[0],
        "format_field": f[1],
        "format": int(fm.group(1)),
        "spf": int(fm.group(2)) if fm.group(2) else 1,
        "skew": int(fm.group(3)) if fm.group(3) else 0,
        "offset": int(fm.group(4)) if fm.group(4) else 0,
        "gain": gain,
        "baseline": adc_zero if baseline is None else baseline,
        "units": units,
        "checksum": int(f[6]) if len(f) > 6 else None,
        "description": f[8].strip() if len(f) > 8 else "",
    }


def comment_facts(comments):
    """age, sex, dx and has_dx from `key: value` comments (keys case-insensitive, first wins)."""
    fields = {}
    for c in comments:
        key, colon, value = c.partition(":")
        key = key.strip().lower()
        if colon and key and key not in fields:
            fields[key] = value.strip()
    return {
        "age": parse_age(fields.get("age")),
        "sex": parse_sex(fields.get("sex")),
        "dx": [e.strip() for e in fields["dx"].split(",") if e.strip()] if "dx" in fields else [],
        "has_dx": "dx" in fields,
    }


def parse_age(text):
    if text is None:
        return None
    try:
        age = float(text)
    except ValueError:
        return None
    return number(age) if math.isfinite(age) and age >= 0 else None


def parse_sex(text):
    t = (text or "").strip().lower()
    return {"male": "Male", "m": "Male", "female": "Female", "f": "Female"}.get(t)


# ---------------------------------------------------------------------------------------- signals

def read_signal_file(path, specs, nsamp):
    """The raw samples of the signals stored in one file: int array [signal, sample]."""
    k = len(specs)
    first = specs[0]
    for s in specs:
        if (s["format"], s["spf"], s["offset"]) != (first["format"], first["spf"], first["offset"]):
            raise DataError(f"{path}: signals of one file differ in format")
        if s["format"] != 16 or s["spf"] != 1 or s["skew"] != 0:
            raise DataError(f"{path}: only format 16, one sample per frame, no skew is covered ({s['format_field']})")
    raw = np.fromfile(path, dtype="<i2", offset=first["offset"])
    frames = raw.size // k
    direct = raw[: frames * k].reshape(frames, k).T
    if path.suffix.lower() == ".mat":
        val = scipy.io.loadmat(str(path))["val"]
        if val.shape[0] != k:
            raise DataError(f"{path}: 'val' has {val.shape[0]} rows, the header {k} signals")
        # The header's 16+24 must describe the MAT v4 file exactly: same integers both ways.
        if not np.array_equal(val, direct[:, : val.shape[1]]):
            raise DataError(f"{path}: loadmat 'val' differs from a format-16 decode at byte {first['offset']}")
        data = val
    else:
        data = direct
    n = nsamp if nsamp > 0 else data.shape[1]
    if data.shape[1] < n:
        raise DataError(f"{path}: holds {data.shape[1]} samples per signal, the header says {n}")
    return data[:, :n].astype(np.int64)


def physical_stats(x):
    n = x.size
    if n < 2:
        raise DataError("fewer than two samples")
    return {
        "sum": rounded(np.sum(x)),
        "sumsq": rounded(np.sum(x * x)),
        "at": [rounded(x[i]) for i in (0, 1, n // 2, n - 1)],
    }


def sha256_int32le(values):
    return hashlib.sha256(np.asarray(values, dtype="<i4").tobytes()).hexdigest()


def wfdb_record(data_root, header_path):
    h = parse_header(header_path)
    specs = h["signals"]
    name = h["name"]
    rec_id = re.sub(r"\.(mat|dat)$", "", name, flags=re.IGNORECASE)
    if rec_id != header_path.stem:
        raise DataError(f"{header_path}: record name {name!r} does not match the file name")
    entry = {
        "path": header_path.relative_to(data_root).as_posix(),
        "kind": "wfdb",
        "id": rec_id,
        "fs": number(h["fs"]),
        "n": h["nsamp"],
        "leads": [s["description"] for s in specs],
    }
    entry.update(comment_facts(h["comments"]))
    entry["gain_fix"] = any(
        s["gain"] in CINC_WRONG_GAINS and s["format"] == 16 and s["spf"] == 1 and s["offset"] == 24
        and s["file"].lower().endswith(".mat") for s in specs)

    files = {}
    for i, s in enumerate(specs):
        files.setdefault(s["file"], []).append(i)
    missing = [f for f in files if not (header_path.parent / f).is_file()]
    if missing:
        entry["expect_error"] = f"signal file {missing[0]} not found beside the header"
        return entry, set()

    raw = [None] * len(specs)
    for fname, idx in files.items():
        block = read_signal_file(header_path.parent / fname, [specs[i] for i in idx], h["nsamp"])
        for row, i in enumerate(idx):
            raw[i] = block[row]
    lengths = {r.size for r in raw}
    if len(lengths) != 1:
        raise DataError(f"{header_path}: signal files hold different numbers of samples {sorted(lengths)}")
    entry["n"] = lengths.pop()

    signals = []
    for s, v in zip(specs, raw):
        phys = (v.astype(np.float64) - s["baseline"]) / s["gain"]
        sig = {
            "gain": number(s["gain"]),
            "baseline": s["baseline"],
            "units": s["units"],
            "format": s["format_field"],
            "checksum_ok": None if s["checksum"] is None
            else (int(v.sum()) & 0xFFFF) == (s["checksum"] & 0xFFFF),
            "min": int(v.min()),
            "max": int(v.max()),
            "sha256": sha256_int32le(v),
        }
        sig.update(physical_stats(phys))
        signals.append(sig)
    entry["signals"] = columns(signals)
    return entry, {header_path.parent / f for f in files}


def mat5_record(data_root, mat_path):
    ecg = scipy.io.loadmat(str(mat_path))["ECG"][0, 0]
    data = np.asarray(ecg["data"], dtype=np.float64)
    if data.ndim != 2 or data.shape[0] != len(CPSC_LEADS):
        raise DataError(f"{mat_path}: ECG.data has shape {data.shape}, expected 12 × N")
    age = np.asarray(ecg["age"]).squeeze()
    sex = np.asarray(ecg["sex"]).squeeze()
    entry = {
        "path": mat_path.relative_to(data_root).as_posix(),
        "kind": "mat5",
        "id": mat_path.stem,
        "fs": CPSC_FS,
        "n": int(data.shape[1]),
        "leads": list(CPSC_LEADS),
        "age": parse_age(str(age)) if age.size == 1 else None,
        "sex": parse_sex(str(sex)) if sex.size == 1 else None,
        "dx": [],
        "has_dx": False,
    }
    signals = []
    for row in data:
        sig = {"mv_min": rounded(row.min()), "mv_max": rounded(row.max())}
        sig.update(physical_stats(row))
        signals.append(sig)
    entry["signals"] = columns(signals)
    return entry


def columns(signals):
    """Per-signal objects as one object of parallel lists (index = signal index): keys once per record."""
    return {key: [s[key] for s in signals] for key in signals[0]}


def is_mat5(path):
    with open(path, "rb") as f:
        return f.read(10) == b"MATLAB 5.0"


# ---------------------------------------------------------------------------------------- walk

def collect(data_root):
    records = []
    for folder in sorted([data_root] + [p for p in data_root.rglob("*") if p.is_dir()]):
        rel = folder.relative_to(data_root)
        if rel.parts and rel.parts[0] in SKIPPED_FOLDERS:
            continue
        files = sorted(p for p in folder.iterdir() if p.is_file())
        used = set()
        for hea in (p for p in files if p.suffix == ".hea"):
            entry, signal_files = wfdb_record(data_root, hea)
            records.append(entry)
            used |= signal_files
        for f in files:
            if f.suffix == ".hea" or f in used or f.suffix.lower() in IGNORED_SUFFIXES:
                continue
            if f.suffix.lower() == ".mat" and not f.with_suffix(".hea").exists() and is_mat5(f):
                records.append(mat5_record(data_root, f))
            else:
                raise DataError(f"{f}: not a record file this script understands")
    records.sort(key=lambda r: r["path"])
    return records


DEFINITIONS = {
    "sha256": "SHA-256 (hex) of one signal's n raw samples in time order, each as int32 little-endian",
    "physical": "x = (val - baseline) / gain in float64 (MAT v5: ECG.data as stored, mV)",
    "at": "x at sample indices [0, 1, n // 2, n - 1]",
    "rounding": "floats rounded to 12 significant digits",
}


def write(records, out):
    head = {
        "format": "ecg-workbench record golden 1",
        "generator": "src/test/python/make_record_golden.py",
        "numpy": np.__version__,
        "scipy": scipy.__version__,
        "definitions": DEFINITIONS,
    }
    text = json.dumps(head, separators=(",", ":"))[:-1] + ',"records":[\n'
    text += ",\n".join(json.dumps(r, separators=(",", ":"), allow_nan=False) for r in records)
    text += "\n]}\n"
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    tmp.replace(out)
    return len(text.encode("utf-8"))


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("data", nargs="?", type=Path, default=DEFAULT_DATA,
                    help=f"data folder (default: {DEFAULT_DATA})")
    ap.add_argument("out", nargs="?", type=Path, default=DEFAULT_OUT,
                    help=f"output JSON (default: {DEFAULT_OUT})")
    args = ap.parse_args(argv)
    data_root = args.data.resolve()
    if not data_root.is_dir():
        ap.error(f"{data_root} is not a folder")
    try:
        records = collect(data_root)
    except DataError as e:
        print(f"make_record_golden: {e}", file=sys.stderr)
        return 1
    size = write(records, args.out)
    errors = sum(1 for r in records if "expect_error" in r)
    print(f"{args.out}: {len(records)} records ({errors} expected to fail), {size} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
