"""ocop.testing: public strategies that draw what they promise, and hypothesis stays optional."""

from __future__ import annotations

import subprocess
import sys

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from ocop.budget import build_tree, check
from ocop.cycle import replay
from ocop.rating import check_assessment, classify
from ocop.regimes import REGIMES
from ocop.testing import assessments, budgets, event_logs, shipped_sheets


def _python(code: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)


def test_import_ocop_never_needs_hypothesis() -> None:
    out = _python(
        "import sys\n"
        "import ocop, ocop.budget, ocop.rating, ocop.cycle, ocop.plan, ocop.conformance\n"
        "import ocop.cli\n"
        "ocop.cli.build_parser()\n"
        "assert 'hypothesis' not in sys.modules, 'hypothesis was imported'\n"
    )
    assert out.returncode == 0, out.stderr


def test_ocop_testing_without_hypothesis_names_the_extra() -> None:
    out = _python("import sys\nsys.modules['hypothesis'] = None\nimport ocop.testing\n")
    assert out.returncode == 1
    assert "pip install 'ocop[test]'" in out.stderr


@settings(max_examples=40, deadline=None)
@given(assessments(sheet=shipped_sheets("26-2026"), max_members=5))
def test_assessments_of_shipped_sheets_are_valid(assessment: object) -> None:
    from ocop.rating import Assessment

    assert isinstance(assessment, Assessment)
    assert check_assessment(assessment) == []
    rating = classify(assessment)
    assert rating.stars <= rating.band_stars


def test_shipped_sheets_refuses_an_unknown_set() -> None:
    with pytest.raises(ValueError, match="no shipped criteria set"):
        shipped_sheets("999-2030")


@pytest.mark.parametrize("regime", [r.alias for r in REGIMES])
@settings(max_examples=25, deadline=None)
@given(data=st.data())
def test_event_logs_are_accepted_under_their_regime(regime: str, data: st.DataObject) -> None:
    record, steps = data.draw(event_logs(regime=regime))
    assert len(record.history) == len(steps)
    assert replay(record.history, product=record.product) == record
    if steps:
        assert record.history[0].regime == next(r.id for r in REGIMES if r.alias == regime)


@settings(max_examples=30, deadline=None)
@given(budgets())
def test_budgets_are_consistent(budget: object) -> None:
    from ocop.budget import Budget

    assert isinstance(budget, Budget)
    assert [p.code for p in check(budget) if p.is_error] == []
    assert build_tree(budget).total >= 0
