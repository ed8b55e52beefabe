"""When each step is due: plan windows, the 26/2026 batches and deadlines, working days.

A step taken outside its window is not refused: [`ocop.cycle.advance`][ocop.cycle.advance] reports
it as a warning that names the window and its source, and the product moves on.

Sources: a province's plan (its activities' quarters, [`Plan.timetable`][ocop.plan.Plan.timetable]);
Decision 26/2026/QĐ-TTg art. 5 (batches), art. 7.2 (the commune's 15 working days),
art. 7.6.a and 7.6.g (re-evaluation), art. 12 (transition).
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ocop.certificates import filing_window
from ocop.cycle.model import EventKind
from ocop.errors import OcopValueError
from ocop.periods import Quarter, QuarterRange
from ocop.regimes import (
    COMMUNE_CHECK_WORKING_DAYS,
    MINISTRY_BATCHES,
    PROVINCE_BATCHES,
    Level,
)

__all__ = [
    "Timetable",
    "Window",
    "add_working_days",
    "commune_check_due",
    "is_working_day",
    "ministry_batch",
    "province_batch",
    "re_evaluation_window",
    "working_days_between",
]


@attrs.frozen(kw_only=True)
class Window:
    """A span of days in which a step is due (thời hạn), both ends included.

    Attributes:
        start: The first day of the window.
        end: The last day of the window.
        source: Where the window comes from (a plan's section, an article).
    """

    start: dt.date
    end: dt.date
    source: str = ""

    def __attrs_post_init__(self) -> None:
        if self.end < self.start:
            raise OcopValueError(
                f"a window cannot end ({self.end}) before it starts ({self.start})"
            )

    @classmethod
    def quarter(cls, text: str, *, source: str = "") -> Window:
        """The quarter written ``"2019-Q2"``, or in any form
        [`Quarter.parse`][ocop.periods.Quarter.parse] reads (``"Quý II năm 2019"``…).

        Raises:
            OcopValueError: ``text`` is not a quarter.
        """
        return cls.quarters(text, text, source=source)

    @classmethod
    def quarters(cls, first: str, last: str, *, source: str = "") -> Window:
        """From the first day of quarter ``first`` to the last day of quarter ``last``."""
        return cls.of_range(QuarterRange(_quarter(first), _quarter(last)), source=source)

    @classmethod
    def of_range(cls, quarters: QuarterRange, *, source: str = "") -> Window:
        """The days of a range of quarters ([`QuarterRange`][ocop.periods.QuarterRange])."""
        return cls(start=_plain(quarters.start), end=_plain(quarters.end), source=source)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def render(self) -> str:
        """``2019-04-01 – 2019-06-30``."""
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def _quarter(text: str) -> Quarter:
    if not isinstance(text, str):
        raise OcopValueError(f"not a quarter: {text!r} (write it like '2019-Q2')")
    try:
        return Quarter.parse(text)
    except OcopValueError:
        raise OcopValueError(f"not a quarter: {text!r} (write it like '2019-Q2')") from None


def _plain(day: dt.date) -> dt.date:
    return dt.date(day.year, day.month, day.day)


@attrs.frozen(kw_only=True)
class Timetable:
    """When a province's plan schedules the cycle's steps (lịch thực hiện của kế hoạch).

    Built from a plan's activities by [`Plan.timetable`][ocop.plan.Plan.timetable] (each activity's
    quarters and the events that show it under way), or by hand with `of`.

    Attributes:
        name: The plan's reference, e.g. ``"278/KH-SNN"``.
        windows: (event kind, level or ``None``) → the window in which the step is planned;
            ``None`` stands for any level.
    """

    name: str
    windows: Mapping[tuple[EventKind, Level | None], Window]

    @classmethod
    def of(
        cls, name: str, windows: Mapping[tuple[EventKind | str, Level | str | None], Window]
    ) -> Timetable:
        """A timetable from windows keyed by event kind (and level) as enums or names."""
        keys: dict[tuple[EventKind, Level | None], Window] = {}
        for (kind, level), window in windows.items():
            lvl = level if isinstance(level, Level) or level is None else Level.parse(level)
            keys[EventKind(kind), lvl] = window
        return cls(name=name, windows=MappingProxyType(keys))

    def window(self, kind: EventKind, level: Level | None = None) -> Window | None:
        """The window planned for ``kind`` at ``level`` (or at any level), if any."""
        found = self.windows.get((kind, level)) if level is not None else None
        return found if found is not None else self.windows.get((kind, None))


_HOLIDAYS: dict[int, frozenset[dt.date]] = {}


def _holidays(year: int) -> frozenset[dt.date]:
    found = _HOLIDAYS.get(year)
    if found is None:
        import holidays

        found = frozenset(holidays.country_holidays("VN", years=year))
        _HOLIDAYS[year] = found
    return found


def is_working_day(day: dt.date) -> bool:
    """``True`` unless ``day`` is a Saturday, a Sunday or a Vietnamese public holiday.

    Holidays (Tết, Hùng Kings, 30/4, 1/5, National Day, their observed days…) come from the
    ``holidays`` package's calendar for Vietnam (Labour Code 2019, art. 112).
    """
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: dt.date, days: int) -> dt.date:
    """The ``days``-th working day after ``start`` (``start`` itself not counted)."""
    if days < 0:
        raise OcopValueError(f"'days' must be 0 or more (got {days})")
    day = start
    left = days
    while left:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    return day


def working_days_between(start: dt.date, end: dt.date) -> int:
    """The working days after ``start`` up to and including ``end`` (0 if ``end <= start``)."""
    count = 0
    day = start
    while day < end:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            count += 1
    return count


@functools.lru_cache(maxsize=4096)
def commune_check_due(filed: dt.date) -> dt.date:
    """The last day of the commune's check of a dossier received on ``filed``: 15 working
    days (26/2026/QĐ-TTg art. 7.2)."""
    return add_working_days(filed, COMMUNE_CHECK_WORKING_DAYS)


def _batch(
    forwarded: dt.date, batches: tuple[tuple[tuple[int, int], tuple[int, int]], ...], src: str
) -> Window:
    # "trước ngày 30 tháng 4": a proposal before the day, so one made on 30 April waits for
    # the next batch; "đợt 01 trước ngày 30 tháng 6": the batch is finished before the day,
    # its last day 29 June.
    year = forwarded.year
    for (cut_m, cut_d), (end_m, end_d) in batches:
        if forwarded < dt.date(year, cut_m, cut_d):
            return Window(start=forwarded, end=_day_before(year, end_m, end_d), source=src)
    (_, (end_m, end_d)) = batches[0]
    return Window(start=forwarded, end=_day_before(year + 1, end_m, end_d), source=src)


def _day_before(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day) - dt.timedelta(days=1)


@functools.lru_cache(maxsize=4096)
def province_batch(forwarded: dt.date) -> Window:
    """The provincial batch for a dossier the commune forwarded on ``forwarded``: finished
    before 30 June (by 29 June) for proposals before 30 April, before 30 December for
    proposals before 30 October, else before 30 June of the next year (26/2026/QĐ-TTg
    art. 5.1: "trước ngày"). A dossier forwarded on 30 April is in the December batch."""
    return _batch(forwarded, PROVINCE_BATCHES, "26/2026/QĐ-TTg art. 5.1")


@functools.lru_cache(maxsize=4096)
def ministry_batch(forwarded: dt.date) -> Window:
    """The ministry's batch for a dossier the province forwarded on ``forwarded``: finished
    before 30 March for proposals before 30 January, before 30 September for proposals
    before 30 July, else before 30 March of the next year (26/2026/QĐ-TTg art. 5.2:
    "trước ngày")."""
    return _batch(forwarded, MINISTRY_BATCHES, "26/2026/QĐ-TTg art. 5.2")


def re_evaluation_window(expires: dt.date) -> Window:
    """When a re-evaluation dossier is filed: from 180 to 120 days before the certificate
    expires (26/2026/QĐ-TTg art. 7.6.a)."""
    start, end = filing_window(expires)
    return Window(start=start, end=end, source="26/2026/QĐ-TTg art. 7.6.a")
