"""``ocop money``: amounts in words and figures, the Vietnamese way."""

from __future__ import annotations

import argparse
from typing import Any

from ocop.cli._common import InputError, examples
from ocop.errors import OcopValueError
from ocop.money import Unit, format_amount, in_words, parse_amount, parse_words

__all__ = ["register"]


def register(sub: Any) -> None:
    """Add ``ocop money`` and its subcommands."""
    group = sub.add_parser(
        "money",
        help="amounts in words and figures",
        description="Read and write amounts the way Vietnamese documents do.",
    )
    group.set_defaults(group_parser=group)
    cmds = group.add_subparsers(dest="money_command", metavar="COMMAND")

    words = cmds.add_parser(
        "words",
        help="an amount in words: 6422330000 → sáu tỷ …",
        description="Write an amount in Vietnamese words, as a 'Bằng chữ' line does.",
        epilog=examples(
            "ocop money words 6.422.330.000", "ocop money words 105 --linh lẻ --no-dong"
        ),
    )
    words.add_argument("amount", help="a figure: 6422330000, 6.422.330.000 or '6.422,33 triệu'")
    words.add_argument(
        "--linh",
        choices=("linh", "lẻ"),
        default="linh",
        help="the word for an empty tens place: 105 = một trăm linh/lẻ năm (default: linh)",
    )
    words.add_argument(
        "--thousand",
        choices=("nghìn", "ngàn"),
        default="nghìn",
        help="the word for thousand (default: nghìn; ngàn in the South)",
    )
    words.add_argument("--no-dong", action="store_true", help="leave out 'đồng'")
    words.set_defaults(handler=_words)

    read = cmds.add_parser(
        "read",
        help="words to a figure: 'Sáu tỷ đồng' → 6.000.000.000",
        description=(
            "Read an amount written in Vietnamese words, the full form of documents or the "
            "shortened one of speech ('hai triệu mốt' = 2.100.000); refuse what is ambiguous."
        ),
        epilog=examples(
            "ocop money read 'Sáu tỷ, bốn trăm hai mươi hai triệu đồng'",
            "ocop money read hai triệu mốt",
        ),
    )
    read.add_argument("text", nargs="+", help="the amount in words")
    read.set_defaults(handler=_read)

    fmt = cmds.add_parser(
        "format",
        help="a figure in a unit: 6422330000 → 6.422,33 triệu đồng",
        description="Write an amount in a unit, with the figures of the language (--lang).",
        epilog=examples(
            "ocop money format 6422330000 --unit million --places 2",
            "ocop money format 6422330000 --unit million --lang en",
        ),
    )
    fmt.add_argument("amount", help="a figure: 6422330000, 6.422.330.000 or '6.422,33 triệu'")
    fmt.add_argument(
        "--unit",
        choices=("dong", "thousand", "million", "billion"),
        default="dong",
        help="the unit to write the amount in (default: dong)",
    )
    fmt.add_argument("--places", type=int, help="decimals (default: as many as needed)")
    fmt.set_defaults(handler=_format)


def _amount(text: str) -> int:
    try:
        return parse_amount(text)
    except OcopValueError as exc:
        raise InputError(str(exc)) from None


def _words(args: argparse.Namespace) -> int:
    n = _amount(args.amount)
    print(
        in_words(n, linh=args.linh, thousand=args.thousand, dong=not args.no_dong, capitalize=True)
    )
    return 0


def _read(args: argparse.Namespace) -> int:
    try:
        n = parse_words(" ".join(args.text))
    except OcopValueError as exc:
        raise InputError(str(exc)) from None
    print(format_amount(n))
    return 0


def _format(args: argparse.Namespace) -> int:
    unit = Unit[
        {"dong": "DONG", "thousand": "THOUSAND", "million": "MILLION"}.get(args.unit, "BILLION")
    ]
    if args.places is not None and not 0 <= args.places <= 9:
        raise InputError("--places must be between 0 and 9")
    print(format_amount(_amount(args.amount), unit, places=args.places))
    return 0
