#!/usr/bin/env python3
"""Reference values the index engine's tests compare against, computed by SALib and numpy.

    python3 scripts/reference-fixtures.py           # rewrite the fixture files
    python3 scripts/reference-fixtures.py --check   # recompute and compare with the committed files

Needs `pip install SALib` (which brings numpy). The files land in crates/index/tests/data/:

- salib-ishigami.json: SALib's Saltelli design (calc_second_order=False, scramble=False,
  skip_values=N) for N = 64 and three factors on [0, 1], the Ishigami function on [-pi, pi]^3 at
  each point, and SALib's first-order and total Sobol indices with their 95 % bootstrap intervals
  (200 resamples, seed 7).
- asem-audit-numpy.json: for every aggregate of COINr's ASEM index, Cronbach's alpha, the share of
  variance of the first principal component (correlation matrix) and each child's Pearson
  correlation with the aggregate, all on COINr's own aggregated table (dset_Aggregated.csv).
"""

import csv
import json
import math
import sys
import warnings
from pathlib import Path

import numpy as np
from SALib.analyze import sobol as analyze
from SALib.sample import sobol as sample

DATA = Path(__file__).resolve().parent.parent / "crates" / "index" / "tests" / "data"
TOLERANCE = 1e-12


def ishigami(x):
    p = -math.pi + 2 * math.pi * np.asarray(x)
    return np.sin(p[:, 0]) + 7 * np.sin(p[:, 1]) ** 2 + 0.1 * p[:, 2] ** 4 * np.sin(p[:, 0])


def salib_ishigami():
    n, d = 64, 3
    problem = {"num_vars": d, "names": ["x1", "x2", "x3"], "bounds": [[0, 1]] * d}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        x = sample.sample(problem, n, calc_second_order=False, scramble=False, skip_values=n)
        y = ishigami(x)
        s = analyze.analyze(problem, y, calc_second_order=False, num_resamples=200, seed=7)
    return {
        "n": n,
        "d": d,
        "X": x.tolist(),
        "Y": y.tolist(),
        "S1": list(map(float, s["S1"])),
        "ST": list(map(float, s["ST"])),
        "S1_conf": list(map(float, s["S1_conf"])),
        "ST_conf": list(map(float, s["ST_conf"])),
    }


def asem_audit():
    asem = DATA / "coinr-asem"
    meta = list(csv.DictReader(open(asem / "iMeta.csv", newline="")))
    rows = list(csv.DictReader(open(asem / "dset_Aggregated.csv", newline="")))

    def column(code):
        return np.array([float(r[code]) for r in rows])

    out = {}
    for aggregate in (m for m in meta if m["Type"] == "Aggregate"):
        code = aggregate["iCode"]
        children = [m["iCode"] for m in meta if m["Parent"] == code and m["Type"] in ("Indicator", "Aggregate")]
        x = np.column_stack([column(c) for c in children])
        k = x.shape[1]
        alpha, share = None, 1.0
        if k > 1:
            alpha = float(k / (k - 1) * (1 - x.var(axis=0, ddof=1).sum() / x.sum(axis=1).var(ddof=1)))
            share = float(np.linalg.eigvalsh(np.corrcoef(x, rowvar=False)).max() / k)
        r = {c: float(np.corrcoef(column(c), column(code))[0, 1]) for c in children}
        out[code] = {"alpha": alpha, "share": share, "r": r}
    return out


def close(a, b, where):
    if isinstance(a, dict):
        assert isinstance(b, dict) and a.keys() == b.keys(), f"{where}: keys differ"
        for key in a:
            close(a[key], b[key], f"{where}.{key}")
    elif isinstance(a, list):
        assert isinstance(b, list) and len(a) == len(b), f"{where}: lengths differ"
        for i, (x, y) in enumerate(zip(a, b)):
            close(x, y, f"{where}[{i}]")
    elif isinstance(a, float) or isinstance(b, float):
        assert abs(a - b) <= TOLERANCE * max(1.0, abs(a)), f"{where}: {a} != {b}"
    else:
        assert a == b, f"{where}: {a} != {b}"


def main():
    check = "--check" in sys.argv[1:]
    for name, make in [("salib-ishigami.json", salib_ishigami), ("asem-audit-numpy.json", asem_audit)]:
        path = DATA / name
        fresh = make()
        if check:
            close(fresh, json.loads(path.read_text()), name)
            print(f"{path.relative_to(DATA.parent.parent.parent.parent)}: matches")
        else:
            path.write_text(json.dumps(fresh, indent=1) + "\n")
            print(f"wrote {path}")


if __name__ == "__main__":
    main()
