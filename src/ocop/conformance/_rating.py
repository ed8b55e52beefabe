"""The rating area: a council's assessment in, the totals, mean, band and stars out.

A case's input is an assessment document exactly as ``ocop rate`` reads it (its JSON Schema is
[`ocop.rating.assessment_schema`][ocop.rating.assessment_schema]); the output is what any
implementation must compute from it: each member's total, the exact mean, the band, the stars after
the minimum marks, every mark not met, and the problems found (by code and ``$.path``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from ocop.conformance._core import FRACTION, Area, obj
from ocop.problems import Problem
from ocop.rating import assessment_schema, rate_json

__all__ = ["AREA", "problem_json"]


def problem_json(problem: Problem) -> dict[str, Any]:
    """A problem as the vectors compare it: its code, severity and ``$.path`` (no message:
    messages change with the language, codes never do)."""
    out: dict[str, Any] = {"code": problem.code, "severity": problem.severity.value}
    if problem.where.path is not None:
        out["path"] = problem.where.path
    return out


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """The library's answer to one rating case input."""
    result = rate_json(case["assessment"])
    rating = result.value
    problems = [problem_json(p) for p in result.problems]
    if rating is None:
        return {
            "totals": None,
            "mean": None,
            "band_stars": None,
            "stars": None,
            "unmet": [],
            "problems": problems,
        }
    mean = rating.mean
    return {
        "totals": [m.total for m in rating.members],
        "mean": str(mean.numerator)
        if mean.denominator == 1
        else f"{mean.numerator}/{mean.denominator}",
        "band_stars": rating.band_stars,
        "stars": rating.stars,
        "unmet": [
            {
                "code": u.code,
                "stars": u.stars,
                "required": u.required,
                "chosen": u.chosen,
                "member": u.member,
            }
            for u in rating.unmet
        ],
        "problems": problems,
    }


def _input_schema() -> dict[str, Any]:
    schema = assessment_schema()
    defs = schema.pop("$defs", {})
    schema.pop("$schema", None)
    return obj(["assessment"], {"assessment": schema}, **({"$defs": defs} if defs else {}))


PROBLEM = obj(
    ["code", "severity"],
    {
        "code": {"type": "string", "pattern": r"^[a-z]+\.[a-z_]+$"},
        "severity": {"enum": ["error", "warning", "info"]},
        "path": {"type": "string"},
    },
)
_STARS = {"type": ["integer", "null"], "minimum": 1, "maximum": 5}

OUTPUT = obj(
    ["totals", "mean", "band_stars", "stars", "unmet", "problems"],
    {
        "totals": {
            "type": ["array", "null"],
            "items": {"type": "integer", "minimum": 0},
            "description": "Each member's total, in the order of the members.",
        },
        "mean": {
            "anyOf": [FRACTION, {"type": "null"}],
            "description": 'The exact mean of the totals as a reduced fraction ("349/7", "72").',
        },
        "band_stars": _STARS,
        "stars": _STARS,
        "unmet": {
            "type": "array",
            "description": "Every minimum-for-stars mark not met at a level up to the band, "
            "in sheet order then by level.",
            "items": obj(
                ["code", "stars", "required", "chosen", "member"],
                {
                    "code": {"type": "string"},
                    "stars": {"enum": [3, 4, 5]},
                    "required": {"type": "integer", "minimum": 1},
                    "chosen": {"type": "integer", "minimum": 0},
                    "member": {"type": ["string", "null"]},
                },
            ),
        },
        "problems": {"type": "array", "items": PROBLEM},
    },
)

AREA = Area(
    name="rating",
    title=(
        "Every sheet of every criteria set: members' totals, the exact mean, the band at "
        "every boundary, minimum marks lowering the stars, the council's rules."
    ),
    answer=answer,
    input_schema=_input_schema(),
    output_schema=OUTPUT,
)
