"""When each step is due: plan windows, the 26/2026 batches and deadlines, working days.

A step taken outside its window is not refused: [`ocop.cycle.advance`][ocop.cycle.advance] reports
it as a warning that names the window and its source, and the product moves on.

Sources: plan 278/KH-SNN of the Quảng Trị Department of Agriculture (4 March 2019), section
II.5; Decision 26/2026/QĐ-TTg art. 5 (batches), art. 7.2 (the commune's 15 working days),
art. 7.6.a and 7.6.g (re-evaluation), art. 12 (transition).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Mapping
from types import MappingProxyType

import attrs

from ocop.certificates import filing_window
from ocop.cycle.model import EventKind
from ocop.errors import OcopValueError
from ocop.regimes import (
    COMMUNE_CHECK_WORKING_DAYS,
    MINISTRY_BATCHES,
    PROVINCE_BATCHES,
    Level,
)

__all__ = [
    "Plan",
    "Window",
    "add_working_days",
    "commune_check_due",
    "is_working_day",
    "ministry_batch",
    "province_batch",
    "re_evaluation_window",
    "working_days_between",
]

_QUARTER = re.compile(r"^\s*(\d{4})\s*-?\s*[Qq]([1-4])\s*$")


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
        """The quarter written ``"2019-Q2"`` (also ``"2019Q2"``, ``"2019-q2"``).

        Raises:
            OcopValueError: ``text`` is not a quarter.
        """
        start, end = _quarter_bounds(text)
        return cls(start=start, end=end, source=source)

    @classmethod
    def quarters(cls, first: str, last: str, *, source: str = "") -> Window:
        """From the first day of quarter ``first`` to the last day of quarter ``last``."""
        start, _ = _quarter_bounds(first)
        _, end = _quarter_bounds(last)
        return cls(start=start, end=end, source=source)

    def __contains__(self, day: object) -> bool:
        return isinstance(day, dt.date) and self.start <= day <= self.end

    def render(self) -> str:
        """``2019-04-01 – 2019-06-30``."""
        return f"{self.start.isoformat()} – {self.end.isoformat()}"


def _quarter_bounds(text: str) -> tuple[dt.date, dt.date]:
    m = _QUARTER.match(text) if isinstance(text, str) else None
    if m is None:
        raise OcopValueError(f"not a quarter: {text!r} (write it like '2019-Q2')")
    year, q = int(m[1]), int(m[2])
    start = dt.date(year, 3 * q - 2, 1)
    end = dt.date(year + 1, 1, 1) if q == 4 else dt.date(year, 3 * q + 1, 1)
    return start, end - dt.timedelta(days=1)


@attrs.frozen(kw_only=True)
class Plan:
    """A province's plan of the cycle's steps (kế hoạch thực hiện Chương trình OCOP).

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
    ) -> Plan:
        """A plan from windows keyed by event kind (and level) given as enums or names."""
        keys: dict[tuple[EventKind, Level | None], Window] = {}
        for (kind, level), window in windows.items():
            lvl = level if isinstance(level, Level) or level is None else Level.parse(level)
            keys[EventKind(kind), lvl] = window
        return cls(name=name, windows=MappingProxyType(keys))

    @classmethod
    def quang_tri_2019(cls) -> Plan:
        """The Quảng Trị 2019 plan (278/KH-SNN of 4 March 2019, section II.5).

        Registration (5.1), idea selection (5.2) and business plans (5.3) in Q2 2019;
        development from Q2 to Q4 (5.4.1–5.4.3); the district's evaluation (5.5.a) and then
        the province's (5.5.b) in Q4.
        """
        src = "II.5"
        q2 = Window.quarter("2019-Q2", source=f"{src}.1–5.3")
        dev = Window.quarters("2019-Q2", "2019-Q4", source=f"{src}.4")
        q4a = Window.quarter("2019-Q4", source=f"{src}.5.a")
        q4b = Window.quarter("2019-Q4", source=f"{src}.5.b")
        return cls.of(
            "278/KH-SNN",
            {
                ("register", None): attrs.evolve(q2, source=f"{src}.1"),
                ("select_idea", None): attrs.evolve(q2, source=f"{src}.2"),
                ("reject_idea", None): attrs.evolve(q2, source=f"{src}.2"),
                ("submit_plan", None): attrs.evolve(q2, source=f"{src}.3"),
                ("approve_plan", None): attrs.evolve(q2, source=f"{src}.3"),
                ("start_development", None): dev,
                ("file_dossier", None): q4a,
                ("evaluate", "district"): q4a,
                ("forward", "district"): q4a,
                ("evaluate", "province"): q4b,
                ("recognize", "province"): q4b,
            },
        )

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
