"""Writing a plan as a TOML or JSON document that [`ocop.plan.read_plan`][ocop.plan.read_plan] reads
back equal. Decimal figures are written as text in the one convention of
[`ocop.figures`][ocop.figures] (``"97,5"``)."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any, Literal

from ocop._documents import dump_toml
from ocop.figures import figure_text
from ocop.plan.model import ABOUT_TOLERANCE, Number, Plan

__all__ = ["write_plan"]

Format = Literal["json", "toml"]


def _figure(value: Number | None) -> int | str | None:
    if value is None or isinstance(value, int):
        return value
    return figure_text(value)


def _plan_to_data(plan: Plan, *, budget: str | None = None) -> dict[str, Any]:
    """The plan as a document's data; ``budget`` names the budget file to refer to (else
    the budget is embedded)."""
    data: dict[str, Any] = {"schema": 1, "number": plan.number}
    if plan.date is not None:
        data["date"] = plan.date
    data["year"] = plan.year
    for key in ("issuer", "title", "province"):
        if getattr(plan, key):
            data[key] = getattr(plan, key)
    if budget is not None:
        data["budget"] = budget
    elif plan.budget is not None:
        from ocop.budget import write_document

        data["budget"] = json.loads(write_document(plan.budget, format="json"))
    acts = []
    for a in plan.activities:
        item: dict[str, Any] = {"id": a.id, "title": a.title, "window": a.window.iso()}
        if a.lead:
            item["lead"] = a.lead
        for key in ("implementers", "coordinators"):
            if getattr(a, key):
                item[key] = list(getattr(a, key))
        if a.place:
            item["place"] = a.place
        if a.budget_lines:
            item["budget_lines"] = list(a.budget_lines)
        if a.budget_basis:
            item["budget_basis"] = a.budget_basis
        if a.evidence:
            item["evidence"] = list(a.evidence)
        acts.append(item)
    data["activities"] = acts
    targets = []
    for t in plan.targets:
        item = {
            "id": t.id,
            "text": t.text,
            "indicator": t.indicator,
            "comparison": t.comparison.value,
        }
        if t.value is not None:
            item["value"] = _figure(t.value)
        if t.high is not None:
            item["high"] = _figure(t.high)
        if t.unit:
            item["unit"] = t.unit
        if t.level:
            item["level"] = t.level
        if t.activities:
            item["activities"] = list(t.activities)
        if t.tolerance != ABOUT_TOLERANCE:
            pct = t.tolerance * 100
            item["tolerance"] = (
                pct.numerator
                if pct.denominator == 1
                else figure_text(Decimal(pct.numerator) / pct.denominator)
            )
        targets.append(item)
    data["targets"] = targets
    facts = []
    for f in plan.facts:
        item = {"on": f.on}
        if f.indicator is not None:
            item["indicator"] = f.indicator
        if f.activity is not None:
            item["activity"] = f.activity
        item["value"] = f.value if isinstance(f.value, bool | str | int) else figure_text(f.value)
        if f.source:
            item["source"] = f.source
        facts.append(item)
    if facts:
        data["facts"] = facts
    return data


def write_plan(plan: Plan, *, format: Format = "toml", budget: str | None = None) -> str:
    """The plan as a TOML or JSON document that [`read_plan`][ocop.plan.read_plan] reads back equal.

    Args:
        plan: The plan.
        format: ``"toml"`` or ``"json"``.
        budget: The name of the budget file the document refers to; ``None`` embeds the
            plan's budget.
    """
    data = _plan_to_data(plan, budget=budget)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    return dump_toml(data)
