"""A plan as a document (TOML or JSON): the pydantic models and the JSON Schema.

Figures given as text follow the one convention of [`ocop.figures`][ocop.figures]: ``"1.500"`` is
one thousand five hundred, ``"97,5"`` has a decimal comma.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

import pydantic

from ocop._documents import Figure
from ocop.budget import BudgetDocument

__all__ = [
    "ActivityDocument",
    "FactDocument",
    "PlanDocument",
    "TargetDocument",
    "plan_schema",
]


class _Doc(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")


class ActivityDocument(_Doc):
    """One activity of a plan document."""

    id: str = pydantic.Field(min_length=1, description="Its number in the plan, e.g. II.5.1.")
    title: str = pydantic.Field(min_length=1, description="What is done (nội dung).")
    window: str = pydantic.Field(
        description="Quarters: 2019-Q2, 2019-Q2..2019-Q4 or 'Quý II - IV năm 2019'."
    )
    lead: str | None = pydantic.Field(default=None, description="Lead body (cơ quan chủ trì).")
    implementers: list[str] = pydantic.Field(
        default_factory=list, description="Bodies that carry it out (đơn vị thực hiện)."
    )
    coordinators: list[str] = pydantic.Field(
        default_factory=list, description="Bodies that help (đơn vị phối hợp)."
    )
    place: str | None = pydantic.Field(default=None, description="Where (địa điểm).")
    budget_lines: list[str] = pydantic.Field(
        default_factory=list,
        description="Budget line keys that fund it: a code (2.1) or #row for uncoded lines.",
    )
    budget_basis: str = pydantic.Field(default="", description="Why those lines fund it.")
    evidence: list[str] = pydantic.Field(
        default_factory=list,
        description="Cycle events that show it under way: kind or kind:level.",
    )


class TargetDocument(_Doc):
    """One target of a plan document."""

    id: str = pydantic.Field(min_length=1)
    text: str = pydantic.Field(min_length=1, description="The target as the plan words it.")
    indicator: str = pydantic.Field(
        min_length=1, description="What is counted: a cycle indicator or a fact's name."
    )
    comparison: str = pydantic.Field(description="at_least, about, between or done.")
    value: Figure | None = pydantic.Field(
        default=None,
        description="The figure (the low end for between): a whole number, or text such as "
        '"1.500" or "97,5" (dots group thousands, a comma marks decimals).',
    )
    high: Figure | None = pydantic.Field(default=None, description="The high end (between).")
    unit: str = ""
    level: str | None = None
    activities: list[str] = pydantic.Field(
        default_factory=list, description="Activities whose window paces the target."
    )
    tolerance: Figure | None = pydantic.Field(
        default=None, description="Per cent either side for 'about' (default 20)."
    )


class FactDocument(_Doc):
    """A fact recorded for an indicator or an activity."""

    on: dt.date = pydantic.Field(description="The date of the fact.")
    indicator: str | None = None
    activity: str | None = None
    value: pydantic.StrictBool | Figure = pydantic.Field(
        default=True,
        description='A figure (a whole number, or text such as "1.500" or "97,5"), true '
        "for done, or started/done for an activity.",
    )
    source: str = ""


class PlanDocument(_Doc):
    """A provincial OCOP plan (kế hoạch), as TOML or JSON."""

    model_config = pydantic.ConfigDict(
        extra="forbid", title="ocop plan", json_schema_extra={"$id": "ocop-plan-1"}
    )

    schema_version: Literal[1] = pydantic.Field(default=1, alias="schema")
    number: str = pydantic.Field(min_length=1, description="The plan's number, e.g. 278/KH-SNN.")
    date: dt.date | None = pydantic.Field(default=None, description="The day it was issued.")
    year: int = pydantic.Field(ge=2018, le=2100, description="The year it plans.")
    issuer: str = ""
    title: str = ""
    province: str = ""
    budget: str | BudgetDocument | None = pydantic.Field(
        default=None, description="A budget document, or the name of a budget file beside it."
    )
    activities: list[ActivityDocument] = pydantic.Field(default_factory=list)
    targets: list[TargetDocument] = pydantic.Field(default_factory=list)
    facts: list[FactDocument] = pydantic.Field(default_factory=list)


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of the plan document (TOML documents have the same shape)."""
    return PlanDocument.model_json_schema(by_alias=True)
