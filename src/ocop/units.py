"""Vietnam's administrative units before and after the 2025 reform (đơn vị hành chính).

Until 30 June 2025 Vietnam had three tiers of local government: 63 provinces and
centrally-run cities (tỉnh, thành phố trực thuộc trung ương), their districts (huyện, quận,
thị xã, thành phố thuộc tỉnh) and about 10,000 communes (xã, phường, thị trấn). From
1 July 2025 there are two: 34 provinces and 3,321 communes, no districts (Resolution
202/2025/QH15 on the arrangement of provincial units, whose new authorities operate from
1 July 2025, and the Standing Committee's resolutions on the communes of each province).
OCOP records from before the reform keep their old units — the seed plan's nine districts,
certificates issued by districts, plans that name old provinces — and stay usable through
[`resolve`][ocop.units.resolve] (a name on a date → its unit then) and
[`successor`][ocop.units.successor] (a pre-reform unit → the unit it became on 1 July 2025).

The data is not typed here: it is the open data set of the ``vietnamadminunits`` package
(MIT licence, © 2025 Tran Ngoc Minh Hieu; names and codes only), shipped as package data
``ocop/data/units/units.json`` with its licence beside it and built by
``scripts/build_units.py``. It is read on first use, so ``import ocop`` stays fast.

Limits of the data, said plainly:

* the pre-reform units are those in force just before 1 July 2025. Communes and districts
  merged in the earlier arrangements (2019–2021, 2023–2025) are not in it: such a name is
  not found. The 63 provinces did not change from 2008 to 2025, except that Thừa Thiên Huế
  became the city of Huế on 1 January 2025 (Nghị quyết 1314/NQ-UBTVQH15), which this module
  knows;
* a district has no successor unit (districts were abolished; their communes went to new
  communes of the successor province): its [`successor`][ocop.units.successor] is that province;
* a pre-reform commune split between several new communes has as successor the one the data
  set names as its main successor.

>>> from ocop.units import resolve
>>> r = resolve("Quảng Bình", on=dt.date(2026, 1, 1))
>>> r.unit.short, r.exists, r.successor.short
('Quảng Bình', False, 'Quảng Trị')
"""

from __future__ import annotations

import datetime as dt
import json
import unicodedata
from collections.abc import Callable
from importlib import resources
from typing import Any, Literal

import attrs

from ocop._i18n import tr
from ocop.errors import OcopValueError
from ocop.text import fold

__all__ = [
    "LEVELS",
    "REFORM",
    "AmbiguousName",
    "Resolution",
    "Unit",
    "province_successor",
    "resolve",
    "successor",
    "units_on",
]

#: The first day of the two-tier local government: 34 provinces, 3,321 communes.
REFORM = dt.date(2025, 7, 1)
_LAST_OLD_DAY = REFORM - dt.timedelta(days=1)

Level = Literal["province", "district", "commune"]
LEVELS: tuple[Level, ...] = ("province", "district", "commune")
"""The levels of units, from the top."""


@attrs.frozen(kw_only=True)
class Unit:
    """An administrative unit as it stood in one period.

    Attributes:
        name: Its full name (``"Tỉnh Quảng Bình"``, ``"Xã Cam Thủy"``).
        short: Its name without the kind (``"Quảng Bình"``).
        code: Its code in the national list (``"44"``; communes five digits). Codes are
            reused across the reform: old Quảng Bình and new Quảng Trị are both ``"44"``.
        kind: ``"province"``, ``"district"`` or ``"commune"``.
        start: Its first day, when after the reform (``REFORM``); ``None`` before.
        end: Its last day: 30 June 2025 for the pre-reform units; ``None`` for the current.
        province: The code of the province it belongs to (``None`` for a province).
        district: The code of the district a pre-reform commune belongs to.
    """

    name: str
    short: str
    code: str
    kind: Level
    start: dt.date | None = None
    end: dt.date | None = None
    province: str | None = None
    district: str | None = None

    def exists_on(self, day: dt.date) -> bool:
        """``True`` when the unit existed on ``day``."""
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)

    def to_dict(self) -> dict[str, object]:
        """As JSON: ``name``, ``code``, ``kind``, ``short``, ``from``, ``until``,
        ``province`` (its code), ``district`` (its code)."""
        return {
            "name": self.name,
            "code": self.code,
            "kind": self.kind,
            "short": self.short,
            "from": None if self.start is None else self.start.isoformat(),
            "until": None if self.end is None else self.end.isoformat(),
            "province": self.province,
            "district": self.district,
        }


@attrs.frozen(kw_only=True)
class Resolution:
    """What a name meant on a date.

    Attributes:
        query: The name asked for.
        on: The date.
        unit: The unit it names: one that existed on the date, or else the pre-reform unit
            of that name that no longer did.
        exists: ``True`` when ``unit`` existed on ``on``.
        successor: The unit a pre-reform unit became on 1 July 2025; ``None`` for a unit
            of the current map.
    """

    query: str
    on: dt.date
    unit: Unit
    exists: bool
    successor: Unit | None

    def to_dict(self) -> dict[str, object]:
        """The JSON of ``ocop units resolve``: ``query``, ``on``, ``unit``, ``exists``,
        ``successor``."""
        return {
            "query": self.query,
            "on": self.on.isoformat(),
            "unit": self.unit.to_dict(),
            "exists": self.exists,
            "successor": None if self.successor is None else self.successor.to_dict(),
        }


def _short(name: str) -> str:
    low = name.casefold()
    for head in _HEADS:
        if low.startswith(head + " "):
            return name[len(head) + 1 :]
    return name


# The kinds of units written before their names, longest first.
_HEADS = ("thành phố", "thị trấn", "thị xã", "tỉnh", "huyện", "quận", "phường", "xã", "đặc khu")
_FOLDED_HEADS = (*tuple(fold(h) for h in _HEADS), "tp")


def _key(name: str) -> tuple[str, str]:
    """A matching key: the kind written before the name (``tinh``, ``huyen``, ``thanh pho``
    for ``TP``…, or ``""``) and the folded name without it or its spaces (``Đa Krông`` and
    ``Đakrông`` are one name)."""
    key = fold(name)
    for head in _FOLDED_HEADS:
        if key.startswith(head + " "):
            return ("thanh pho" if head == "tp" else head), key[len(head) + 1 :].replace(" ", "")
    return "", key.replace(" ", "")


@attrs.frozen
class _Data:
    old: dict[Level, tuple[Unit, ...]]
    new: dict[Level, tuple[Unit, ...]]
    province_successor: dict[str, str]
    commune_successor: dict[str, str]
    renames: tuple[tuple[str, str, str, dt.date], ...]


_CACHE: list[_Data] = []


def _data() -> _Data:
    if not _CACHE:
        raw: dict[str, Any] = json.loads(
            resources.files("ocop.data").joinpath("units", "units.json").read_text("utf-8")
        )
        end = _LAST_OLD_DAY
        old: dict[Level, tuple[Unit, ...]] = {
            "province": tuple(
                Unit(name=n, short=s, code=c, kind="province", end=end)
                for c, n, s in raw["provinces_before"]
            ),
            "district": tuple(
                Unit(name=n, short=_short(n), code=c, kind="district", end=end, province=p)
                for c, n, p in raw["districts_before"]
            ),
            "commune": tuple(
                Unit(
                    name=n, short=_short(n), code=c, kind="commune", end=end, province=p, district=d
                )
                for c, n, d, p, _ in raw["communes_before"]
            ),
        }
        new: dict[Level, tuple[Unit, ...]] = {
            "province": tuple(
                Unit(name=n, short=s, code=c, kind="province", start=REFORM)
                for c, n, s in raw["provinces_after"]
            ),
            "district": (),
            "commune": tuple(
                Unit(name=n, short=_short(n), code=c, kind="commune", start=REFORM, province=p)
                for c, n, p in raw["communes_after"]
            ),
        }
        renames = tuple(
            (r["code"], r["name"], r["short"], dt.date.fromisoformat(r["until"]))
            for r in raw["renames"]
        )
        _CACHE.append(
            _Data(
                old=old,
                new=new,
                province_successor=dict(raw["province_successor"]),
                commune_successor={c[0]: c[4] for c in raw["communes_before"] if c[4]},
                renames=renames,
            )
        )
    return _CACHE[0]


def _as_of(unit: Unit, day: dt.date | None) -> Unit:
    """``unit`` under the name it had on ``day`` (a province renamed before the reform)."""
    if unit.kind != "province" or unit.start is not None or day is None:
        return unit
    for code, name, short, until in _data().renames:
        if code == unit.code and day <= until:
            return attrs.evolve(unit, name=name, short=short)
    return unit


def units_on(day: dt.date, level: Level = "province") -> tuple[Unit, ...]:
    """Every unit of ``level`` that existed on ``day``, by code.

    >>> len(units_on(dt.date(2024, 1, 1))), len(units_on(dt.date(2026, 1, 1)))
    (63, 34)

    Raises:
        OcopValueError: ``level`` is not one of ``LEVELS``.
    """
    if level not in LEVELS:
        raise OcopValueError(
            tr("unknown level {level!r} (one of: {levels})", level=level, levels=", ".join(LEVELS))
        )
    d = _data()
    found = d.new[level] if day >= REFORM else d.old[level]
    return tuple(_as_of(u, day) for u in found)


def successor(unit: Unit) -> Unit | None:
    """The unit a pre-reform ``unit`` became on 1 July 2025; ``None`` for a current unit.

    A province's successor is the province it was merged into (or itself, renewed); a
    commune's, the commune the data set names as its main successor; a district's, the
    successor of its province (districts were abolished).
    """
    if unit.start is not None:
        return None
    d = _data()
    if unit.kind == "commune":
        code = d.commune_successor.get(unit.code)
        return next((u for u in d.new["commune"] if u.code == code), None)
    province = unit.code if unit.kind == "province" else unit.province
    code = d.province_successor.get(province or "")
    return next((u for u in d.new["province"] if u.code == code), None)


def province_successor(name: str) -> Unit | None:
    """The current province that the pre-reform province ``name`` became, or ``None`` when
    ``name`` names no pre-reform province."""
    found = _find(name, _data().old["province"], None)
    return successor(found[0]) if len(found) == 1 else None


_INDEX: dict[int, dict[str, list[tuple[str, Unit]]]] = {}


def _index(units: tuple[Unit, ...]) -> dict[str, list[tuple[str, Unit]]]:
    """``units`` by matching key (name and short name, former names too): (kind, unit)."""
    found = _INDEX.get(id(units))
    if found is None:
        found = {}
        for u in units:
            names = {_key(u.name), ("", _key(u.short)[1])}
            if u.kind == "province" and u.start is None:
                names |= {_key(n) for c, n, _, _ in _data().renames if c == u.code}
            for head, key in names:
                found.setdefault(key, []).append((head, u))
        _INDEX[id(units)] = found
    return found


def _find(
    name: str,
    units: tuple[Unit, ...],
    day: dt.date | None,
    keep: Callable[[Unit], bool] | None = None,
) -> list[Unit]:
    head, key = _key(name)
    if not key:
        return []
    out: list[Unit] = []
    for h, u in _index(units).get(key, ()):
        if (not head or h == head) and (keep is None or keep(u)) and u not in out:
            out.append(u)
    return [_as_of(u, day) for u in out]


class AmbiguousName(OcopValueError):
    """A name that names several units: the message lists them and says how to tell."""


def resolve(name: str, on: dt.date | None = None, level: Level | None = None) -> Resolution | None:
    """What ``name`` named on ``on`` (default: today), or ``None`` when it names no unit.

    ``name`` is a province, a district or a commune, with or without its kind (``"tỉnh
    Quảng Bình"``, ``"Quảng Bình"``, ``"TP Hồ Chí Minh"``); case and diacritics are ignored.
    A commune or district can be narrowed with its province after a comma (``"Cam Thủy,
    Quảng Trị"``, or ``"Cam Thủy, Cam Lộ, Quảng Trị"``). Without ``level``, provinces are
    looked for first, then districts, then communes. A unit that existed on ``on`` is
    preferred; else the pre-reform unit of that name, with its successor.

    Raises:
        AmbiguousName: ``name`` names several units of its level (add the province).
    """
    day = dt.date.today() if on is None else on
    parts = [p.strip() for p in name.split(",") if p.strip()]
    if not parts:
        return None
    d = _data()
    levels: tuple[Level, ...] = LEVELS if level is None else (level,)
    eras = (d.new, d.old) if day >= REFORM else (d.old,)
    for lv in levels:
        if len(parts) > 1 and lv == "province":
            continue
        for era in eras:
            keep: Callable[[Unit], bool] | None = None
            if len(parts) > 1:
                provinces = {u.code for u in _find(parts[-1], era["province"], day)}
                districts: set[str | None] = set()
                if len(parts) > 2 and lv == "commune":
                    districts = {
                        u.code
                        for u in _find(parts[-2], era["district"], day)
                        if u.province in provinces
                    }

                def keep(u: Unit, p: set[str] = provinces, d: set[str | None] = districts) -> bool:
                    return u.province in p and (not d or u.district in d)

                if len(parts) > 2 and lv == "commune" and not districts:
                    continue
            found = _find(parts[0], era[lv], day, keep)
            if len(found) > 1:
                # Names that differ only in their diacritics (Đakrông, Đăk Rong): the exact one.
                exact = [u for u in found if _exact(u.short) == _exact(_short(parts[0]))]
                found = exact if len(exact) == 1 else found
            if len(found) > 1:
                listed = "; ".join(_describe(u) for u in found[:8])
                more = tr(" and {n} more", n=len(found) - 8) if len(found) > 8 else ""
                hint = (
                    tr("add the district before the province, e.g. 'Quang Trung, Đống Đa, Hà Nội'")
                    if len(parts) > 1
                    else tr("add the province after a comma, e.g. 'Tân Lập, Quảng Trị'")
                )
                raise AmbiguousName(
                    tr(
                        "{name!r} names {n} units of level {level}: {listed}{more}; {hint}",
                        name=name,
                        n=len(found),
                        level=lv,
                        listed=listed,
                        more=more,
                        hint=hint,
                    )
                )
            if found:
                unit = found[0]
                return Resolution(
                    query=name,
                    on=day,
                    unit=unit,
                    exists=unit.exists_on(day),
                    successor=successor(unit),
                )
    return None


def _exact(name: str) -> str:
    return unicodedata.normalize("NFC", name).casefold().replace(" ", "")


def _describe(unit: Unit) -> str:
    if unit.province is None:
        return f"{unit.name} ({unit.code})"
    d = _data()
    era = d.new if unit.start is not None else d.old
    province = next((p.short for p in era["province"] if p.code == unit.province), "?")
    return f"{unit.name}, {province} ({unit.code})"
