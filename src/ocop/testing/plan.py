"""Hypothesis strategies for plans: activities in quarters, targets of each comparison, facts."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from fractions import Fraction

import attrs
from hypothesis import strategies as st

from ocop.periods import Quarter, QuarterRange
from ocop.plan import INDICATORS, Activity, Comparison, Fact, Plan, Target

__all__ = ["YEARS", "activities", "plans", "targets", "windows", "without_sources"]

YEARS = st.integers(min_value=2019, max_value=2030)
_TEXT = (
    st.text(
        alphabet=st.sampled_from("abcdeghiklmnopqrstuvxyăâđêôơưáàảãạếềểễệốồổỗộớờởỡợúùủũụứừửữự "),
        min_size=1,
        max_size=30,
    )
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)


@st.composite
def windows(draw: st.DrawFn, year: int) -> QuarterRange:
    """A run of quarters inside ``year``."""
    a = draw(st.integers(min_value=1, max_value=4))
    b = draw(st.integers(min_value=a, max_value=4))
    return QuarterRange(Quarter(year, a), Quarter(year, b))


@st.composite
def activities(draw: st.DrawFn, year: int, index: int) -> Activity:
    """An activity of a plan for ``year``, numbered ``index``."""
    return Activity(
        id=f"II.{index + 1}",
        title=draw(_TEXT),
        window=draw(windows(year)),
        lead=draw(st.none() | _TEXT),
        implementers=tuple(draw(st.lists(_TEXT, max_size=3))),
        coordinators=tuple(draw(st.lists(_TEXT, max_size=2))),
        place=draw(st.none() | _TEXT),
        evidence=tuple(
            draw(
                st.lists(
                    st.sampled_from(["register", "evaluate:province"]), max_size=2, unique=True
                )
            )
        ),
    )


_FIGURES = st.integers(min_value=0, max_value=500) | st.decimals(
    min_value=Decimal("0.5"), max_value=Decimal("999.5"), places=1
).filter(lambda d: d != d.to_integral_value())


@st.composite
def targets(draw: st.DrawFn, index: int, activity_ids: list[str]) -> Target:
    """A target of each comparison, paced by some of ``activity_ids``."""
    comparison = draw(st.sampled_from(list(Comparison)))
    indicator = draw(st.sampled_from([*INDICATORS, "officials_trained"]))
    value = high = None
    counted = indicator in INDICATORS  # a count of products or subjects is whole
    if comparison is not Comparison.DONE:
        value = draw(st.integers(min_value=0, max_value=500) if counted else _FIGURES)
    if comparison is Comparison.BETWEEN:
        assert value is not None
        high = value + draw(st.integers(min_value=0, max_value=10))
    tolerance = Fraction(draw(st.integers(min_value=0, max_value=50)), 100)
    return Target(
        id=f"T{index + 1}",
        text=draw(_TEXT),
        indicator=indicator,
        comparison=comparison,
        value=value,
        high=high,
        unit=draw(st.sampled_from(["", "sản phẩm", "%"] if counted else ["", "%"])),
        level=draw(st.none() | st.sampled_from(["province", "national"])),
        activities=tuple(draw(st.lists(st.sampled_from(activity_ids), max_size=2, unique=True)))
        if activity_ids
        else (),
        tolerance=tolerance if comparison is Comparison.ABOUT else Fraction(1, 5),
    )


@st.composite
def plans(draw: st.DrawFn) -> Plan:
    """A plan without a budget: activities, targets and facts of one year."""
    year = draw(YEARS)
    acts = [draw(activities(year, i)) for i in range(draw(st.integers(min_value=0, max_value=5)))]
    ids = [a.id for a in acts]
    tgts = [draw(targets(i, ids)) for i in range(draw(st.integers(min_value=0, max_value=5)))]
    days = st.dates(min_value=dt.date(year, 1, 1), max_value=dt.date(year, 12, 31))
    facts: list[Fact] = []
    for _ in range(draw(st.integers(min_value=0, max_value=4))):
        about_activity: bool = draw(st.booleans())
        if ids and about_activity:
            facts.append(
                Fact(
                    on=draw(days),
                    activity=draw(st.sampled_from(ids)),
                    value=draw(st.sampled_from(["started", "done"])),
                )
            )
        else:
            facts.append(
                Fact(
                    on=draw(days),
                    indicator="officials_trained",
                    value=draw(st.booleans() | _FIGURES),
                    source=draw(st.sampled_from(["", "Báo cáo số 95/BC-CCPTNT"])),
                )
            )
    return Plan(
        number=draw(st.sampled_from(["278/KH-SNN", "12/KH-UBND"])),
        year=year,
        date=draw(st.none() | st.just(dt.date(year, 3, 4))),
        issuer=draw(st.sampled_from(["", "Sở Nông nghiệp và PTNT"])),
        title=draw(st.sampled_from(["", "Kế hoạch OCOP"])),
        province=draw(st.sampled_from(["", "Quảng Trị"])),
        activities=tuple(acts),
        targets=tuple(tgts),
        facts=tuple(sorted(facts, key=lambda f: f.on)),
    )


def without_sources(plan: Plan) -> Plan:
    """``plan`` with every record's ``source`` dropped (sources are not compared anyway)."""
    return attrs.evolve(plan, source=None)
