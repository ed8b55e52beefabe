"""The budget area: a budget table in, its problems (by code and location) and rollups out.

A case's input is a budget table as CSV text, exactly as ``ocop budget check`` reads a file
(header names such as ``amount_thousand_vnd`` state the unit; a ``TỔNG CỘNG`` row states the
total and a ``Bằng chữ`` row the total in words), with the unit of amount columns whose
header states none. The output is every problem — code, severity, row of the table and field
— the total in đồng and, when the table has no errors, its rollups by section, responsible
body, locality and source (amounts in đồng, shares in per cent adding up to exactly 100).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ocop.budget import KEYS, build_tree, check, read_budget, rollup
from ocop.conformance._core import DIGITS, Area, obj
from ocop.errors import OcopInputError
from ocop.money import Unit
from ocop.problems import Problem, has_errors

__all__ = ["AREA"]

_UNITS = {"dong": Unit.DONG, "thousand": Unit.THOUSAND, "million": Unit.MILLION}
_UNITS["billion"] = Unit.BILLION


def _problem(p: Problem) -> dict[str, Any]:
    out: dict[str, Any] = {"code": p.code, "severity": p.severity.value}
    if p.where.row is not None:
        out["row"] = p.where.row
    if p.where.field is not None:
        out["field"] = p.where.field
    return out


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """The library's answer to one budget case input."""
    unit = case.get("unit")
    try:
        read = read_budget(
            case["csv"],
            file="budget.csv",
            format="csv",
            unit=None if unit is None else _UNITS[unit],
        )
    except OcopInputError:
        return {"unusable": True}
    budget = read.value
    problems = list(read.problems)
    if budget.lines:
        seen = {(p.where.row, p.code) for p in problems}
        problems += [p for p in check(budget) if (p.where.row, p.code) not in seen]
    out: dict[str, Any] = {
        "problems": [_problem(p) for p in problems],
        "total": str(build_tree(budget).total) if budget.lines else "0",
        "rollups": None,
    }
    if not has_errors(problems):
        out["rollups"] = {
            key: [
                {"key": g.key, "amount": str(g.amount), "share": str(g.share)}
                for g in rollup(budget, key).groups
            ]
            for key in KEYS
        }
    return out


INPUT = obj(
    ["csv"],
    {
        "csv": {"type": "string", "description": "The table as CSV text (UTF-8)."},
        "unit": {
            "enum": [*_UNITS, None],
            "default": None,
            "description": "The unit of amount columns whose header states none.",
        },
    },
)

_GROUP = obj(
    ["key", "amount", "share"],
    {
        "key": {"type": "string"},
        "amount": DIGITS,
        "share": {"type": "string", "pattern": r"^\d+\.\d\d$"},
    },
)

OUTPUT = {
    "oneOf": [
        obj(
            ["problems", "total", "rollups"],
            {
                "problems": {
                    "type": "array",
                    "items": obj(
                        ["code", "severity"],
                        {
                            "code": {"type": "string", "pattern": r"^[a-z]+\.[a-z_]+$"},
                            "severity": {"enum": ["error", "warning", "info"]},
                            "row": {"type": "integer"},
                            "field": {"type": "string"},
                        },
                    ),
                },
                "total": DIGITS,
                "rollups": {
                    "anyOf": [
                        {"type": "null"},
                        obj(
                            list(KEYS),
                            {key: {"type": "array", "items": _GROUP} for key in KEYS},
                        ),
                    ],
                    "description": "null when the table has errors.",
                },
            },
        ),
        obj(
            ["unusable"],
            {"unusable": {"const": True}},
            description="The text is not a budget table at all (no header, no amount column).",
        ),
    ]
}

AREA = Area(
    name="budget",
    title="Budget tables with the problems expected (by code and location) and the rollups.",
    answer=answer,
    input_schema=INPUT,
    output_schema=OUTPUT,
)
