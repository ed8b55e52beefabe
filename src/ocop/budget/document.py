"""A budget as a document (TOML or JSON): the pydantic models, the reader and the writer.

A document holds what a table holds and what a table cannot: the title, the document it
belongs to, the default funding sources. Its JSON Schema is
[`budget_schema`][ocop.budget.document.budget_schema]. Figures are JSON numbers (whole units) or
text in the one convention of [`ocop.figures`][ocop.figures] (``"6.422,5"``); ``true``/``false`` are
not figures.
"""

from __future__ import annotations

import json
from typing import Any, Literal

import pydantic

from ocop._documents import Figure, document_problems, dump_toml, parse_document
from ocop._i18n import tr
from ocop.budget.model import Budget, BudgetLine, TotalKind, TotalRow
from ocop.errors import OcopInputError, OcopValueError
from ocop.figures import MAX_DIGITS, FigureTooLarge
from ocop.money import Unit, format_amount, parse_amount, unit_header
from ocop.periods import Quarter
from ocop.problems import Location, Problem, Result
from ocop.text import normalize

__all__ = [
    "BudgetDocument",
    "LineDocument",
    "TotalDocument",
    "budget_schema",
    "read_document",
    "write_document",
]


class LineDocument(pydantic.BaseModel):
    """One line of a budget document; amounts in the document's unit."""

    model_config = pydantic.ConfigDict(extra="forbid")

    row: int | None = pydantic.Field(default=None, description="The line's row number.")
    code: str | None = pydantic.Field(default=None, description="The code as printed, e.g. 2.1.")
    parent: str | None = pydantic.Field(default=None, description="The parent line's code.")
    title: str = pydantic.Field(description="What the money is for (nội dung).")
    amount: Figure | None = pydantic.Field(
        default=None, description="Planned amount in the document's unit; '6.422,5' accepted."
    )
    explanation: str = ""
    responsible: str | None = None
    locality: str | None = None
    sources: list[str] = pydantic.Field(default_factory=list)
    schedule: dict[str, Figure] = pydantic.Field(
        default_factory=dict, description="Amount by quarter, e.g. {'2019-Q2': 100000}."
    )
    approved: Figure | None = None
    disbursed: Figure | None = None
    extra: dict[str, str] = pydantic.Field(
        default_factory=dict, description="Columns of the source table ocop does not use."
    )


class TotalDocument(pydantic.BaseModel):
    """A total row of the table beyond the grand total: a section's "Cộng", a repeated
    "Tổng cộng" or "Bằng chữ"."""

    model_config = pydantic.ConfigDict(extra="forbid")

    kind: Literal["section", "grand", "words"] = pydantic.Field(
        description="section: the lines since the previous total row; grand: every line; "
        "words: the grand total in words."
    )
    after: pydantic.NonNegativeInt = pydantic.Field(
        description="How many lines come before the row: its place in the table."
    )
    title: str = pydantic.Field(description="The row's title as printed, e.g. Cộng.")
    amount: Figure | None = pydantic.Field(default=None, description="The figure it states.")
    words: str | None = pydantic.Field(default=None, description="The total in words.")


class BudgetDocument(pydantic.BaseModel):
    """A budget document (TOML or JSON): the table and what the document says about it."""

    model_config = pydantic.ConfigDict(
        extra="forbid", title="ocop budget", json_schema_extra={"$id": "ocop-budget-1"}
    )

    schema_version: Literal[1] = pydantic.Field(default=1, alias="schema")
    title: str = ""
    document: str | None = pydantic.Field(
        default=None, description="The document the table belongs to, e.g. 278/KH-SNN."
    )
    unit: str = pydantic.Field(
        default="đồng", description="Unit of every amount: đồng, 1.000 đồng, triệu đồng, tỷ đồng."
    )
    stated_total: Figure | None = pydantic.Field(
        default=None, description="The grand total as printed (tổng cộng)."
    )
    total_in_words: str | None = pydantic.Field(
        default=None, description="The total in words (bằng chữ)."
    )
    sources: list[str] = pydantic.Field(
        default_factory=list, description="Funding sources of every line that names none."
    )
    extra_columns: list[str] = pydantic.Field(default_factory=list)
    totals: list[TotalDocument] = pydantic.Field(
        default_factory=list, description="The table's other total rows, each in its place."
    )
    lines: list[LineDocument] = pydantic.Field(min_length=1)


def budget_schema() -> dict[str, Any]:
    """The JSON Schema of the budget document (TOML documents have the same shape)."""
    return BudgetDocument.model_json_schema(by_alias=True)


def _placeholder(raw: object, i: int, *, file: str | None) -> BudgetLine:
    """A line that could not be read whole: its code, parent and title where they are text,
    its amount unknown (so that no check adds up a figure it does not have)."""
    get = raw.get if isinstance(raw, dict) else (lambda _k: None)

    def text(key: str) -> str | None:
        value = get(key)
        return normalize(value) or None if isinstance(value, str) else None

    row = get("row")
    return BudgetLine(
        row=row if isinstance(row, int) and not isinstance(row, bool) else i + 1,
        code=text("code"),
        parent=text("parent"),
        title=text("title") or "",
        unread=("amount",),
        source=Location(file=file, path=f"$.lines[{i}]"),
    )


def read_document(
    text: str, *, format: Literal["json", "toml"] = "json", file: str | None = None
) -> Result[Budget]:
    """Read a budget document from JSON or TOML ``text``.

    Every line is read on its own, so that a wrong line is reported with the problems of the
    others; a line that cannot be read whole keeps its place with an unknown amount.

    Raises:
        OcopInputError: The text is empty or not JSON/TOML at all.
    """
    name = file or "input"
    data = parse_document(text, format=format, name=name)
    if not isinstance(data, dict):
        raise OcopInputError(f"{name}: a budget document is an object with 'lines'")
    problems: list[Problem] = []
    raw_lines = data.get("lines")
    try:
        doc: BudgetDocument | None = BudgetDocument.model_validate(
            {**data, "lines": [{"title": "-"}]}
        )
    except pydantic.ValidationError as exc:
        problems += document_problems(exc, code="budget.document", file=file, data=data)
        doc = None
    read: list[LineDocument | BudgetLine] = []
    if not isinstance(raw_lines, list) or not raw_lines:
        problems.append(
            Problem(
                code="budget.document",
                message="a budget needs a list of at least one line",
                where=Location(file=file, path="$.lines"),
            )
        )
    else:
        for i, raw in enumerate(raw_lines):
            try:
                read.append(LineDocument.model_validate(raw))
            except pydantic.ValidationError as exc:
                problems += document_problems(
                    exc, code="budget.document", file=file, data=raw, prefix=("lines", i)
                )
                read.append(_placeholder(raw, i, file=file))
    if doc is None:
        return Result(Budget(lines=(), source=Location(file=file)), tuple(problems))
    result = _from_document(doc, read, file=file)
    return Result(result.value, (*problems, *result.problems))


def _from_document(
    doc: BudgetDocument, read: list[LineDocument | BudgetLine], *, file: str | None
) -> Result[Budget]:
    problems: list[Problem] = []
    try:
        unit = Unit.parse(doc.unit)
    except OcopValueError as exc:
        problems.append(
            Problem(code="budget.unit", message=str(exc), where=Location(file=file, path="$.unit"))
        )
        unit = Unit.DONG

    def money(value: Figure | None, path: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, int) and abs(value) < 10**MAX_DIGITS:
            return value * unit.value
        try:
            return parse_amount(str(value), unit)
        except FigureTooLarge as exc:
            problems.append(
                Problem(
                    code="budget.amount_invalid",
                    message=str(exc),
                    where=Location(file=file, path=path),
                )
            )
            return None
        except OcopValueError:
            problems.append(
                Problem(
                    code="budget.amount_invalid",
                    message=tr(
                        "{text!r} is not an amount in {unit}", text=value, unit=unit_header(unit)
                    ),
                    where=Location(file=file, path=path),
                )
            )
            return None

    lines: list[BudgetLine] = []
    for i, d in enumerate(read):
        if isinstance(d, BudgetLine):
            lines.append(d)
            continue
        p = f"$.lines[{i}]"
        schedule: list[tuple[Quarter, int]] = []
        for q, v in d.schedule.items():
            try:
                quarter = Quarter.parse(q)
            except OcopValueError as exc:
                problems.append(
                    Problem(
                        code="budget.schedule_invalid",
                        message=str(exc),
                        where=Location(file=file, path=f"{p}.schedule"),
                    )
                )
                continue
            amount = money(v, f"{p}.schedule.{q}")
            if amount is not None:
                schedule.append((quarter, amount))
        figures = {f: money(getattr(d, f), f"{p}.{f}") for f in ("amount", "approved", "disbursed")}
        unread = tuple(f for f, v in figures.items() if v is None and getattr(d, f) is not None)
        lines.append(
            BudgetLine(
                row=d.row if d.row is not None else i + 1,
                code=normalize(d.code) or None if d.code is not None else None,
                parent=normalize(d.parent) or None if d.parent is not None else None,
                title=normalize(d.title),
                amount=figures["amount"],
                explanation=normalize(d.explanation),
                responsible=normalize(d.responsible) or None if d.responsible else None,
                locality=normalize(d.locality) or None if d.locality else None,
                sources=tuple(normalize(s) for s in d.sources if s.strip()),
                schedule=tuple(schedule),
                approved=figures["approved"],
                disbursed=figures["disbursed"],
                extra=tuple(d.extra.items()),
                unread=unread,
                source=Location(file=file, path=p),
            )
        )
    totals = []
    for i, t in enumerate(doc.totals):
        amount = money(t.amount, f"$.totals[{i}].amount")
        totals.append(
            TotalRow(
                kind=TotalKind(t.kind),
                after=min(t.after, len(lines)),
                title=normalize(t.title),
                amount=amount,
                words=normalize(t.words) if t.words else None,
                unread=amount is None and t.amount is not None,
                source=Location(file=file, path=f"$.totals[{i}]"),
            )
        )
    budget = Budget(
        lines=tuple(lines),
        totals=tuple(totals),
        title=normalize(doc.title),
        unit=unit,
        stated_total=money(doc.stated_total, "$.stated_total"),
        total_in_words=normalize(doc.total_in_words) if doc.total_in_words else None,
        sources=tuple(normalize(s) for s in doc.sources if s.strip()),
        document=doc.document,
        extra_columns=tuple(doc.extra_columns),
        source=Location(file=file),
        places={
            "stated_total": Location(file=file, path="$.stated_total"),
            "total_in_words": Location(file=file, path="$.total_in_words"),
        },
    )
    return Result(budget, tuple(problems))


def _to_data(budget: Budget) -> dict[str, Any]:
    u = budget.unit

    def fig(v: int | None) -> Figure | None:
        if v is None:
            return None
        return v // u.value if v % u.value == 0 else format_amount(v, u, label=False)

    data: dict[str, Any] = {"schema": 1}
    if budget.title:
        data["title"] = budget.title
    if budget.document:
        data["document"] = budget.document
    data["unit"] = u.header
    if budget.stated_total is not None:
        data["stated_total"] = fig(budget.stated_total)
    if budget.total_in_words:
        data["total_in_words"] = budget.total_in_words
    if budget.sources:
        data["sources"] = list(budget.sources)
    if budget.extra_columns:
        data["extra_columns"] = list(budget.extra_columns)
    if budget.totals:
        data["totals"] = [
            {
                "kind": t.kind.value,
                "after": t.after,
                "title": t.title,
                **({"amount": fig(t.amount)} if t.amount is not None else {}),
                **({"words": t.words} if t.words is not None else {}),
            }
            for t in budget.totals
        ]
    out_lines = []
    for x in budget.lines:
        line: dict[str, Any] = {"row": x.row}
        if x.code is not None:
            line["code"] = x.code
        if x.parent is not None:
            line["parent"] = x.parent
        line["title"] = x.title
        if x.amount is not None:
            line["amount"] = fig(x.amount)
        if x.explanation:
            line["explanation"] = x.explanation
        if x.responsible is not None:
            line["responsible"] = x.responsible
        if x.locality is not None:
            line["locality"] = x.locality
        if x.sources:
            line["sources"] = list(x.sources)
        if x.schedule:
            line["schedule"] = {q.iso(): fig(v) for q, v in x.schedule}
        if x.approved is not None:
            line["approved"] = fig(x.approved)
        if x.disbursed is not None:
            line["disbursed"] = fig(x.disbursed)
        if x.extra:
            line["extra"] = dict(x.extra)
        out_lines.append(line)
    data["lines"] = out_lines
    return data


def write_document(budget: Budget, *, format: Literal["json", "toml"] = "toml") -> str:
    """The budget as a TOML or JSON document that
    [`read_document`][ocop.budget.document.read_document] reads back equal."""
    data = _to_data(budget)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return dump_toml(data)
