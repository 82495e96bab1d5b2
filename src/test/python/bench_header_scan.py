#!/usr/bin/env python3
"""Reference for HeaderScanBenchmark: header-only scanning in Python, the way the CinC 2020
example code reads headers (open, split lines, split fields, pull fs / samples / gains / #Dx).

Generates the same kind of headers as the JMH benchmark (4000 challenge-style 12-lead headers
with #Age/#Sex/#Dx comments), then walks the folder and parses every header, 7 times; prints the
median headers per second. Page cache warm, as in the JMH run.

    python3 src/test/python/bench_header_scan.py [--headers 4000] [--repeats 7]
"""
import argparse
import os
import random
import statistics
import tempfile
import time

LEADS = ["I", "II", "III", "aVR", "aVL", "aVF", "V1", "V2", "V3", "V4", "V5", "V6"]
PREFIX = ["A", "Q", "I", "S", "HR", "E"]
DX = ["426783006", "164889003", "59118001", "713427006", "284470004", "427172004",
      "164934002", "39732003", "164873001", "428750005", "270492004", "426177001"]


def header(rec_id, rnd):
    fs = 1000 if rec_id.startswith("S") else 257 if rec_id.startswith("I") else 500
    n = fs * (10 + rnd.randrange(50))
    lines = [f"{rec_id} 12 {fs} {n} 05-May-2020 14:50:55"]
    for lead in LEADS:
        lines.append(f"{rec_id}.mat 16+24 1000/mV 16 0 {rnd.randrange(400) - 200} {rnd.randrange(65536) - 32768} 0 {lead}")
    lines.append(f"#Age: {20 + rnd.randrange(70)}")
    lines.append(f"#Sex: {'Male' if rnd.random() < 0.5 else 'Female'}")
    lines.append(f"#Dx: {rnd.choice(DX)},{rnd.choice(DX)}")
    lines += ["#Rx: Unknown", "#Hx: Unknown", "#Sx: Unknown"]
    return "\n".join(lines) + "\n"


def parse(path):
    with open(path) as f:
        lines = f.read().splitlines()
    rec = lines[0].split()
    nsig, fs, nsamp = int(rec[1]), float(rec[2]), int(rec[3])
    gains = [float(l.split()[2].split("/")[0]) for l in lines[1:1 + nsig]]
    age = sex = None
    dx = []
    for l in lines[1 + nsig:]:
        if l.startswith("#Age"):
            age = l.split(":", 1)[1].strip()
        elif l.startswith("#Sex"):
            sex = l.split(":", 1)[1].strip()
        elif l.startswith("#Dx"):
            dx = [c.strip() for c in l.split(":", 1)[1].split(",") if c.strip()]
    return rec[0], fs, nsamp, gains, age, sex, dx


def scan(folder):
    out = []
    for root, _, files in os.walk(folder):
        for name in sorted(files):
            if name.endswith(".hea"):
                out.append(parse(os.path.join(root, name)))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--headers", type=int, default=4000)
    ap.add_argument("--repeats", type=int, default=7)
    args = ap.parse_args()
    rnd = random.Random(2020)
    with tempfile.TemporaryDirectory() as d:
        for i in range(args.headers):
            rec_id = f"{PREFIX[i % len(PREFIX)]}{i:05d}"
            with open(os.path.join(d, rec_id + ".hea"), "w") as f:
                f.write(header(rec_id, rnd))
        scan(d)  # warm the page cache
        rates = []
        for _ in range(args.repeats):
            t = time.perf_counter()
            n = len(scan(d))
            rates.append(n / (time.perf_counter() - t))
    print(f"python header scan: median {statistics.median(rates):.0f} headers/s "
          f"(min {min(rates):.0f}, max {max(rates):.0f}, {args.repeats} runs of {args.headers})")


if __name__ == "__main__":
    main()
