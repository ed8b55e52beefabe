"""Benchmark: replaying 100,000 product histories of about 10 events each.

Prints events per second for ``ocop.cycle`` (replaying histories, and advancing live with the
history kept) next to the same ten-step workload in ``transitions`` and
``python-statemachine`` (the ``bench`` extra), and the peak memory of the 100,000 records
with their histories.

    python benchmarks/cycle.py                      # 100,000 products
    python benchmarks/cycle.py --products 20000 --compare 5000
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import resource
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

from ocop.cycle import Event, Record, Step, advance, replay

D = dt.date


def life(i: int) -> list[tuple[Event, dt.date]]:
    """Ten events of one product: a 26/2026 life, or a 1048-era one for every third product."""
    score = 50 + i % 50
    stars = 3 if score < 70 else 4
    if i % 3 == 0:
        start = D(2019, 4, 1)
        steps = [
            ("register", 0),
            ("select_idea", 20),
            ("submit_plan", 40),
            ("approve_plan", 60),
            ("start_development", 80),
            ("file_dossier", 180),
        ]
        events = [
            (Event.of(k) if k != "register" else Event.register(), start + dt.timedelta(d))
            for k, d in steps
        ]
        events += [
            (Event.evaluate("district", score), start + dt.timedelta(195)),
            (Event.of("forward"), start + dt.timedelta(200)),
            (Event.evaluate("province", score), start + dt.timedelta(230)),
            (Event.recognize(stars, "province"), start + dt.timedelta(240)),
        ]
        return events
    start = D(2026, 6, 1)
    steps = [
        ("register", 0),
        ("select_idea", 10),
        ("submit_plan", 20),
        ("approve_plan", 30),
        ("start_development", 40),
        ("file_dossier", 120),
    ]
    events = [
        (Event.of(k) if k != "register" else Event.register(), start + dt.timedelta(d))
        for k, d in steps
    ]
    events += [
        (Event.commune_check(), start + dt.timedelta(130)),
        (Event.of("forward"), start + dt.timedelta(135)),
        (Event.evaluate("province", score), start + dt.timedelta(180)),
        (Event.recognize(stars, "province"), start + dt.timedelta(190)),
    ]
    return events


def build_histories(n: int) -> list[tuple[str, tuple[Step, ...]]]:
    out = []
    for i in range(n):
        r = Record.new(f"P-{i:06d}")
        for ev, on in life(i):
            res = advance(r, ev, on=on)
            if not res.ok:
                raise SystemExit(f"benchmark workload refused: {res.problems}")
            r = res.value
        out.append((r.product, r.history))
    return out


def bench_replay(histories: list[tuple[str, tuple[Step, ...]]]) -> tuple[float, int, list[Record]]:
    events = sum(len(h) for _, h in histories)
    t0 = time.perf_counter()
    records = [replay(h, product=p) for p, h in histories]
    return time.perf_counter() - t0, events, records


def bench_advance(n: int) -> tuple[float, int]:
    lives = [(f"P-{i:06d}", life(i)) for i in range(n)]
    events = sum(len(evs) for _, evs in lives)
    t0 = time.perf_counter()
    for product, evs in lives:
        r = Record.new(product)
        for ev, on in evs:
            r = advance(r, ev, on=on).value
    return time.perf_counter() - t0, events


TRIGGERS = [
    "register",
    "select_idea",
    "submit_plan",
    "approve_plan",
    "start_development",
    "file_dossier",
    "check",
    "forward",
    "evaluate",
    "recognize",
]
STATES = [
    "new",
    "registered",
    "idea_selected",
    "plan_submitted",
    "plan_approved",
    "in_development",
    "dossier_filed",
    "commune_checked",
    "at_province",
    "province_evaluated",
    "recognized",
]


def bench_transitions(n: int) -> tuple[float, float, int]:
    from transitions import Machine

    class Product:
        def __init__(self, score: int) -> None:
            self.score = score
            self.history: list[tuple[str, str]] = []

        def can_recognise(self, event: Any) -> bool:
            return self.score >= 50

        def log(self, event: Any) -> None:
            self.history.append((event.event.name, event.transition.dest))

    rows = [
        {"trigger": t, "source": a, "dest": b}
        for t, a, b in zip(TRIGGERS, STATES, STATES[1:], strict=False)
    ]
    rows[-1]["conditions"] = "can_recognise"
    t0 = time.perf_counter()
    products = [Product(50 + i % 50) for i in range(n)]
    Machine(
        model=products,
        states=STATES,
        transitions=rows,
        initial="new",
        after_state_change="log",
        send_event=True,
        auto_transitions=False,
    )
    setup = time.perf_counter() - t0
    t0 = time.perf_counter()
    for p in products:
        for trig in TRIGGERS:
            getattr(p, trig)()
    run = time.perf_counter() - t0
    assert all(p.state == "recognized" for p in products)
    return setup, run, n * len(TRIGGERS)


def bench_statemachine(n: int) -> tuple[float, float, int]:
    from statemachine import State, StateMachine

    class Life(StateMachine):  # type: ignore[misc]
        new = State(initial=True)
        registered = State()
        idea_selected = State()
        plan_submitted = State()
        plan_approved = State()
        in_development = State()
        dossier_filed = State()
        commune_checked = State()
        at_province = State()
        province_evaluated = State()
        recognized = State(final=True)

        register = new.to(registered)
        select_idea = registered.to(idea_selected)
        submit_plan = idea_selected.to(plan_submitted)
        approve_plan = plan_submitted.to(plan_approved)
        start_development = plan_approved.to(in_development)
        file_dossier = in_development.to(dossier_filed)
        check = dossier_filed.to(commune_checked)
        forward = commune_checked.to(at_province)
        evaluate = at_province.to(province_evaluated)
        recognize = province_evaluated.to(recognized, cond="can_recognise")

        def __init__(self, score: int) -> None:
            self.score = score
            self.history: list[tuple[str, str]] = []
            super().__init__()

        def can_recognise(self) -> bool:
            return self.score >= 50

        def after_transition(self, event: str, target: State) -> None:
            self.history.append((event, target.id))

    t0 = time.perf_counter()
    machines = [Life(50 + i % 50) for i in range(n)]
    setup = time.perf_counter() - t0
    t0 = time.perf_counter()
    for m in machines:
        for trig in TRIGGERS:
            m.send(trig)
    run = time.perf_counter() - t0
    assert all("recognized" in m.configuration_values for m in machines)
    return setup, run, n * len(TRIGGERS)


def timed(fn: Callable[..., Any]) -> Callable[..., Any]:
    """Run ``fn`` with the cyclic garbage collector paused, as :mod:`timeit` does."""

    def run(*args: Any) -> Any:
        gc.collect()
        gc.disable()
        try:
            return fn(*args)
        finally:
            gc.enable()

    return run


def rate(events: int, seconds: float) -> str:
    return f"{events / seconds:>12,.0f} events/s"


def measure_memory(n: int, *, traced: bool) -> int:
    """Build and replay ``n`` products in this process; the tracemalloc peak (``traced``) or
    the process's peak RSS, in bytes.

    Run in a fresh child process (``--memory-only``) so that nothing else is counted; the RSS
    pass runs without tracemalloc, whose own bookkeeping would inflate it.
    """
    gc.collect()
    if traced:
        tracemalloc.start()
    histories = build_histories(n)
    records = [replay(h, product=p) for p, h in histories]
    assert len(records) == n
    if traced:
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        return peak
    return _peak_rss()


def _peak_rss() -> int:
    """This process's peak resident memory in bytes.

    Linux's ``VmHWM`` belongs to the process image; ``ru_maxrss`` would also carry the parent's
    peak across ``fork``/``exec``.
    """
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument(
        "--compare", type=int, default=20_000, help="products for the other libraries"
    )
    parser.add_argument("--repeat", type=int, default=3, help="best of N runs")
    parser.add_argument("--no-memory", action="store_true", help="skip the memory pass")
    parser.add_argument("--memory-only", choices=("traced", "rss"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_only:
        print(measure_memory(args.products, traced=args.memory_only == "traced"))
        return 0

    print(f"python {sys.version.split()[0]}; {args.products:,} products")
    t0 = time.perf_counter()
    histories = build_histories(args.products)
    print(f"  built the histories in {time.perf_counter() - t0:.1f} s")

    best = min(timed(bench_replay)(histories)[0:2] for _ in range(args.repeat))
    seconds, events = best
    ours = events / seconds
    print(
        f"ocop.cycle replay (full guards, history kept)  {rate(events, seconds)}  "
        f"({events:,} events in {seconds:.2f} s)"
    )
    seconds, events = min(timed(bench_advance)(args.products) for _ in range(args.repeat))
    print(
        f"ocop.cycle advance (live, new record per event) {rate(events, seconds)}  "
        f"({events:,} events in {seconds:.2f} s)"
    )

    n = args.compare
    setup, run, events = min(timed(bench_transitions)(n) for _ in range(args.repeat))
    theirs = events / run
    print(
        f"transitions {_version('transitions')} ({n:,} products)  {rate(events, run)}  "
        f"(+ {setup:.2f} s to set up the models)"
    )
    setup2, run2, events2 = min(timed(bench_statemachine)(n) for _ in range(args.repeat))
    print(
        f"python-statemachine {_version('python-statemachine')} ({n:,} products)  "
        f"{rate(events2, run2)}  (+ {setup2:.2f} s to build the machines)"
    )
    print(
        f"ocop.cycle replay / transitions: {ours / theirs:.1f}x; "
        f"/ python-statemachine: {ours / (events2 / run2):.1f}x"
    )
    if not args.no_memory:
        peak, rss = (
            int(
                subprocess.run(
                    [sys.executable, __file__, "--memory-only", mode, "--products", str(n_)],
                    check=True,
                    capture_output=True,
                    text=True,
                ).stdout
            )
            for mode, n_ in (("traced", args.products), ("rss", args.products))
        )
        print(
            f"memory, {args.products:,} records with their histories (fresh process): "
            f"{peak / 2**20:,.0f} MiB traced peak, {rss / 2**20:,.0f} MiB peak RSS"
        )
    return 0


def _version(name: str) -> str:
    from importlib.metadata import version

    return version(name)


if __name__ == "__main__":
    sys.exit(main())
