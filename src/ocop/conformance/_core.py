"""What every area of the conformance suite shares: cases, answers, comparison.

A *case* is one question with its answer: an ``id``, the ``reference`` (the decision and
article, or the reading rule) it tests, its ``input`` and its ``expected`` output. An *area*
(money, rating, cycle, timetable, budget) knows how to answer any input of its kind with the
library, and publishes the JSON Schema of its vector file.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs

__all__ = [
    "SUITE",
    "VERSION",
    "Area",
    "canonical",
    "same",
]

SUITE = "ocop-conformance"
"""The name every vector file states in its ``suite`` field."""

VERSION = 1
"""The version of the vectors' format (the ``version`` field of every file). It changes when
the shape of a case's input or output changes; new cases or new answers do not change it."""

Json = Any


@attrs.frozen(kw_only=True)
class Area:
    """One area of the suite (money, rating, cycle, timetable, budget).

    Attributes:
        name: The area's name, also its file's stem (``money.json``).
        title: What the area tests, in one line.
        answer: The library's output for one case input.
        input_schema: The JSON Schema of a case's ``input``.
        output_schema: The JSON Schema of a case's ``expected`` output (and of an answer).
    """

    name: str
    title: str
    answer: Callable[[Mapping[str, Json]], dict[str, Json]]
    input_schema: dict[str, Json]
    output_schema: dict[str, Json]

    def schema(self) -> dict[str, Json]:
        """The JSON Schema of this area's vector file."""
        # "#/$defs/…" references resolve against the root: hoist the parts' definitions.
        input_schema = dict(self.input_schema)
        output_schema = dict(self.output_schema)
        defs = {**input_schema.pop("$defs", {}), **output_schema.pop("$defs", {})}
        schema = {
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "$id": f"{self.name}.schema.json",
            "title": f"ocop conformance vectors: {self.name}",
            "description": self.title,
            "type": "object",
            "additionalProperties": False,
            "required": ["suite", "version", "area", "cases"],
            "properties": {
                "suite": {"const": SUITE},
                "version": {"const": VERSION},
                "area": {"const": self.name},
                "description": {"type": "string"},
                "cases": {
                    "type": "array",
                    "items": {
                        "type": "object",
                        "additionalProperties": False,
                        "required": ["id", "reference", "input", "expected"],
                        "properties": {
                            "id": {"type": "string", "pattern": rf"^{self.name}\.[^\s]+$"},
                            "reference": {"type": "string", "minLength": 1},
                            "input": input_schema,
                            "expected": output_schema,
                        },
                    },
                },
            },
        }
        if defs:
            schema["$defs"] = defs
        return schema


def canonical(value: Json) -> Json:
    """``value`` with every list named ``problems`` sorted, so that their order never counts.

    An implementation may report a case's problems in any order; everything else is compared
    exactly as written.
    """
    if isinstance(value, Mapping):
        out = {}
        for key, raw in value.items():
            item = canonical(raw)
            if key == "problems" and isinstance(item, list):
                item = sorted(item, key=lambda p: json.dumps(p, sort_keys=True))
            out[key] = item
        return out
    if isinstance(value, list):
        return [canonical(v) for v in value]
    return value


def same(expected: Json, got: Json) -> bool:
    """Whether an answer ``got`` equals ``expected`` (problems in any order).

    ``true`` never equals ``1`` and ``1`` never equals ``1.0``: JSON's kinds are kept apart.
    """
    return bool(_strict(canonical(expected)) == _strict(canonical(got)))


def _strict(value: Json) -> Json:
    # Tag scalars with their JSON kind: Python says True == 1 == 1.0.
    if isinstance(value, Mapping):
        return {k: _strict(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_strict(v) for v in value]
    return (type(value).__name__, value)


def one_of(*schemas: dict[str, Json]) -> dict[str, Json]:
    """A schema that is exactly one of ``schemas``."""
    return {"oneOf": list(schemas)}


def obj(required: Sequence[str], properties: dict[str, Json], **extra: Json) -> dict[str, Json]:
    """A closed object schema."""
    return {
        "type": "object",
        "additionalProperties": False,
        "required": list(required),
        "properties": properties,
        **extra,
    }


DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
DIGITS = {"type": "string", "pattern": r"^-?(0|[1-9][0-9]*)$"}
FRACTION = {"type": "string", "pattern": r"^-?(0|[1-9][0-9]*)(/[1-9][0-9]*)?$"}
