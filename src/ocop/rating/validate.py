"""Checks of a criteria set's sheets: stated totals are checked, never trusted.

Each check is a small function that takes a sheet and yields [`Problem`][ocop.problems.Problem]
records; [`validate_sheet`][ocop.rating.validate.validate_sheet] runs them all and returns every
problem found. The checks follow the structure every version of the criteria prints (1048/QĐ-TTg,
148/QĐ-TTg, 26/2026/QĐ-TTg Appendix II):

- ``criteria.part_max`` — parts A, B, C in order with the version's maxima;
- ``criteria.total`` — the parts sum to 100;
- ``criteria.part_sum`` — a part's maximum is the sum of its groups' maxima;
- ``criteria.group_sum`` — a group's maximum is the sum of its criteria's maxima;
- ``criteria.heading_sum`` — a sub-heading's maximum is the sum of the lines under it;
- ``criteria.best_option`` — a criterion's maximum is its best option's points;
- ``criteria.option_numbers`` — options are numbered 1…n with points ≥ 0;
- ``criteria.code_unique`` / ``criteria.code_group`` — codes are unique and belong to their group;
- ``criteria.mark`` — at most one mark per star level on a criterion, and a mark for more
  stars never sits on a lesser option than a mark for fewer.

A problem at a place the sheet's data already documents as unresolved
([`SourceNote`][ocop.rating.criteria.SourceNote] with ``resolved=False``) is reported as a warning,
not an error: it is a known defect of the source, not a new one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping

import attrs

from ocop.problems import Location, Problem, Severity
from ocop.rating.criteria import CriteriaSet, Criterion, Group, Sheet

__all__ = ["CHECKS", "validate_criteria_set", "validate_sheet"]

Check = Callable[[Sheet, Mapping[str, int]], Iterator[Problem]]


def _file(sheet: Sheet) -> str:
    return f"{sheet.criteria_set} sheet {sheet.number}"


def _at(sheet: Sheet, path: str, code: str, message: str, kind: str) -> Problem:
    return Problem(
        code=f"criteria.{kind}",
        message=message,
        where=Location(file=_file(sheet), path=path, code=code),
    )


def _walk(sheet: Sheet) -> Iterator[tuple[str, Group]]:
    for i, part in enumerate(sheet.parts):
        for j, group in enumerate(part.groups):
            yield f"$.parts[{i}].groups[{j}]", group


def _crits(sheet: Sheet) -> Iterator[tuple[str, Group, Criterion]]:
    for path, group in _walk(sheet):
        for k, crit in enumerate(group.criteria):
            yield f"{path}.criteria[{k}]", group, crit


def check_part_max(sheet: Sheet, part_max: Mapping[str, int]) -> Iterator[Problem]:
    """Parts A, B, C in that order, each with the version's maximum."""
    codes = tuple(p.code for p in sheet.parts)
    if part_max and codes != tuple(part_max):
        yield _at(
            sheet,
            "$.parts",
            "parts",
            f"parts are {', '.join(codes) or 'none'}, expected {', '.join(part_max)}",
            "part_max",
        )
    for i, part in enumerate(sheet.parts):
        want = part_max.get(part.code)
        if want is not None and part.max != want:
            yield _at(
                sheet,
                f"$.parts[{i}].max",
                f"part {part.code}",
                f"part {part.code} is worth {part.max}, the version says {want}",
                "part_max",
            )


def check_total(sheet: Sheet, part_max: Mapping[str, int]) -> Iterator[Problem]:
    """The parts sum to 100."""
    if sheet.max != 100:
        yield _at(sheet, "$.parts", "total", f"the parts sum to {sheet.max}, not 100", "total")


def check_part_sum(sheet: Sheet, part_max: Mapping[str, int]) -> Iterator[Problem]:
    """A part's maximum is the sum of its groups' maxima."""
    for i, part in enumerate(sheet.parts):
        total = sum(g.max for g in part.groups)
        if total != part.max:
            yield _at(
                sheet,
                f"$.parts[{i}]",
                f"part {part.code}",
                f"part {part.code} states {part.max} but its groups sum to {total}",
                "part_sum",
            )


def check_group_sum(sheet: Sheet, part_max: Mapping[str, int]) -> Iterator[Problem]:
    """A group's maximum is the sum of its criteria's maxima."""
    for path, group in _walk(sheet):
        total = sum(c.max for c in group.criteria)
        if total != group.max:
            yield _at(
                sheet,
                path,
                group.code,
                f"group {group.code} states {group.max} but its criteria sum to {total}",
                "group_sum",
            )


def check_heading_sum(sheet: Sheet, part_max: Mapping[str, int]) -> Iterator[Problem]:
    """A sub-heading's maximum is the sum of the lines under it."""
    for path, group in _walk(sheet):
        for k, head in enumerate(group.headings):
            total = sum(c.max for c in group.criteria if c.code.startswith(head.code + "."))
            if total != head.max:
                yield _at(
                    sheet,
                    f"{path}.headings[{k}]",
                    head.code,
                    f"heading {head.code} states {head.max} but the lines under it sum to {total}",
                    "heading_sum",
                )


def check_best_option(sheet: Sheet, part_max: Mapping[str, int]) -> Iterator[Problem]:
    """A criterion's maximum is its best option's points."""
    for path, _, crit in _crits(sheet):
        if not crit.options:
            yield _at(
                sheet, path, crit.code, f"criterion {crit.code} has no options", "best_option"
            )
        elif crit.best_points != crit.max:
            yield _at(
                sheet,
                path,
                crit.code,
                f"criterion {crit.code} states {crit.max} but its best option is worth "
                f"{crit.best_points}",
                "best_option",
            )


def check_option_numbers(sheet: Sheet, part_max: Mapping[str, int]) -> Iterator[Problem]:
    """Options are numbered 1…n in order, with points ≥ 0."""
    for path, _, crit in _crits(sheet):
        numbers = [o.number for o in crit.options]
        if numbers != list(range(1, len(numbers) + 1)):
            yield _at(
                sheet,
                f"{path}.options",
                crit.code,
                f"criterion {crit.code} numbers its options {numbers}, not 1…{len(numbers)}",
                "option_numbers",
            )
        for k, opt in enumerate(crit.options):
            if opt.points < 0:
                yield _at(
                    sheet,
                    f"{path}.options[{k}].points",
                    crit.code,
                    f"option {opt.number} of {crit.code} is worth {opt.points} points",
                    "option_numbers",
                )


def check_codes(sheet: Sheet, part_max: Mapping[str, int]) -> Iterator[Problem]:
    """Codes are unique on the sheet and each criterion belongs to its group."""
    seen: set[str] = set()
    for path, group in _walk(sheet):
        if group.code in seen:
            yield _at(
                sheet, path, group.code, f"group code {group.code} is used twice", "code_unique"
            )
        seen.add(group.code)
    seen_crit: set[str] = set()
    for path, group, crit in _crits(sheet):
        if crit.code in seen_crit:
            yield _at(
                sheet, path, crit.code, f"criterion code {crit.code} is used twice", "code_unique"
            )
        seen_crit.add(crit.code)
        if crit.code != group.code and not crit.code.startswith(group.code + "."):
            yield _at(
                sheet,
                path,
                crit.code,
                f"criterion {crit.code} is printed in group {group.code}",
                "code_group",
            )


def check_marks(sheet: Sheet, part_max: Mapping[str, int]) -> Iterator[Problem]:
    """One mark per star level on a criterion; more stars never on a lesser option."""
    for path, _, crit in _crits(sheet):
        levels = [o.stars for o in crit.marks]
        if len(set(levels)) != len(levels):
            yield _at(
                sheet,
                path,
                crit.code,
                f"criterion {crit.code} marks the same star level twice ({levels})",
                "mark",
            )
        for a in crit.marks:
            for b in crit.marks:
                if (a.stars or 0) < (b.stars or 0) and a.points > b.points:
                    yield _at(
                        sheet,
                        path,
                        crit.code,
                        f"criterion {crit.code}: the {b.stars}★ mark (option {b.number},"
                        f" {b.points} points) is below the {a.stars}★ mark (option "
                        f"{a.number}, {a.points} points)",
                        "mark",
                    )


#: Every check, in the order they run.
CHECKS: tuple[Check, ...] = (
    check_part_max,
    check_total,
    check_part_sum,
    check_group_sum,
    check_heading_sum,
    check_best_option,
    check_option_numbers,
    check_codes,
    check_marks,
)


def validate_sheet(sheet: Sheet, *, part_max: Mapping[str, int] | None = None) -> list[Problem]:
    """Every problem of ``sheet``; ``part_max`` is the version's part maxima (A/B/C).

    Problems at places the sheet's source notes mark as unresolved are warnings.
    """
    documented = {n.where for n in sheet.source_notes if not n.resolved}
    out: list[Problem] = []
    for check in CHECKS:
        for found in check(sheet, part_max or {}):
            if found.where.code in documented:
                found = attrs.evolve(  # noqa: PLW2901 - a known defect is only a warning
                    found,
                    severity=Severity.WARNING,
                    message=f"{found.message} (documented as unresolved in the data)",
                )
            out.append(found)
    return out


def validate_criteria_set(criteria_set: CriteriaSet) -> list[Problem]:
    """Every problem of every sheet of ``criteria_set`` (loads them all)."""
    out: list[Problem] = []
    for sheet in criteria_set.sheets:
        if sheet.criteria_set != criteria_set.id:
            out.append(
                _at(
                    sheet,
                    "$.criteria_set",
                    "criteria_set",
                    f"the sheet says it belongs to {sheet.criteria_set}, not {criteria_set.id}",
                    "sheet_set",
                )
            )
        out.extend(validate_sheet(sheet, part_max=criteria_set.part_max))
    return out
