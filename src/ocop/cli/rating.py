"""``ocop rate``: score and classify a product from its council's assessment document.

``ocop rate FILE`` reads a JSON assessment (see :mod:`ocop.rating.io`), checks it against its
criteria sheet and the council's rules, and prints the member totals, the exact mean, the
band, the final stars and every minimum-for-stars mark not met. ``ocop rate --schema`` prints
the JSON Schema of the document.

Exit status: 0 rated; 1 the assessment is invalid (every problem printed, each with its
``$.path``); 2 the file cannot be used (missing, empty, not UTF-8, not JSON, not an object).
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from ocop.cli._common import (
    InputError,
    add_format,
    print_json,
    print_problems,
    read_text,
    render_table,
)
from ocop.errors import OcopValueError
from ocop.rating.classify import Rating
from ocop.rating.council import MarksBasis
from ocop.rating.io import assessment_schema, load_json_object, rate_json
from ocop.rating.registry import get_criteria_set

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``ocop rate`` to the subcommands ``sub``."""
    parser = sub.add_parser(
        "rate",
        help="score and classify a product from its council's assessment (JSON)",
        description=(
            "Score and classify a product: member totals, the exact mean of the totals, "
            "the star band, the minimum-for-stars marks and the final stars."
        ),
    )
    parser.add_argument("file", nargs="?", metavar="FILE", help="assessment JSON ('-': stdin)")
    parser.add_argument(
        "--schema", action="store_true", help="print the JSON Schema of an assessment and exit"
    )
    add_format(parser, ("table", "json"))
    parser.set_defaults(handler=run)


def _table(rating: Rating, title: str) -> str:
    lines = []
    head = f"{rating.product} — " if rating.product else ""
    lines.append(f"{head}{rating.criteria_set}, sheet {rating.sheet} ({title})")
    lines.append("")
    rows = [(m.member, m.total) for m in rating.members]
    lines.append(render_table(("member", "total"), rows, right=(1,)))
    lines.append("")
    exact = "" if rating.mean_is_exact else f" (exactly {rating.mean})"
    lines.append(f"mean:  {rating.mean_text}{exact}")
    lines.append(f"band:  {rating.band_stars}★")
    lines.append(f"stars: {rating.stars}★")
    if rating.unmet:
        basis = (
            "the council's agreed answers"
            if rating.marks_on is MarksBasis.AGREED
            else "each member's sheet"
        )
        lines.append("")
        lines.append(f"minimum marks not met (judged on {basis}):")
        lines.extend(f"  {u.message}" for u in rating.unmet)
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Handle ``ocop rate``."""
    if args.schema:
        print_json(assessment_schema())
        return 0
    if args.file is None:
        raise InputError("rate: give the assessment FILE (or --schema)")
    text = read_text(args.file)
    try:
        obj = load_json_object(text)
    except OcopValueError as exc:
        raise InputError(f"{args.file}: {exc}") from None
    result = rate_json(obj, file=args.file)
    print_problems(result.problems)
    rating = result.value
    if args.format == "json":
        out: dict[str, Any] = {} if rating is None else rating.to_dict()
        out["problems"] = [p.to_dict() for p in result.problems]
        print_json(out)
    elif rating is not None:
        sys.stdout.write(_table(rating, _sheet_title(rating)) + "\n")
    return 0 if result.ok else 1


def _sheet_title(rating: Rating) -> str:
    return get_criteria_set(rating.criteria_set).sheet(rating.sheet).title
