"""Benchmark: administrative units (``ocop.units``) — loading the data, resolving names.

Prints, against the targets, in a fresh interpreter each time (best of ``--runs``):

* the first use: the shipped data read and indexed for provinces (``units_on``) — under
  0.5 s; ``import ocop`` itself does not read it;
* resolving every pre-reform province's name on 2026-01-01 with its successor, and every
  current one (97 names) — under 50 ms once loaded;
* resolving 1,000 commune names narrowed by their province on 2024-01-01 (the first call
  builds the commune index) — under 2 s.

    python benchmarks/units.py
    python benchmarks/units.py --runs 5
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

SECONDS_LOAD = 0.5
SECONDS_PROVINCES = 0.05
SECONDS_COMMUNES = 2.0

_CHILD = r"""
import datetime as dt, json, time
t0 = time.perf_counter()
from ocop.units import AmbiguousName, resolve, units_on
old = units_on(dt.date(2024, 1, 1))
t1 = time.perf_counter()
new = units_on(dt.date(2026, 1, 1))
day = dt.date(2026, 1, 1)
for u in (*old, *new):
    r = resolve(u.name, on=day, level="province")
    assert r is not None and (r.exists or r.successor is not None)
t2 = time.perf_counter()
communes = units_on(dt.date(2024, 1, 1), "commune")[::10][:1000]
names = {p.code: p.short for p in old}
ambiguous = 0
for c in communes:
    try:
        resolve(f"{c.name}, {names[c.province]}", on=dt.date(2024, 1, 1), level="commune")
    except AmbiguousName:  # the same name twice in a province: the district tells them apart
        ambiguous += 1
t3 = time.perf_counter()
print(json.dumps({"load": t1 - t0, "provinces": t2 - t1, "communes": t3 - t2,
                  "names": len(old) + len(new), "commune_names": len(communes),
                  "ambiguous": ambiguous}))
"""


def _verdict(ok: bool) -> str:
    return "ok" if ok else "SLOW"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    runs = []
    for _ in range(args.runs):
        out = subprocess.run(
            [sys.executable, "-c", _CHILD], check=True, capture_output=True, text=True
        )
        runs.append(json.loads(out.stdout))
    best = {k: min(r[k] for r in runs) for k in ("load", "provinces", "communes")}
    n, m = runs[0]["names"], runs[0]["commune_names"]
    print(f"Python {sys.version.split()[0]}, best of {args.runs} fresh interpreters")
    print(
        f"first use (read the data, provinces): {best['load']:.3f} s "
        f"(target < {SECONDS_LOAD} s: {_verdict(best['load'] < SECONDS_LOAD)})"
    )
    print(
        f"resolve {n} province names with successors: {best['provinces'] * 1000:.1f} ms "
        f"(target < {SECONDS_PROVINCES * 1000:.0f} ms: "
        f"{_verdict(best['provinces'] < SECONDS_PROVINCES)})"
    )
    print(
        f"resolve {m:,} commune names with their province ({runs[0]['ambiguous']} need the "
        f"district too): {best['communes']:.3f} s "
        f"(target < {SECONDS_COMMUNES} s: {_verdict(best['communes'] < SECONDS_COMMUNES)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
