"""Benchmark: score and classify many council assessments, and load them from JSON.

Generates ``--products`` assessments of ``--members`` members each on one sheet (sheet 1 of
26/2026/QĐ-TTg by default) with seeded random choices, then times:

1. scoring and classification (:func:`ocop.rating.rate`: checks, totals, exact mean, band,
   minimum marks) of every assessment;
2. loading the same assessments from a JSON file (parse, shape validation with pydantic,
   conversion to the core records, checks against the sheet).

Prints the time, the rate and the peak memory (``ru_maxrss``) of each. Run::

    python benchmarks/rating.py --products 20000 --members 7
"""

from __future__ import annotations

import argparse
import json
import random
import resource
import sys
import tempfile
import time
from pathlib import Path

from ocop.rating import (
    Assessment,
    ScoreSheet,
    assessments_from_json,
    get_criteria_set,
    rate,
)


def _peak_mib() -> float:
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    # Linux reports KiB, macOS bytes.
    return peak / 1024 / (1024 if sys.platform == "darwin" else 1)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--members", type=int, default=7)
    parser.add_argument("--criteria", default="26/2026/QĐ-TTg")
    parser.add_argument("--sheet", type=int, default=1)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)

    sheet = get_criteria_set(args.criteria).sheet(args.sheet)
    criteria = sheet.criteria
    rng = random.Random(args.seed)

    docs = []
    for p in range(args.products):
        # A product's level, then each member near it: realistic spreads, every band reached.
        level = rng.random()
        members = []
        for m in range(args.members):
            choices = {}
            for c in criteria:
                n = len(c.options)
                aim = level * n + rng.uniform(-0.8, 0.8)
                choices[c.code] = min(n, max(0, round(aim)))
            members.append({"name": f"Thành viên {m + 1}", "chair": m == 0, "choices": choices})
        docs.append(
            {
                "criteria": sheet.criteria_set,
                "sheet": sheet.number,
                "product": f"Sản phẩm {p + 1}",
                "members": members,
            }
        )
    assessments = [
        Assessment(
            sheet=sheet,
            product=d["product"],
            members=tuple(
                ScoreSheet(member=m["name"], choices=m["choices"], chair=m["chair"])
                for m in d["members"]
            ),
        )
        for d in docs
    ]
    n_sheets = args.products * args.members
    print(
        f"{args.products} products × {args.members} members = {n_sheets} score sheets on "
        f"sheet {sheet.number} of {sheet.criteria_set} ({len(criteria)} criteria)"
    )

    start = time.perf_counter()
    stars = [0] * 6
    flagged = 0
    for a in assessments:
        result = rate(a)
        assert result.value is not None
        stars[result.value.stars] += 1
        flagged += not result.ok
    elapsed = time.perf_counter() - start
    print(
        f"scoring + classification: {elapsed:.2f} s, {args.products / elapsed:,.0f} products/s "
        f"({n_sheets / elapsed:,.0f} score sheets/s); peak memory {_peak_mib():,.0f} MiB"
    )
    print("  stars 1–5: " + ", ".join(str(s) for s in stars[1:]) + f"; spread over 10: {flagged}")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "assessments.json"
        path.write_text(json.dumps(docs, ensure_ascii=False), encoding="utf-8")
        size = path.stat().st_size
        del docs, assessments
        start = time.perf_counter()
        loaded = assessments_from_json(path.read_bytes(), file=str(path))
        parsed = time.perf_counter() - start
        assert loaded.value is not None, loaded.problems[:3]
        checked = sum(1 for a, rules in loaded.value if rate(a, rules).value is not None)
        elapsed = time.perf_counter() - start
    print(
        f"JSON load ({size / 2**20:,.1f} MiB): parse + validation {parsed:.2f} s, "
        f"with the checks and rating {elapsed:.2f} s, {checked / elapsed:,.0f} products/s; "
        f"peak memory {_peak_mib():,.0f} MiB"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
