"""Hypothesis strategies for testing code built on ocop, and ocop itself.

These are the strategies ocop's own test suite uses, public for Python implementers: draw
valid assessments for any sheet ([`assessments`][ocop.testing.rating.assessments]), event
logs that a regime accepts ([`event_logs`][ocop.testing.cycle.event_logs]), consistent
budgets ([`budgets`][ocop.testing.budget.budgets]) and plans
([`plans`][ocop.testing.plan.plans]).

Hypothesis is a test-time dependency: install it with the ``test`` extra
(``pip install 'ocop[test]'``). ``import ocop`` never needs it; ``import ocop.testing`` does,
and says so when it is missing.

>>> from hypothesis import given
>>> from ocop.rating import classify
>>> from ocop.testing import assessments, shipped_sheets
>>> @given(assessments(sheet=shipped_sheets()))
... def test_stars_never_exceed_the_band(assessment):
...     rating = classify(assessment)
...     assert rating.stars <= rating.band_stars
>>> test_stars_never_exceed_the_band()
"""

from __future__ import annotations

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - the test extra is installed for the tests
    raise ImportError(
        "ocop.testing needs Hypothesis, a test-time dependency: pip install 'ocop[test]'"
    ) from exc

from ocop.testing.budget import budgets
from ocop.testing.cycle import any_events, developed, event_logs, events_of, walk
from ocop.testing.plan import plans
from ocop.testing.rating import assessments, choices_for, make_sheet, sheets, shipped_sheets

__all__ = [
    "any_events",
    "assessments",
    "budgets",
    "choices_for",
    "developed",
    "event_logs",
    "events_of",
    "make_sheet",
    "plans",
    "sheets",
    "shipped_sheets",
    "walk",
]
