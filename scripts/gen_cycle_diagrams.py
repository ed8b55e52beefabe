"""Write the cycle's diagrams, one per regime, into docs/concepts/cycle.md.

The diagrams are generated from the declared transition tables (``ocop.cycle.diagram``) and
placed between the page's ``<!-- cycle-diagrams:start -->`` and ``<!-- cycle-diagrams:end -->``
markers; the test suite checks that the committed page is what this script writes.

    python scripts/gen_cycle_diagrams.py          # rewrite the page
    python scripts/gen_cycle_diagrams.py --check  # exit 1 if the page is stale
"""

from __future__ import annotations

import sys
from pathlib import Path

from ocop.cycle.diagram import side_transitions, to_mermaid
from ocop.regimes import REGIMES, Regime

sys.path.insert(0, str(Path(__file__).resolve().parent))  # this folder, also when loaded by path
from _generated import ROOT, write_or_check

PAGE = ROOT / "docs" / "concepts" / "cycle.md"
START = "<!-- cycle-diagrams:start -->"
END = "<!-- cycle-diagrams:end -->"


def _side_table(regime: Regime) -> str:
    rows = [
        "| Step | From | To | When |",
        "| --- | --- | --- | --- |",
    ]
    for side in side_transitions(regime):
        sources = ", ".join(f"`{s.value}`" for s in side.sources)
        rows.append(
            f"| `{side.event}` | {sources} | `{side.target.value}` | {side.condition or '—'} |"
        )
    return "\n".join(rows) + "\n"


def diagrams() -> str:
    """The generated section, newest regime first: its way forward, then its side steps."""
    parts = []
    for regime in reversed(REGIMES):
        until = regime.effective_until.isoformat() if regime.effective_until else "today"
        parts.append(
            f"### {regime.id}\n\n"
            f"In force {regime.effective_from.isoformat()} → {until}; chain "
            f"{' → '.join(lv.value for lv in regime.chain)}. The way forward:\n\n"
            f"```mermaid\n{to_mermaid(regime, view='main')}```\n\n"
            "The side steps, which the diagram leaves out:\n\n"
            f"{_side_table(regime)}"
        )
    return "\n".join(parts)


def render(page: str) -> str:
    """``page`` with the text between the markers replaced by the current diagrams."""
    head, found, rest = page.partition(START)
    if not found or END not in rest:
        raise SystemExit(f"{PAGE}: the markers {START} … {END} are missing")
    _, _, tail = rest.partition(END)
    return f"{head}{START}\n\n{diagrams()}\n{END}{tail}"


def main(argv: list[str]) -> int:
    return write_or_check(
        PAGE,
        render(PAGE.read_text(encoding="utf-8")),
        argv=argv,
        how_to_regenerate="python scripts/gen_cycle_diagrams.py",
    )


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
