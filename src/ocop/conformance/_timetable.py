"""The timetable area: working days across Tết and the other public holidays, batches."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from ocop.conformance._core import DATE, Area, obj, one_of
from ocop.cycle.timetable import (
    add_working_days,
    commune_check_due,
    is_working_day,
    ministry_batch,
    province_batch,
    re_evaluation_window,
    working_days_between,
)

__all__ = ["AREA"]


def _day(text: str) -> dt.date:
    return dt.date.fromisoformat(text)


def answer(case: Mapping[str, Any]) -> dict[str, Any]:
    """The library's answer to one timetable case input."""
    op = case["op"]
    if op == "is_working_day":
        return {"working": is_working_day(_day(case["day"]))}
    if op == "add_working_days":
        return {"day": add_working_days(_day(case["start"]), case["days"]).isoformat()}
    if op == "working_days_between":
        return {"days": working_days_between(_day(case["start"]), _day(case["end"]))}
    if op == "commune_check_due":
        return {"due": commune_check_due(_day(case["filed"])).isoformat()}
    if op in ("province_batch", "ministry_batch"):
        batch = province_batch if op == "province_batch" else ministry_batch
        return {"finished_by": batch(_day(case["forwarded"])).end.isoformat()}
    if op == "re_evaluation_window":
        window = re_evaluation_window(_day(case["expires"]))
        return {"from": window.start.isoformat(), "to": window.end.isoformat()}
    raise ValueError(f"unknown timetable op {op!r}")


def _op(name: str, description: str, **fields: Any) -> dict[str, Any]:
    return obj(["op", *fields], {"op": {"const": name}, **fields}, description=description)


INPUT = one_of(
    _op(
        "is_working_day",
        "Whether `day` is a working day: not a Saturday, a Sunday or a public holiday.",
        day=DATE,
    ),
    _op(
        "add_working_days",
        "The `days`-th working day after `start` (`start` itself not counted).",
        start=DATE,
        days={"type": "integer", "minimum": 0},
    ),
    _op(
        "working_days_between",
        "The working days after `start` up to and including `end`.",
        start=DATE,
        end=DATE,
    ),
    _op(
        "commune_check_due",
        "The last day of the commune's check of a dossier received on `filed`.",
        filed=DATE,
    ),
    _op(
        "province_batch",
        "The day the provincial batch of a dossier forwarded on `forwarded` finishes.",
        forwarded=DATE,
    ),
    _op(
        "ministry_batch",
        "The day the ministry's batch of a dossier forwarded on `forwarded` finishes.",
        forwarded=DATE,
    ),
    _op(
        "re_evaluation_window",
        "The filing window of a re-evaluation of a certificate expiring on `expires`.",
        expires=DATE,
    ),
)

OUTPUT = one_of(
    obj(["working"], {"working": {"type": "boolean"}}),
    obj(["day"], {"day": DATE}),
    obj(["days"], {"days": {"type": "integer", "minimum": 0}}),
    obj(["due"], {"due": DATE}),
    obj(["finished_by"], {"finished_by": DATE}),
    obj(["from", "to"], {"from": DATE, "to": DATE}),
)

AREA = Area(
    name="timetable",
    title=(
        "Deadlines in working days across Tết and the other public holidays; the provincial "
        "and ministry batches at every cut-off; the re-evaluation window."
    ),
    answer=answer,
    input_schema=INPUT,
    output_schema=OUTPUT,
)
