"""``ocop rate``: score and classify a product from its council's assessment document.

``ocop rate FILE`` reads a JSON assessment (see [`ocop.rating.io`][ocop.rating.io]) or a
filled scoring workbook (``.xlsx``, written by ``ocop criteria form --format xlsx``; see
[`ocop.rating.workbook`][ocop.rating.workbook]), checks it against its criteria sheet and the
council's rules, and prints the member totals, the exact mean, the band, the final stars and
every minimum-for-stars mark not met. ``--format csv`` prints one
row per member: product, criteria, sheet, member, total, then the council's result repeated
on each row (mean, mean_exact, band_stars, stars), so that a spreadsheet of many products
can be filtered by any column. ``ocop rate --schema`` prints the JSON Schema of the document.

Exit status: 0 rated; 1 the assessment is invalid (every problem printed, each with its
``$.path``); 2 the file cannot be used (missing, empty, not UTF-8, not JSON, not an object, not a
workbook).
A workbook's problems are located by tab and cell (``Thành viên 3!C14``).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Any

from ocop._table import render_table
from ocop._xlsx import is_workbook
from ocop.cli._common import (
    InputError,
    add_format,
    decode_text,
    examples,
    print_json,
    print_problems,
    print_rows,
    read_bytes,
)
from ocop.errors import OcopValueError
from ocop.rating import (
    Advice,
    MarksBasis,
    Rating,
    advise_assessment,
    assessment_from_json,
    assessment_from_workbook,
    assessment_schema,
    get_criteria_set,
    load_json_object,
    rate_json,
    rate_workbook,
)

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``ocop rate`` to the subcommands ``sub``."""
    parser = sub.add_parser(
        "rate",
        help="score and classify a product from its council's assessment (JSON or workbook)",
        description=(
            "Score and classify a product: member totals, the exact mean of the totals, "
            "the star band, the minimum-for-stars marks and the final stars. As csv: one "
            "row per member (product, criteria, sheet, member, total) with the council's "
            "result repeated on each row (mean, mean_exact, band_stars, stars)."
        ),
        epilog=examples(
            "ocop rate docs/tutorials/assessment.json",
            "ocop rate docs/tutorials/assessment-agreed.json --advise --format json",
            "ocop rate phieu.xlsx --format json",
        ),
    )
    parser.add_argument(
        "file",
        nargs="?",
        metavar="FILE",
        help="assessment JSON, or a filled scoring workbook (.xlsx) from ocop criteria form "
        "('-': stdin)",
    )
    parser.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of an assessment and exit"
    )
    add_format(parser, ("table", "json", "csv"))
    parser.add_argument(
        "--advise",
        action="store_true",
        help=(
            "also print, for each star level above the answers' own, the least option "
            "changes that reach it (on the council's agreed answers or a single member's "
            "sheet); as csv: one row per change instead of one per member"
        ),
    )
    parser.add_argument(
        "--keep",
        action="append",
        default=[],
        metavar="CODE",
        help=(
            "with --advise: a criterion the producer cannot change, e.g. 3.1 (repeat, or "
            "separate codes with commas)"
        ),
    )
    parser.add_argument(
        "--lang",
        choices=("vi", "en"),
        default="vi",
        help="language of the table (default: vi); JSON keys and problems are in English",
    )
    parser.set_defaults(handler=run)


_TEXT = {
    "vi": {
        "sheet": "phiếu",
        "member": "Thành viên",
        "total": "Tổng điểm",
        "mean": "Tổng điểm trung bình",
        "exactly": "đúng bằng",
        "band": "Hạng theo điểm",
        "stars": "Hạng sao",
        "unmet": "Tiêu chí chưa đạt mức tối thiểu của hạng sao",
        "agreed": "xét trên kết quả thống nhất của Hội đồng",
        "each": "xét trên phiếu của từng thành viên",
        "advice": "Cách đạt hạng sao cao hơn với ít thay đổi nhất",
        "change": "tiêu chí {code}: phương án {frm} → {to} ({gain})",
        "reach": "{stars}★ ({score} điểm)",
        "unreachable": "{stars}★: không đạt được — {why}",
        "none": "không thay đổi",
        "on_agreed": "trên kết quả thống nhất của Hội đồng",
        "on_member": "trên phiếu của {member}",
    },
    "en": {
        "sheet": "sheet",
        "member": "member",
        "total": "total",
        "mean": "mean",
        "exactly": "exactly",
        "band": "band",
        "stars": "stars",
        "unmet": "minimum marks not met",
        "agreed": "judged on the council's agreed answers",
        "each": "judged on each member's sheet",
        "advice": "The least change to each higher star level",
        "change": "criterion {code}: option {frm} → {to} ({gain})",
        "reach": "{stars}★ ({score} points)",
        "unreachable": "{stars}★: unreachable — {why}",
        "none": "no change",
        "on_agreed": "on the council's agreed answers",
        "on_member": "on the sheet of {member}",
    },
}


def _number(text: str, lang: str) -> str:
    # Vietnamese writes the decimal separator as a comma (73,8).
    return text.replace(".", ",") if lang == "vi" else text


def _table(rating: Rating, title: str, lang: str) -> str:
    t = _TEXT[lang]
    lines = []
    head = f"{rating.product} — " if rating.product else ""
    lines.append(f"{head}{rating.criteria_set}, {t['sheet']} {rating.sheet} ({title})")
    lines.append("")
    rows = [(m.member, m.total) for m in rating.members]
    lines.append(render_table((t["member"], t["total"]), rows, right=(1,)))
    lines.append("")
    labels = [t["mean"], t["band"], t["stars"]]
    width = max(len(x) for x in labels) + 1
    exact = "" if rating.mean_is_exact else f" ({t['exactly']} {rating.mean})"
    mean = _number(rating.mean_text, lang)
    lines.append(f"{t['mean'] + ':':<{width}} {mean}{exact}")
    lines.append(f"{t['band'] + ':':<{width}} {rating.band_stars}★")
    lines.append(f"{t['stars'] + ':':<{width}} {rating.stars}★")
    if rating.unmet:
        basis = t["agreed"] if rating.marks_on is MarksBasis.AGREED else t["each"]
        lines.append("")
        lines.append(f"{t['unmet']} ({basis}):")
        lines.extend(f"  {u.vietnamese if lang == 'vi' else u.message}" for u in rating.unmet)
    return "\n".join(lines)


def _advice_table(advice: Sequence[Advice], member: str | None, lang: str) -> str:
    t = _TEXT[lang]
    basis = t["on_agreed"] if member is None else t["on_member"].format(member=member)
    lines = [f"{t['advice']}, {basis}:"]
    if not advice:
        lines.append(f"  {t['none']}")
    for a in advice:
        if a.unreachable is not None:
            lines.append("  " + t["unreachable"].format(stars=a.stars, why=a.unreachable))
            continue
        score = _number(str(a.to_dict()["score"]), lang)
        lines.append("  " + t["reach"].format(stars=a.stars, score=score))
        lines.extend(
            "    "
            + t["change"].format(code=c.code, frm=c.from_option, to=c.to, gain=f"{c.gain:+d}")
            for c in a.changes
        )
    return "\n".join(lines)


_ADVICE_COLUMNS = ("product", "stars", "code", "from", "to", "gain", "score", "unreachable")


def _advice_rows(product: str, advice: Sequence[Advice]) -> list[tuple[object, ...]]:
    rows: list[tuple[object, ...]] = []
    for a in advice:
        doc = a.to_dict()
        if a.unreachable is not None:
            rows.append((product, a.stars, "", "", "", "", "", a.unreachable))
        for c in a.changes:
            rows.append((product, a.stars, c.code, c.from_option, c.to, c.gain, doc["score"], ""))
    return rows


_CSV_COLUMNS = (
    "product",
    "criteria",
    "sheet",
    "member",
    "total",
    "mean",
    "mean_exact",
    "band_stars",
    "stars",
)


def _csv_rows(rating: Rating) -> list[tuple[object, ...]]:
    doc = rating.to_dict()
    return [
        (
            rating.product or "",
            rating.criteria_set,
            rating.sheet,
            m.member,
            m.total,
            doc["mean"],
            doc["mean_exact"],
            rating.band_stars,
            rating.stars,
        )
        for m in rating.members
    ]


def run(args: argparse.Namespace) -> int:
    """Handle ``ocop rate``."""
    if args.schema:
        print_json(assessment_schema())
        return 0
    if args.file is None:
        raise InputError("rate: give the assessment FILE (or --schema)")
    data = read_bytes(args.file)
    if is_workbook(args.file, data[:8]):
        result = rate_workbook(data, file=args.file)
        # The advice works on the assessment document the workbook holds.
        obj: Any = assessment_from_workbook(data, file=args.file).value if args.advise else None
    else:
        text = decode_text(data, args.file)
        try:
            obj = load_json_object(text)
        except OcopValueError as exc:
            raise InputError(f"{args.file}: {exc}") from None
        result = rate_json(obj, file=args.file)
    rating = result.value
    advice, basis = _advise(obj, args) if args.advise and rating is not None else (None, None)
    print_problems(result.problems)
    if args.format == "json":
        out: dict[str, Any] = {} if rating is None else rating.to_dict()
        if args.advise:
            out["advice"] = None if advice is None else [a.to_dict() for a in advice]
        out["problems"] = [p.to_dict() for p in result.problems]
        print_json(out)
    elif args.format == "csv":
        if args.advise:
            rows = [] if advice is None or rating is None else _advice_rows(rating.product, advice)
            print_rows("csv", _ADVICE_COLUMNS, rows)
        else:
            print_rows("csv", _CSV_COLUMNS, [] if rating is None else _csv_rows(rating))
    elif rating is not None:
        text = _table(rating, _sheet_title(rating), args.lang)
        if advice is not None:
            text += "\n\n" + _advice_table(advice, basis, args.lang)
        sys.stdout.write(text + "\n")
    return 0 if result.ok else 1


def _advise(obj: Any, args: argparse.Namespace) -> tuple[tuple[Advice, ...], str | None]:
    """The advice on a document that rated without errors of shape or choices."""
    built = assessment_from_json(obj, file=args.file)
    assert built.value is not None  # rate_json gave a rating, so the document is usable
    assessment = built.value[0]
    keep = [code.strip() for item in args.keep for code in item.split(",") if code.strip()]
    try:
        advised = advise_assessment(assessment, keep=keep)
    except OcopValueError as exc:  # --keep names a criterion the sheet does not have
        raise InputError(f"--keep: {exc}") from None
    if advised.value is None:
        raise InputError(f"{args.file}: " + "; ".join(p.message for p in advised.problems))
    member = None if assessment.agreed is not None else assessment.members[0].member
    return advised.value, member


def _sheet_title(rating: Rating) -> str:
    return get_criteria_set(rating.criteria_set).sheet(rating.sheet).title
