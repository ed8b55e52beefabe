"""``ocop criteria``: the national criteria sets and their scoring sheets.

- ``ocop criteria list [--format table|json|csv] [--lang vi|en]`` — every shipped set: id,
  alias, dates, number of sheets, legal reference.
- ``ocop criteria show ID SHEET [--format table|json|csv] [--lang vi|en]`` — one scoring
  sheet: its parts, groups, criteria and numbered options with their points and
  minimum-for-stars marks (as csv: one row per option).

``--lang`` chooses the language of the table's headings and fixed words (Vietnamese by
default); the texts of the criteria are the decisions' own, and JSON and CSV stay the same.
- ``ocop criteria form ID SHEET --format html|xlsx [--members N] -o FILE`` — the sheet as a
  form to score on: ``html`` a printable A4 form (N copies, one per member), ``xlsx`` a
  workbook with one tab per member, one for the council's agreed answers and a guide
  (`ocop.rating.workbook`); ``ocop rate FILE.xlsx`` reads it back filled in.

An unknown set or sheet is a usage error (exit 2) whose message names the known ones.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ocop._i18n import tr
from ocop.cli._common import (
    InputError,
    add_format,
    check_output,
    examples,
    print_json,
    print_rows,
    write_output,
)
from ocop.errors import OcopLookupError
from ocop.rating import (
    CriteriaSet,
    Sheet,
    criteria_sets,
    criterion_to_dict,
    get_criteria_set,
    scoring_workbook,
    sheet_form_html,
)

__all__ = ["criteria_set_to_json", "register", "sheet_to_json"]

_LIST_COLUMNS = ("id", "alias", "effective_from", "effective_until", "sheets", "parts", "title")

#: The tables' headings and fixed words; JSON and CSV keep the English field names.
_TEXT = {
    "vi": {
        "list": (
            "Số hiệu",
            "Tên tắt",
            "Hiệu lực từ",
            "Hiệu lực đến",
            "Số phiếu",
            "Các phần",
            "Tên",
        ),
        "sheet": "phiếu",
        "part": "Phần",
        "total": "Tổng",
        "short": "Tổng tối đa đạt được: {best} (các phần ghi {stated}; bản chép thiếu {lost} điểm)",
    },
    "en": {
        "list": _LIST_COLUMNS,
        "sheet": "sheet",
        "part": "Part",
        "total": "Total",
        "short": "Most points reachable: {best} (the parts state {stated}; the transcription "
        "lacks {lost})",
    },
}


def _add_lang(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of the table (default: vi); JSON and CSV are the same in both",
    )


def register(sub: Any) -> None:
    """Add ``criteria list``, ``criteria show`` and ``criteria form`` to the subcommands."""
    group = sub.add_parser(
        "criteria",
        help="the national criteria sets (Bộ tiêu chí) and their scoring sheets",
        description="The national OCOP criteria sets and their scoring sheets.",
    )
    group.set_defaults(group_parser=group)
    commands = group.add_subparsers(dest="criteria_command", metavar="COMMAND")

    listing = commands.add_parser(
        "list",
        help="list the criteria sets",
        description="List the shipped criteria sets with their dates and legal references.",
        epilog=examples("ocop criteria list", "ocop criteria list --format json"),
    )
    add_format(listing, ("table", "json", "csv"))
    _add_lang(listing)
    listing.set_defaults(handler=run_list)

    show = commands.add_parser(
        "show",
        help="print one scoring sheet",
        description=(
            "Print one scoring sheet: parts, groups, criteria and numbered options with "
            "their points and minimum-for-stars marks. As csv: one row per option (part, "
            "group, criterion, criterion_title, criterion_max, option, case, option_text, "
            "points, stars); case names the product case an option is for, if any."
        ),
        epilog=examples("ocop criteria show 26-2026 1", "ocop criteria show 148-2023 2 --lang en"),
    )
    show.add_argument("id", metavar="ID", help="the set's decision id or alias, e.g. 26-2026")
    show.add_argument("sheet", metavar="SHEET", help="the sheet (product set) number, e.g. 1")
    add_format(show, ("table", "json", "csv"))
    _add_lang(show)
    show.set_defaults(handler=run_show)

    form = commands.add_parser(
        "form",
        help="the scoring sheet as a printable form (html) or a council's workbook (xlsx)",
        description=(
            "Write one scoring sheet as a form to score on. html: a printable A4 form in "
            "Vietnamese, every option with its box, points and minimum-for-stars mark, the "
            "rejection grounds, space for the member's name and signature (one copy per "
            "member with --members). xlsx: a workbook with one tab per member and one for "
            "the council's agreed answers, each criterion a row with its options in a "
            "drop-down, points and the member's total by formula, and a guide tab; "
            "ocop rate FILE.xlsx reads it back filled in."
        ),
        epilog=examples(
            "ocop criteria form 26-2026 1 --format html -o phieu.html",
            "ocop criteria form 26-2026 1 --format xlsx --members 7 -o phieu.xlsx",
        ),
    )
    form.add_argument("id", metavar="ID", help="the set's decision id or alias, e.g. 26-2026")
    form.add_argument("sheet", metavar="SHEET", help="the sheet (product set) number, e.g. 1")
    form.add_argument(
        "--format", choices=("html", "xlsx"), required=True, help="html (to print) or xlsx"
    )
    form.add_argument(
        "--members",
        type=int,
        default=None,
        metavar="N",
        help="council members: tabs of the workbook (default 9) or copies of the html form "
        "(default 1)",
    )
    form.add_argument(
        "--output",
        "-o",
        metavar="FILE",
        help="the file to write ('-' or absent: standard output, html only)",
    )
    form.set_defaults(handler=run_form)


def criteria_set_to_json(cs: CriteriaSet) -> dict[str, Any]:
    """One line of ``criteria list --format json``."""
    return {
        "id": cs.id,
        "alias": cs.alias,
        "title": cs.title,
        "effective_from": cs.effective_from.isoformat(),
        "effective_until": None if cs.effective_until is None else cs.effective_until.isoformat(),
        "lapses_on": None if cs.lapses_on is None else cs.lapses_on.isoformat(),
        "sheets": cs.sheet_count,
        "part_max": dict(cs.part_max),
        "legal_ref": cs.legal_ref,
    }


def sheet_to_json(cs: CriteriaSet, sheet: Sheet) -> dict[str, Any]:
    """The document ``criteria show --format json`` prints."""
    return {
        "id": cs.id,
        "sheet": sheet.number,
        "title": sheet.title,
        "legal_ref": sheet.legal_ref,
        "max": sheet.max,
        "attainable": sheet.attainable,
        "parts": [
            {
                "code": p.code,
                "title": p.title,
                "max": p.max,
                "groups": [
                    {
                        "code": g.code,
                        "title": g.title,
                        "max": g.max,
                        "criteria": [criterion_to_dict(c) for c in g.criteria],
                    }
                    for g in p.groups
                ],
            }
            for p in sheet.parts
        ],
        "rejection_grounds": list(sheet.rejection_grounds),
        "source_notes": [
            {"where": n.where, "text": n.text, "resolved": n.resolved} for n in sheet.source_notes
        ],
    }


def run_list(args: argparse.Namespace) -> int:
    sets = criteria_sets()
    header = _TEXT[args.lang]["list"] if args.format == "table" else _LIST_COLUMNS
    rows = [
        (
            cs.id,
            cs.alias,
            cs.effective_from.isoformat(),
            "" if cs.effective_until is None else cs.effective_until.isoformat(),
            cs.sheet_count,
            "/".join(f"{k} {v}" for k, v in cs.part_max.items()),
            cs.title,
        )
        for cs in sets
    ]
    print_rows(
        args.format,
        header,
        rows,
        right=(4,),
        to_json=lambda: [criteria_set_to_json(cs) for cs in sets],
    )
    return 0


def _lookup(key: str, sheet_arg: str) -> tuple[CriteriaSet, Sheet]:
    try:
        cs = get_criteria_set(key)
    except OcopLookupError as exc:
        raise InputError(str(exc).strip("'\"")) from None
    try:
        number = int(sheet_arg.strip())
    except ValueError:
        raise InputError(
            f"sheet must be a number, got {sheet_arg!r} ({cs.id} has sheets {_sheet_list(cs)})"
        ) from None
    try:
        return cs, cs.sheet(number)
    except OcopLookupError as exc:
        raise InputError(str(exc).strip("'\"")) from None


def _sheet_list(cs: CriteriaSet) -> str:
    numbers = cs.sheet_numbers
    if numbers == tuple(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 1:
        return f"{numbers[0]}–{numbers[-1]}"
    return ", ".join(str(n) for n in numbers)


def _table(cs: CriteriaSet, sheet: Sheet, lang: str) -> str:
    t = _TEXT[lang]
    lines = [f"{cs.id}, {t['sheet']} {sheet.number}: {sheet.title}", sheet.legal_ref, ""]
    for part in sheet.parts:
        lines.append(f"{t['part']} {part.code}: {part.title} ({part.max})")
        for group in part.groups:
            lines.append(f"  {group.code}. {group.title} ({group.max})")
            for crit in group.criteria:
                if crit.code != group.code:
                    lines.append(f"    {crit.code}. {crit.title} ({crit.max})")
                pad = "      " if crit.code != group.code else "    "
                for opt in crit.options:
                    mark = f" {'*' * opt.stars}" if opt.stars else ""
                    case = f"[{opt.case[:2].strip()}] " if opt.case else ""
                    lines.append(f"{pad}{opt.number}. {case}{opt.text} = {opt.points}{mark}")
    best = sheet.attainable
    if best == sheet.max:
        lines.append(f"{t['total']}: {sheet.max}")
    else:  # 148/QĐ-TTg sheets 7, 11, 12, 13 as transcribed: never print a total they miss
        lines.append(str(t["short"]).format(best=best, stated=sheet.max, lost=sheet.max - best))
    return "\n".join(lines)


_OPTION_COLUMNS = (
    "part",
    "group",
    "criterion",
    "criterion_title",
    "criterion_max",
    "option",
    "case",
    "option_text",
    "points",
    "stars",
)


def _option_rows(sheet: Sheet) -> list[tuple[object, ...]]:
    return [
        (
            part.code,
            group.code,
            crit.code,
            crit.title,
            crit.max,
            opt.number,
            opt.case or "",
            opt.text,
            opt.points,
            "" if opt.stars is None else opt.stars,
        )
        for part in sheet.parts
        for group in part.groups
        for crit in group.criteria
        for opt in crit.options
    ]


def run_show(args: argparse.Namespace) -> int:
    cs, sheet = _lookup(args.id, args.sheet)
    if args.format == "json":
        print_json(sheet_to_json(cs, sheet))
    elif args.format == "csv":
        print_rows("csv", _OPTION_COLUMNS, _option_rows(sheet))
    else:
        sys.stdout.write(_table(cs, sheet, args.lang) + "\n")
    return 0


def run_form(args: argparse.Namespace) -> int:
    """Handle ``ocop criteria form``."""
    check_output(args.output)
    _, sheet = _lookup(args.id, args.sheet)
    members = args.members
    if members is not None and not 1 <= members <= 99:
        raise InputError(tr("--members must be from 1 to 99 (got {n})", n=members))
    if args.format == "xlsx":
        if args.output in (None, "-") and sys.stdout.isatty():
            raise InputError(tr("criteria form --format xlsx: give the file to write with -o"))
        write_output(scoring_workbook(sheet, members=members or 9), args.output)
    else:
        write_output(sheet_form_html(sheet, members=members or 1), args.output)
    return 0
