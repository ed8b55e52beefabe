"""Hypothesis strategies and helpers for the product cycle: events, scores, event logs.

[`event_logs`][ocop.testing.cycle.event_logs] draws an event log that a regime accepts from a
new product on (every event applied without refusal),
[`events_of`][ocop.testing.cycle.events_of] an event of a kind with a random payload.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from decimal import Decimal
from fractions import Fraction

from hypothesis import strategies as st

from ocop.cycle import (
    Event,
    EventKind,
    Record,
    RevocationGround,
    advance,
    rules_for,
    transitions,
)
from ocop.regimes import REGIMES, Level

__all__ = [
    "any_events",
    "developed",
    "event_logs",
    "events_of",
    "gaps",
    "grounds",
    "high_scores",
    "levels",
    "scores",
    "start_dates",
    "walk",
]

D = dt.date

#: Exact scores of every kind the cycle accepts.
scores: st.SearchStrategy[int | Decimal | Fraction] = st.one_of(
    st.integers(min_value=0, max_value=100),
    st.decimals(min_value=0, max_value=100, places=2, allow_nan=False, allow_infinity=False),
    st.fractions(min_value=0, max_value=100, max_denominator=12),
)

#: Scores that mostly pass the thresholds, so that random walks reach recognition.
high_scores: st.SearchStrategy[int | Decimal | Fraction] = st.one_of(
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
    """Apply every step; raise `AssertionError` (a failed test) on any refusal."""
    for event, on in steps:
        result = advance(record, event, on=on)
        if not result.ok:
            raise AssertionError([p.render() for p in result.problems])
        record = result.value
    return record


#: Each regime by its id and its alias, case-folded.
_ERAS = {
    key: regime for regime in REGIMES for key in (regime.id.casefold(), regime.alias.casefold())
}


@st.composite
def event_logs(
    draw: st.DrawFn, *, regime: str | None = None, max_events: int = 30
) -> tuple[Record, tuple[tuple[Event, dt.date], ...]]:
    """An event log a regime accepts: ``(record, steps)``, each step ``(event, date)``.

    The product starts new on a day of ``regime``'s era (an id or alias such as
    ``"26-2026"``; any regime when ``None``), then moves by events its stage allows, each a
    few days after the one before; events the machine refuses are drawn again, so every step
    of the log is applied. ``record`` is where the log leads.
    """
    if regime is None:
        chosen = draw(st.sampled_from(REGIMES))
    else:
        found = _ERAS.get(regime.casefold())
        if found is None:
            raise ValueError(f"no regime {regime!r}")
        chosen = found
    last = chosen.effective_until or dt.date(2030, 12, 31)
    day = draw(st.dates(min_value=chosen.effective_from, max_value=last - dt.timedelta(days=1)))
    record = Record.new(draw(st.sampled_from(["QT-001", "QT-002", "P-1"])))
    steps: list[tuple[Event, dt.date]] = []
    for i in range(draw(st.integers(min_value=0, max_value=max_events))):
        on = day if i == 0 else day + draw(gaps)  # the first step is in the regime's era
        allowed = sorted(
            {t.event for t in transitions(rules_for(record, on)) if t.source is record.stage},
            key=lambda k: k.value,
        )
        if not allowed:
            break
        event = draw(st.sampled_from(allowed).flatmap(events_of))
        result = advance(record, event, on=on)
        if result.ok:
            record = result.value
            steps.append((event, on))
            day = on
    return record, tuple(steps)


def developed(product: str, start: dt.date) -> Record:
    """A product taken from registration to development, from ``start`` a week per step."""
    week = dt.timedelta(days=7)
    kinds = ["select_idea", "submit_plan", "approve_plan", "start_development"]
    steps = [(Event.register(subject="HTX"), start)] + [
        (Event.of(k), start + week * (i + 1)) for i, k in enumerate(kinds)
    ]
    return walk(Record.new(product), steps)
