#!/usr/bin/env python3
"""Writes the golden vectors that the Java filter tests (org.ecgworkbench.signal) compare with.

Regenerate (from the project root, with the pyenv python3: numpy 2.4, scipy 1.17):

    python3 src/test/python/make_filter_golden.py              # -> src/test/resources/golden/filter/
    python3 src/test/python/make_filter_golden.py OUT_DIR      # somewhere else

Check that another numpy/scipy (e.g. Debian's scipy 1.10 under /usr/bin/python3) reproduces the
committed files, without writing anything:

    /usr/bin/python3 src/test/python/make_filter_golden.py --verify

(Done for the committed files with Debian's numpy 1.24.2 / scipy 1.10.1: same forms and pad
lengths, coefficients within 1.2e-15 relative, outputs within 8.8e-13 of their range, 270 of
the 504 outputs bit-identical; the rest differ in the last bits only.)

Needs numpy and scipy only, and the real records under ../shared/data (or ECG_DATA=DIR) when
generating; --verify reads only the golden files. Output is deterministic: fixed seeds, no time
stamps; the index names the numpy and scipy versions that produced it.

What is computed
----------------
For every filter case (``cases()`` below, 96 of them):

* Butterworth high-pass 0.5 Hz, orders 1-4; low-pass 40 Hz and 100 Hz, orders 1-4; band-pass
  0.5-40 Hz and 0.67-150 Hz, orders 1-3; at fs 100, 257, 360, 500 and 1000 Hz wherever every
  critical frequency is below fs/2: ``scipy.signal.butter(N, Wn, btype, fs=fs)``;
* notch 50 Hz and 60 Hz with Q 30 and Q 10 at the same rates (f0 < fs/2):
  ``scipy.signal.iirnotch(f0, Q, fs)``.

A design with at most two poles (order <= 2 for high/low-pass, order 1 for band-pass, the notch)
is kept as ``b, a`` (``output='ba'``) and applied with ``scipy.signal.filtfilt(b, a, x)``
(defaults: method 'pad', padtype 'odd', padlen 3*max(len(a), len(b))); a design with more poles
uses ``output='sos'`` and ``scipy.signal.sosfiltfilt(sos, x)``. Stored per case: the
coefficients (``b``/``a`` or ``sos``), the steady-state initial states (``lfilter_zi`` /
``sosfilt_zi``), the pad length, and outputs for these inputs:

* ``rand_short``: its first padlen+1 and padlen+2 samples (the shortest input filtfilt accepts,
  and one more: odd and even lengths);
* ``rand_long``: its first 333 (odd) and 500 (even) samples;
* ``ecg_<fs>``: 2 s of a real lead at that rate (see inputs).

Two 12-lead cases: the band-pass 0.5-40 Hz order 2 and the notch 50 Hz Q 30 at 500 Hz applied to
``ecg12_500`` (12 leads x 600 samples, row by row).

Inputs (stored, so the Java tests never read ../shared/data)
-------------------------------------------------------------
* ``rand_short`` (64 samples), ``rand_long`` (500): ``numpy.random.default_rng(20240611)``,
  normal with mean 0.7 and sd 1 (an offset, so edges and DC matter);
* ``ecg_100``: 00001_lr.dat (PTB-XL, 100 Hz, 12 interleaved int16, gain 1000/mV), lead II,
  samples 0-199, in mV;
* ``ecg_500``: A5432.mat (CinC 2020, MAT v4: 24-byte header, then int16 column-major 12 x 5000,
  gain 1000/mV), lead II, samples 0-999;
* ``ecg_1000``: s0010_re.dat (PTB, 1000 Hz, 12 interleaved int16 signals -- the header puts
  vx, vy, vz in the separate .xyz file -- gain 2000/mV), lead ii, samples 0-1999;
* ``ecg_360``, ``ecg_257``: s0010_re lead i and lead v2, samples 0-9999 resampled with
  ``scipy.signal.resample_poly`` (up 9 / down 25, up 257 / down 1000), the 2 s that follow
  the first second;
* ``ecg12_500``: A5432, all 12 leads, samples 1000-1599.

Format (read by FilterGoldenData.java with Jackson and java.nio, nothing else)
-----------------------------------------------------------------------------
``index.json``: ``format``, ``generator``, ``numpy``, ``scipy``, ``data`` (file name), ``inputs``
(name -> ``offset``, ``rows``, ``length``, ``fs``, ``source``), ``cases`` (list). A case:
``id``, ``kind`` (``lowpass``, ``highpass``, ``bandpass``, ``notch``), ``fs``, ``order`` and
``cutoffs`` (Butterworth) or ``f0`` and ``q`` (notch), ``form`` (``ba`` or ``sos``), ``b``/``a``
or ``sos`` (rows of 6), ``zi`` (list, or rows of 2), ``padlen``, ``outputs``: list of ``input``,
``row`` (for multi-row inputs, else 0), ``length`` (the first ``length`` samples of that row
were filtered) and ``offset``. Coefficients are JSON numbers written with Python's repr, which
round-trips float64 exactly. ``data.f64``: every input and output as little-endian float64,
one after the other; ``offset`` counts float64 values from the file's start, a multi-row input
is stored row after row.
"""

import json
import os
import sys

import numpy as np
import scipy
import scipy.io
import scipy.signal as sig

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, '..', '..', '..'))
DEFAULT_OUT = os.path.join(ROOT, 'src', 'test', 'resources', 'golden', 'filter')
RATES = [100, 257, 360, 500, 1000]
SEED = 20240611


def data_dir():
    return os.environ.get('ECG_DATA', os.path.normpath(os.path.join(ROOT, '..', 'shared', 'data')))


def read_inputs():
    """The named input signals, each a 2-D float64 array (rows x samples), with fs and source."""
    rng = np.random.default_rng(SEED)
    inputs = {
        'rand_short': (rng.normal(0.7, 1.0, 64)[None, :], None, 'normal(0.7, 1), seed %d' % SEED),
        'rand_long': (rng.normal(0.7, 1.0, 500)[None, :], None, 'normal(0.7, 1), seed %d, after rand_short' % SEED),
    }
    d = data_dir()
    ptbxl = np.fromfile(os.path.join(d, 'native', '00001_lr.dat'), '<i2').reshape(-1, 12) / 1000.0
    inputs['ecg_100'] = (ptbxl[:200, 1][None, :], 100, '00001_lr.dat lead II, samples 0-199, mV')
    mat = scipy.io.loadmat(os.path.join(d, 'cinc2020-fixtures', 'A5432.mat'))['val'] / 1000.0
    raw = np.fromfile(os.path.join(d, 'cinc2020-fixtures', 'A5432.mat'), '<i2', offset=24)
    assert np.array_equal(raw.reshape(5000, 12).T / 1000.0, mat), 'MAT v4 decode disagrees with loadmat'
    inputs['ecg_500'] = (mat[1, :1000][None, :], 500, 'A5432.mat lead II, samples 0-999, mV')
    inputs['ecg12_500'] = (np.ascontiguousarray(mat[:, 1000:1600]), 500, 'A5432.mat 12 leads, samples 1000-1599, mV')
    ptb = np.fromfile(os.path.join(d, 'native', 's0010_re.dat'), '<i2').reshape(-1, 12) / 2000.0
    inputs['ecg_1000'] = (ptb[:2000, 1][None, :], 1000, 's0010_re.dat lead ii, samples 0-1999, mV')
    lead_i = sig.resample_poly(ptb[:10000, 0], 9, 25)
    inputs['ecg_360'] = (lead_i[360:1080][None, :], 360,
                         's0010_re.dat lead i, resample_poly(x[:10000], 9, 25)[360:1080], mV')
    lead_v2 = sig.resample_poly(ptb[:10000, 7], 257, 1000)
    inputs['ecg_257'] = (lead_v2[257:771][None, :], 257,
                         's0010_re.dat lead v2, resample_poly(x[:10000], 257, 1000)[257:771], mV')
    return inputs


def cases():
    """(id, kind, fs, params) for every filter case, in a fixed order."""
    out = []
    for fs in RATES:
        nyq = fs / 2
        for order in range(1, 5):
            out.append(('highpass_0.5_o%d_fs%d' % (order, fs), 'highpass', fs, dict(order=order, cutoffs=[0.5])))
        for fc in (40.0, 100.0):
            if fc < nyq:
                for order in range(1, 5):
                    out.append(('lowpass_%g_o%d_fs%d' % (fc, order, fs), 'lowpass', fs,
                                dict(order=order, cutoffs=[fc])))
        for lo, hi in ((0.5, 40.0), (0.67, 150.0)):
            if hi < nyq:
                for order in range(1, 4):
                    out.append(('bandpass_%g-%g_o%d_fs%d' % (lo, hi, order, fs), 'bandpass', fs,
                                dict(order=order, cutoffs=[lo, hi])))
        for f0 in (50.0, 60.0):
            if f0 < nyq:
                for q in (30.0, 10.0):
                    out.append(('notch_%g_q%g_fs%d' % (f0, q, fs), 'notch', fs, dict(f0=f0, q=q)))
    return out


def design(kind, fs, params):
    """(form, coefficients dict, zi, padlen, apply) as scipy does it."""
    if kind == 'notch':
        b, a = sig.iirnotch(params['f0'], params['q'], fs=fs)
        poles = 2
    else:
        poles = params['order'] * (2 if kind == 'bandpass' else 1)
        wn = params['cutoffs'] if kind == 'bandpass' else params['cutoffs'][0]
        if poles > 2:
            sos = sig.butter(params['order'], wn, btype=kind, fs=fs, output='sos')
            ntaps = 2 * len(sos) + 1 - min((sos[:, 2] == 0).sum(), (sos[:, 5] == 0).sum())
            return ('sos', {'sos': sos.tolist()}, sig.sosfilt_zi(sos).tolist(), int(3 * ntaps),
                    lambda x: sig.sosfiltfilt(sos, x))
        b, a = sig.butter(params['order'], wn, btype=kind, fs=fs, output='ba')
    return ('ba', {'b': b.tolist(), 'a': a.tolist()}, sig.lfilter_zi(b, a).tolist(),
            3 * max(len(a), len(b)), lambda x: sig.filtfilt(b, a, x))


def outputs_for(case_id, kind, fs, padlen):
    """(input, row, length) triples a case is applied to."""
    out = [('rand_short', 0, padlen + 1), ('rand_short', 0, padlen + 2),
           ('rand_long', 0, 333), ('rand_long', 0, 500), ('ecg_%d' % fs, 0, None)]
    if case_id in ('bandpass_0.5-40_o2_fs500', 'notch_50_q30_fs500'):
        out += [('ecg12_500', r, None) for r in range(12)]
    return out


def generate(out_dir):
    inputs = read_inputs()
    chunks = []
    offset = 0
    index_inputs = {}
    for name in sorted(inputs):
        arr, fs, source = inputs[name]
        arr = np.ascontiguousarray(arr, dtype='<f8')
        index_inputs[name] = {'offset': offset, 'rows': arr.shape[0], 'length': arr.shape[1],
                              'fs': fs, 'source': source}
        chunks.append(arr.ravel())
        offset += arr.size
    index_cases = []
    for case_id, kind, fs, params in cases():
        form, coeffs, zi, padlen, apply = design(kind, fs, params)
        entry = {'id': case_id, 'kind': kind, 'fs': fs}
        entry.update(params)
        entry['form'] = form
        entry.update(coeffs)
        entry['zi'] = zi
        entry['padlen'] = padlen
        outs = []
        for name, row, length in outputs_for(case_id, kind, fs, padlen):
            x = inputs[name][0][row]
            if length is not None:
                x = x[:length]
            y = np.ascontiguousarray(apply(x), dtype='<f8')
            outs.append({'input': name, 'row': row, 'length': len(x), 'offset': offset})
            chunks.append(y)
            offset += y.size
        entry['outputs'] = outs
        index_cases.append(entry)
    os.makedirs(out_dir, exist_ok=True)
    np.concatenate(chunks).astype('<f8').tofile(os.path.join(out_dir, 'data.f64'))
    index = {
        'format': 'ecg-workbench filter golden 1',
        'generator': 'src/test/python/make_filter_golden.py',
        'numpy': np.__version__,
        'scipy': scipy.__version__,
        'data': 'data.f64',
        'inputs': index_inputs,
        'cases': index_cases,
    }
    with open(os.path.join(out_dir, 'index.json'), 'w') as f:
        json.dump(index, f, indent=1)
        f.write('\n')
    n_out = sum(len(c['outputs']) for c in index_cases)
    print('%d cases, %d outputs, %d float64 values (%.2f MB) -> %s'
          % (len(index_cases), n_out, offset, offset * 8 / 1e6, out_dir))


def verify(gold_dir):
    """Recomputes every stored coefficient and output with this numpy/scipy; prints the worst differences."""
    with open(os.path.join(gold_dir, 'index.json')) as f:
        index = json.load(f)
    data = np.fromfile(os.path.join(gold_dir, index['data']), '<f8')
    inputs = {}
    for name, meta in index['inputs'].items():
        inputs[name] = data[meta['offset']:meta['offset'] + meta['rows'] * meta['length']].reshape(
            meta['rows'], meta['length'])
    worst_coef = 0.0
    worst_out = 0.0
    for case in index['cases']:
        params = ({'f0': case['f0'], 'q': case['q']} if case['kind'] == 'notch'
                  else {'order': case['order'], 'cutoffs': case['cutoffs']})
        form, coeffs, zi, padlen, apply = design(case['kind'], case['fs'], params)
        assert form == case['form'] and padlen == case['padlen'], case['id']
        for key, value in coeffs.items():
            mine, gold = np.asarray(value), np.asarray(case[key])
            worst_coef = max(worst_coef, float(np.max(np.abs(mine - gold) / np.maximum(np.abs(gold), 1e-300)
                                                      * (gold != 0))))
        for out in case['outputs']:
            x = inputs[out['input']][out['row']][:out['length']]
            gold = data[out['offset']:out['offset'] + out['length']]
            y = apply(x)
            scale = max(1.0, float(np.ptp(gold)))
            worst_out = max(worst_out, float(np.max(np.abs(y - gold))) / scale)
    print('numpy %s scipy %s vs golden (numpy %s scipy %s): %d cases, max relative coefficient difference %.3g, '
          'max output difference / max(1, range) %.3g'
          % (np.__version__, scipy.__version__, index['numpy'], index['scipy'], len(index['cases']),
             worst_coef, worst_out))
    return worst_coef < 1e-12 and worst_out < 1e-12


def main(argv):
    if argv and argv[0] == '--verify':
        ok = verify(argv[1] if len(argv) > 1 else DEFAULT_OUT)
        return 0 if ok else 1
    generate(argv[0] if argv else DEFAULT_OUT)
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
