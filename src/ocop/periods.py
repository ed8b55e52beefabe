"""Quarters and ranges of quarters, the time grid of provincial plans.

Provincial OCOP plans schedule their activities by quarter (quý), written with Roman numerals:
"Quý II năm 2019", "Quý II - III năm 2019", "Quý IV/2019 - Quý I/2020".
[`Quarter`][ocop.periods.Quarter] and [`QuarterRange`][ocop.periods.QuarterRange] read those forms
and the ISO-like ``2019-Q2`` / ``2019-Q2..2019-Q4``, print both, and give their first and last days
as `pendulum.Date`.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterator

import attrs
import pendulum

from ocop.errors import OcopTypeError, OcopValueError
from ocop.text import normalize

__all__ = ["Quarter", "QuarterRange", "add_months"]

_ROMAN = {"I": 1, "II": 2, "III": 3, "IV": 4}
_ROMAN_OF = {v: k for k, v in _ROMAN.items()}
_Q = r"(?:I{1,3}|IV|[1-4])"
_ISO = re.compile(r"^(?P<y>[0-9]{4})\s*-?\s*Q(?P<q>[1-4])$", re.IGNORECASE)
_SLASH = re.compile(
    rf"^(?:quý|quy|q)\s*(?P<q>{_Q})\s*(?:/|năm|nam|-)\s*(?P<y>[0-9]{{4}})$", re.IGNORECASE
)
_RANGE_ONE_YEAR = re.compile(
    rf"^(?:quý|quy|q)\s*(?P<a>{_Q})\s*(?:-|–|—|đến|den)\s*(?:quý|quy|q)?\s*(?P<b>{_Q})"
    rf"\s*(?:/|năm|nam)\s*(?P<y>[0-9]{{4}})$",
    re.IGNORECASE,
)


def _is_date(day: object) -> bool:
    return isinstance(day, dt.date) and not isinstance(day, dt.datetime)


def _q(text: str) -> int:
    return int(text) if text.isdigit() else _ROMAN[text.upper()]


@attrs.frozen(order=True)
class Quarter:
    """A calendar quarter (quý) of a year.

    Attributes:
        year: The year.
        number: 1–4.
    """

    year: int = attrs.field()
    number: int = attrs.field()

    @number.validator
    def _check_number(self, _: attrs.Attribute[int], value: int) -> None:
        if not 1 <= value <= 4:
            raise OcopValueError(f"'number' must be 1–4 (got {value})")

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Read ``2019-Q2``, ``Q2/2019``, ``Quý II năm 2019`` or ``quý 2/2019``.

        Raises:
            OcopValueError: ``text`` is not a quarter.
        """
        clean = normalize(text)
        m = _ISO.match(clean) or _SLASH.match(clean)
        if m is None:
            raise OcopValueError(f"{text!r} is not a quarter (write 2019-Q2 or Quý II năm 2019)")
        return cls(int(m.group("y")), _q(m.group("q")))

    @classmethod
    def of(cls, day: dt.date) -> Quarter:
        """The quarter ``day`` falls in."""
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> pendulum.Date:
        """Its first day."""
        return pendulum.Date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> pendulum.Date:
        """Its last day."""
        return self.start.add(months=3).subtract(days=1)

    def __contains__(self, day: object) -> bool:
        return _is_date(day) and self.start <= day <= self.end  # type: ignore[operator]

    def next(self) -> Quarter:
        """The quarter after this one."""
        return (
            Quarter(self.year + 1, 1) if self.number == 4 else Quarter(self.year, self.number + 1)
        )

    def iso(self) -> str:
        """``2019-Q2``."""
        return f"{self.year}-Q{self.number}"

    def vietnamese(self) -> str:
        """``Quý II năm 2019``."""
        return f"Quý {_ROMAN_OF[self.number]} năm {self.year}"

    def __str__(self) -> str:
        return self.iso()


@attrs.frozen
class QuarterRange:
    """A run of consecutive quarters, both ends included ("Quý II - III năm 2019").

    Attributes:
        first: The first quarter.
        last: The last quarter (not before ``first``).
    """

    first: Quarter
    last: Quarter = attrs.field()

    @last.validator
    def _check_order(self, _: attrs.Attribute[Quarter], value: Quarter) -> None:
        if value < self.first:
            raise OcopValueError(f"a range must not end ({value}) before it starts ({self.first})")

    @classmethod
    def parse(cls, text: str) -> QuarterRange:
        """Read ``Quý II - III năm 2019``, ``Quý IV/2019 - Quý I/2020``, ``2019-Q2..2019-Q4``
        or a single quarter.

        Raises:
            OcopValueError: ``text`` is not a quarter or a range of quarters.
        """
        clean = normalize(text)
        m = _RANGE_ONE_YEAR.match(clean)
        if m is not None:
            y = int(m.group("y"))
            return cls(Quarter(y, _q(m.group("a"))), Quarter(y, _q(m.group("b"))))
        for sep in ("..", " - ", " – ", "–", " đến "):
            parts = clean.split(sep)
            if len(parts) == 2:
                try:
                    return cls(Quarter.parse(parts[0]), Quarter.parse(parts[1]))
                except OcopValueError:
                    continue
        try:
            q = Quarter.parse(clean)
        except OcopValueError:
            raise OcopValueError(
                f"{text!r} is not a range of quarters (write 2019-Q2..2019-Q4 or "
                "Quý II - IV năm 2019)"
            ) from None
        return cls(q, q)

    @property
    def start(self) -> pendulum.Date:
        """The first day of the first quarter."""
        return self.first.start

    @property
    def end(self) -> pendulum.Date:
        """The last day of the last quarter."""
        return self.last.end

    def __contains__(self, day: object) -> bool:
        return _is_date(day) and self.start <= day <= self.end  # type: ignore[operator]

    def __iter__(self) -> Iterator[Quarter]:
        q = self.first
        while q <= self.last:
            yield q
            q = q.next()

    def __len__(self) -> int:
        return (self.last.year - self.first.year) * 4 + self.last.number - self.first.number + 1

    def iso(self) -> str:
        """``2019-Q2..2019-Q4`` (a single quarter prints as ``2019-Q2``)."""
        return self.first.iso() if self.first == self.last else f"{self.first}..{self.last}"

    def vietnamese(self) -> str:
        """``Quý II - III năm 2019``; across years ``Quý IV/2019 - Quý I/2020``."""
        a, b = self.first, self.last
        if a == b:
            return a.vietnamese()
        if a.year == b.year:
            return f"Quý {_ROMAN_OF[a.number]} - {_ROMAN_OF[b.number]} năm {a.year}"
        return f"Quý {_ROMAN_OF[a.number]}/{a.year} - Quý {_ROMAN_OF[b.number]}/{b.year}"

    def __str__(self) -> str:
        return self.iso()


def add_months(day: dt.date, months: int) -> dt.date:
    """``day`` plus ``months`` calendar months, the day clamped to the month's end.

    The rule of certificates' validity ("36 tháng kể từ ngày cấp", 26/2026/QĐ-TTg art. 4.3):
    31 Jan + 1 month = 28 Feb (29 in a leap year); 29 Feb 2028 + 36 months = 28 Feb 2031.
    Returns a plain `datetime.date` whatever kind of date is given.

    Raises:
        OcopTypeError: ``day`` is not a date (a datetime is refused too) or ``months`` not an int.
    """
    if isinstance(day, dt.datetime) or not isinstance(day, dt.date):
        raise OcopTypeError(f"'day' must be a date (got {type(day).__name__})")
    if isinstance(months, bool) or not isinstance(months, int):
        raise OcopTypeError(f"'months' must be an int (got {type(months).__name__})")
    year, month0 = divmod(day.year * 12 + day.month - 1 + months, 12)
    month = month0 + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day.day, last))
