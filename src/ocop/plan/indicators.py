"""Indicators (chỉ tiêu) counted from the cycle's records, for a plan's targets.

Each indicator counts *products* (or subjects) whose history holds a step dated within a
period (the plan's year up to the report's date). The counts read only the records'
append-only histories ([`ocop.cycle.Step`][ocop.cycle.Step]), so they are the same whether the
records were built live or replayed from an event log.

======================================== ==================================================
indicator                                counts
======================================== ==================================================
``products_registered``                  products with a ``register`` step (đăng ký)
``ideas_selected``                       products with a ``select_idea`` step
``ideas_rejected``                       products with a ``reject_idea`` step
``products_3star_plus_provincial``       products the provincial council rated 3★ or more
``products_4to5star_provincial``         products the provincial council rated 4★ or 5★
``products_4to5star_national``           products the central council (the ministry) rated
                                         4★ or 5★
``products_recognized``                  products recognised with a certificate (công nhận)
``economic_organisations_participating`` distinct subjects that registered a product and are
                                         economic organisations: a cooperative (HTX, hợp tác
                                         xã) or an enterprise (công ty, doanh nghiệp, DNTN),
                                         as the plan 278/KH-SNN I.3 counts "tổ chức kinh tế
                                         (doanh nghiệp, HTX)"; read from the subject's name
``products_upgraded``                    existing products (nâng cấp sản phẩm hiện có) whose
                                         development ended in a filed dossier
``products_new``                         new products (phát triển mới) whose development
                                         ended in a filed dossier
======================================== ==================================================

Whether a product is existing or new is not a fact of the cycle: the ``register`` event's note
says it with the tag ``[hiện có]`` (or ``[existing]``) or ``[mới]`` (or ``[new]``). A product
without a tag is counted in neither.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from types import MappingProxyType

import attrs

from ocop.cycle import EventKind, Record
from ocop.regimes import Level, band_stars
from ocop.subjects import SubjectKind
from ocop.text import fold

__all__ = [
    "EXISTING_TAGS",
    "INDICATORS",
    "NEW_TAGS",
    "Indicator",
    "count_indicators",
    "is_economic_organisation",
    "product_kind",
]

#: Tags of a ``register`` note that mark an existing product (sản phẩm hiện có).
EXISTING_TAGS = ("[hiện có]", "[existing]")
#: Tags of a ``register`` note that mark a new product (sản phẩm mới).
NEW_TAGS = ("[mới]", "[new]")


@attrs.frozen(kw_only=True)
class Indicator:
    """An indicator the cycle's records can count (chỉ tiêu).

    Attributes:
        name: Its key, e.g. ``"products_registered"``.
        vietnamese: Its name in Vietnamese.
        english: Its name in English.
        unit: What it counts (sản phẩm, tổ chức).
    """

    name: str
    vietnamese: str
    english: str
    unit: str


def _ind(name: str, vi: str, en: str, unit: str = "sản phẩm") -> tuple[str, Indicator]:
    return name, Indicator(name=name, vietnamese=vi, english=en, unit=unit)


#: Every indicator computed from cycle records, by name.
INDICATORS: Mapping[str, Indicator] = MappingProxyType(
    dict(
        (
            _ind("products_registered", "Sản phẩm đăng ký", "Products registered"),
            _ind("ideas_selected", "Ý tưởng được lựa chọn", "Ideas selected"),
            _ind("ideas_rejected", "Ý tưởng không được chọn", "Ideas rejected"),
            _ind(
                "products_3star_plus_provincial",
                "Sản phẩm đạt 3 sao trở lên cấp tỉnh",
                "Products rated 3★+ by the province",
            ),
            _ind(
                "products_4to5star_provincial",
                "Sản phẩm đạt 4 - 5 sao cấp tỉnh",
                "Products rated 4–5★ by the province",
            ),
            _ind(
                "products_4to5star_national",
                "Sản phẩm đạt 4 - 5 sao cấp quốc gia",
                "Products rated 4–5★ nationally",
            ),
            _ind("products_recognized", "Sản phẩm được công nhận", "Products recognised"),
            _ind(
                "economic_organisations_participating",
                "Tổ chức kinh tế tham gia",
                "Economic organisations taking part",
                "tổ chức",
            ),
            _ind("products_upgraded", "Sản phẩm hiện có được nâng cấp", "Products upgraded"),
            _ind("products_new", "Sản phẩm phát triển mới", "New products"),
        )
    )
)


def is_economic_organisation(subject: str) -> bool:
    """``True`` when ``subject`` names a cooperative or an enterprise (tổ chức kinh tế), as
    its first words show
    ([`ocop.subjects.SubjectKind.from_name`][ocop.subjects.SubjectKind.from_name]).

    >>> is_economic_organisation("HTX Nông nghiệp Cam Thủy")
    True
    >>> is_economic_organisation("Hộ kinh doanh Lê Văn An")
    False
    """
    kind = SubjectKind.from_name(subject)
    return kind is not None and kind.is_economic_organisation


def product_kind(note: str | None) -> str | None:
    """``"existing"``, ``"new"`` or ``None``, from a ``register`` note's tag."""
    if not note:
        return None
    low = note.casefold()
    if any(t in low for t in EXISTING_TAGS):
        return "existing"
    if any(t in low for t in NEW_TAGS):
        return "new"
    return None


_REGISTER = EventKind.REGISTER
_SELECT = EventKind.SELECT_IDEA
_REJECT = EventKind.REJECT_IDEA
_EVALUATE = EventKind.EVALUATE
_RECOGNIZE = EventKind.RECOGNIZE
_FILE = EventKind.FILE_DOSSIER
_P, _N = Level.PROVINCE, Level.NATIONAL


def count_indicators(records: Iterable[Record], *, start: dt.date, end: dt.date) -> dict[str, int]:
    """Every indicator of `INDICATORS`, counted over steps dated ``start``–``end``.

    A product counts once per indicator however many qualifying steps it has.
    """
    counts = dict.fromkeys(INDICATORS, 0)
    subjects: set[str] = set()
    for record in records:
        flags: set[str] = set()
        kind: str | None = None
        for step in record.history:
            on = step.on
            if on > end:
                break
            ev = step.event
            k = ev.kind
            if k is _REGISTER:
                found = product_kind(ev.note)
                if found is not None:
                    kind = found
            if on < start:
                continue
            if k is _REGISTER:
                flags.add("products_registered")
                subject = ev.subject or record.subject
                if subject and is_economic_organisation(subject):
                    subjects.add(fold(subject))
            elif k is _SELECT:
                flags.add("ideas_selected")
            elif k is _REJECT:
                flags.add("ideas_rejected")
            elif k is _EVALUATE:
                stars = ev.stars
                if stars is None:
                    stars = band_stars(ev.score) if ev.score is not None else 0
                if ev.level is _P and stars >= 3:
                    flags.add("products_3star_plus_provincial")
                    if stars >= 4:
                        flags.add("products_4to5star_provincial")
                elif ev.level is _N and stars >= 4:
                    flags.add("products_4to5star_national")
            elif k is _RECOGNIZE:
                flags.add("products_recognized")
            elif k is _FILE and kind is not None:
                flags.add("products_upgraded" if kind == "existing" else "products_new")
        for name in flags:
            counts[name] += 1
    counts["economic_organisations_participating"] = len(subjects)
    return counts
