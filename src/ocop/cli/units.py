"""``ocop units``: Vietnam's administrative units before and after the 2025 reform."""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from typing import Any

from ocop._i18n import tr
from ocop.cli._common import InputError, add_format, examples, print_json, print_rows

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``ocop units resolve`` and ``ocop units list``."""
    group = sub.add_parser(
        "units",
        help="administrative units before and after the 2025 reform: resolve a name, list",
        description=(
            "Vietnam's provinces, districts and communes: 63 provinces until 30 June 2025, 34 "
            "from 1 July 2025 (two tiers, no districts). Data: the vietnamadminunits data set "
            "(MIT licence), shipped with ocop."
        ),
    )
    group.set_defaults(group_parser=group)
    cmds = group.add_subparsers(dest="units_command", metavar="COMMAND")
    resolve = cmds.add_parser(
        "resolve",
        help="what a place name named on a date, and what a pre-reform unit became",
        description=(
            "The unit NAME named on a date (a province, district or commune; case, "
            "diacritics and the kind — tỉnh, huyện, xã… — are optional) and, for a pre-reform "
            "unit, its successor from 1 July 2025. Narrow a commune with its province after "
            "a comma. Exit 1 when NAME names no unit."
        ),
        epilog=examples('ocop units resolve "Quảng Bình" --on 2026-01-01 --format json'),
    )
    resolve.add_argument("name", help="the place name, e.g. 'Quảng Bình' or 'Cam Thủy, Quảng Trị'")
    resolve.add_argument("--on", help="the date, YYYY-MM-DD (default: today)")
    resolve.add_argument(
        "--level",
        choices=("province", "district", "commune"),
        help="look only at units of this level",
    )
    add_format(resolve, ("table", "json"))
    resolve.set_defaults(handler=_resolve)
    listing = cmds.add_parser(
        "list",
        help="the units of a level on a date",
        description=(
            "Every unit of a level that existed on a date: 63 provinces before 1 July 2025, "
            "34 from then; about 10,000 communes before, 3,321 after; districts before only."
        ),
        epilog=examples("ocop units list --on 2024-01-01 --format json"),
    )
    listing.add_argument("--on", help="the date, YYYY-MM-DD (default: today)")
    listing.add_argument(
        "--level",
        choices=("province", "district", "commune"),
        default="province",
        help="the level (default: province)",
    )
    add_format(listing)
    listing.set_defaults(handler=_list)


def _day(text: str | None) -> dt.date:
    if text is None:
        return dt.date.today()
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise InputError(tr("--on {text!r}: not a date (write YYYY-MM-DD)", text=text)) from None


def _resolve(args: argparse.Namespace) -> int:
    from ocop.units import AmbiguousName, resolve

    day = _day(args.on)
    try:
        found = resolve(args.name, on=day, level=args.level)
    except AmbiguousName as exc:
        raise InputError(str(exc)) from None
    if found is None:
        print(
            tr("ocop: {name!r} names no administrative unit on {on}", name=args.name, on=day),
            file=sys.stderr,
        )
        return 1
    if args.format == "json":
        print_json(found.to_dict())
        return 0
    u = found.unit
    line = tr("{name} ({kind}, code {code})", name=u.name, kind=u.kind, code=u.code)
    if found.exists:
        print(tr("{unit}: exists on {on}", unit=line, on=day.isoformat()))
    else:
        print(tr("{unit}: does not exist on {on}", unit=line, on=day.isoformat()))
    s = found.successor
    if s is not None:
        print(
            tr(
                "successor from {start}: {name} ({kind}, code {code})",
                start=(s.start or day).isoformat(),
                name=s.name,
                kind=s.kind,
                code=s.code,
            )
        )
    return 0


def _list(args: argparse.Namespace) -> int:
    from ocop.units import units_on

    day = _day(args.on)
    units = units_on(day, args.level)
    rows = [[u.code, u.name, u.province or ""] for u in units]
    if args.format == "table":
        print_rows("table", ["code", "name", "province"], rows)
        level = tr("province") if args.level == "province" else tr("commune")
        print(tr("{n} units of level {level} on {on}", n=len(units), level=level, on=day))
        return 0
    print_rows(
        args.format,
        ["code", "name", "province"],
        rows,
        to_json=lambda: {
            "on": day.isoformat(),
            "level": args.level,
            "count": len(units),
            "units": [u.to_dict() for u in units],
        },
    )
    return 0
