#!/usr/bin/env python3
"""Reference for ResampleBenchmark: scipy resampling one 12-lead record, median time per record.

Same inputs as the JMH benchmark (12 leads of standard-normal noise; the timing does not depend on the
values):

* 12 x 15000 at 1000 Hz -> 500 Hz: ``scipy.signal.resample(x, 7500, axis=-1)`` on the record, the same
  lead by lead (``resample(row, 7500)``, which is faster: the 2-D call copies the record to move the
  axis), and ``resample_poly(x, 1, 2, axis=-1)``;
* 12 x 2570 at 257 Hz -> 500 Hz (10 s; ``resample`` to 5000, ``resample_poly(x, 500, 257)``);
* 12 x 32768 -> 16384 by ``resample`` (power of two).

Each figure is the median over ``--repeats`` timeit runs of ``--number`` calls each, in microseconds per
record. Single-threaded, as scipy is (its FFTs run one worker unless told otherwise).

    python3 src/test/python/bench_resample.py [--repeats 31] [--number 20]
"""
import argparse
import statistics
import timeit

import numpy as np
import scipy
import scipy.signal as ss


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--repeats", type=int, default=31)
    parser.add_argument("--number", type=int, default=20)
    args = parser.parse_args()

    rng = np.random.default_rng(1)
    at1000 = rng.standard_normal((12, 15000))
    at257 = rng.standard_normal((12, 2570))
    pow2 = rng.standard_normal((12, 32768))

    cases = [
        ("fft  1000->500  record (axis=-1)", lambda: ss.resample(at1000, 7500, axis=-1)),
        ("fft  1000->500  lead by lead", lambda: [ss.resample(row, 7500) for row in at1000]),
        ("poly 1000->500  record (axis=-1)", lambda: ss.resample_poly(at1000, 1, 2, axis=-1)),
        ("poly 1000->500  lead by lead", lambda: [ss.resample_poly(row, 1, 2) for row in at1000]),
        ("fft  257->500   record (axis=-1)", lambda: ss.resample(at257, 5000, axis=-1)),
        ("fft  257->500   lead by lead", lambda: [ss.resample(row, 5000) for row in at257]),
        ("poly 257->500   record (axis=-1)", lambda: ss.resample_poly(at257, 500, 257, axis=-1)),
        ("poly 257->500   lead by lead", lambda: [ss.resample_poly(row, 500, 257) for row in at257]),
        ("fft  32768->16384 record (axis=-1)", lambda: ss.resample(pow2, 16384, axis=-1)),
        ("fft  32768->16384 lead by lead", lambda: [ss.resample(row, 16384) for row in pow2]),
    ]
    print(f"numpy {np.__version__}, scipy {scipy.__version__}; median of {args.repeats} x {args.number} calls")
    for name, fn in cases:
        fn()  # warm caches (FFT plans, filter design is per call anyway)
        runs = timeit.repeat(fn, number=args.number, repeat=args.repeats)
        per_call = [r / args.number * 1e6 for r in runs]
        print(f"{name:36s} {statistics.median(per_call):9.1f} us/record  (min {min(per_call):.1f})")


if __name__ == "__main__":
    main()
