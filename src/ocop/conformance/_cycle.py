"""The cycle area: a product's event log in, its final record and the refused events out.

A case's input is an event stream exactly as ``ocop cycle`` reads it (one JSON object per
event: ``product``, ``event``, ``on`` and what the event carries); the output is each
product's final record — its stage, round, open dossier, evaluations, certificate and the
steps taken (event, date, stages, the regime whose rules applied) — and every problem, by
code, severity, line of the stream and product. Refusals are errors (``cycle.refused``): the
event is not applied and the stream goes on.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from ocop.conformance._core import DATE, Area, obj
from ocop.cycle import follow
from ocop.cycle.jsonio import read_events, record_to_json
from ocop.problems import Problem

__all__ = ["AREA"]


def _problem(p: Problem) -> dict[str, Any]:
    out: dict[str, Any] = {"code": p.code, "severity": p.severity.value}
    if p.where.row is not None:
        out["line"] = p.where.row
    if p.where.code is not None:
        out["product"] = p.where.code
    if p.where.field is not None and p.code != "cycle.refused":
        out["field"] = p.where.field
    return out


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """The library's answer to one cycle case input."""
    text = "".join(json.dumps(e, ensure_ascii=False) + "\n" for e in case["events"])
    read = read_events(text)
    followed = follow(read.value)
    records = []
    for record in followed.value.values():
        doc = json.loads(record_to_json(record))
        doc.pop("schema_version", None)
        doc["history"] = [
            {
                "event": step["event"]["kind"],
                "on": step["on"],
                "from": step["from"],
                "to": step["to"],
                "regime": step["regime"],
            }
            for step in doc["history"]
        ]
        records.append(doc)
    problems = [_problem(p) for p in (*read.problems, *followed.problems)]
    return {"records": records, "problems": problems}


_NULL_DATE = {"anyOf": [DATE, {"type": "null"}]}
_SCORE = {"type": "string", "description": 'An exact score: "72", "72.5" or "145/2".'}

EVENT = {
    "type": "object",
    "description": (
        "One event of the stream, as `ocop cycle` reads a JSON Lines line: product, event "
        "and on are required, but some cases leave them out or misspell them on purpose, "
        "to test that the line is refused with its line number."
    ),
    "properties": {
        "product": {"type": "string"},
        "event": {"type": "string"},
        "on": {"type": "string"},
        "level": {"type": "string"},
        "score": {"type": ["integer", "string"]},
        "stars": {"type": "integer"},
        "ground": {"type": "string"},
        "passed": {"type": "boolean"},
        "subject": {"type": "string"},
        "note": {"type": "string"},
        "by": {"type": "string"},
    },
}

INPUT = obj(["events"], {"events": {"type": "array", "items": EVENT}})

RECORD = obj(
    [
        "product",
        "stage",
        "subject",
        "round",
        "purpose",
        "filed",
        "filed_regime",
        "forwarded",
        "evaluations",
        "certificate",
        "history",
    ],
    {
        "product": {"type": "string"},
        "stage": {"type": "string"},
        "subject": {"type": ["string", "null"]},
        "round": {"type": "integer", "minimum": 0},
        "purpose": {"enum": ["first", "upgrade", "re_evaluation", None]},
        "filed": _NULL_DATE,
        "filed_regime": {"type": ["string", "null"]},
        "forwarded": _NULL_DATE,
        "evaluations": {
            "type": "array",
            "items": obj(
                ["level", "score", "stars", "on"],
                {
                    "level": {"type": "string"},
                    "score": _SCORE,
                    "stars": {"type": "integer", "minimum": 1, "maximum": 5},
                    "on": DATE,
                },
            ),
        },
        "certificate": {
            "anyOf": [
                {"type": "null"},
                obj(
                    ["stars", "level", "score", "issued", "expires", "regime"],
                    {
                        "stars": {"enum": [3, 4, 5]},
                        "level": {"type": "string"},
                        "score": {"anyOf": [_SCORE, {"type": "null"}]},
                        "issued": DATE,
                        "expires": DATE,
                        "regime": {"type": "string"},
                    },
                ),
            ]
        },
        "history": {
            "type": "array",
            "items": obj(
                ["event", "on", "from", "to", "regime"],
                {
                    "event": {"type": "string"},
                    "on": DATE,
                    "from": {"type": "string"},
                    "to": {"type": "string"},
                    "regime": {"type": "string"},
                },
            ),
        },
    },
)

OUTPUT = obj(
    ["records", "problems"],
    {
        "records": {
            "type": "array",
            "items": RECORD,
            "description": "Each product's final record, in order of first appearance.",
        },
        "problems": {
            "type": "array",
            "items": obj(
                ["code", "severity"],
                {
                    "code": {"type": "string", "pattern": r"^[a-z]+\.[a-z_]+$"},
                    "severity": {"enum": ["error", "warning", "info"]},
                    "line": {"type": "integer", "minimum": 1},
                    "product": {"type": "string"},
                    "field": {"type": "string"},
                },
            ),
        },
    },
)

AREA = Area(
    name="cycle",
    title=(
        "Event logs under each regime (490/1048, 148, 1489, 26/2026) with the final records "
        "and the refused events, including the regime-crossing rules of 26/2026/QĐ-TTg art. 12."
    ),
    answer=answer,
    input_schema=INPUT,
    output_schema=OUTPUT,
)
