#!/usr/bin/env python3
"""Golden outputs of whole preprocessing pipelines on the committed sample records.

Each case reads a record under resources/samples/ (MAT v4 `val` via scipy.io.loadmat, or a WFDB
format-16 .dat via numpy), converts to mV with the header gains and the CinC 2020 gain correction
(4880, 200 and 2000000 /mV in 16+24 .mat files read as 1000/mV), puts the 12 leads in standard
order, runs the steps with scipy/numpy exactly as ECG Workbench's Pipeline describes them, and
writes src/test/resources/golden/pipeline/<case>.json (pipeline JSON + shapes) and <case>.f32
(float32 little-endian: for each output block, 12 × n values lead-major, then n mask bytes as
float32 0/1).

Steps as implemented (see org.ecgworkbench.signal):
  resample fft   scipy.signal.resample(x, round(n * target / fs))     (Python round: half to even)
  resample poly  scipy.signal.resample_poly(x, up, down), up/down = target/fs reduced
  highpass/lowpass/bandpass  scipy.signal.butter(order, Wn, btype, fs=fs): filtfilt on (b, a)
                 when the filter has at most 2 poles, else sosfiltfilt on output='sos'
  notch          scipy.signal.iirnotch(f0, Q, fs) + filtfilt
  normalize      zscore: (x - mean) / std (ddof 0); minmax: (x - min) / (max - min); over real samples
  length end     truncate or zero-pad at the end; center: crop the middle ((n-L)//2) or pad
                 (L-n)//2 before; windows: starts 0, hop, 2 hop, ... plus one ending at n
                 when the hops miss the end.

Regenerate (needs numpy + scipy; Debian's python3-scipy or the pyenv python3 both work):
    python3 src/test/python/make_pipeline_golden.py
"""
import json
import math
import os
import sys

import numpy as np
import scipy.io
import scipy.signal as ss

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", ".."))
SAMPLES = os.path.join(ROOT, "resources", "samples")
OUT = os.path.join(ROOT, "src", "test", "resources", "golden", "pipeline")
ORDER = ["I", "II", "III", "AVR", "AVL", "AVF", "V1", "V2", "V3", "V4", "V5", "V6"]
WRONG_GAINS = {4880.0, 200.0, 2000000.0}


def read_record(rec_id):
    with open(os.path.join(SAMPLES, rec_id + ".hea")) as f:
        lines = [l for l in f.read().splitlines() if l.strip() and not l.startswith("#")]
    head = lines[0].split()
    nsig, fs = int(head[1]), float(head[2])
    sigs = [l.split() for l in lines[1:1 + nsig]]
    files = {s[0] for s in sigs}
    assert len(files) == 1
    fname = sigs[0][0]
    if fname.endswith(".mat"):
        val = scipy.io.loadmat(os.path.join(SAMPLES, fname))["val"].astype(np.float64)
    else:
        val = np.fromfile(os.path.join(SAMPLES, fname), dtype="<i2").reshape(-1, nsig).T.astype(np.float64)
    leads = {}
    for row, s in enumerate(sigs):
        gain_field = s[2]
        gain = float(gain_field.split("/")[0].split("(")[0])
        baseline = int(gain_field.split("(")[1].split(")")[0]) if "(" in gain_field else int(s[4])
        if fname.endswith(".mat") and s[1] == "16+24" and gain in WRONG_GAINS:
            gain = 1000.0
        leads[s[-1].upper()] = (val[row] - baseline) / gain
    x = np.stack([leads[name].astype(np.float32).astype(np.float64) for name in ORDER])
    return x, fs


def butter_filter(x, fs, order, wn, btype):
    poles = order * (2 if btype == "bandpass" else 1)
    if poles <= 2:
        b, a = ss.butter(order, wn, btype, fs=fs)
        return ss.filtfilt(b, a, x, axis=-1)
    sos = ss.butter(order, wn, btype, fs=fs, output="sos")
    return ss.sosfiltfilt(sos, x, axis=-1)


def apply_step(step, block):
    x, mask, fs = block
    kind = step["step"]
    if kind == "resample":
        target = step["target_hz"]
        if target == fs:
            return [block]
        if step["method"] == "fft":
            num = round(x.shape[1] * target / fs)
            y = ss.resample(x, num, axis=-1)
        else:
            up, down = int(target), int(fs)
            g = math.gcd(up, down)
            y = ss.resample_poly(x, up // g, down // g, axis=-1)
        return [(y, np.ones(y.shape[1], bool), target)]
    if kind in ("highpass", "lowpass", "bandpass", "notch"):
        idx = np.flatnonzero(mask)
        lo, hi = idx[0], idx[-1] + 1
        y = np.zeros_like(x)
        seg = x[:, lo:hi]
        if kind == "notch":
            b, a = ss.iirnotch(step["frequency_hz"], step["q"], fs=fs)
            y[:, lo:hi] = ss.filtfilt(b, a, seg, axis=-1)
        elif kind == "bandpass":
            y[:, lo:hi] = butter_filter(seg, fs, step["order"], [step["low_hz"], step["high_hz"]], "bandpass")
        else:
            y[:, lo:hi] = butter_filter(seg, fs, step["order"], step["cutoff_hz"], kind)
        return [(y, mask, fs)]
    if kind == "normalize":
        y = np.zeros_like(x)
        real = x[:, mask]
        if step["kind"] == "zscore":
            mean = real.mean(axis=1, keepdims=True)
            sd = real.std(axis=1, keepdims=True)
            y[:, mask] = np.where(sd > 0, (real - mean) / np.where(sd > 0, sd, 1), 0)
        else:
            lo = real.min(axis=1, keepdims=True)
            hi = real.max(axis=1, keepdims=True)
            y[:, mask] = np.where(hi > lo, (real - lo) / np.where(hi > lo, hi - lo, 1), 0)
        return [(y, mask, fs)]
    if kind == "length":
        L, n = step["samples"], x.shape[1]

        def cut(start, pad_before):
            y = np.zeros((12, L))
            m = np.zeros(L, bool)
            count = max(0, min(n - start, L - pad_before))
            y[:, pad_before:pad_before + count] = x[:, start:start + count]
            m[pad_before:pad_before + count] = mask[start:start + count]
            return (y, m, fs)

        if step["policy"] == "end":
            return [cut(0, 0)]
        if step["policy"] == "center":
            return [cut((n - L) // 2, 0) if n >= L else cut(0, (L - n) // 2)]
        if n <= L:
            return [cut(0, 0)]
        starts = list(range(0, n - L + 1, step["hop"]))
        if starts[-1] + L < n:
            starts.append(n - L)
        return [cut(s, 0) for s in starts]
    raise ValueError(kind)


CASES = {
    "lr100_default": ("00001_lr", [{"step": "resample", "method": "fft", "target_hz": 500.0},
                                   {"step": "length", "samples": 5000, "policy": "end"}]),
    "lr100_poly_center_zscore": ("00001_lr", [{"step": "resample", "method": "poly", "target_hz": 500.0},
                                              {"step": "normalize", "kind": "zscore"},
                                              {"step": "length", "samples": 6000, "policy": "center"}]),
    "a5432_band_notch_zscore": ("A5432", [{"step": "bandpass", "low_hz": 0.5, "high_hz": 40.0, "order": 2},
                                          {"step": "notch", "frequency_hz": 50.0, "q": 30.0},
                                          {"step": "normalize", "kind": "zscore"},
                                          {"step": "length", "samples": 5000, "policy": "end"}]),
    "hr00599_highpass_minmax_crop": ("HR00599", [{"step": "highpass", "cutoff_hz": 0.5, "order": 2},
                                                 {"step": "normalize", "kind": "minmax"},
                                                 {"step": "length", "samples": 4000, "policy": "center"}]),
    "q1805_fft250_windows": ("Q1805", [{"step": "resample", "method": "fft", "target_hz": 250.0},
                                       {"step": "lowpass", "cutoff_hz": 40.0, "order": 4},
                                       {"step": "length", "samples": 1000, "policy": "windows", "hop": 600}]),
}


def main():
    os.makedirs(OUT, exist_ok=True)
    for name, (rec_id, steps) in CASES.items():
        x, fs = read_record(rec_id)
        blocks = [(x, np.ones(x.shape[1], bool), fs)]
        for step in steps:
            blocks = [out for b in blocks for out in apply_step(step, b)]
        with open(os.path.join(OUT, name + ".f32"), "wb") as f:
            for y, m, _ in blocks:
                f.write(y.astype("<f4").tobytes())
                f.write(m.astype("<f4").tobytes())
        meta = {"record": rec_id, "pipeline": {"format": "ecg-workbench-pipeline", "version": 1, "steps": steps},
                "blocks": len(blocks), "length": int(blocks[0][0].shape[1]), "fs": blocks[0][2],
                "scipy": ss.__name__ and __import__("scipy").__version__}
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(meta, f, indent=1, sort_keys=True)
            f.write("\n")
        print(name, len(blocks), "block(s) of", blocks[0][0].shape, file=sys.stderr)


if __name__ == "__main__":
    main()
