"""Hypothesis strategies for council scoring: sheets, members' choices, assessments.

[`assessments`][ocop.testing.rating.assessments] draws a valid assessment (every member's
choices complete and in range) for a given sheet, for any of the shipped sheets
([`shipped_sheets`][ocop.testing.rating.shipped_sheets]) or for a small random sheet
([`sheets`][ocop.testing.rating.sheets]).
"""

from __future__ import annotations

from typing import Any

from hypothesis import strategies as st

from ocop.rating import (
    Assessment,
    Criterion,
    Group,
    Option,
    Part,
    ScoreSheet,
    Sheet,
    criteria_sets,
)

__all__ = [
    "assessment_document",
    "assessments",
    "choices_for",
    "criterion_specs",
    "make_sheet",
    "sheets",
    "shipped_sheets",
]


def make_sheet(spec: list[list[tuple[int, int | None]]], *, number: int = 1) -> Sheet:
    """A one-part sheet from a list of criteria, each a list of (points, stars) options."""
    criteria = tuple(
        Criterion(
            code=f"1.{i + 1}",
            title=f"Tiêu chí {i + 1}",
            max=max(p for p, _ in options),
            options=tuple(
                Option(number=n + 1, text=f"Phương án {n + 1}", points=p, stars=s)
                for n, (p, s) in enumerate(options)
            ),
        )
        for i, options in enumerate(spec)
    )
    group = Group(code="1", title="NHÓM", max=sum(c.max for c in criteria), criteria=criteria)
    part = Part(code="A", title="Phần A", max=group.max, groups=(group,))
    return Sheet(criteria_set="test", number=number, title="Thử", parts=(part,))


@st.composite
def criterion_specs(draw: st.DrawFn) -> list[tuple[int, int | None]]:
    """One criterion's options: points never fall from one option to the next, and marks
    (3/4/5) sit on options whose level rises with the option."""
    n = draw(st.integers(1, 5))
    steps = draw(st.lists(st.integers(0, 3), min_size=n, max_size=n))
    points = []
    total = 0
    for s in steps:
        total += s
        points.append(total)
    marks: list[int | None] = [None] * n
    level = 3
    for i in range(n):
        if level <= 5 and draw(st.integers(0, 3)) == 0:
            marks[i] = draw(st.integers(level, 5))
            level = marks[i] + 1  # type: ignore[operator]
    return list(zip(points, marks, strict=True))


@st.composite
def sheets(draw: st.DrawFn, *, max_criteria: int = 8) -> Sheet:
    """A small sheet whose total maximum is at most 100."""
    spec = draw(st.lists(criterion_specs(), min_size=1, max_size=max_criteria))
    total = sum(max(p for p, _ in c) for c in spec)
    if total > 100:
        spec = [[(min(p, 100 // len(spec)), s) for p, s in c] for c in spec]
    return make_sheet(spec)


def choices_for(sheet: Sheet) -> st.SearchStrategy[dict[str, int | None]]:
    """One member's complete, in-range choices for ``sheet`` (0 and None included)."""
    return st.fixed_dictionaries(
        {c.code: st.one_of(st.none(), st.integers(0, len(c.options))) for c in sheet.criteria}
    )


def shipped_sheets(criteria: str | None = None) -> st.SearchStrategy[Sheet]:
    """One of the shipped sheets: of every criteria set, or of ``criteria`` (an id or alias,
    e.g. ``"26-2026"``)."""
    found = [
        sheet
        for cset in criteria_sets()
        if criteria is None or criteria.casefold() in (cset.id.casefold(), cset.alias)
        for sheet in cset.sheets
    ]
    if not found:
        raise ValueError(f"no shipped criteria set {criteria!r}")
    return st.sampled_from(found)


@st.composite
def assessments(
    draw: st.DrawFn,
    *,
    sheet: Sheet | st.SearchStrategy[Sheet] | None = None,
    min_members: int = 1,
    max_members: int = 9,
) -> Assessment:
    """A valid assessment: a sheet and its members' complete, in-range choices.

    Args:
        sheet: The sheet, a strategy of sheets (e.g.
            [`shipped_sheets`][ocop.testing.rating.shipped_sheets]), or ``None`` for a small
            random sheet ([`sheets`][ocop.testing.rating.sheets]).
        min_members: The fewest members.
        max_members: The most members.
    """
    if sheet is None:
        sh = draw(sheets())
    elif isinstance(sheet, Sheet):
        sh = sheet
    else:
        sh = draw(sheet)
    members = draw(st.lists(choices_for(sh), min_size=min_members, max_size=max_members))
    return Assessment(
        sheet=sh,
        members=tuple(
            ScoreSheet(member=f"Thành viên {i + 1}", choices=c) for i, c in enumerate(members)
        ),
    )


def assessment_document(sheet: int = 1, **extra: Any) -> dict[str, Any]:
    """An assessment document skeleton for sheet ``sheet`` of 26/2026/QĐ-TTg."""
    out: dict[str, Any] = {"criteria": "26/2026/QĐ-TTg", "sheet": sheet}
    out.update(extra)
    return out
