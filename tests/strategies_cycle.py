"""Hypothesis strategies and helpers for the product cycle's tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

from ocop.cycle import Event, EventKind, Record, RevocationGround, advance
from ocop.regimes import Level

D = dt.date

#: Exact scores of every kind the cycle accepts.
scores = st.one_of(
    st.integers(min_value=0, max_value=100),
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
    st.fractions(min_value=0, max_value=100, max_denominator=12),
)

#: Scores that mostly pass the thresholds, so that random walks reach recognition.
high_scores = st.one_of(
    st.integers(min_value=45, max_value=100),
    st.sampled_from([Decimal("49.99"), Decimal("69.99"), Decimal("89.99"), Fraction(179, 2)]),
)

levels = st.sampled_from(list(Level))
grounds = st.sampled_from(list(RevocationGround))

#: A first day in each regime's era (and around the changes of regime).
start_dates = st.sampled_from(
    [D(2019, 4, 1), D(2022, 11, 1), D(2023, 3, 1), D(2025, 5, 1), D(2025, 8, 1), D(2026, 5, 1)]
)

gaps = st.integers(min_value=0, max_value=90).map(lambda n: dt.timedelta(days=n))


@st.composite
def events_of(draw: st.DrawFn, kind: EventKind) -> Event:
    """An event of ``kind`` with a random payload of the right shape."""
    if kind is EventKind.EVALUATE:
        return Event.evaluate(draw(levels), draw(high_scores | scores))
    if kind is EventKind.RECOGNIZE:
        return Event.recognize(draw(st.integers(1, 5)), draw(levels))
    if kind is EventKind.REVOKE:
        return Event.revoke(draw(grounds), level=draw(st.none() | levels))
    if kind is EventKind.COMMUNE_CHECK:
        return Event.commune_check(passed=draw(st.booleans().filter(lambda b: b) | st.booleans()))
    if kind is EventKind.REGISTER:
        return Event.register(subject=draw(st.none() | st.just("HTX Cam Thủy")))
    return Event.of(kind)


any_events = st.sampled_from(list(EventKind)).flatmap(events_of)


def walk(record: Record, steps: Iterable[tuple[Event, dt.date]]) -> Record:
    """Apply every step; fail the test on any refusal."""
    for event, on in steps:
        result = advance(record, event, on=on)
        assert result.ok, [p.render() for p in result.problems]
        record = result.value
    return record


def developed(product: str, start: dt.date) -> Record:
    """A product taken from registration to development, from ``start`` a week per step."""
    week = dt.timedelta(days=7)
    kinds = ["select_idea", "submit_plan", "approve_plan", "start_development"]
    steps = [(Event.register(subject="HTX"), start)] + [
        (Event.of(k), start + week * (i + 1)) for i, k in enumerate(kinds)
    ]
    return walk(Record.new(product), steps)
