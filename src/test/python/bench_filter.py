#!/usr/bin/env python3
"""Reference for FilterBenchmark: scipy's zero-phase filters on one 12-lead record (12 x 5000 at 500 Hz).

The same three filters as the JMH benchmark, filtered along axis=-1 of the whole (12, 5000)
array in one call, as a Python pipeline does:

* highpass-0.5-o2:    b, a = butter(2, 0.5, 'highpass', fs=500);   filtfilt(b, a, x, axis=-1)
* bandpass-0.5-40-o2: sos = butter(2, [0.5, 40], 'bandpass', fs=500, output='sos');
                      sosfiltfilt(sos, x, axis=-1)
* notch-50-q30:       b, a = iirnotch(50, 30, fs=500);             filtfilt(b, a, x, axis=-1)

Each is timed with the design call (as a pipeline that designs per record would) and without it
(designed once), --calls times after a warm-up; prints the median and quartiles in microseconds
per record. The machine is shared and noisy: compare medians.

    python3 src/test/python/bench_filter.py [--calls 300]
"""
import argparse
import statistics
import time

import numpy as np
import scipy
import scipy.signal as sig

FS = 500.0


def record():
    rng = np.random.default_rng(500)
    t = np.arange(5000) / FS
    return np.stack([0.8 * np.sin(2 * np.pi * 1.2 * t) + rng.normal() + 0.05 * rng.normal(size=5000)
                     for _ in range(12)])


def designs():
    return {
        'highpass-0.5-o2': lambda: ('ba', sig.butter(2, 0.5, 'highpass', fs=FS)),
        'bandpass-0.5-40-o2': lambda: ('sos', sig.butter(2, [0.5, 40], 'bandpass', fs=FS, output='sos')),
        'notch-50-q30': lambda: ('ba', sig.iirnotch(50, 30, fs=FS)),
    }


def apply(designed, x):
    form, coeffs = designed
    if form == 'sos':
        return sig.sosfiltfilt(coeffs, x, axis=-1)
    b, a = coeffs
    return sig.filtfilt(b, a, x, axis=-1)


def timed(fn, calls):
    for _ in range(max(10, calls // 10)):
        fn()
    times = []
    for _ in range(calls):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1e6)
    q = statistics.quantiles(times, n=4)
    return statistics.median(times), q[0], q[2]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--calls', type=int, default=300)
    args = parser.parse_args()
    x = record()
    print('numpy %s, scipy %s; one record = %s float64; us per record: median [q1, q3]'
          % (np.__version__, scipy.__version__, x.shape))
    for name, design in designs().items():
        designed = design()
        with_design = timed(lambda: apply(design(), x), args.calls)
        without = timed(lambda: apply(designed, x), args.calls)
        print('%-20s with design %8.1f [%.1f, %.1f]   without %8.1f [%.1f, %.1f]'
              % ((name,) + with_design + without))
    bp, notch = designs()['bandpass-0.5-40-o2'], designs()['notch-50-q30']

    def pipeline():
        y = apply(notch(), apply(bp(), x))
        return (y - y.mean(axis=-1, keepdims=True)) / y.std(axis=-1, keepdims=True)

    print('%-20s with design %8.1f [%.1f, %.1f]' % (('band-pass+notch+z',) + timed(pipeline, args.calls)))


if __name__ == '__main__':
    main()
