"""The declared transition tables drawn as Mermaid ``stateDiagram-v2`` or Graphviz DOT.

A whole table is too dense to read on a laptop screen (every stage can be withdrawn), so each
function can draw one of two views: ``"all"`` (every row, the default) or ``"main"`` (the way a
product goes forward, from registration to its certificate). The side transitions left out of
the main view (withdraw, revoke, expire, re-evaluate, upgrade and registering again) are
listed by [`side_transitions`][ocop.cycle.diagram.side_transitions], one line per step with
every stage it applies to.
"""

from __future__ import annotations

from typing import Literal

import attrs

from ocop.cycle.machine import _IN_ROUND, Transition, transitions
from ocop.cycle.model import FINAL_STAGES, Stage
from ocop.regimes import Regime, get_regime

__all__ = ["SideTransition", "View", "side_transitions", "to_dot", "to_mermaid"]

_OPEN = "dossier_open"

#: Which rows a diagram draws: every one, or only the way forward.
View = Literal["all", "main"]

#: The events that take a product off its way forward (or back onto it).
SIDE_EVENTS = frozenset({"withdraw", "revoke", "expire", "re_evaluate", "upgrade"})


def _is_side(row: Transition) -> bool:
    """``True`` for a row the main view leaves out: a side event, or registering again."""
    return row.event.value in SIDE_EVENTS or (
        row.event.value == "register" and row.source is not Stage.NEW
    )


def _rows(regime: Regime, view: View) -> tuple[Transition, ...]:
    rows = transitions(regime)
    return rows if view == "all" else tuple(r for r in rows if not _is_side(r))


@attrs.frozen
class SideTransition:
    """A step off the main path, with every stage it applies to.

    Attributes:
        event: The event (``withdraw``, ``revoke``…).
        sources: The stages it applies to, in table order.
        target: The stage it leads to.
        condition: When it applies (the row's guard, or the outcome), or ``""``.
    """

    event: str
    sources: tuple[Stage, ...]
    target: Stage
    condition: str


def _edges(
    regime: Regime, keep: set[tuple[Stage, str, tuple[Stage, ...]]]
) -> list[tuple[Stage, Stage, str]]:
    edges: list[tuple[Stage, Stage, str]] = []
    for row in transitions(regime):
        if (row.source, row.event.value, row.targets) not in keep:
            continue
        for target in row.targets:
            edges.append(
                (row.source, target, _label(row.event.value, row.guard, row.targets, target))
            )
    return edges


def _resolve(regime: Regime | str) -> Regime:
    return regime if isinstance(regime, Regime) else get_regime(regime)


#: Labels of the edges of rows with two outcomes.
_OUTCOMES = {
    ("commune_check", Stage.COMMUNE_CHECKED): "commune_check (passed)",
    ("commune_check", Stage.RETURNED): "commune_check (not passed)",
    ("withdraw", Stage.RECOGNIZED): "withdraw (certificate held)",
}


def _label(event: str, guard: str, targets: tuple[Stage, ...], target: Stage) -> str:
    if len(targets) > 1:
        return _OUTCOMES.get((event, target), event)
    return f"{event} ({guard})" if guard else event


def side_transitions(regime: Regime | str) -> tuple[SideTransition, ...]:
    """The rows the main view leaves out, one per event, outcome and condition."""
    grouped: dict[tuple[str, Stage, str], list[Stage]] = {}
    for row in transitions(_resolve(regime)):
        if not _is_side(row):
            continue
        for target in row.targets:
            label = _label(row.event.value, row.guard, row.targets, target)
            condition = label[len(row.event.value) :].strip().removeprefix("(").removesuffix(")")
            grouped.setdefault((row.event.value, target, condition), []).append(row.source)
    return tuple(
        SideTransition(event, tuple(sources), target, condition)
        for (event, target, condition), sources in grouped.items()
    )


def to_mermaid(regime: Regime | str, *, group: bool = True, view: View = "all") -> str:
    """The cycle under ``regime`` as a Mermaid ``stateDiagram-v2`` (ends with a newline).

    With ``group`` (the default) the stages of an open dossier are drawn inside one composite
    state, and the steps that every one of them allows (withdraw, revoke, expire) are drawn
    once, from that state; with ``group=False`` every row of the table is its own edge. With
    ``view="main"`` only the way forward is drawn, stage after stage, top to bottom.
    """
    r = _resolve(regime)
    if view == "main":
        lines = [
            "stateDiagram-v2",
            f"    %% {r.id}: the way forward",
            f"    [*] --> {Stage.NEW.value}",
        ]
        for row in _rows(r, "main"):
            for target in row.targets:
                label = _label(row.event.value, row.guard, row.targets, target).replace(";", ",")
                lines.append(f"    {row.source.value} --> {target.value}: {label}")
        return "\n".join(lines) + "\n"
    rows = transitions(r)
    lines = ["stateDiagram-v2", f"    %% {r.id}: {r.title}", f"    [*] --> {Stage.NEW.value}"]
    inside = [s for s in _IN_ROUND if any(row.source is s for row in rows)] if group else []
    shared: list[tuple[str, tuple[Stage, ...], str]] = []
    if inside:
        for row in rows:
            key = (row.event.value, row.targets, row.guard)
            if row.source is inside[0] and all(
                any((o.source, o.event.value, o.targets, o.guard) == (s, *key) for o in rows)
                for s in inside
            ):
                shared.append(key)
        lines.append(f'    state "dossier open (hồ sơ đang xét)" as {_OPEN} {{')
        for row in rows:
            if row.source in inside and (row.event.value, row.targets, row.guard) not in shared:
                for target in row.targets:
                    if target in inside:
                        label = _label(row.event.value, row.guard, row.targets, target)
                        lines.append(f"        {row.source.value} --> {target.value}: {label}")
        lines.append("    }")
    for row in rows:
        key = (row.event.value, row.targets, row.guard)
        if row.source in inside and key in shared:
            continue
        for target in row.targets:
            if row.source in inside and target in inside:
                continue
            label = _label(row.event.value, row.guard, row.targets, target).replace(";", ",")
            lines.append(f"    {row.source.value} --> {target.value}: {label}")
    for event, targets, guard in shared:
        for target in targets:
            label = _label(event, guard, targets, target).replace(";", ",")
            lines.append(f"    {_OPEN} --> {target.value}: {label}")
    for stage in sorted(FINAL_STAGES, key=lambda s: s.value):
        lines.append(f"    {stage.value} --> [*]")
    return "\n".join(lines) + "\n"


def to_dot(regime: Regime | str, *, view: View = "all") -> str:
    """The cycle under ``regime`` as a Graphviz DOT digraph (ends with a newline)."""
    r = _resolve(regime)
    main = {(row.source, row.event.value, row.targets) for row in _rows(r, view)}
    lines = [
        f'digraph "{r.id}" {{',
        f'    label="{r.id}: {r.title}";',
        "    rankdir=LR;",
        "    node [shape=box, style=rounded];",
    ]
    for stage in sorted(FINAL_STAGES, key=lambda s: s.value):
        lines.append(f'    "{stage.value}" [peripheries=2];')
    for source, target, label in _edges(r, main):
        text = label.replace('"', '\\"')
        lines.append(f'    "{source.value}" -> "{target.value}" [label="{text}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
