"""Checks of a plan against the map of its date: its province must exist then.

A plan names its province (``province``). On the plan's date — the day it was issued, or
the first day of its year when it has none — that province must exist: a plan of 2026 that
names Hà Giang names a province that became part of Tuyên Quang on 1 July 2025 (Resolution
202/2025/QH15; [`ocop.units`][ocop.units]). That is an error (``plan.province``) naming the
successor; a name that is no province of Vietnam on that date is a warning
(``plan.province.unknown``); an empty province is not checked.
"""

from __future__ import annotations

from ocop._i18n import tr
from ocop.plan.model import Plan
from ocop.problems import Location, Problem, Severity

__all__ = ["check_province"]


def check_province(plan: Plan) -> tuple[Problem, ...]:
    """The problems of ``plan``'s province on the plan's date (see the module's rules)."""
    from ocop.units import REFORM, AmbiguousName, resolve

    name = plan.province.strip()
    if not name:
        return ()
    day = plan.date or plan.start
    where = Location(file=plan.source.file if plan.source else None, path="$.province")
    try:
        found = resolve(name, on=day, level="province")
    except AmbiguousName:  # pragma: no cover - province names are unique
        found = None
    if found is None:
        return (
            Problem(
                code="plan.province.unknown",
                message=tr(
                    "province {name!r} is not a province of Vietnam on {on}",
                    name=name,
                    on=day.isoformat(),
                ),
                where=where,
                severity=Severity.WARNING,
            ),
        )
    if found.exists:
        return ()
    successor = found.successor
    return (
        Problem(
            code="plan.province",
            message=tr(
                "province {name!r} no longer exists on the plan's date {on}: from {start} it "
                "is part of {successor}",
                name=name,
                on=day.isoformat(),
                start=REFORM.isoformat(),
                successor=successor.name if successor is not None else "?",
            ),
            where=where,
        ),
    )
