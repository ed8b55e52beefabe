"""A provincial OCOP plan (kế hoạch) as immutable records: activities, targets, facts, budget.

A plan is what a provincial department issues each year: its activities (nội dung) with a
window in quarters and the bodies that carry them out, its measurable targets (mục tiêu) and
its budget annex (dự toán kinh phí, [`ocop.budget`][ocop.budget]). Facts (kết quả ghi nhận) are what
the plan's readers record as the year goes by for the targets and activities that no cycle
record shows (officials trained, an organisation set up).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from decimal import Decimal
from fractions import Fraction

import attrs

from ocop._enums import OcopEnum
from ocop.budget import Budget
from ocop.cycle import EventKind, Timetable, Window
from ocop.errors import OcopLookupError, OcopValueError
from ocop.periods import QuarterRange
from ocop.problems import Location
from ocop.regimes import Level

__all__ = [
    "ABOUT_TOLERANCE",
    "Activity",
    "Bounds",
    "Citation",
    "Comparison",
    "Fact",
    "Plan",
    "Target",
]

#: How far from its value an "about" target (khoảng) may land and still be met: ±20 %.
#: The plans say "khoảng 20 sản phẩm" without a tolerance; ocop takes one fifth, so "about
#: 20" is met from 16 (and 24 is still "about 20"). A target may state its own.
ABOUT_TOLERANCE = Fraction(1, 5)

Number = int | Decimal


class Comparison(OcopEnum):
    """How a target's actual figure is compared with its value (cách so sánh).

    ``AT_LEAST`` (ít nhất, tối thiểu): met when actual ≥ value. ``ABOUT`` (khoảng): met when
    actual ≥ value × (1 − tolerance) (`ABOUT_TOLERANCE`); above value × (1 + tolerance)
    it is still met, and flagged as above. ``BETWEEN`` (từ … đến, "3 - 5"): met when actual ≥
    the low end; above the high end it is flagged as above. ``DONE`` (hoàn thành): met when a
    fact records it done, or when its indicator counts at least one.
    """

    AT_LEAST = "at_least"
    ABOUT = "about"
    BETWEEN = "between"
    DONE = "done"

    @classmethod
    def parse(cls, text: str) -> Comparison:
        """Read ``at_least``/``>=``/``ít nhất``, ``about``/``~``/``khoảng``, ``between``/
        ``từ … đến``, ``done``/``hoàn thành``.

        Raises:
            OcopValueError: ``text`` names no comparison.
        """
        found = _COMPARISONS.get(text.strip().casefold())
        if found is None:
            raise OcopValueError(f"{text!r} is not a comparison (at_least, about, between or done)")
        return found


_COMPARISONS = {
    "at_least": Comparison.AT_LEAST,
    "at least": Comparison.AT_LEAST,
    ">=": Comparison.AT_LEAST,
    "≥": Comparison.AT_LEAST,
    "ít nhất": Comparison.AT_LEAST,
    "tối thiểu": Comparison.AT_LEAST,
    "about": Comparison.ABOUT,
    "~": Comparison.ABOUT,
    "khoảng": Comparison.ABOUT,
    "between": Comparison.BETWEEN,
    "từ … đến": Comparison.BETWEEN,
    "done": Comparison.DONE,
    "hoàn thành": Comparison.DONE,
}


@attrs.frozen(kw_only=True)
class Activity:
    """One activity of the plan (nội dung, hoạt động).

    Attributes:
        id: Its number in the plan, e.g. ``"II.5.1"`` (section II, item 5.1).
        title: What is done (tên nội dung).
        window: The quarters it is planned in (thời gian thực hiện), e.g. Quý II năm 2019.
        lead: The lead body (cơ quan chủ trì), or ``None`` when the plan names none.
        implementers: The bodies that carry it out (đơn vị thực hiện).
        coordinators: The bodies that help (đơn vị phối hợp).
        place: Where it happens (địa điểm), when the plan says.
        budget_lines: The keys of the budget lines that fund it (a line code such as
            ``"2.1"``, or ``"#6"`` for an uncoded line on row 6); empty when no line is
            evidently its own.
        budget_basis: Why those lines fund it, in words (căn cứ liên kết).
        evidence: The cycle events that show it under way, as ``kind`` or ``kind:level``
            (``"register"``, ``"evaluate:district"``): the first such event on or before a
            date shows it started.
        source: Where it was read from; not part of its value.
    """

    id: str
    title: str
    window: QuarterRange
    lead: str | None = None
    implementers: tuple[str, ...] = ()
    coordinators: tuple[str, ...] = ()
    place: str | None = None
    budget_lines: tuple[str, ...] = ()
    budget_basis: str = ""
    evidence: tuple[str, ...] = ()
    source: Location | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Target:
    """One measurable target of the plan (mục tiêu).

    Attributes:
        id: Its key, e.g. ``"T5"``.
        text: The target as the plan words it.
        indicator: What is counted (chỉ tiêu), e.g. ``"products_3star_plus_provincial"``:
            one of `ocop.plan.INDICATORS` (computed from the cycle's records) or any
            other name, whose figure then comes from the plan's facts.
        comparison: How the actual figure is compared ([`Comparison`][ocop.plan.model.Comparison]).
        value: The figure for ``at_least`` and ``about``; the low end for ``between``;
            ``None`` for ``done``.
        high: The high end for ``between``; ``None`` otherwise.
        unit: The unit of the figure (đơn vị), e.g. "sản phẩm", "%".
        level: The level the target is counted at (cấp), when it says.
        activities: The ids of the activities whose window paces it (pro-rata progress);
            empty: the plan's year.
        tolerance: The tolerance of an ``about`` target, as a fraction of ``value``.
        source: Where it was read from; not part of its value.
    """

    id: str
    text: str
    indicator: str
    comparison: Comparison
    value: Number | None = None
    high: Number | None = None
    unit: str = ""
    level: str | None = None
    activities: tuple[str, ...] = ()
    tolerance: Fraction = ABOUT_TOLERANCE
    source: Location | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def low(self) -> Fraction | None:
        """The least actual figure that meets the target (``None`` for ``done``)."""
        if self.value is None:
            return None
        v = Fraction(self.value)
        if self.comparison is Comparison.ABOUT:
            return v * (1 - self.tolerance)
        return v

    @property
    def upper(self) -> Fraction | None:
        """The figure above which an actual is flagged as above the target, if any."""
        if self.comparison is Comparison.ABOUT and self.value is not None:
            return Fraction(self.value) * (1 + self.tolerance)
        if self.comparison is Comparison.BETWEEN and self.high is not None:
            return Fraction(self.high)
        return None


@attrs.frozen(kw_only=True)
class Fact:
    """A figure or an event the plan's readers record (kết quả ghi nhận).

    A fact gives an indicator's figure where no cycle record stands behind it ("412 officials
    trained by 28 June"), or shows an activity started or done.

    Attributes:
        on: The date of the fact (ngày ghi nhận); it counts from that day.
        indicator: The indicator it gives a figure for, or ``None``.
        activity: The activity it is about, or ``None``.
        value: The figure (an integer or a decimal) for an indicator; ``True`` for a target
            that is done; for an activity, ``"started"`` or ``"done"``.
        source: Where the fact comes from in words (a report's number, a decision).
        where: Where it was read from; not part of its value.
    """

    on: dt.date
    indicator: str | None = None
    activity: str | None = None
    value: Number | bool | str = True
    source: str = ""
    where: Location | None = attrs.field(default=None, eq=False, repr=False)


@attrs.frozen(kw_only=True)
class Bounds:
    """A count known exactly or only within bounds (giới hạn).

    Partial knowledge stays partial: "at least 9" is ``Bounds(low=9, high=None)``, never 9.

    Attributes:
        low: The count is at least this.
        high: The count is at most this, or ``None`` when nothing bounds it from above; equal
            to ``low`` when the count is exact.
    """

    low: int
    high: int | None

    @classmethod
    def exactly(cls, n: int) -> Bounds:
        """The count ``n``, known exactly."""
        return cls(low=n, high=n)

    @classmethod
    def at_least(cls, n: int) -> Bounds:
        """A count of ``n`` or more."""
        return cls(low=n, high=None)

    @property
    def exact(self) -> bool:
        """``True`` when the count is known exactly."""
        return self.high == self.low


@attrs.frozen(kw_only=True)
class Citation:
    """Where a figure comes from (nguồn số liệu).

    Attributes:
        kind: ``"decision"`` (a decision of recognition), ``"publication"`` (a published
            statement: a department's page, a newspaper), ``"events"`` (an event log) or
            ``"fact"`` (a fact of the plan).
        ref: The decision's number, the publication's title, the log's file name, or the
            fact's source in words.
        on: The decision's or the publication's date, or the fact's date.
        by: Who issued or published it.
        where: Where it can be read (a web site), when known.
        simulated: ``True`` for a simulated event log.
    """

    kind: str
    ref: str
    on: dt.date | None = None
    by: str = ""
    where: str = ""
    simulated: bool = False

    def to_dict(self) -> dict[str, object]:
        """The citation as JSON: ``kind``, ``ref``, ``on``, ``by``, ``where``, ``simulated``."""
        return {
            "kind": self.kind,
            "ref": self.ref,
            "on": None if self.on is None else self.on.isoformat(),
            "by": self.by,
            "where": self.where,
            "simulated": self.simulated,
        }


@attrs.frozen(kw_only=True)
class Plan:
    """A provincial OCOP plan for a year (kế hoạch thực hiện Chương trình OCOP).

    Build it with [`ocop.plan.read_plan`][ocop.plan.read_plan],
    [`ocop.plan.load_plan`][ocop.plan.load_plan] or
    [`ocop.plan.quang_tri_2019`][ocop.plan.quang_tri_2019].

    Attributes:
        number: The plan's number (số), e.g. ``"278/KH-SNN"``.
        date: The day it was issued (ngày ban hành).
        year: The year it plans.
        issuer: Who issued it (cơ quan ban hành).
        title: Its title (trích yếu).
        province: The province (tỉnh).
        activities: Its activities, in the plan's order.
        targets: Its targets, in the plan's order.
        facts: The facts recorded so far, oldest first.
        budget: Its budget annex, or ``None`` when it has none.
        source: Where it was read from; not part of its value.
    """

    number: str
    year: int
    date: dt.date | None = None
    issuer: str = ""
    title: str = ""
    province: str = ""
    activities: tuple[Activity, ...] = ()
    targets: tuple[Target, ...] = ()
    facts: tuple[Fact, ...] = ()
    budget: Budget | None = attrs.field(default=None, eq=False)
    source: Location | None = attrs.field(default=None, eq=False, repr=False)

    def __iter__(self) -> Iterator[Activity]:
        return iter(self.activities)

    @property
    def start(self) -> dt.date:
        """The first day of the plan's year."""
        return dt.date(self.year, 1, 1)

    @property
    def end(self) -> dt.date:
        """The last day of the plan's year (the default date of a report)."""
        return dt.date(self.year, 12, 31)

    def timetable(self) -> Timetable:
        """When the plan schedules each step of the product cycle: the windows warned about
        by [`ocop.cycle.advance`][ocop.cycle.advance] and ``ocop cycle replay --plan``.

        Read from the plan's own data: each activity's quarters (`Activity.window`)
        bound to the events that show it under way (`Activity.evidence`, ``kind`` or
        ``kind:level``). Where several activities show one event (278/KH-SNN II.5.4.1–3 all
        show ``start_development``), its window runs from the first one's start to the last
        one's end. Events no activity names have no window: nothing is warned about them.
        """
        spans: dict[tuple[str, str | None], list[Activity]] = {}
        for a in self.activities:
            for key in a.evidence:
                kind, _, at = key.partition(":")
                spans.setdefault((kind, at or None), []).append(a)
        windows: dict[tuple[EventKind | str, Level | str | None], Window] = {}
        for (kind, level), acts in spans.items():
            first = min(acts, key=lambda a: a.window.first).window.first
            last = max(acts, key=lambda a: a.window.last).window.last
            windows[kind, level] = Window.of_range(
                QuarterRange(first, last), source=", ".join(a.id for a in acts)
            )
        return Timetable.of(self.number, windows)

    def activity(self, id: str) -> Activity:
        """The activity ``id``.

        Raises:
            OcopLookupError: The plan has no such activity.
        """
        for a in self.activities:
            if a.id == id:
                return a
        raise OcopLookupError(f"the plan has no activity {id!r}")

    def target(self, id: str) -> Target:
        """The target ``id``.

        Raises:
            OcopLookupError: The plan has no such target.
        """
        for t in self.targets:
            if t.id == id:
                return t
        raise OcopLookupError(f"the plan has no target {id!r}")
