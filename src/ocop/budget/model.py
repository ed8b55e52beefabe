"""The budget as flat lines: what a provincial budget table (dự toán kinh phí) states.

A [`Budget`][ocop.budget.model.Budget] is a tuple of [`BudgetLine`][ocop.budget.model.BudgetLine]
records exactly as the table prints them: a code as printed (``"2.1"``) or none for a bullet row,
the parent it hangs under, a title, an amount, an explanation and the bodies responsible. Nothing
here is derived: the tree, the totals and the inherited values are computed by
[`ocop.budget.build_tree`][ocop.budget.build_tree], and the stated subtotals are checked by
[`ocop.budget.check`][ocop.budget.check], never trusted.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from types import MappingProxyType

import attrs

from ocop._enums import OcopEnum
from ocop.money import Unit
from ocop.periods import Quarter
from ocop.problems import Location

__all__ = [
    "PROVINCE_LEVEL",
    "Budget",
    "BudgetLine",
    "Phase",
    "TotalKind",
    "TotalRow",
    "locality_of_body",
]

#: The locality of lines that no commune or district carries out (cấp tỉnh).
PROVINCE_LEVEL = "cấp tỉnh"


class Phase(OcopEnum):
    """The stage of an amount in the budget's life.

    ``PLANNED`` (dự toán, kế hoạch) is what the plan asks for; ``APPROVED`` (được giao,
    phê duyệt) what the people's committee allots; ``DISBURSED`` (giải ngân) what was paid out.
    """

    PLANNED = "planned"
    APPROVED = "approved"
    DISBURSED = "disbursed"


@attrs.frozen
class BudgetLine:
    """One line of a budget table (dòng dự toán).

    Attributes:
        row: The line's number in its table (the ``row`` column, or its position).
        title: What the money is for (nội dung).
        code: The number printed in the table's first column (số thứ tự), e.g. ``"6.2"``;
            ``None`` for a bullet row printed without one.
        parent: The code of the line this one hangs under, as stated; ``None`` when the table
            states none (a coded line then hangs under its code's prefix: ``"6.2"`` under
            ``"6"``).
        amount: The planned amount in đồng as printed (dự toán); ``None`` when the table
            prints none. A line with lines under it states a subtotal, which is checked.
        explanation: The table's explanation column (diễn giải, thuyết minh).
        responsible: The bodies in charge (đơn vị chủ trì / thực hiện); ``None`` means the
            parent's, as a merged cell does.
        locality: The district, town or commune the money is spent in (địa bàn); ``None``
            means the one named by ``responsible`` ("UBND huyện Hải Lăng"), else the parent's,
            else `PROVINCE_LEVEL`.
        sources: The funding sources (nguồn vốn); empty means the budget's default.
        schedule: The planned amount by quarter, when the table gives one.
        approved: The approved amount in đồng (kinh phí được giao), when known.
        disbursed: The amount disbursed in đồng (giải ngân), when known.
        extra: Other columns of the source table, by name, kept to be written back.
        unread: The figures (``"amount"``, ``"approved"``, ``"disbursed"``) the source gave
            but that could not be read: unknown, not missing, so no check adds them up.
        source: Where the line was read from, for locating problems; not part of its value.
        read_at: The file and the line of the file a table row was read from: the same as
            ``source``, kept as a pair so that reading a million rows does not build a
            million locations until a problem needs one; not part of its value.
    """

    row: int
    title: str
    code: str | None = None
    parent: str | None = None
    amount: int | None = None
    explanation: str = ""
    responsible: str | None = None
    locality: str | None = None
    sources: tuple[str, ...] = ()
    schedule: tuple[tuple[Quarter, int], ...] = ()
    approved: int | None = None
    disbursed: int | None = None
    extra: tuple[tuple[str, str], ...] = ()
    unread: tuple[str, ...] = attrs.field(default=(), eq=False, repr=False)
    _source: Location | None = attrs.field(default=None, eq=False, repr=False, alias="source")
    _read_at: tuple[str | None, int] | None = attrs.field(
        default=None, eq=False, repr=False, alias="read_at"
    )

    @property
    def source(self) -> Location | None:
        """Where the line was read from: a row of a table or a ``$.path`` of a document."""
        if self._source is not None:
            return self._source
        if self._read_at is not None:
            return Location(file=self._read_at[0], row=self._read_at[1])
        return None

    @property
    def key(self) -> str:
        """The code, or ``#row`` for a bullet row: how problems and trees name the line."""
        return self.code if self.code is not None else f"#{self.row}"

    @property
    def implied_parent(self) -> str | None:
        """The parent this line hangs under: the stated one, else its code's prefix."""
        if self.parent is not None:
            return self.parent
        if self.code is not None and "." in self.code.rstrip("."):
            return self.code.rstrip(".").rsplit(".", 1)[0]
        return None

    def amount_in(self, phase: Phase) -> int | None:
        """The amount of ``phase``."""
        if phase is Phase.PLANNED:
            return self.amount
        if phase is Phase.APPROVED:
            return self.approved
        return self.disbursed

    def where(self, field: str | None = None) -> Location:
        """The line's location, naming ``field`` and the line code."""
        base = self.source or Location(row=self.row)
        return attrs.evolve(base, field=field, code=self.key)


class TotalKind(OcopEnum):
    """What a total row of a table states.

    ``SECTION`` ("Cộng", "Cộng mục I"): the sum of the lines since the previous total row;
    ``GRAND`` ("Tổng cộng", "Tổng số"): the sum of every line; ``WORDS`` ("Bằng chữ: …"):
    the grand total in words.
    """

    SECTION = "section"
    GRAND = "grand"
    WORDS = "words"


@attrs.frozen(kw_only=True)
class TotalRow:
    """A total row of a table beyond the budget's own grand total and words.

    Tables close sections with "Cộng" rows and may print "Tổng cộng" or "Bằng chữ" more than
    once (at the top and at the bottom); every one of them is kept, in its place, and checked
    ([`ocop.budget.check`][ocop.budget.check]).

    Attributes:
        kind: What the row states ([`TotalKind`][ocop.budget.model.TotalKind]).
        after: How many lines of the table come before it: its place among the lines.
        title: The row's title as printed ("Cộng", "TỔNG CỘNG", "Bằng chữ").
        amount: The figure it states, in đồng; ``None`` when it prints none (or for words).
        words: The total in words (``WORDS`` rows).
        unread: ``True`` when the row prints a figure that could not be read.
        source: Where the row was read from; not part of its value.
    """

    kind: TotalKind
    after: int
    title: str
    amount: int | None = None
    words: str | None = None
    unread: bool = attrs.field(default=False, eq=False, repr=False)
    source: Location | None = attrs.field(default=None, eq=False, repr=False)

    def where(self, field: str | None = None) -> Location:
        """The row's location, naming ``field``."""
        return attrs.evolve(self.source or Location(), field=field)


def _frozen_places(places: Mapping[str, Location | None]) -> Mapping[str, Location | None]:
    return MappingProxyType(dict(places))


@attrs.frozen(kw_only=True)
class Budget:
    """A programme budget: the flat lines of its table and what the document states about them.

    Attributes:
        title: The table's title, e.g. "Nhu cầu kinh phí thực hiện chương trình OCOP tỉnh
            Quảng Trị năm 2019".
        lines: The lines in table order.
        unit: The unit the table prints its figures in (đơn vị tính); amounts are held in
            đồng whatever it is.
        stated_total: The grand total as printed (tổng cộng), in đồng; checked, not trusted.
        total_in_words: The total as written in words (bằng chữ); checked against the figures.
        sources: The funding sources of every line that names none (a merged cell).
        document: The document the table belongs to, e.g. "278/KH-SNN ngày 04/3/2019".
        extra_columns: Columns of the source table ocop does not use, in their order.
        totals: The table's other total rows — section "Cộng" rows, a repeated "Tổng cộng"
            or "Bằng chữ" — each in its place ([`TotalRow`][ocop.budget.model.TotalRow]); checked,
            not trusted.
        source: Where the budget was read from; not part of its value.
        places: Where ``stated_total`` and ``total_in_words`` were read from (a row of the
            table, a ``$.path`` of a document); not part of its value.
        derived: What ocop derived from the budget (its tree), kept so that it is derived
            once; not part of its value.
    """

    lines: tuple[BudgetLine, ...]
    title: str = ""
    unit: Unit = Unit.DONG
    stated_total: int | None = None
    total_in_words: str | None = None
    sources: tuple[str, ...] = ()
    document: str | None = None
    extra_columns: tuple[str, ...] = ()
    totals: tuple[TotalRow, ...] = ()
    source: Location | None = attrs.field(default=None, eq=False, repr=False)
    places: Mapping[str, Location | None] = attrs.field(
        factory=dict, eq=False, repr=False, converter=_frozen_places
    )
    derived: dict[object, object] = attrs.field(
        factory=dict, init=False, eq=False, repr=False, hash=False
    )

    def __iter__(self) -> Iterator[BudgetLine]:
        return iter(self.lines)

    def __len__(self) -> int:
        return len(self.lines)

    def line(self, code: str) -> BudgetLine:
        """The first line with ``code``.

        Raises:
            OcopLookupError: No line has that code.
        """
        for line in self.lines:
            if line.code == code:
                return line
        from ocop.errors import OcopLookupError

        raise OcopLookupError(f"no budget line with code {code!r}")

    def where(self, field: str | None = None) -> Location:
        """Where ``field`` of the budget was read from (its row or path, else its file)."""
        place = self.places.get(field) if field else None
        if place is not None:
            return place if place.path else attrs.evolve(place, field=field)
        return attrs.evolve(self.source or Location(), field=field)


_BODY_LOCALITY = re.compile(
    r"^\s*(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+"
    r"(?P<kind>huyện|thị xã|thành phố|TP\.?|quận|xã|phường|thị trấn)\s+(?P<name>[^,;/]+?)\s*$",
    re.IGNORECASE,
)


def locality_of_body(body: str | None) -> str | None:
    """The locality a responsible body names, when it is one locality's people's committee.

    ``"UBND huyện Hải Lăng"`` → ``"huyện Hải Lăng"``; ``"UBND TP Đông Hà"`` → ``"TP Đông Hà"``;
    anything else (several bodies, a department) → ``None``.
    """
    if not body:
        return None
    m = _BODY_LOCALITY.match(body)
    if m is None:
        return None
    return f"{m.group('kind')} {m.group('name')}"
