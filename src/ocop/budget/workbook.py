"""Budget tables in Excel workbooks (.xlsx): a worksheet's rows fed to the one table reader.

[`read_workbook`][ocop.budget.workbook.read_workbook] turns a worksheet into the rows that
[`read_table`][ocop.budget.table.read_table] reads from any source, so that a workbook and the
CSV of the same table give the same budget and the same problems:

- a number cell is its exact decimal text (``1500``, ``97,5`` with the decimal comma of the
  figure convention); a text cell is read as written, in Vietnamese figures (``1.500``);
- a formula is read by the value the spreadsheet program saved with it; a formula without one
  (a file written by a program that does not compute, never opened since) is a located
  problem: "open and save the file in a spreadsheet program";
- a merged cell spanning rows gives its value to each row it covers (a merged title, code or
  responsible body), in its first column only;
- hidden rows are read like the others and reported (a warning), never skipped;
- the unit line above the header (``ĐVT: triệu đồng``) is read by the table reader.

Every problem is located by sheet and cell as well as row (``Phụ lục!D14``).
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import attrs

from ocop._i18n import tr
from ocop._xlsx import SHARE, WHOLE, Book, cell_name, open_workbook, read_cell, table_workbook
from ocop.budget.model import Budget
from ocop.budget.rollup import Rollup
from ocop.budget.table import Row, field_of, read_table, table_rows
from ocop.errors import OcopInputError
from ocop.money import Unit
from ocop.problems import Location, Problem, Result, Severity

__all__ = ["budget_workbook", "read_workbook", "rollup_workbook"]


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        exact = Decimal(repr(value))
        text = f"{exact:f}"
        if "." in text:
            text = text.rstrip("0").rstrip(".")
        return text.replace(".", ",")
    if isinstance(value, dt.datetime | dt.date | dt.time):
        return value.isoformat()
    return str(value)


def read_workbook(
    data: bytes, *, file: str | None = None, sheet: str | None = None, unit: Unit | None = None
) -> Result[Budget]:
    """Read the budget table on one worksheet of the ``.xlsx`` workbook in ``data``.

    Args:
        data: The bytes of the workbook.
        file: Its name, for locating problems.
        sheet: The worksheet's name; the first worksheet when ``None``.
        unit: The unit of money columns whose header states none (see
            [`read_table`][ocop.budget.table.read_table]).

    Raises:
        OcopInputError: ``data`` is not a workbook, it has no worksheet ``sheet``, or the
            worksheet holds no budget table.
    """
    name = file or "workbook"
    book = open_workbook(data, name=name)
    names = book.sheet_names
    if not names:
        raise OcopInputError(tr("{name}: the workbook has no worksheet", name=name))
    tab = names[0] if sheet is None else sheet
    if tab not in names:
        raise OcopInputError(
            tr(
                "{name}: no worksheet {sheet!r} (worksheets: {names})",
                name=name,
                sheet=tab,
                names=", ".join(names),
            )
        )
    rows, problems, columns = _rows(book, tab, file)
    result = read_table(rows, file=file, unit=unit)
    located = tuple(_locate(p, tab, columns) for p in result.problems)
    found = sorted((*problems, *located), key=lambda p: p.where.row or 0)
    return Result(result.value, tuple(found))


def _rows(
    book: Book, tab: str, file: str | None
) -> tuple[list[Row], list[Problem], dict[str, int]]:
    formulas, values = book.sheet(tab)
    width = formulas.max_column
    fill: dict[tuple[int, int], Any] = {}
    for merged in formulas.merged_cells.ranges:
        if merged.min_row == merged.max_row:
            continue
        top = read_cell(formulas, values, merged.min_row, merged.min_col).value
        for r in range(merged.min_row + 1, merged.max_row + 1):
            fill[(r, merged.min_col)] = top
    rows: list[Row] = []
    problems: list[Problem] = []
    columns: dict[str, int] = {}
    for r in range(1, formulas.max_row + 1):
        cells: list[str] = []
        for c in range(1, width + 1):
            found = read_cell(formulas, values, r, c)
            value = fill.get((r, c), found.value)
            if found.uncached:
                problems.append(
                    Problem(
                        code="xlsx.uncached_formula",
                        message=tr(
                            "the formula {formula} has no saved value: open and save the file "
                            "in a spreadsheet program",
                            formula=found.formula,
                        ),
                        where=Location(file=file, row=r, cell=cell_name(tab, r, c)),
                    )
                )
            cells.append(_text(value))
        if not any(cells):
            continue
        if not columns:
            fields = {field_of(t): i + 1 for i, t in enumerate(cells) if t.strip()}
            if "title" in fields and "amount" in fields:
                columns = {f: i for f, i in fields.items() if f is not None}
        dim = formulas.row_dimensions.get(r)
        if dim is not None and dim.hidden:
            problems.append(
                Problem(
                    code="xlsx.hidden_row",
                    message=tr("this row is hidden in the workbook; it is read like the others"),
                    where=Location(file=file, row=r, cell=f"{tab}!{r}:{r}"),
                    severity=Severity.WARNING,
                )
            )
        rows.append((r, cells))
    return rows, problems, columns


def _locate(problem: Problem, tab: str, columns: dict[str, int]) -> Problem:
    where = problem.where
    if where.row is None or where.cell is not None:
        return problem
    field = where.field or ""
    col = columns.get(field) or columns.get("amount" if "total" in field else field)
    cell = cell_name(tab, where.row, col) if col else f"{tab}!{where.row}:{where.row}"
    return attrs.evolve(problem, where=attrs.evolve(where, cell=cell))


def rollup_workbook(result: Rollup) -> bytes:
    """A budget's rollup as a workbook: one sheet, Vietnamese (the current language's) sheet
    name and headers; amounts as whole đồng, shares as exact decimals, both numbers with a
    display format, so that the office can keep computing with them."""
    header = [
        tr("Group"),
        tr("Item"),
        tr("Amount ({unit})", unit="đồng"),
        tr("Share (%)"),
        tr("Lines"),
    ]
    rows: list[list[object]] = [[g.key, g.title, g.amount, g.share, g.lines] for g in result.groups]
    rows.append(["", tr("TOTAL"), result.total, Decimal(100), sum(g.lines for g in result.groups)])
    return table_workbook([(tr("Budget"), header, rows, [None, None, WHOLE, SHARE, WHOLE])])


def budget_workbook(budget: Budget) -> bytes:
    """A budget table as a workbook of one sheet, in the layout of
    [`table_rows`][ocop.budget.table.table_rows] (the CSV's), cells as their table text, so
    that [`read_workbook`][ocop.budget.workbook.read_workbook] reads it back equal."""
    rows = list(table_rows(budget))
    return table_workbook([(tr("Budget"), rows[0], rows[1:], [])])
