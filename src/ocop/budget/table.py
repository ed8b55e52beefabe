"""A budget table as rows of cells, whatever holds it: the one reader and writer of tables.

[`read_table`][ocop.budget.table.read_table] is the entry point for every tabular source — CSV files
([`ocop.budget.read_csv`][ocop.budget.read_csv]), worksheets — and
[`table_rows`][ocop.budget.table.table_rows] the one writer. A source gives each row as its number
in the source (the line of a file, the row of a sheet) and its cells as text, exactly as the source
shows them; a source of typed cells gives numbers as their exact decimal text.

What the reader understands, as Vietnamese offices write tables:

* **Lines before the header**: a title, the document the table belongs to ("(Kèm theo Kế
  hoạch số 278/KH-SNN …)"), the funding sources ("Nguồn vốn: NSTW; NSĐP") and the unit line
  ("ĐVT: triệu đồng", "Đơn vị tính: 1.000 đồng"), which gives the unit of every money column
  whose header states none.
* **The header**: the layout of the Quảng Trị 2019 annex (``row,code,parent,title,
  amount_thousand_vnd,explanation,responsible``), optional ``locality``, ``sources``,
  ``schedule``, ``approved_…`` and ``disbursed_…`` columns, or Vietnamese names ("TT", "Nội
  dung", "Kinh phí (tr.đ)", "Diễn giải", "Đơn vị chủ trì"…). **Each money column has its own
  unit**, read from its header in any spelling [`ocop.money.Unit.parse`][ocop.money.Unit.parse]
  reads; a money column whose unit cannot be determined is refused with a problem naming its header
  — never assumed to be đồng. Columns the reader does not use are kept, in order, and written back.
* **Total rows** (no code): the grand total ("Tổng cộng"), section totals ("Cộng"), the total
  in words ("Bằng chữ: …"); every one is kept in its place and checked.
* **Figures** by the one convention of [`ocop.figures`][ocop.figures] (``1.500`` is one thousand
  five hundred, ``97,5`` has a decimal comma).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence

import attrs

from ocop._gc import no_gc
from ocop._i18n import tr, trn
from ocop.budget.model import Budget, BudgetLine, TotalKind, TotalRow
from ocop.errors import OcopInputError, OcopValueError
from ocop.figures import MAX_DIGITS, FigureTooLarge
from ocop.money import Unit, format_amount, parse_amount, unit_header, unit_hint
from ocop.periods import Quarter
from ocop.problems import Location, Problem, Result
from ocop.text import fold, normalize

__all__ = ["Row", "read_table", "table_rows"]

#: A row of a table: its number in the source (1-based) and its cells as text. The reader
#: may append to the list of cells.
Row = tuple[int, list[str]]

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
_FIELD_OF = {name: field for field, names in _FIELDS.items() for name in names}
_MONEY_FIELDS: dict[str, tuple[str, ...]] = {
    "amount": ("amount", "kinh phi", "du toan", "so tien", "nhu cau kinh phi", "tong kinh phi"),
    "approved": ("approved", "duoc giao", "kinh phi duoc giao", "phe duyet"),
    "disbursed": ("disbursed", "giai ngan", "da giai ngan"),
}
_MONEY_NAMES = sorted(
    ((name, field) for field, names in _MONEY_FIELDS.items() for name in names),
    key=lambda x: -len(x[0]),
)
_UNIT_SUFFIX = {
    Unit.DONG: "_vnd",
    Unit.THOUSAND: "_thousand_vnd",
    Unit.MILLION: "_million_vnd",
    Unit.BILLION: "_billion_vnd",
}
_GRAND_TITLES = {"tong cong", "tong", "tong so", "total", "grand total"}
_SECTION_TITLES = {"cong", "subtotal"}
_PARENS = re.compile(r"\(([^()]*)\)")
# Lines above the header: "ĐVT: triệu đồng", "(Kèm theo Kế hoạch số …)", "Nguồn vốn: …".
_UNIT_LINE = re.compile(r"^\s*\(?\s*(?:đvt|đơn vị tính|đơn vị|unit)\s*[:.]", re.IGNORECASE)
_DOCUMENT_LINE = re.compile(r"^\s*\(?\s*(?:kèm theo|document\s*:)\s*(?P<doc>.*?)\s*\)?\s*$", re.I)
_SOURCES_LINE = re.compile(r"^\s*(?:nguồn vốn|nguồn kinh phí|sources)\s*:\s*(?P<src>.*)$", re.I)
_TITLE_LINE = re.compile(r"^\s*(?:tiêu đề|title)\s*:\s*(?P<title>.*)$", re.I)


@attrs.frozen
class _Money:
    """A money column's field and its unit as the header states it."""

    field: str
    unit: Unit | None  # None: the header states no unit
    unreadable: str | None = None  # the unit text the header states but that names no unit


def money_column(header: str) -> _Money | None:
    """The money field a header names and the unit it states: ``Kinh phí (tr.đ)`` →
    amount in triệu đồng; ``amount_thousand_vnd`` → amount in 1.000 đồng; ``Kinh phí`` →
    amount, no unit stated; ``None`` for a header that names no money field."""
    folded = fold(header)
    for name, field in _MONEY_NAMES:
        if folded != name and not folded.startswith(name + " "):
            continue
        inside = _PARENS.findall(normalize(header))
        if inside:
            text = inside[-1]
        else:
            # "amount_thousand_vnd", "Kinh phí, triệu đồng": what follows the name.
            words = normalize(header).replace("_", " ").split(" ")
            text = " ".join(words[len(name.split(" ")) :]).strip(" ,:-–")
            if not text:
                return _Money(field, None)
            try:
                return _Money(field, Unit.parse(text))
            except OcopValueError:
                return _Money(field, None)  # "Kinh phí năm 2019": no unit stated
        try:
            return _Money(field, Unit.parse(text))
        except OcopValueError:
            return _Money(field, None, unreadable=text)
    return None


def field_of(header: str) -> str | None:
    """The standard field a header names (``"title"``, ``"amount"``…), or ``None``."""
    field = _FIELD_OF.get(fold(header))
    if field is not None:
        return field
    money = money_column(header)
    return money.field if money is not None else None


def _is_header(cells: Sequence[str]) -> bool:
    fields = {field_of(c) for c in cells if c.strip()}
    return "title" in fields and "amount" in fields


def _split_list(text: str) -> tuple[str, ...]:
    return tuple(p for p in (normalize(x) for x in text.split(";")) if p)


@attrs.define
class _Preamble:
    """What the lines above the header say."""

    titles: list[str] = attrs.Factory(list)
    document: str | None = None
    sources: tuple[str, ...] = ()
    unit: Unit | None = None
    unit_where: Location | None = None


def _read_preamble(rows: list[Row], file: str | None, problems: list[Problem]) -> _Preamble:
    out = _Preamble()
    for number, cells in rows:
        texts: list[str] = []
        for cell in cells:
            text = normalize(cell)
            if not text:
                continue
            if _UNIT_LINE.match(text):
                where = Location(file=file, row=number)
                try:
                    unit = Unit.parse(text)
                except OcopValueError:
                    problems.append(
                        Problem(
                            code="budget.unit",
                            message=tr(
                                "the unit line {text!r} names no unit ({hint})",
                                text=text,
                                hint=unit_hint(),
                            ),
                            where=where,
                        )
                    )
                    continue
                if out.unit is not None and unit is not out.unit:
                    problems.append(
                        Problem(
                            code="budget.unit",
                            message=tr(
                                "the unit line {text!r} contradicts the one above it "
                                "({unit}): which is meant cannot be known",
                                text=text,
                                unit=unit_header(out.unit),
                            ),
                            where=where,
                        )
                    )
                    continue
                out.unit, out.unit_where = unit, where
            elif (m := _SOURCES_LINE.match(text)) is not None:
                out.sources = _split_list(m.group("src"))
            elif (m := _TITLE_LINE.match(text)) is not None:
                texts.append(m.group("title"))
            elif (m := _DOCUMENT_LINE.match(text)) is not None and out.document is None:
                out.document = m.group("doc") or None
            else:
                texts.append(text)
        if texts:
            out.titles.append(" ".join(texts))
    return out


def _missing_columns(cells: Sequence[str], file: str | None) -> OcopInputError:
    fields = {field_of(c) for c in cells}
    missing = [f for f in ("title", "amount") if f not in fields]
    found = ", ".join(repr(h) for h in cells) or "none"
    return OcopInputError(
        trn(
            "{file}: missing column {columns} (the header has {found}); a budget table needs "
            "at least a title and an amount column such as amount_thousand_vnd",
            "{file}: missing columns {columns} (the header has {found}); a budget table needs "
            "at least a title and an amount column such as amount_thousand_vnd",
            len(missing),
            file=file or tr("input"),
            columns=tr(" and ").join(missing),
            found=found,
        )
    )


#: How many non-empty rows may come before the header (titles, the unit line…).
PREAMBLE_ROWS = 20


def read_table(
    rows: Iterable[Row], *, file: str | None = None, unit: Unit | None = None
) -> Result[Budget]:
    """Read a budget table from its rows: the entry point for every tabular source.

    Args:
        rows: Each row's number in the source and its cells as text (see
            [`Row`][ocop.budget.table.Row]), in order, from the top of the sheet or file; they are
            read once, as they come.
        file: The source's name, for locating problems.
        unit: The unit of money columns whose header states none, as a unit line above the
            header would ("ĐVT: 1.000 đồng"); a unit line in the table that says otherwise
            is a problem.

    Returns:
        The budget and every problem, located by file, row and column. A money column whose
        unit cannot be determined is a ``budget.unit`` problem naming its header; its
        figures are then unknown, never read as đồng.

    Raises:
        OcopInputError: The rows are empty, no header is found among the first rows, or the
            table has a header but no lines.
    """
    it = iter(rows)
    problems: list[Problem] = []
    preamble: list[Row] = []
    header: list[str] | None = None
    header_row = 0
    for number, cells in it:
        if not any(c.strip() for c in cells):
            continue
        if _is_header(cells):
            header, header_row = cells, number
            break
        preamble.append((number, cells))
        if len(preamble) > PREAMBLE_ROWS:
            break
    if header is None:
        if not preamble:
            raise OcopInputError(tr("{file}: the file is empty", file=file or tr("input")))
        raise _missing_columns(preamble[0][1], file)
    pre = _read_preamble(preamble, file, problems)
    if unit is not None and pre.unit is not None and unit is not pre.unit:
        problems.append(
            Problem(
                code="budget.unit",
                message=tr(
                    "the table's unit line says {said}, but {given} was given: which is meant "
                    "cannot be known",
                    said=unit_header(pre.unit),
                    given=unit_header(unit),
                ),
                where=pre.unit_where or Location(file=file),
            )
        )
    table_unit = pre.unit if pre.unit is not None else unit
    columns, money_units, extra = _read_header(
        header, header_row, file=file, table_unit=table_unit, problems=problems
    )
    with no_gc():
        budget = _read_rows(it, columns, money_units, extra, header, file=file, problems=problems)
    if pre.titles or pre.document or pre.sources:
        budget = attrs.evolve(
            budget,
            title=" ".join(pre.titles),
            document=pre.document,
            sources=pre.sources,
            places=budget.places,
        )
    return Result(budget, tuple(problems))


def _read_header(
    header: list[str],
    row: int,
    *,
    file: str | None,
    table_unit: Unit | None,
    problems: list[Problem],
) -> tuple[dict[str, int], dict[str, Unit | None], list[tuple[int, str]]]:
    columns: dict[str, int] = {}
    money_units: dict[str, Unit | None] = {}
    extra: list[tuple[int, str]] = []
    for i, name in enumerate(header):
        field = _FIELD_OF.get(fold(name))
        money = None if field else money_column(name)
        if field is None and money is not None:
            field = money.field
        if field is None or field in columns:
            extra.append((i, normalize(name)))
            continue
        columns[field] = i
        if money is None:
            continue
        where = Location(file=file, row=row, field=normalize(name))
        if money.unreadable is not None:
            problems.append(
                Problem(
                    code="budget.unit",
                    message=tr(
                        "column {column!r}: {unit!r} names no unit ({hint}); its figures are "
                        "not read",
                        column=normalize(name),
                        unit=money.unreadable,
                        hint=unit_hint(),
                    ),
                    where=where,
                )
            )
            money_units[field] = None
        elif money.unit is not None:
            if table_unit is not None and money.unit is not table_unit:
                problems.append(
                    Problem(
                        code="budget.unit",
                        message=tr(
                            "column {column!r} is in {unit} but the table's unit is {table}: "
                            "which is meant cannot be known; its figures are not read",
                            column=normalize(name),
                            unit=unit_header(money.unit),
                            table=unit_header(table_unit),
                        ),
                        where=where,
                    )
                )
                money_units[field] = None
            else:
                money_units[field] = money.unit
        elif table_unit is not None:
            money_units[field] = table_unit
        else:
            problems.append(
                Problem(
                    code="budget.unit",
                    message=tr(
                        "column {column!r} does not say its unit: write it in the header (e.g. "
                        "'{column} (1.000 đồng)'), add a unit line above the header ('ĐVT: "
                        "triệu đồng'), or give the unit ({hint}); its figures are not read",
                        column=normalize(name),
                        hint=unit_hint(),
                    ),
                    where=where,
                )
            )
            money_units[field] = None
    seen: set[str] = set()
    for _, name in extra:
        if name in seen:
            problems.append(
                Problem(
                    code="budget.column_duplicate",
                    message=tr(
                        "another column is named {name!r}: rename one, so that neither is "
                        "lost when the table is written again",
                        name=name,
                    ),
                    where=Location(file=file, row=row, field=name),
                )
            )
        seen.add(name)
    return columns, money_units, extra


def _total_kind(folded: str) -> TotalKind | None:
    if folded in _GRAND_TITLES or folded.startswith("tong cong"):
        return TotalKind.GRAND
    if folded in _SECTION_TITLES or folded.startswith("cong "):
        return TotalKind.SECTION
    if folded.startswith("bang chu"):
        return TotalKind.WORDS
    return None


_FAST_DIGITS = MAX_DIGITS // 2  # an all-digit cell this short is read with int() directly


def _read_rows(
    reader: Iterator[Row],
    columns: dict[str, int],
    money_units: dict[str, Unit | None],
    extra: list[tuple[int, str]],
    header: Sequence[str],
    *,
    file: str | None,
    problems: list[Problem],
) -> Budget:
    # The hot path of loading a large table: plain locals, one pass, text normalised through
    # a cache (titles and bodies repeat from line to line).
    lines: list[BudgetLine] = []
    totals: list[TotalRow] = []
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
    i_amount = columns["amount"]
    unit_of_amount = money_units["amount"]
    amount_unit = unit_of_amount.value if unit_of_amount is not None else 0
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

    def money(raw: str, u: Unit | None, field: str, row: int, code: str | None) -> int | None:
        raw = raw.strip()
        if not raw or u is None:
            return None
        try:
            return parse_amount(raw, u)
        except FigureTooLarge as exc:
            message = str(exc)
        except OcopValueError:
            shown = raw if len(raw) <= 40 else raw[:37] + "…"
            message = tr("{text!r} is not an amount in {unit}", text=shown, unit=unit_header(u))
        problems.append(
            Problem(
                code="budget.amount_invalid",
                message=message,
                where=Location(file=file, row=row, field=field, code=code),
            )
        )
        return None

    n = 0
    for start, cells in reader:
        record = cells
        if len(record) != width:
            if not "".join(record).strip():
                continue
            problems.append(
                Problem(
                    code="budget.row_width",
                    message=tr(
                        "the row has {fields} fields, the header {width}",
                        fields=len(record),
                        width=width,
                    ),
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
        if raw_amount.isascii() and raw_amount.isdigit() and len(raw_amount) <= _FAST_DIGITS:
            amount: int | None = int(raw_amount) * amount_unit if amount_unit else None
        else:
            amount = money(raw_amount, unit_of_amount, header[i_amount], start, code)
        if amount is None and raw_amount.strip():
            unread = ("amount",)
        if code is None and parent is None:
            kind = _total_kind(fold(title)) if title else None
            if kind is TotalKind.WORDS:
                after = title.split(":", 1)[1].strip() if ":" in title else ""
                said = after or norm(record[i_expl]) or None
                if words is None and said is not None:
                    words, words_where = said, Location(file=file, row=start)
                else:
                    totals.append(
                        TotalRow(
                            kind=kind,
                            after=len(lines),
                            title=title.split(":", 1)[0].strip(),
                            words=said,
                            source=Location(file=file, row=start),
                        )
                    )
                continue
            if kind is TotalKind.GRAND and stated_total is None and total_where is None:
                stated_total, total_where = amount, Location(file=file, row=start)
                continue
            if kind is not None:
                totals.append(
                    TotalRow(
                        kind=kind,
                        after=len(lines),
                        title=title,
                        amount=amount,
                        unread=bool(unread),
                        source=Location(file=file, row=start),
                    )
                )
                continue
        row_value = n
        raw_row = record[i_row]
        if raw_row:
            if raw_row.isascii() and raw_row.isdigit() and len(raw_row) <= _FAST_DIGITS:
                row_value = int(raw_row)
            elif raw_row.isascii() and raw_row.strip().isdigit() and len(raw_row) <= 18:
                row_value = int(raw_row.strip())
            else:
                shown = raw_row.strip()[:40]
                problems.append(
                    Problem(
                        code="budget.row_invalid",
                        message=tr("row number {row!r} is not a whole number", row=shown),
                        where=Location(file=file, row=start, field=header[i_row], code=code),
                    )
                )
        if not title:
            problems.append(
                Problem(
                    code="budget.title_missing",
                    message=tr("line {line} has no title", line=code or "#" + str(row_value)),
                    where=Location(file=file, row=start, field=header[i_title], code=code),
                )
            )
        schedule: tuple[tuple[Quarter, int], ...] = ()
        if i_sched is not None and record[i_sched].strip():
            if unit_of_amount is None:
                unread += ("schedule",)
            else:
                schedule, bad = _parse_schedule(record[i_sched], unit_of_amount)
                if bad:
                    problems.append(
                        Problem(
                            code="budget.schedule_invalid",
                            message=tr(
                                "schedule {text!r}: {why}",
                                text=record[i_sched].strip()[:60],
                                why=bad,
                            ),
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
        raise OcopInputError(
            tr("{file}: the table has a header but no lines", file=file or tr("input"))
        )
    places: dict[str, Location | None] = {}
    if total_where is not None:
        places["stated_total"] = total_where
    if words_where is not None:
        places["total_in_words"] = words_where
    return Budget(
        lines=tuple(lines),
        unit=unit_of_amount or Unit.DONG,
        stated_total=stated_total,
        total_in_words=words,
        source=Location(file=file),
        extra_columns=tuple(name for _, name in extra),
        totals=tuple(totals),
        places=places,
    )


def _parse_schedule(text: str, unit: Unit) -> tuple[tuple[tuple[Quarter, int], ...], str]:
    out: list[tuple[Quarter, int]] = []
    for part in text.split(";"):
        if not part.strip():
            continue
        if "=" not in part:
            return (), tr("{part!r} is not QUARTER=AMOUNT", part=part.strip()[:40])
        q, _, amount = part.partition("=")
        try:
            out.append((Quarter.parse(q), parse_amount(amount.strip(), unit)))
        except OcopValueError as exc:
            return (), str(exc)
    return tuple(out), ""


def figure_text(dong: int | None, unit: Unit) -> str:
    """``dong`` in ``unit`` as a plain machine figure: ``300000`` or ``1,5``."""
    if dong is None:
        return ""
    if dong % unit.value == 0:
        return str(dong // unit.value)
    return format_amount(dong, unit, label=False).replace(".", "")


def _safe_title(title: str) -> str:
    """The title as a line above the header that reads back as the title."""
    plain = normalize(title)
    if (
        _UNIT_LINE.match(plain)
        or _SOURCES_LINE.match(plain)
        or _TITLE_LINE.match(plain)
        or _DOCUMENT_LINE.match(plain)
        or _is_header([plain])
    ):
        return f"Tiêu đề: {title}"
    return title


def table_rows(budget: Budget) -> Iterator[list[str]]:
    """The budget as rows of cells in the layout [`read_table`][ocop.budget.table.read_table] reads
    back equal.

    The lines above the header hold the title, the document ("(Kèm theo …)") and the default
    sources ("Nguồn vốn: …") when the budget has them. Optional columns are written only when
    a line uses them (or a kept column would otherwise be read as one); columns the reader
    did not use are written after the others. The stated total and the total in words become
    "TỔNG CỘNG" and "Bằng chữ: …" rows at the end, the other total rows stay in their place.
    """
    if budget.title:
        yield [_safe_title(budget.title)]
    if budget.document:
        yield [f"(Kèm theo {budget.document})"]
    if budget.sources:
        yield ["Nguồn vốn: " + "; ".join(budget.sources)]
    suffix = _UNIT_SUFFIX[budget.unit]
    lines = budget.lines
    extras = list(budget.extra_columns)
    for x in lines:
        for name, _ in x.extra:
            if name not in extras:
                extras.append(name)
    kept = {field_of(name) for name in extras}
    optional = [
        ("locality", "locality", any(x.locality for x in lines)),
        ("sources", "sources", any(x.sources for x in lines)),
        ("schedule", "schedule", any(x.schedule for x in lines)),
        ("approved", "approved" + suffix, any(x.approved is not None for x in lines)),
        ("disbursed", "disbursed" + suffix, any(x.disbursed is not None for x in lines)),
    ]
    standard = [
        "row",
        "code",
        "parent",
        "title",
        "amount" + suffix,
        "explanation",
        "responsible",
        *[name for field, name, used in optional if used or field in kept],
    ]
    yield [*standard, *extras]
    u = budget.unit
    width = len(standard) + len(extras)
    at = {name: i for i, name in enumerate(standard)}
    i_title, i_amount = at["title"], at["amount" + suffix]
    totals = sorted(budget.totals, key=lambda t: t.after)
    k = 0

    def total_row(t: TotalRow) -> list[str]:
        cells = [""] * width
        if t.kind is TotalKind.WORDS:
            cells[i_title] = f"{t.title}: {t.words}" if t.words else t.title
        else:
            cells[i_title] = t.title
            cells[i_amount] = figure_text(t.amount, u)
        return cells

    main_total: list[str] = []
    if budget.stated_total is not None:
        main_total = [""] * width
        main_total[i_title] = "TỔNG CỘNG"
        main_total[i_amount] = figure_text(budget.stated_total, u)
    main_words: list[str] = []
    if budget.total_in_words:
        main_words = [""] * width
        main_words[i_title] = f"Bằng chữ: {budget.total_in_words}"

    def before(t: TotalRow) -> Iterator[list[str]]:
        # The budget's own total and words are the first of their kind in the table.
        nonlocal main_total, main_words
        if t.kind is TotalKind.GRAND and main_total:
            yield main_total
            main_total = []
        if t.kind is TotalKind.WORDS and main_words:
            yield main_words
            main_words = []
        yield total_row(t)

    for n, x in enumerate(lines):
        while k < len(totals) and totals[k].after <= n:
            yield from before(totals[k])
            k += 1
        values = {
            "row": str(x.row),
            "code": x.code or "",
            "parent": x.parent or "",
            "title": x.title,
            "amount" + suffix: figure_text(x.amount, u),
            "explanation": x.explanation,
            "responsible": x.responsible or "",
            "locality": x.locality or "",
            "sources": "; ".join(x.sources),
            "schedule": "; ".join(f"{q.iso()}={figure_text(v, u)}" for q, v in x.schedule),
            "approved" + suffix: figure_text(x.approved, u),
            "disbursed" + suffix: figure_text(x.disbursed, u),
        }
        cells = [values[h] for h in standard]
        if extras:
            own = dict(x.extra)
            cells += [own.get(name, "") for name in extras]
        yield cells
    for t in totals[k:]:
        yield from before(t)
    if main_total:
        yield main_total
    if main_words:
        yield main_words
