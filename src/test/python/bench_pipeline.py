#!/usr/bin/env python3
"""Reference timings for PipelineBenchmark: the same pipelines on one 12-lead record in scipy.

Each case starts from a float32 12 × n array in mV (what a reader gives) and ends with the float32
model input, designing filters inside the timed call as a per-record pipeline would. Prints the
median per-call time over many repeats (timeit), in microseconds.

    /usr/bin/python3 src/test/python/bench_pipeline.py     # Debian's scipy 1.10
    python3 src/test/python/bench_pipeline.py              # pyenv scipy 1.17
"""
import statistics
import timeit

import numpy as np
import scipy
import scipy.signal as ss


def record(fs, n):
    rnd = np.random.default_rng(7)
    t = np.arange(n) / fs
    phase = (t * 1.2) % 1.0
    one = np.exp(-((phase - 0.3) / 0.01) ** 2) + 0.2 * np.sin(2 * np.pi * 0.3 * t) + 0.05 * np.sin(2 * np.pi * 50 * t)
    return (one[None, :] + 0.02 * rnd.standard_normal((12, n))).astype(np.float32)


def fit_length(x, length=5000):
    out = np.zeros((12, length))
    n = min(length, x.shape[1])
    out[:, :n] = x[:, :n]
    return out


def default_recipe(x, fs):
    x = x.astype(np.float64)
    y = ss.resample(x, round(x.shape[1] * 500 / fs), axis=-1)
    return fit_length(y).astype(np.float32)


def band_notch_zscore(x, fs=500):
    x = x.astype(np.float64)
    sos = ss.butter(2, [0.5, 40], "bandpass", fs=fs, output="sos")
    y = ss.sosfiltfilt(sos, x, axis=-1)
    b, a = ss.iirnotch(50, 30, fs=fs)
    y = ss.filtfilt(b, a, y, axis=-1)
    y = (y - y.mean(axis=1, keepdims=True)) / y.std(axis=1, keepdims=True)
    return fit_length(y).astype(np.float32)


def median_us(fn, number=20, repeat=25):
    times = timeit.repeat(fn, number=number, repeat=repeat)
    return statistics.median(times) / number * 1e6


def main():
    r500, r1000 = record(500, 5000), record(1000, 10000)
    print(f"scipy {scipy.__version__}, numpy {np.__version__}")
    print(f"defaultRecipe500Hz   {median_us(lambda: default_recipe(r500, 500)):9.1f} us")
    print(f"defaultRecipe1000Hz  {median_us(lambda: default_recipe(r1000, 1000)):9.1f} us")
    print(f"bandpassNotchZscore  {median_us(lambda: band_notch_zscore(r500)):9.1f} us")


if __name__ == "__main__":
    main()
