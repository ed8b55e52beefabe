"""The money area: figures ↔ words, Vietnamese figure formats.

Amounts travel as strings of ASCII digits (``"6422330000"``) so that an implementation in a
language whose numbers are doubles reads them exactly.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ocop.conformance._core import DIGITS, Area, obj, one_of
from ocop.errors import OcopValueError
from ocop.money import Unit, format_amount, in_words, parse_amount, parse_words

__all__ = ["AREA"]

_UNITS = {"dong": Unit.DONG, "thousand": Unit.THOUSAND, "million": Unit.MILLION}
_UNITS["billion"] = Unit.BILLION
_UNIT_NAMES = list(_UNITS)


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """The library's answer to one money case input."""
    op = case["op"]
    if op == "in_words":
        text = in_words(
            int(case["number"]),
            linh=case.get("linh", "linh"),
            thousand=case.get("thousand", "nghìn"),
            dong=case.get("dong", False),
            capitalize=case.get("capitalize", False),
        )
        return {"words": text}
    if op == "parse_words":
        try:
            return {"number": str(parse_words(case["text"]))}
        except OcopValueError:
            return {"refused": True}
    if op == "format_amount":
        # The vectors are the Vietnamese figures of documents, whatever the reader's language.
        text = format_amount(
            int(case["dong"]),
            _UNITS[case.get("unit", "dong")],
            places=case.get("places"),
            lang="vi",
        )
        return {"text": text}
    if op == "parse_amount":
        try:
            return {"dong": str(parse_amount(case["text"], _UNITS[case.get("unit", "dong")]))}
        except OcopValueError:
            return {"refused": True}
    raise ValueError(f"unknown money op {op!r}")


_REFUSED = obj(["refused"], {"refused": {"const": True}})

INPUT = one_of(
    obj(
        ["op", "number"],
        {
            "op": {"const": "in_words"},
            "number": DIGITS,
            "linh": {"enum": ["linh", "lẻ"], "default": "linh"},
            "thousand": {"enum": ["nghìn", "ngàn"], "default": "nghìn"},
            "dong": {"type": "boolean", "default": False},
            "capitalize": {"type": "boolean", "default": False},
        },
        description="Read the integer `number` out in Vietnamese words.",
    ),
    obj(
        ["op", "text"],
        {"op": {"const": "parse_words"}, "text": {"type": "string"}},
        description="Read an amount written in words; refuse what cannot be read for certain.",
    ),
    obj(
        ["op", "dong"],
        {
            "op": {"const": "format_amount"},
            "dong": DIGITS,
            "unit": {"enum": _UNIT_NAMES, "default": "dong"},
            "places": {
                "type": ["integer", "null"],
                "minimum": 0,
                "default": None,
                "description": "Decimals to keep (half up); null: as many as the amount needs.",
            },
        },
        description="Write `dong` in `unit` with dots between thousands and a decimal comma.",
    ),
    obj(
        ["op", "text"],
        {
            "op": {"const": "parse_amount"},
            "text": {"type": "string"},
            "unit": {"enum": _UNIT_NAMES, "default": "dong"},
        },
        description=(
            "Read a figure as Vietnamese documents write it (a unit after it overrides "
            "`unit`); whole đồng, or refused."
        ),
    ),
)

OUTPUT = one_of(
    obj(["words"], {"words": {"type": "string"}}),
    obj(["number"], {"number": DIGITS}),
    obj(["text"], {"text": {"type": "string"}}),
    obj(["dong"], {"dong": DIGITS}),
    _REFUSED,
)

AREA = Area(
    name="money",
    title="Amounts in words and in figures, the Vietnamese way (both directions).",
    answer=answer,
    input_schema=INPUT,
    output_schema=OUTPUT,
)
