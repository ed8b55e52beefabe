"""The declared transition tables drawn as Mermaid ``stateDiagram-v2`` or Graphviz DOT."""

from __future__ import annotations

from ocop.cycle.machine import transitions
from ocop.cycle.model import FINAL_STAGES, Stage
from ocop.regimes import Regime, get_regime

__all__ = ["to_dot", "to_mermaid"]


def _edges(regime: Regime) -> list[tuple[Stage, Stage, str]]:
    edges: list[tuple[Stage, Stage, str]] = []
    for row in transitions(regime):
        label = row.event.value
        if row.guard and len(row.targets) == 1:
            label = f"{label} ({row.guard})"
        for target in row.targets:
            edges.append((row.source, target, label))
    return edges


def _resolve(regime: Regime | str) -> Regime:
    return regime if isinstance(regime, Regime) else get_regime(regime)


def to_mermaid(regime: Regime | str) -> str:
    """The cycle under ``regime`` as a Mermaid ``stateDiagram-v2`` (ends with a newline)."""
    r = _resolve(regime)
    lines = ["stateDiagram-v2", f"    %% {r.id}: {r.title}", f"    [*] --> {Stage.NEW.value}"]
    for source, target, label in _edges(r):
        lines.append(f"    {source.value} --> {target.value}: {label.replace(';', ',')}")
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
