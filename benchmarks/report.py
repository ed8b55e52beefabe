"""Benchmark: a simulated national year replayed and reported; ``ocop report``; ``import ocop``.

Prints, against the targets:

* a national year (34 provinces, 20,000 products by default) simulated with
  :func:`ocop.plan.simulate` and written as one JSON Lines log (in a child process, timed
  apart), then, in a fresh process: the log read, every product replayed
  (:func:`ocop.cycle.follow`), the plan's progress computed and the report written as JSON and
  as HTML — under 10 s and 1.5 GiB peak memory (the process's maximum resident set);
* ``ocop report`` on the built-in plan, from start to finish as a command — under 1 s;
* ``import ocop`` in a fresh interpreter — under 0.3 s.

    python benchmarks/report.py
    python benchmarks/report.py --provinces 34 --products 20000 --year 2026 --runs 5
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SECONDS_NATIONAL = 10.0
PEAK_GIB = 1.5
SECONDS_REPORT = 1.0
SECONDS_IMPORT = 0.3


def _simulate(path: Path, provinces: int, products: int, year: int, seed: int) -> float:
    from ocop.plan import simulate

    start = time.perf_counter()
    base, extra = divmod(products, provinces)
    with path.open("w", encoding="utf-8") as out:
        for i in range(provinces):
            n = base + (1 if i < extra else 0)
            sim = simulate(
                province=f"Tỉnh {i + 1:02d}",
                products=n,
                year=year,
                seed=seed,
                prefix=f"P{i + 1:02d}",
            )
            out.write(sim.jsonl())
    return time.perf_counter() - start


def _replay_and_report(path: Path, year: int) -> dict[str, object]:
    start = time.perf_counter()
    import attrs

    from ocop.cycle import follow
    from ocop.cycle.jsonio import read_events
    from ocop.periods import Quarter, QuarterRange
    from ocop.plan import EventLog, progress, quang_tri_2019
    from ocop.plan.report import render

    imported = time.perf_counter()
    builtin = quang_tri_2019()
    plan = attrs.evolve(
        builtin,
        number="benchmark",
        year=year,
        date=dt.date(year, 3, 4),
        activities=tuple(
            attrs.evolve(
                a,
                window=QuarterRange(
                    Quarter(year, a.window.first.number), Quarter(year, a.window.last.number)
                ),
            )
            for a in builtin.activities
        ),
    )
    text = path.read_text("utf-8")
    read = read_events(text, file=path.name)
    parsed = time.perf_counter()
    followed = follow(read.value)
    replayed = time.perf_counter()
    log = EventLog(
        name=path.name, events=len(read.value), products=len(followed.value), simulated=True
    )
    result = progress(
        plan, records=followed.value, log=log, problems=(*read.problems, *followed.problems)
    )
    json_text = render(result, "json")
    html_text = render(result, "html")
    done = time.perf_counter()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
    return {
        "events": len(read.value),
        "products": len(followed.value),
        "errors": sum(1 for p in result.problems if p.is_error),
        "import": imported - start,
        "parse": parsed - imported,
        "replay": replayed - parsed,
        "report": done - replayed,
        "total": done - start,
        "peak": peak,
        "json_bytes": len(json_text.encode()),
        "html_bytes": len(html_text.encode()),
    }


def _best(argv: list[str], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(argv, check=True, capture_output=True)
        best = min(best, time.perf_counter() - start)
    return best


def _verdict(ok: bool) -> str:
    return "ok" if ok else "OVER TARGET"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--products", type=int, default=20_000)
    parser.add_argument("--year", type=int, default=2026)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--runs", type=int, default=5, help="runs of the two commands (best kept)")
    parser.add_argument("--child-simulate", help=argparse.SUPPRESS)
    parser.add_argument("--child-report", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child_simulate:
        seconds = _simulate(
            Path(args.child_simulate), args.provinces, args.products, args.year, args.seed
        )
        print(json.dumps({"seconds": seconds}))
        return 0
    if args.child_report:
        print(json.dumps(_replay_and_report(Path(args.child_report), args.year)))
        return 0

    me = [sys.executable, __file__]
    sizes = ["--provinces", str(args.provinces), "--products", str(args.products)]
    sizes += ["--year", str(args.year), "--seed", str(args.seed)]
    print(f"Python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    with tempfile.TemporaryDirectory() as tmp:
        log = Path(tmp) / "national.jsonl"
        out = subprocess.run(
            [*me, *sizes, "--child-simulate", str(log)], check=True, capture_output=True, text=True
        )
        sim = json.loads(out.stdout)
        size = log.stat().st_size
        print(
            f"simulate: {args.provinces} provinces, {args.products:,} products, year "
            f"{args.year}: {sim['seconds']:.2f} s, log {size / 2**20:.1f} MiB"
        )
        out = subprocess.run(
            [*me, *sizes, "--child-report", str(log)], check=True, capture_output=True, text=True
        )
        r = json.loads(out.stdout)
    total, peak = float(r["total"]), int(r["peak"])  # type: ignore[arg-type]
    print(
        f"replay and report: {r['events']:,} events, {r['products']:,} products, "
        f"{r['errors']} errors"
    )
    print(
        f"  import {r['import']:.2f} s + read {r['parse']:.2f} s + replay {r['replay']:.2f} s "
        f"+ progress, JSON and HTML {r['report']:.2f} s = {total:.2f} s "
        f"(target < {SECONDS_NATIONAL:.0f} s: {_verdict(total < SECONDS_NATIONAL)})"
    )
    print(
        f"  peak memory {peak / 2**30:.2f} GiB (maximum resident set; target < {PEAK_GIB} GiB: "
        f"{_verdict(peak < PEAK_GIB * 2**30)})"
    )
    ocop = shutil.which("ocop") or ""
    command = [ocop] if ocop else [sys.executable, "-m", "ocop"]
    for label, extra in (("real 2019 results", []), ("bundled simulated log", ["--simulated"])):
        report = _best([*command, "report", *extra, "--format", "json"], args.runs)
        print(
            f"ocop report (built-in plan, {label}), best of {args.runs}: {report:.3f} s "
            f"(target < {SECONDS_REPORT:.0f} s: {_verdict(report < SECONDS_REPORT)})"
        )
    bare = _best([sys.executable, "-c", "pass"], args.runs)
    imp = _best([sys.executable, "-c", "import ocop"], args.runs)
    inside = subprocess.run(
        [
            sys.executable,
            "-c",
            "import time; t = time.perf_counter(); import ocop; print(time.perf_counter() - t)",
        ],
        check=True,
        capture_output=True,
        text=True,
    )
    seconds = float(inside.stdout)
    print(
        f"import ocop: {seconds:.3f} s inside the interpreter; python -c 'import ocop' "
        f"{imp:.3f} s vs {bare:.3f} s for python -c pass (target < {SECONDS_IMPORT} s: "
        f"{_verdict(seconds < SECONDS_IMPORT)})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
