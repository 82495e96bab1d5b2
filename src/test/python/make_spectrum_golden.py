"""Golden values for signal.MagnitudeSpectrum: numpy's rfft amplitude spectrum.

Run: python3 src/test/python/make_spectrum_golden.py  (numpy + scipy; any recent version)
Writes src/test/resources/golden/spectrum/spectrum.json: for a few signals (even and odd lengths,
a 2-s ECG-like lead at 500 Hz with 50 Hz mains, a 257 Hz one, a length of 1), the input, fs, the expected
frequencies, and the magnitudes with no window (NONE) and with scipy's periodic Hann window (HANN).
"""
import json
import pathlib

import numpy as np
from scipy.signal import get_window

OUT = pathlib.Path(__file__).resolve().parents[1] / "resources" / "golden" / "spectrum" / "spectrum.json"


def spectrum(x, fs, window):
    n = len(x)
    w = np.ones(n) if window == "NONE" or n == 1 else get_window("hann", n)
    mag = np.abs(np.fft.rfft(x * w)) * 2 / w.sum()
    mag[0] /= 2
    if n % 2 == 0 and n > 1:
        mag[-1] /= 2
    return np.fft.rfftfreq(n, 1 / fs), mag


def main():
    rng = np.random.default_rng(20261126)
    cases = []
    t500 = np.arange(1000) / 500
    ecg_like = 0.8 * np.exp(-((t500 % 0.8) - 0.3) ** 2 / 0.0004) + 0.1 * np.sin(2 * np.pi * 0.3 * t500) \
        + 0.05 * np.sin(2 * np.pi * 50 * t500) + 0.01 * rng.standard_normal(t500.size)
    t257 = np.arange(514) / 257
    signals = [
        ("sine-on-bin", 100.0, np.sin(2 * np.pi * 5 * np.arange(100) / 100)),
        ("odd-length-noise", 250.0, rng.standard_normal(77)),
        ("ecg-like-500hz", 500.0, ecg_like),
        ("ecg-like-257hz", 257.0, 0.5 * np.sin(2 * np.pi * 1.1 * t257) + 0.02 * rng.standard_normal(t257.size)),
        ("single-sample", 500.0, np.array([0.7])),
    ]
    for name, fs, x in signals:
        case = {"name": name, "fs": fs, "x": x.tolist()}
        for window in ("NONE", "HANN"):
            f, m = spectrum(x, fs, window)
            case["frequencies"] = f.tolist()
            case[window] = m.tolist()
        cases.append(case)
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_text(json.dumps({"numpy": np.__version__, "cases": cases}))


if __name__ == "__main__":
    main()
