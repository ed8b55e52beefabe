"""Checks of the declared transition tables themselves (not of any product's data).

Each check is a small function of one regime that returns the problems it finds;
[`check_definition`][ocop.cycle.checks.check_definition] runs them all over every regime. The test
suite runs it, and so can anyone who changes a table.
"""

from __future__ import annotations

from collections.abc import Callable

from ocop.cycle.machine import Transition, transitions
from ocop.cycle.model import FINAL_STAGES, EventKind, Stage
from ocop.problems import Location, Problem
from ocop.regimes import REGIMES, Level, Regime

__all__ = [
    "DEFINITION_CHECKS",
    "check_chain",
    "check_dead_ends",
    "check_definition",
    "check_reachable",
]

_STAGE_OF_LEVEL = {
    Level.COMMUNE: Stage.COMMUNE_CHECKED,
    Level.DISTRICT: Stage.DISTRICT_EVALUATED,
    Level.PROVINCE: Stage.PROVINCE_EVALUATED,
    Level.NATIONAL: Stage.NATIONAL_EVALUATED,
}


def _problem(regime: Regime, message: str, code: str) -> Problem:
    return Problem(code=code, message=f"{regime.id}: {message}", where=Location(code=regime.id))


Rows = tuple[Transition, ...]


def _graph(rows: Rows) -> dict[Stage, set[Stage]]:
    graph: dict[Stage, set[Stage]] = {}
    for row in rows:
        graph.setdefault(row.source, set()).update(row.targets)
        for target in row.targets:
            graph.setdefault(target, set())
    return graph


def _reachable(rows: Rows) -> set[Stage]:
    graph = _graph(rows)
    seen = {Stage.NEW}
    todo = [Stage.NEW]
    while todo:
        for nxt in graph.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen


def check_reachable(regime: Regime, rows: Rows) -> list[Problem]:
    """Every stage of the table ``rows`` of ``regime`` can be reached from ``new``."""
    seen = _reachable(rows)
    return [
        _problem(regime, f"stage {stage.value} cannot be reached from new", "cycle.unreachable")
        for stage in sorted(_graph(rows), key=lambda s: s.value)
        if stage not in seen
    ]


def check_dead_ends(regime: Regime, rows: Rows) -> list[Problem]:
    """Every stage of ``rows`` but the final ones has a way out."""
    graph = _graph(rows)
    return [
        _problem(regime, f"stage {stage.value} has no way out", "cycle.dead_end")
        for stage in sorted(graph, key=lambda s: s.value)
        if not graph[stage] and stage not in FINAL_STAGES
    ]


def check_chain(regime: Regime, rows: Rows) -> list[Problem]:
    """The regime's chain is complete in ``rows``: each level has its stage, each level but
    the top forwards, each scoring level evaluates, each recognising level recognises."""
    seen = _reachable(rows)
    out: list[Problem] = []
    for i, level in enumerate(regime.chain):
        stage = _STAGE_OF_LEVEL[level]
        if stage not in seen:
            out.append(_problem(regime, f"no reachable stage for the {level.value}", "cycle.chain"))
        forwards = any(r.source is stage and r.event is EventKind.FORWARD for r in rows)
        if i + 1 < len(regime.chain) and not forwards:
            out.append(_problem(regime, f"the {level.value} cannot forward", "cycle.chain"))
        evaluates = any(r.event is EventKind.EVALUATE and stage in r.targets for r in rows)
        if level in regime.scoring_levels and not evaluates:
            out.append(_problem(regime, f"the {level.value} never evaluates", "cycle.chain"))
    for stars, level in sorted(regime.recognises.items()):
        stage = _STAGE_OF_LEVEL[level]
        if not any(r.source is stage and r.event is EventKind.RECOGNIZE for r in rows):
            out.append(
                _problem(regime, f"the {level.value} cannot recognise {stars}★", "cycle.chain")
            )
    return out


#: The checks [`check_definition`][ocop.cycle.checks.check_definition] runs, in order.
DEFINITION_CHECKS: tuple[Callable[[Regime, Rows], list[Problem]], ...] = (
    check_reachable,
    check_dead_ends,
    check_chain,
)


def check_definition(regimes: tuple[Regime, ...] = REGIMES) -> tuple[Problem, ...]:
    """Every problem of the declared tables of ``regimes`` (none when the tables are sound)."""
    return tuple(
        p
        for regime in regimes
        for check in DEFINITION_CHECKS
        for p in check(regime, transitions(regime))
    )
