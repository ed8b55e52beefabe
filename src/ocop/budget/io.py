"""Reading and writing budgets: the CSV table and the TOML/JSON document.

Two forms, both read and written without loss of what they hold:

* **CSV**, the table as spreadsheets export it: the layout of the Quảng Trị 2019 annex
  (``row,code,parent,title,amount_thousand_vnd,explanation,responsible``), with optional
  ``locality``, ``sources`` (``;``-separated), ``schedule`` (``2019-Q2=100000; 2019-Q3=5000``),
  ``approved_…`` and ``disbursed_…`` columns. The amount column names the unit
  (``amount_vnd``, ``amount_thousand_vnd``, ``amount_million_vnd``, ``amount_billion_vnd``);
  Vietnamese headers ("TT", "Nội dung", "Kinh phí (1.000 đồng)", "Diễn giải", "Đơn vị chủ
  trì"…) are recognised too. Files may start with a UTF-8 byte-order mark, use ``;`` or tab
  separators and write figures with Vietnamese thousands dots. A row titled "Tổng cộng" with
  no code states the grand total, a row "Bằng chữ: …" the total in words. Other columns are
  kept and written back.
* **Document** (TOML or JSON), which also holds what a table cannot: the title, the document
  it belongs to, the default funding sources. Its JSON Schema is
  [`budget_schema`][ocop.budget.io.budget_schema].

Every reader returns a [`Result`][ocop.problems.Result]: the budget it could read and every
problem located by file, row and field (or ``$.path``). Input that cannot be used at all
(empty, no header, missing columns, malformed JSON or TOML) raises
[`OcopInputError`][ocop.errors.OcopInputError].
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import json
import re
from collections.abc import Iterable, Iterator, Sequence
from importlib import resources
from pathlib import Path
from typing import Any, BinaryIO, Literal, TextIO

import pydantic

from ocop._documents import dump_toml, not_text, parse_document
from ocop._gc import no_gc
from ocop.budget.model import Budget, BudgetLine
from ocop.errors import OcopInputError, OcopValueError
from ocop.money import Unit, format_amount, parse_amount
from ocop.periods import Quarter
from ocop.problems import Location, Problem, Result
from ocop.text import fold, normalize

__all__ = [
    "BudgetDocument",
    "LineDocument",
    "budget_schema",
    "load_budget",
    "quang_tri_2019",
    "read_budget",
    "read_csv",
    "read_document",
    "write_csv",
    "write_document",
]

Format = Literal["csv", "json", "toml"]

# ----------------------------------------------------------------------------- CSV

_FIELDS: dict[str, tuple[str, ...]] = {
    "row": ("row", "dong", "stt dong"),
    "code": ("code", "tt", "stt", "so tt", "ma", "ma so", "muc"),
    "parent": ("parent", "thuoc", "muc cha", "cha"),
    "title": ("title", "noi dung", "hang muc", "ten", "noi dung cong viec"),
    "explanation": ("explanation", "dien giai", "thuyet minh", "ghi chu", "note", "notes"),
    "responsible": (
        "responsible",
        "don vi chu tri",
        "don vi thuc hien",
        "co quan chu tri",
        "don vi",
        "chu tri",
    ),
    "locality": ("locality", "dia phuong", "dia ban"),
    "sources": ("sources", "source", "nguon von", "nguon kinh phi", "nguon"),
    "schedule": ("schedule", "tien do", "tien do giai ngan"),
}
_MONEY_FIELDS: dict[str, tuple[str, ...]] = {
    "amount": ("amount", "kinh phi", "du toan", "so tien", "nhu cau kinh phi", "tong kinh phi"),
    "approved": ("approved", "duoc giao", "kinh phi duoc giao", "phe duyet"),
    "disbursed": ("disbursed", "giai ngan", "da giai ngan"),
}
_UNIT_SUFFIX = {
    Unit.DONG: "_vnd",
    Unit.THOUSAND: "_thousand_vnd",
    Unit.MILLION: "_million_vnd",
    Unit.BILLION: "_billion_vnd",
}
_UNIT_WORDS = (
    (Unit.THOUSAND, ("thousand", "nghin", "ngan", "1 000")),
    (Unit.MILLION, ("million", "trieu", "1 000 000")),
    (Unit.BILLION, ("billion", "ty", "ti")),
)
_TOTAL_TITLES = {"tong cong", "tong", "cong", "tong so", "total", "grand total"}


def _money_column(folded: str) -> tuple[str, Unit] | None:
    """``("amount", Unit.THOUSAND)`` for ``amount_thousand_vnd`` or ``Kinh phí (1.000 đồng)``."""
    for field, names in _MONEY_FIELDS.items():
        for name in names:
            if folded == name or folded.startswith(name + " "):
                rest = f" {folded[len(name) :].strip()} "
                unit = Unit.DONG
                for candidate, words in _UNIT_WORDS:
                    if any(f" {w} " in rest for w in words):
                        unit = candidate
                if "1 000 000" in rest:
                    unit = Unit.MILLION
                return field, unit
    return None


def _sniff_delimiter(first_line: str) -> str:
    counts = {d: first_line.count(d) for d in (",", ";", "\t")}
    return max(counts, key=lambda d: counts[d]) if any(counts.values()) else ","


def _split_list(text: str) -> tuple[str, ...]:
    return tuple(p for p in (normalize(x) for x in text.split(";")) if p)


def read_csv(
    text: str | TextIO, *, file: str | None = None, unit: Unit | None = None
) -> Result[Budget]:
    """Read a budget table from CSV ``text`` (a string, or a text stream read line by line).

    Args:
        text: The file's text or an open text file (a leading byte-order mark is ignored).
        file: The file's name, for locating problems.
        unit: The unit of the amount columns when their header does not say (``amount``).

    Raises:
        OcopInputError: The text is empty, has no header, lacks a title or amount column, or
            (for a stream) turns out not to be UTF-8.
    """
    name = file or "input"
    stream: Iterator[str] = (
        iter(io.StringIO(text, newline="")) if isinstance(text, str) else iter(text)
    )
    first_line = ""
    try:
        for n, line in enumerate(stream):
            first_line = line.removeprefix("\ufeff") if n == 0 else line
            if first_line.strip():
                break
        else:
            raise OcopInputError(f"{name}: the file is empty")
    except UnicodeDecodeError:
        raise _NotUtf8(f"{name}: not UTF-8 text; save the file as UTF-8") from None
    reader = csv.reader(
        itertools.chain([first_line], stream), delimiter=_sniff_delimiter(first_line)
    )
    try:
        header = next(reader)
    except csv.Error as exc:
        raise OcopInputError(f"{name}: not a CSV table ({exc})") from None
    columns: dict[str, int] = {}
    money_units: dict[str, Unit] = {}
    extra: list[tuple[int, str]] = []
    for i, name in enumerate(header):
        folded = fold(name)
        field = next((f for f, names in _FIELDS.items() if folded in names), None)
        money = None if field else _money_column(folded)
        if money is not None:
            field = money[0]
            money_units[field] = unit if unit is not None and money[1] is Unit.DONG else money[1]
            if folded in ("amount", "approved", "disbursed") and unit is not None:
                money_units[field] = unit
        if field is None or field in columns:
            extra.append((i, normalize(name)))
        else:
            columns[field] = i
    missing = [f for f in ("title", "amount") if f not in columns]
    if missing:
        found = ", ".join(repr(h) for h in header) or "none"
        raise OcopInputError(
            f"{file or 'input'}: missing column{'s' if len(missing) > 1 else ''} "
            f"{' and '.join(missing)} (the header has {found}); a budget table needs at "
            "least a title and an amount column such as amount_thousand_vnd"
        )
    table_unit = money_units["amount"]
    with no_gc():
        return _read_rows(reader, columns, money_units, extra, header, file=file, unit=table_unit)


def _read_rows(
    reader: Any,
    columns: dict[str, int],
    money_units: dict[str, Unit],
    extra: list[tuple[int, str]],
    header: Sequence[str],
    *,
    file: str | None,
    unit: Unit,
) -> Result[Budget]:
    # The hot path of loading a large table: plain locals, one pass, text normalised through
    # a cache (titles and bodies repeat from line to line).
    problems: list[Problem] = []
    lines: list[BudgetLine] = []
    stated_total: int | None = None
    words: str | None = None
    words_where: Location | None = None
    total_where: Location | None = None
    width = len(header)
    blank = width  # index of an empty cell appended to every record: absent columns read it
    col = columns.get
    i_title = columns["title"]
    i_code, i_parent, i_row = col("code", blank), col("parent", blank), col("row", blank)
    i_expl, i_resp, i_loc = (
        col("explanation", blank),
        col("responsible", blank),
        col("locality", blank),
    )
    i_src, i_sched = col("sources"), col("schedule")
    i_amount, amount_unit = columns["amount"], money_units["amount"].value
    other_money = [
        (f, columns[f], money_units[f]) for f in ("approved", "disbursed") if f in columns
    ]
    cache: dict[str, str] = {}
    cached = cache.get

    def norm(text: str) -> str:
        found = cache.get(text)
        if found is None:
            found = normalize(text)
            if len(cache) < 200_000:
                cache[text] = found
        return found

    def money(raw: str, u: Unit, field: str, row: int, code: str | None) -> int | None:
        raw = raw.strip()
        if not raw:
            return None
        try:
            return parse_amount(raw, u)
        except OcopValueError:
            problems.append(
                Problem(
                    code="budget.amount_invalid",
                    message=f"{raw!r} is not an amount in {u.header}",
                    where=Location(file=file, row=row, field=field, code=code),
                )
            )
            return None

    n = 0
    line_no = 1  # the header's last physical line
    while True:
        try:
            record = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise OcopInputError(
                f"{file or 'input'}:{reader.line_num}: not a CSV table ({exc})"
            ) from None
        except UnicodeDecodeError:
            raise _NotUtf8(
                f"{file or 'input'}: not UTF-8 text after line {line_no}; save the file as UTF-8"
            ) from None
        start, line_no = line_no + 1, reader.line_num
        if len(record) != width:
            if not "".join(record).strip():
                continue
            problems.append(
                Problem(
                    code="budget.row_width",
                    message=f"the row has {len(record)} fields, the header {width}",
                    where=Location(file=file, row=start),
                )
            )
            record = record[:width] + [""] * (width - len(record))
        record.append("")
        raw = record[i_title]
        title = cached(raw) or norm(raw)
        raw_amount = record[i_amount]
        raw = record[i_code]
        code = (cached(raw) or norm(raw)) if raw else None
        if not title and not raw_amount and code is None and not "".join(record).strip():
            continue
        n += 1
        raw = record[i_parent]
        parent = (cached(raw) or norm(raw)) if raw else None
        unread: tuple[str, ...] = ()
        if raw_amount.isascii() and raw_amount.isdigit():
            amount: int | None = int(raw_amount) * amount_unit
        else:
            amount = money(raw_amount, money_units["amount"], header[i_amount], start, code)
            if amount is None and raw_amount.strip():
                unread = ("amount",)
        if code is None and parent is None:
            folded_title = fold(title)
            if folded_title in _TOTAL_TITLES:
                stated_total = amount
                total_where = Location(file=file, row=start)
                continue
            if folded_title.startswith("bang chu"):
                after = title.split(":", 1)[1].strip() if ":" in title else ""
                words = after or norm(record[i_expl]) or None
                words_where = Location(file=file, row=start)
                continue
        row_value = n
        raw_row = record[i_row]
        if raw_row:
            if raw_row.isascii() and raw_row.isdigit():
                row_value = int(raw_row)
            elif raw_row.isascii() and raw_row.strip().isdigit():
                row_value = int(raw_row.strip())
            else:
                problems.append(
                    Problem(
                        code="budget.row_invalid",
                        message=f"row number {raw_row.strip()!r} is not a whole number",
                        where=Location(file=file, row=start, field=header[i_row], code=code),
                    )
                )
        if not title:
            problems.append(
                Problem(
                    code="budget.title_missing",
                    message=f"line {code or '#' + str(row_value)} has no title",
                    where=Location(file=file, row=start, field=header[i_title], code=code),
                )
            )
        schedule: tuple[tuple[Quarter, int], ...] = ()
        if i_sched is not None and record[i_sched].strip():
            schedule, bad = _parse_schedule(record[i_sched], money_units["amount"])
            if bad:
                problems.append(
                    Problem(
                        code="budget.schedule_invalid",
                        message=f"schedule {record[i_sched].strip()!r}: {bad}",
                        where=Location(file=file, row=start, field=header[i_sched], code=code),
                    )
                )
        approved = disbursed = None
        if other_money:
            others: dict[str, int | None] = {}
            for f, i, u in other_money:
                others[f] = money(record[i], u, header[i], start, code)
                if others[f] is None and record[i].strip():
                    unread += (f,)
            approved, disbursed = others.get("approved"), others.get("disbursed")
        lines.append(
            # Positional, in the order of BudgetLine's fields: a million keyword calls cost
            # half a second more.
            BudgetLine(
                row_value,
                title,
                code,
                parent,
                amount,
                cached(expl) or norm(expl) if (expl := record[i_expl]) else "",
                (cached(resp) or norm(resp) or None) if (resp := record[i_resp]) else None,
                (cached(loc) or norm(loc) or None) if (loc := record[i_loc]) else None,
                _split_list(record[i_src]) if i_src is not None else (),
                schedule,
                approved,
                disbursed,
                tuple((name, record[i]) for i, name in extra if record[i] != "") if extra else (),
                unread,
                None,
                (file, start),
            )
        )
    if not lines:
        raise OcopInputError(f"{file or 'input'}: the table has a header but no lines")
    budget = Budget(
        lines=tuple(lines),
        unit=unit,
        stated_total=stated_total,
        total_in_words=words,
        source=Location(file=file),
        extra_columns=tuple(name for _, name in extra),
    )
    if total_where is not None or words_where is not None:
        budget = _with_places(budget, total_where, words_where)
    return Result(budget, tuple(problems))


def _with_places(budget: Budget, total: Location | None, words: Location | None) -> Budget:
    # The stated total and the words are located at their own rows of the table.
    import attrs

    return attrs.evolve(budget, places={"stated_total": total, "total_in_words": words})


def _parse_schedule(text: str, unit: Unit) -> tuple[tuple[tuple[Quarter, int], ...], str]:
    out: list[tuple[Quarter, int]] = []
    for part in text.split(";"):
        if not part.strip():
            continue
        if "=" not in part:
            return (), f"{part.strip()!r} is not QUARTER=AMOUNT"
        q, _, amount = part.partition("=")
        try:
            out.append((Quarter.parse(q), parse_amount(amount.strip(), unit)))
        except OcopValueError as exc:
            return (), str(exc)
    return tuple(out), ""


def _figure(dong: int | None, unit: Unit) -> str:
    """``dong`` in ``unit`` as a plain machine figure: ``300000`` or ``1,5``."""
    if dong is None:
        return ""
    if dong % unit.value == 0:
        return str(dong // unit.value)
    return format_amount(dong, unit, label=False).replace(".", "")


def write_csv(budget: Budget, *, delimiter: str = ",", bom: bool = False) -> str:
    """The budget as a CSV table in the layout [`read_csv`][ocop.budget.io.read_csv] reads.

    Optional columns are written only when a line uses them; columns the reader did not know
    are written back after the others. The stated total and the total in words become
    "Tổng cộng" and "Bằng chữ: …" rows at the end. Title, document and default sources are
    not part of a table: write a document ([`write_document`][ocop.budget.io.write_document]) to
    keep them.
    """
    suffix = _UNIT_SUFFIX[budget.unit]
    lines = budget.lines
    optional = [
        ("locality", any(x.locality for x in lines)),
        ("sources", any(x.sources for x in lines)),
        ("schedule", any(x.schedule for x in lines)),
        ("approved" + suffix, any(x.approved is not None for x in lines)),
        ("disbursed" + suffix, any(x.disbursed is not None for x in lines)),
    ]
    extras = list(budget.extra_columns)
    for x in lines:
        for name, _ in x.extra:
            if name not in extras:
                extras.append(name)
    header = [
        "row",
        "code",
        "parent",
        "title",
        "amount" + suffix,
        "explanation",
        "responsible",
        *[name for name, used in optional if used],
        *extras,
    ]
    buf = io.StringIO()
    if bom:
        buf.write("\ufeff")
    writer = csv.writer(buf, delimiter=delimiter, lineterminator="\n")
    writer.writerow(header)
    u = budget.unit
    for x in lines:
        values: dict[str, str] = {
            "row": str(x.row),
            "code": x.code or "",
            "parent": x.parent or "",
            "title": x.title,
            "amount" + suffix: _figure(x.amount, u),
            "explanation": x.explanation,
            "responsible": x.responsible or "",
            "locality": x.locality or "",
            "sources": "; ".join(x.sources),
            "schedule": "; ".join(f"{q.iso()}={_figure(v, u)}" for q, v in x.schedule),
            "approved" + suffix: _figure(x.approved, u),
            "disbursed" + suffix: _figure(x.disbursed, u),
            **dict(x.extra),
        }
        writer.writerow([values.get(h, "") for h in header])
    blank = dict.fromkeys(header, "")
    if budget.stated_total is not None:
        writer.writerow(
            [
                {**blank, "title": "TỔNG CỘNG", "amount" + suffix: _figure(budget.stated_total, u)}[
                    h
                ]
                for h in header
            ]
        )
    if budget.total_in_words:
        writer.writerow(
            [{**blank, "title": f"Bằng chữ: {budget.total_in_words}"}[h] for h in header]
        )
    return buf.getvalue()


# ----------------------------------------------------------------------------- document


class LineDocument(pydantic.BaseModel):
    """One line of a budget document; amounts in the document's unit."""

    model_config = pydantic.ConfigDict(extra="forbid")

    row: int | None = pydantic.Field(default=None, description="The line's row number.")
    code: str | None = pydantic.Field(default=None, description="The code as printed, e.g. 2.1.")
    parent: str | None = pydantic.Field(default=None, description="The parent line's code.")
    title: str = pydantic.Field(description="What the money is for (nội dung).")
    amount: int | str | None = pydantic.Field(
        default=None, description="Planned amount in the document's unit; '6.422,5' accepted."
    )
    explanation: str = ""
    responsible: str | None = None
    locality: str | None = None
    sources: list[str] = pydantic.Field(default_factory=list)
    schedule: dict[str, int | str] = pydantic.Field(
        default_factory=dict, description="Amount by quarter, e.g. {'2019-Q2': 100000}."
    )
    approved: int | str | None = None
    disbursed: int | str | None = None
    extra: dict[str, str] = pydantic.Field(
        default_factory=dict, description="Columns of the source table ocop does not use."
    )


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
    stated_total: int | str | None = pydantic.Field(
        default=None, description="The grand total as printed (tổng cộng)."
    )
    total_in_words: str | None = pydantic.Field(
        default=None, description="The total in words (bằng chữ)."
    )
    sources: list[str] = pydantic.Field(
        default_factory=list, description="Funding sources of every line that names none."
    )
    extra_columns: list[str] = pydantic.Field(default_factory=list)
    lines: list[LineDocument] = pydantic.Field(min_length=1)


def budget_schema() -> dict[str, Any]:
    """The JSON Schema of the budget document (TOML documents have the same shape)."""
    return BudgetDocument.model_json_schema(by_alias=True)


def _path(loc: Iterable[int | str]) -> str:
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


_UNION_TAGS = frozenset({"int", "str"})
_JSON_TYPES = {
    bool: "true/false",
    int: "a number",
    float: "a number",
    str: "text",
    list: "a list",
    dict: "an object",
    type(None): "null",
}


def _shape_problems(
    exc: pydantic.ValidationError, *, file: str | None, prefix: tuple[int | str, ...] = ()
) -> list[Problem]:
    """pydantic's errors as located problems: one per place, in words about the document.

    An amount may be a number or a figure written as text; pydantic reports a wrong one once
    per alternative (``amount.int``, ``amount.str``), which is one problem here.
    """
    problems: list[Problem] = []
    seen: set[tuple[int | str, ...]] = set()
    for err in exc.errors():
        loc = tuple(err["loc"])
        if loc and loc[-1] in _UNION_TAGS:
            loc = loc[:-1]
            got = _JSON_TYPES.get(type(err.get("input")), "something else")
            message = (
                f'must be a whole number or a figure written as text, like "6.422,5" (got {got})'
            )
        else:
            message = err["msg"]
        if loc in seen:
            continue
        seen.add(loc)
        problems.append(
            Problem(
                code="budget.document",
                message=message,
                where=Location(file=file, path=_path(prefix + loc)),
            )
        )
    return problems


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
        problems += _shape_problems(exc, file=file)
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
                problems += _shape_problems(exc, file=file, prefix=("lines", i))
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

    def money(value: int | str | None, path: str) -> int | None:
        if value is None:
            return None
        if isinstance(value, int):
            return value * unit.value
        try:
            return parse_amount(value, unit)
        except OcopValueError:
            problems.append(
                Problem(
                    code="budget.amount_invalid",
                    message=f"{value!r} is not an amount in {unit.header}",
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
    budget = Budget(
        lines=tuple(lines),
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

    def fig(v: int | None) -> int | str | None:
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
    """The budget as a TOML or JSON document that [`read_document`][ocop.budget.io.read_document]
    reads back equal."""
    data = _to_data(budget)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
    return dump_toml(data)


# ----------------------------------------------------------------------------- any form


def _guess_format(text: str, name: str | None) -> Format:
    suffix = Path(name).suffix.lower() if name else ""
    if suffix in (".json",):
        return "json"
    if suffix in (".toml",):
        return "toml"
    if suffix in (".csv", ".tsv", ".txt"):
        return "csv"
    head = text.lstrip("\ufeff \t\r\n")[:1]
    if head in ("{", "["):
        return "json"
    first = text.lstrip().split("\n", 1)[0]
    if re.match(r"^\s*(\[\[?\w|[\w\"]+\s*=)", first):
        return "toml"
    return "csv"


def read_budget(
    text: str, *, file: str | None = None, format: Format | None = None
) -> Result[Budget]:
    """Read a budget in any form, guessing it from ``file``'s extension or the text."""
    fmt = format or _guess_format(text, file)
    if fmt == "csv":
        return read_csv(text, file=file)
    return read_document(text, format=fmt, file=file)


class _NotUtf8(OcopInputError):
    """A CSV stream turned out not to be UTF-8 while it was being read."""


def _check_utf8(raw: BinaryIO, name: str) -> None:
    """Refuse a file that is not UTF-8, naming the first bad byte, without holding it whole."""
    raw.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    offset = 0
    while chunk := raw.read(1 << 20):
        try:
            decoder.decode(chunk)
        except UnicodeDecodeError as exc:
            raise OcopInputError(
                f"{name}: not UTF-8 text (byte {offset + exc.start + 1}); save the file as UTF-8"
            ) from None
        offset += len(chunk)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        raise OcopInputError(
            f"{name}: not UTF-8 text (the file ends inside a character); save it as UTF-8"
        ) from None


def load_budget(path: str | Path, *, format: Format | None = None) -> Result[Budget]:
    """Read the budget in the file at ``path`` (CSV, JSON or TOML).

    CSV files are read line by line, so a large table is never held in memory as text.

    Raises:
        OcopInputError: The file is missing, unreadable, not UTF-8 text, or unusable.
    """
    name = str(path)
    try:
        with Path(path).open("rb") as raw:
            head = raw.read(8192)
            why = not_text(head)
            if why is not None:
                raise OcopInputError(f"{name}: {why}")
            fmt = format or _guess_format(head.decode("utf-8", errors="ignore"), name)
            if fmt == "csv":
                raw.seek(0)
                try:
                    with io.TextIOWrapper(raw, encoding="utf-8", newline="") as stream:
                        return read_csv(stream, file=name)
                except _NotUtf8:
                    # Decoding runs ahead of parsing: find the first bad byte for the message.
                    with Path(path).open("rb") as again:
                        _check_utf8(again, name)
                    raise
            data = head + raw.read()
    except FileNotFoundError:
        raise OcopInputError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise OcopInputError(f"{name}: is a directory, not a file") from None
    except PermissionError as exc:
        raise OcopInputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OcopInputError(
            f"{name}: not UTF-8 text (byte {exc.start + 1}); save the file as UTF-8"
        ) from None
    return read_budget(text, file=name, format=fmt)


_CACHE: dict[str, Budget] = {}


def quang_tri_2019() -> Budget:
    """The built-in budget of the Quảng Trị 2019 OCOP plan (278/KH-SNN, 4 March 2019).

    Its annex "Nhu cầu kinh phí thực hiện chương trình OCOP tỉnh Quảng Trị năm 2019": 31
    lines in 7 sections, total 6.422.330.000 đồng, with the plan's total in words.
    """
    if "qt2019" not in _CACHE:
        text = (
            resources.files("ocop.data").joinpath("quang-tri-2019/budget.toml").read_text("utf-8")
        )
        result = read_document(text, format="toml", file="quang-tri-2019/budget.toml")
        if not result.ok:  # pragma: no cover - guarded by the tests of the shipped data
            raise OcopValueError("the built-in budget does not read: " + str(result.problems))
        _CACHE["qt2019"] = result.value
    return _CACHE["qt2019"]
