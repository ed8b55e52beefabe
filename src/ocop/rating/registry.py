"""Which criteria set (Bộ tiêu chí): by decision id, by ASCII alias, or by date.

Three national criteria sets have governed OCOP rating:

- ``1048/QĐ-TTg`` (alias ``1048-2019``), from 21 Aug 2019: parts A 35 / B 25 / C 40;
- ``148/QĐ-TTg`` (alias ``148-2023``), from 24 Feb 2023: parts A 40 / B 25 / C 35;
- ``26/2026/QĐ-TTg`` (alias ``26-2026``), from 22 May 2026: parts A 40 / B 25 / C 35.

[`criteria_set_on`][ocop.rating.registry.criteria_set_on] answers which set governs a *new* dossier
filed on a day. Under 26/2026/QĐ-TTg art. 11 the 148/QĐ-TTg rules lapse 60 days after 22 May 2026
(on 21 Jul 2026, `CriteriaSet.lapses_on`); a dossier filed before 22 May 2026 may finish under them
until then (art. 12). Each set's metadata and sheets are data files in ``ocop/rating/data/<alias>/``
read with `importlib.resources` the first time they are needed.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from importlib import resources
from typing import Any

from ocop.errors import OcopLookupError, OcopTypeError, OcopValueError
from ocop.rating.criteria import CriteriaSet, Sheet, sheet_from_dict

__all__ = [
    "CRITERIA_SET_ALIASES",
    "criteria_set_on",
    "criteria_sets",
    "get_criteria_set",
]

#: The aliases of the shipped criteria sets, oldest first (also their data folder names).
CRITERIA_SET_ALIASES: tuple[str, ...] = ("1048-2019", "148-2023", "26-2026")


def _read_json(*path: str) -> Any:
    node = resources.files("ocop.rating").joinpath("data")
    for part in path:
        node = node.joinpath(part)
    return json.loads(node.read_text(encoding="utf-8"))


@functools.cache
def _load_sheet(alias: str, number: int) -> Sheet:
    data = _read_json(alias, f"sheet-{number:02d}.json")
    return sheet_from_dict(data, where=f"{alias}/sheet-{number:02d}.json")


def _date(value: Any, where: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except (TypeError, ValueError):
        raise OcopValueError(f"{where}: not an ISO date: {value!r}") from None


def _set_from_meta(alias: str) -> CriteriaSet:
    meta = _read_json(alias, "set.json")
    where = f"{alias}/set.json"
    start = _date(meta["effective_from"], f"{where}: effective_from")
    if start is None:
        raise OcopValueError(f"{where}: effective_from is required")
    return CriteriaSet(
        id=meta["id"],
        alias=meta["alias"],
        title=meta["title"],
        effective_from=start,
        effective_until=_date(meta.get("effective_until"), f"{where}: effective_until"),
        lapses_on=_date(meta.get("lapses_on"), f"{where}: lapses_on"),
        legal_ref=meta["legal_ref"],
        part_max=dict(meta["part_max"]),
        sheet_titles={int(s["number"]): s["title"] for s in meta["sheets"]},
        notes=tuple(meta.get("notes", ())),
        _loader=functools.partial(_load_sheet, alias),
    )


@functools.cache
def criteria_sets() -> tuple[CriteriaSet, ...]:
    """Every shipped criteria set, oldest first."""
    return tuple(_set_from_meta(a) for a in CRITERIA_SET_ALIASES)


@functools.cache
def _by_key() -> dict[str, CriteriaSet]:
    return {k.casefold(): s for s in criteria_sets() for k in (s.id, s.alias)}


def get_criteria_set(key: str) -> CriteriaSet:
    """The criteria set with id or alias ``key``, case-insensitive.

    ``"26/2026/QĐ-TTg"``, ``"26/2026/qđ-ttg"`` and ``"26-2026"`` name the same set.

    Raises:
        OcopTypeError: ``key`` is not a string.
        OcopLookupError: No shipped set has that id or alias; the message names the known ones.
    """
    if not isinstance(key, str):
        raise OcopTypeError(f"'key' must be a str (got {type(key).__name__})")
    found = _by_key().get(key.strip().casefold())
    if found is None:
        known = ", ".join(f"{s.id} ({s.alias})" for s in criteria_sets())
        raise OcopLookupError(f"no criteria set {key!r} (known: {known})")
    return found


def criteria_set_on(on: dt.date) -> CriteriaSet:
    """The criteria set that governs a new dossier filed on ``on``.

    Boundaries: 21 Aug 2019 → 1048/QĐ-TTg; 24 Feb 2023 → 148/QĐ-TTg; 22 May 2026 →
    26/2026/QĐ-TTg. Dossiers filed earlier and still pending may be finished under the set
    they were filed under until `CriteriaSet.lapses_on` (26/2026/QĐ-TTg art. 11–12).

    Raises:
        OcopTypeError: ``on`` is not a date.
        OcopLookupError: ``on`` is before the first shipped set (21 Aug 2019).
    """
    if not isinstance(on, dt.date):
        raise OcopTypeError(f"'on' must be a date (got {type(on).__name__})")
    if isinstance(on, dt.datetime):
        on = on.date()
    for cs in criteria_sets():
        if cs.in_force(on):
            return cs
    first = criteria_sets()[0]
    raise OcopLookupError(
        f"no national criteria set governed dossiers on {on.isoformat()} "
        f"(the first, {first.id}, starts on {first.effective_from.isoformat()})"
    )
