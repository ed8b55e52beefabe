"""The declared transition tables drawn as Mermaid ``stateDiagram-v2`` or Graphviz DOT."""

from __future__ import annotations

from ocop.cycle.machine import _IN_ROUND, transitions
from ocop.cycle.model import FINAL_STAGES, Stage
from ocop.regimes import Regime, get_regime

__all__ = ["to_dot", "to_mermaid"]

_OPEN = "dossier_open"


def _edges(regime: Regime) -> list[tuple[Stage, Stage, str]]:
    edges: list[tuple[Stage, Stage, str]] = []
    for row in transitions(regime):
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


def to_mermaid(regime: Regime | str, *, group: bool = True) -> str:
    """The cycle under ``regime`` as a Mermaid ``stateDiagram-v2`` (ends with a newline).

    With ``group`` (the default) the stages of an open dossier are drawn inside one composite
    state, and the steps that every one of them allows (withdraw, revoke, expire) are drawn
    once, from that state; with ``group=False`` every row of the table is its own edge.
    """
    r = _resolve(regime)
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


def to_dot(regime: Regime | str) -> str:
    """The cycle under ``regime`` as a Graphviz DOT digraph (ends with a newline)."""
    r = _resolve(regime)
    lines = [
        f'digraph "{r.id}" {{',
        f'    label="{r.id}: {r.title}";',
        "    rankdir=LR;",
        "    node [shape=box, style=rounded];",
    ]
    for stage in sorted(FINAL_STAGES, key=lambda s: s.value):
        lines.append(f'    "{stage.value}" [peripheries=2];')
    for source, target, label in _edges(r):
        text = label.replace('"', '\\"')
        lines.append(f'    "{source.value}" -> "{target.value}" [label="{text}"];')
    lines.append("}")
    return "\n".join(lines) + "\n"
