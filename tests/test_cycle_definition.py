"""The declared tables themselves: reachable, no dead ends, complete chains; the diagrams."""

from __future__ import annotations

import attrs
import pytest

from helpers import ROOT
from ocop.cycle import EventKind, Stage, transitions
from ocop.cycle.checks import check_chain, check_dead_ends, check_definition, check_reachable
from ocop.regimes import REGIMES, get_regime


def test_every_regime_is_sound() -> None:
    assert check_definition() == ()


def test_the_checks_find_broken_tables() -> None:
    regime = get_regime("26-2026")
    rows = transitions(regime)
    # No way out of returned, no commune forward, recognition by the ministry gone.
    broken = tuple(
        r
        for r in rows
        if r.source is not Stage.RETURNED
        and not (r.source is Stage.COMMUNE_CHECKED and r.event is EventKind.FORWARD)
        and not (r.source is Stage.NATIONAL_EVALUATED and r.event is EventKind.RECOGNIZE)
    )
    messages = [p.message for p in check_dead_ends(regime, broken) + check_chain(regime, broken)]
    assert "26/2026/QĐ-TTg: stage returned has no way out" in messages
    assert "26/2026/QĐ-TTg: the commune cannot forward" in messages
    assert "26/2026/QĐ-TTg: the national cannot recognise 5★" in messages
    cut = tuple(r for r in rows if r.event is not EventKind.FORWARD)
    assert [p.message for p in check_reachable(regime, cut)] == [
        "26/2026/QĐ-TTg: stage at_national cannot be reached from new",
        "26/2026/QĐ-TTg: stage at_province cannot be reached from new",
        "26/2026/QĐ-TTg: stage national_evaluated cannot be reached from new",
        "26/2026/QĐ-TTg: stage province_evaluated cannot be reached from new",
    ]


@pytest.mark.parametrize("regime", REGIMES, ids=lambda r: r.alias)
def test_each_stage_has_its_level_in_the_chain(regime: object) -> None:
    stages = {s for row in transitions(regime.id) for s in (row.source, *row.targets)}  # type: ignore[attr-defined]
    commune = {Stage.COMMUNE_CHECKED, Stage.RETURNED} & stages
    district = {Stage.DISTRICT_EVALUATED} & stages
    assert bool(commune) is (regime.chain[0].value == "commune")  # type: ignore[attr-defined]
    assert bool(district) is (regime.chain[0].value == "district")  # type: ignore[attr-defined]
    assert attrs.has(type(regime))


def test_the_concept_page_shows_the_current_diagrams() -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("gen", ROOT / "scripts" / "gen_cycle_diagrams.py")
    assert spec is not None
    assert spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    page = (ROOT / "docs" / "concepts" / "cycle.md").read_text(encoding="utf-8")
    assert gen.render(page) == page, "run: python scripts/gen_cycle_diagrams.py"
