"""Checks of a budget: small functions in a tuple, run by one runner, every problem reported.

Each check takes a [`CheckContext`][ocop.budget.checks.CheckContext] and yields
[`Problem`][ocop.problems.Problem] records located at the line they concern (file, row, field, and
the line's code). [`check`][ocop.budget.checks.check] runs them all (`CHECKS`) and returns every
problem, in table order within each check.

Codes:

==========================  ==================================================================
``budget.code_malformed``   a code that is not a printed number (``2.1``, ``IV``, ``a``)
``budget.code_duplicate``   two lines with the same code
``budget.parent_missing``   the stated parent (or the code's prefix) names no line
``budget.parent_mismatch``  a line's code is not under its stated parent (``3.1`` under ``2``)
``budget.parent_loop``      lines that hang under each other
``budget.amount_negative``  a negative amount
``budget.amount_missing``   a line with no lines under it and no amount
``budget.schedule``         the quarters of a schedule do not add up to the line's amount
``budget.disbursed``        more disbursed than approved (warning)
``budget.subtotal``         a stated subtotal that is not the sum of the lines under it
``budget.total``            a stated grand total (any "Tổng cộng" row) that is not the sum of
                            the sections
``budget.section_total``    a section's "Cộng" row that is not the sum of the lines since the
                            previous total row
``budget.words``            the total in words disagrees with the figures (a warning when the
                            words are the figure rounded to thousands, millions or billions)
``budget.words_unreadable`` the total in words cannot be read as a number
==========================  ==================================================================
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

import attrs

from ocop._gc import no_gc
from ocop._i18n import tr, trn
from ocop.budget.model import Budget, BudgetLine, TotalKind
from ocop.budget.tree import Tree, build_tree, parents_of
from ocop.errors import OcopValueError
from ocop.money import Unit, format_amount, parse_words, unit_header
from ocop.numbers import format_number
from ocop.problems import Location, Problem, Severity

__all__ = ["CHECKS", "CheckContext", "check"]

_CODE = re.compile(r"^(?:[0-9]+(?:\.[0-9]+)*\.?|[IVXLC]+\.?|[a-zđ]\)?)$")


@attrs.frozen(kw_only=True)
class CheckContext:
    """What every check sees: the budget, its derived tree and the parent of each line.

    Attributes:
        budget: The budget checked.
        tree: Its derived tree (planned amounts).
        parent_of: Position of each line → position of its parent line, or ``None``.
        unknown: Identities of the nodes whose amount takes in a figure that could not be
            read; sums that depend on them are not checked (the reading problem is reported).
    """

    budget: Budget
    tree: Tree
    parent_of: list[int | None]
    unknown: frozenset[int] = frozenset()

    @classmethod
    def of(cls, budget: Budget) -> CheckContext:
        """The context of ``budget``."""
        tree = build_tree(budget)
        unknown: set[int] = set()
        if any(line.unread for line in budget.lines):
            # Nodes whose sum takes in a figure that could not be read, children first.
            for node in reversed(tree.nodes or tuple(tree.walk())):
                if "amount" in node.line.unread or any(id(k) in unknown for k in node.children):
                    unknown.add(id(node))
        return cls(
            budget=budget,
            tree=tree,
            parent_of=parents_of(budget),
            unknown=frozenset(unknown),
        )

    def figure(self, dong: int) -> str:
        """``dong`` in the budget's unit, exactly: ``100.000`` or ``1.000,5``."""
        return format_amount(dong, self.budget.unit, label=False)

    @property
    def unit_note(self) -> str:
        """The unit figures are given in, for messages: ``(1.000 đồng)``."""
        return f"({unit_header(self.budget.unit)})"


Check = Callable[[CheckContext], Iterator[Problem]]


def check_codes(ctx: CheckContext) -> Iterator[Problem]:
    """Codes are printed numbers, and no two lines share one."""
    seen: dict[str, BudgetLine] = {}
    for line in ctx.budget.lines:
        if line.code is None:
            continue
        code = line.code
        bare = code.replace(".", "")
        plain = bare.isascii() and bare.isdigit() and ".." not in code and code[0] != "."
        if not plain and not _CODE.match(code):
            yield Problem(
                code="budget.code_malformed",
                message=tr(
                    "code {code!r} is not a line number like 2, 2.1, IV or a", code=line.code
                ),
                where=line.where("code"),
            )
        key = line.code.rstrip(".")
        if key in seen:
            first = seen[key]
            yield Problem(
                code="budget.code_duplicate",
                message=tr(
                    "code {code} is used again (first on row {row})", code=line.code, row=first.row
                ),
                where=line.where("code"),
            )
        else:
            seen[key] = line


def check_parents(ctx: CheckContext) -> Iterator[Problem]:
    """Every parent exists, codes sit under their parent's code, and nothing loops."""
    lines = ctx.budget.lines
    parent_of = ctx.parent_of
    known: list[set[str]] = []  # every code, built once and only if some parent was not found

    def exists(code: str) -> bool:
        if not known:
            known.append({x.code.rstrip(".") for x in lines if x.code is not None})
        return code.rstrip(".") in known[0]

    for i, line in enumerate(lines):
        parent, code = line.parent, line.code
        found = parent_of[i] is not None
        wanted = line.implied_parent
        if (
            parent is not None
            and code is not None
            and not code.startswith(parent.rstrip(".") + ".")
            and (found or exists(parent))
        ):
            yield Problem(
                code="budget.parent_mismatch",
                message=tr(
                    "code {code} is not under its parent {parent}", code=code, parent=parent
                ),
                where=line.where("parent"),
            )
        if found or wanted is None:
            continue
        if parent is None and code is not None and not _CODE.match(code):
            continue  # reported as malformed; its prefix means nothing
        if not exists(wanted):
            field = "parent" if parent is not None else "code"
            yield Problem(
                code="budget.parent_missing",
                message=tr(
                    "line {line} hangs under {parent}, but no line has code {parent}",
                    line=line.key,
                    parent=wanted,
                ),
                where=line.where(field),
            )
        else:
            yield Problem(
                code="budget.parent_loop",
                message=tr(
                    "line {line} hangs under {parent}, which hangs under it in turn",
                    line=line.key,
                    parent=wanted,
                ),
                where=line.where("parent"),
            )


def _negative(ctx: CheckContext, line: BudgetLine, field: str, value: int) -> Problem:
    return Problem(
        code="budget.amount_negative",
        message=tr(
            "line {line}: {field} {value} is negative",
            line=line.key,
            field=_field_name(field),
            value=ctx.figure(value),
        ),
        where=line.where(field),
    )


def check_amounts(ctx: CheckContext) -> Iterator[Problem]:
    """No negative amounts; leaves state one; schedules add up; no more paid than approved."""
    for node in ctx.tree.walk():
        line = node.line
        amount = line.amount
        if amount is None:
            if not node.children and "amount" not in line.unread:
                yield Problem(
                    code="budget.amount_missing",
                    message=tr("line {line} has no amount and no lines under it", line=line.key),
                    where=line.where("amount"),
                )
        elif amount < 0:
            yield _negative(ctx, line, "amount", amount)
        if line.approved is None and line.disbursed is None and not line.schedule:
            continue  # the common case: nothing more to check on this line
        for field, value in (("approved", line.approved), ("disbursed", line.disbursed)):
            if value is not None and value < 0:
                yield _negative(ctx, line, field, value)
        if line.schedule and line.amount is not None:
            planned = sum(v for _, v in line.schedule)
            if planned != line.amount:
                yield Problem(
                    code="budget.schedule",
                    message=tr(
                        "line {line}: the quarters add up to {planned}, not the amount {amount} "
                        "{unit}",
                        line=line.key,
                        planned=ctx.figure(planned),
                        amount=ctx.figure(line.amount),
                        unit=ctx.unit_note,
                    ),
                    where=line.where("schedule"),
                )
        if (
            line.approved is not None
            and line.disbursed is not None
            and line.disbursed > line.approved
        ):
            yield Problem(
                code="budget.disbursed",
                message=tr(
                    "line {line}: disbursed {disbursed} is more than approved {approved} {unit}",
                    line=line.key,
                    disbursed=ctx.figure(line.disbursed),
                    approved=ctx.figure(line.approved),
                    unit=ctx.unit_note,
                ),
                where=line.where("disbursed"),
                severity=Severity.WARNING,
            )


def unit_hint(stated: int, parts: int) -> str:
    """A hint when a stated figure and the sum of its parts differ by exactly ×1.000 or
    ×1.000.000: real tables mix nghìn đồng and đồng, or triệu đồng and đồng."""
    for factor in (1_000, 1_000_000):
        times = format_number(factor)
        if stated and parts == stated * factor:
            return " " + tr(
                "(the parts add up to {times} times the stated figure: are they in another unit?)",
                times=times,
            )
        if parts and stated == parts * factor:
            return " " + tr(
                "(the stated figure is {times} times the parts: is it in another unit?)",
                times=times,
            )
    return ""


def check_subtotals(ctx: CheckContext) -> Iterator[Problem]:
    """A line with lines under it states their sum, if it states anything."""
    for node in ctx.tree.walk():
        line = node.line
        if (
            node.children
            and line.amount is not None
            and line.amount != node.amount
            and id(node) not in ctx.unknown
        ):
            n = len(node.children)
            yield Problem(
                code="budget.subtotal",
                message=trn(
                    "line {line}: stated subtotal {stated} ≠ {total}, the sum of its {n} line "
                    "{unit}",
                    "line {line}: stated subtotal {stated} ≠ {total}, the sum of its {n} lines "
                    "{unit}",
                    n,
                    line=line.key,
                    stated=ctx.figure(line.amount),
                    total=ctx.figure(node.amount),
                    unit=ctx.unit_note,
                )
                + unit_hint(line.amount, node.amount),
                where=line.where("amount"),
            )


def check_total(ctx: CheckContext) -> Iterator[Problem]:
    """The stated grand total is the sum of the sections."""
    stated = ctx.budget.stated_total
    if any(id(r) in ctx.unknown for r in ctx.tree.roots):
        return
    if stated is not None and stated != ctx.tree.total:
        yield Problem(
            code="budget.total",
            message=tr(
                "stated total {stated} ≠ {total}, the sum of the lines {unit}",
                stated=ctx.figure(stated),
                total=ctx.figure(ctx.tree.total),
                unit=ctx.unit_note,
            )
            + unit_hint(stated, ctx.tree.total),
            where=ctx.budget.where("stated_total"),
        )


def check_total_rows(ctx: CheckContext) -> Iterator[Problem]:
    """Every other total row: a repeated "Tổng cộng" is the sum of the sections, a section's
    "Cộng" the sum of the lines since the previous total row, a repeated "Bằng chữ" reads the
    total."""
    totals = ctx.budget.totals
    if not totals:
        return
    lines = ctx.budget.lines
    node_of = {id(node.line): node for node in ctx.tree.walk()}
    start = 0
    for row in sorted(totals, key=lambda t: t.after):
        if row.kind is TotalKind.WORDS:
            if row.words:
                yield from _words_problems(ctx, row.words, row.where("words"))
            continue
        if row.kind is TotalKind.GRAND:
            parts: int | None = ctx.tree.total
            if any(id(r) in ctx.unknown for r in ctx.tree.roots):
                parts = None
            what, code = tr("the sum of the lines"), "budget.total"
        else:
            inside = range(start, row.after)
            tops = [node_of[id(lines[i])] for i in inside if ctx.parent_of[i] not in inside]
            parts = sum(n.amount for n in tops)
            if any(id(n) in ctx.unknown for n in tops):
                parts = None
            n = len(inside)
            what = trn(
                "the sum of the {n} line above it since the previous total",
                "the sum of the {n} lines above it since the previous total",
                n,
            )
            code = "budget.section_total"
        start = row.after
        if row.amount is None or parts is None or row.amount == parts:
            continue
        yield Problem(
            code=code,
            message=tr(
                "{title!r} states {stated} ≠ {parts}, {what} {unit}",
                title=row.title,
                stated=ctx.figure(row.amount),
                parts=ctx.figure(parts),
                what=what,
                unit=ctx.unit_note,
            )
            + unit_hint(row.amount, parts),
            where=row.where("amount"),
        )


_ROUNDING = (Unit.BILLION, Unit.MILLION, Unit.THOUSAND)


def _field_name(field: str) -> str:
    """A budget line's amount field, named for a message in the current language."""
    if field == "approved":
        return tr("approved")
    if field == "disbursed":
        return tr("disbursed")
    return tr("amount")


def _rounded(unit: Unit, *, down: bool) -> str:
    """Why words may read less or more than the figures: they are rounded to ``unit``."""
    if unit is Unit.BILLION:
        if down:
            return tr("the words are rounded down to billions")
        return tr("the words are rounded up to billions")
    if unit is Unit.MILLION:
        if down:
            return tr("the words are rounded down to millions")
        return tr("the words are rounded up to millions")
    if down:
        return tr("the words are rounded down to thousands")
    return tr("the words are rounded up to thousands")


def check_words(ctx: CheckContext) -> Iterator[Problem]:
    """The total in words reads the total in figures, or that total rounded (a warning)."""
    words = ctx.budget.total_in_words
    if words:
        yield from _words_problems(ctx, words, ctx.budget.where("total_in_words"))


def _words_problems(ctx: CheckContext, words: str, where: Location) -> Iterator[Problem]:
    try:
        said = parse_words(words)
    except OcopValueError as exc:
        yield Problem(code="budget.words_unreadable", message=str(exc), where=where)
        return
    total = ctx.budget.stated_total if ctx.budget.stated_total is not None else ctx.tree.total
    if ctx.budget.stated_total is None and any(id(r) in ctx.unknown for r in ctx.tree.roots):
        return
    if said == total:
        return
    diff = abs(total - said)
    figures = {
        "words": words,
        "said": format_amount(said),
        "diff": format_amount(diff),
        "total": format_amount(total),
    }
    if said < total:
        message = tr(
            "total in words {words!r} reads {said}, {diff} below the total {total}", **figures
        )
    else:
        message = tr(
            "total in words {words!r} reads {said}, {diff} above the total {total}", **figures
        )
    for unit in _ROUNDING:
        if said % unit.value == 0 and diff < unit.value and said != 0:
            yield Problem(
                code="budget.words",
                message=f"{message} ({_rounded(unit, down=said < total)})",
                where=where,
                severity=Severity.WARNING,
            )
            return
    yield Problem(code="budget.words", message=message, where=where)


#: Every check, in the order their problems are reported.
CHECKS: tuple[Check, ...] = (
    check_codes,
    check_parents,
    check_amounts,
    check_subtotals,
    check_total,
    check_total_rows,
    check_words,
)


def check(budget: Budget, *, checks: tuple[Check, ...] = CHECKS) -> tuple[Problem, ...]:
    """Run every check on ``budget`` and return every problem found, in table order.

    Problems are ordered by the row they are on (those of the whole budget last), and by
    check within a row.
    """
    with no_gc():
        ctx = CheckContext.of(budget)
        found = [p for c in checks for p in c(ctx)]
    big = float("inf")
    return tuple(sorted(found, key=lambda p: big if p.where.row is None else p.where.row))
