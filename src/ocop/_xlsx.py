"""Excel workbooks (.xlsx) at the edge: opening one for certain, reading its cells, writing one.

One home for what every reader and writer of workbooks shares (budgets, scoring forms):

- `open_workbook` opens the bytes of an ``.xlsx`` file or says exactly why it cannot (an
  old ``.xls``, an OpenDocument spreadsheet, an encrypted or damaged file);
- `Book` reads a cell's value the way the spreadsheet program last showed it: a formula
  by its cached value, with `Book.read` telling when a formula has none (a file written by
  a program that does not compute, such as openpyxl, and never opened in a spreadsheet since);
- `cell_name` names a cell as people write it, ``Phụ lục!D14``;
- `workbook_bytes` turns a workbook into the bytes of an ``.xlsx`` file, for an atomic
  write by the caller.

Cell positions are 1-based (row 1, column 1 = ``A1``), as in the spreadsheet program.
"""

from __future__ import annotations

import datetime as dt
import io
import warnings
import zipfile
from collections.abc import Sequence
from typing import Any

import attrs
from openpyxl import Workbook, load_workbook
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ocop._i18n import tr
from ocop.errors import OcopInputError

__all__ = [
    "SHARE",
    "WHOLE",
    "Book",
    "CellRead",
    "cell_name",
    "is_workbook",
    "open_workbook",
    "table_workbook",
    "workbook_bytes",
]

_ZIP = b"PK\x03\x04"
_OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def is_workbook(path: str, head: bytes = b"") -> bool:
    """``True`` when ``path`` or the first bytes of its file say it is a spreadsheet file
    (``.xlsx``, ``.xlsm``, ``.xls``, ``.ods``, or zip or OLE2 bytes): a file to give to
    `open_workbook`, which reads it or says what it is."""
    lower = path.lower()
    return lower.endswith((".xlsx", ".xlsm", ".xls", ".ods")) or head.startswith((_ZIP, _OLE2))


def _zip_names(data: bytes) -> list[str] | None:
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            return z.namelist()
    except (zipfile.BadZipFile, ValueError, OSError, EOFError):
        return None


def cell_name(sheet: str, row: int, column: int) -> str:
    """A cell as ``tab!A1`` (``"Phụ lục!D14"``): the tab's name as shown, unquoted."""
    return f"{sheet}!{get_column_letter(column)}{row}"


@attrs.frozen
class CellRead:
    """What a cell holds, as the spreadsheet program last showed it.

    Attributes:
        value: The value: ``str``, ``int``, ``float``, ``bool``, a date or time, or ``None``
            for an empty cell. For a formula, its cached value (``None`` if it has none).
        formula: The formula's text (``"=SUM(D5:D9)"``) when the cell holds one.
        uncached: ``True`` for a formula whose value was never computed and saved.
    """

    value: Any
    formula: str | None = None
    uncached: bool = False


@attrs.frozen
class Book:
    """An open workbook: its formulas and its cached values, read once each.

    Attributes:
        formulas: The workbook as written (formula cells hold their formula).
        values: The same workbook with formula cells holding their cached values.
    """

    formulas: Workbook
    values: Workbook

    @property
    def sheet_names(self) -> list[str]:
        """The names of the tabs that hold cells (not chart sheets), in order."""
        return [ws.title for ws in self.formulas.worksheets]

    def sheet(self, name: str) -> tuple[Worksheet, Worksheet]:
        """The tab ``name`` as (formulas, values) worksheets (``KeyError`` when absent)."""
        f, v = self.formulas[name], self.values[name]
        if not isinstance(f, Worksheet) or not isinstance(v, Worksheet):
            # A chart sheet: no cells to read.
            raise KeyError(name)
        return f, v

    def read(self, sheet: str, row: int, column: int) -> CellRead:
        """The cell at ``row``/``column`` (1-based) of tab ``sheet``."""
        f, v = self.sheet(sheet)
        return read_cell(f, v, row, column)


def read_cell(formulas: Worksheet, values: Worksheet, row: int, column: int) -> CellRead:
    """The cell at ``row``/``column`` of a tab given as its (formulas, values) worksheets."""
    raw = formulas.cell(row=row, column=column).value
    if isinstance(raw, str) and raw.startswith("=") and len(raw) > 1:
        cached = values.cell(row=row, column=column).value
        return CellRead(cached, formula=raw, uncached=cached is None)
    if raw is not None and not isinstance(raw, str | int | float | bool | dt.date | dt.time):
        # An array formula or a data table: openpyxl gives an object, not a value.
        cached = values.cell(row=row, column=column).value
        text = getattr(raw, "text", None)
        return CellRead(cached, formula=str(text or "="), uncached=cached is None)
    return CellRead(raw)


def open_workbook(data: bytes, *, name: str) -> Book:
    """The workbook in ``data`` (the bytes of an ``.xlsx`` file named ``name``).

    Raises:
        OcopInputError: ``data`` is not an ``.xlsx`` workbook; the message says what it is
            and how to make it one.
    """
    if not data:
        raise OcopInputError(tr("{name}: the file is empty", name=name))
    if data.startswith(_OLE2):
        raise OcopInputError(
            tr(
                "{name}: this is an old Excel .xls file or an encrypted workbook; save it as "
                "an Excel workbook (.xlsx) without a password",
                name=name,
            )
        )
    names = _zip_names(data) if data.startswith(_ZIP) else None
    if names is None:
        raise OcopInputError(tr("{name}: not an Excel workbook (.xlsx)", name=name))
    if "mimetype" in names and "content.xml" in names:
        raise OcopInputError(
            tr(
                "{name}: this is an OpenDocument spreadsheet (.ods); save it as an Excel "
                "workbook (.xlsx)",
                name=name,
            )
        )
    if "xl/workbook.xml" not in names:
        raise OcopInputError(
            tr("{name}: a zip archive, but not an Excel workbook (.xlsx)", name=name)
        )
    try:
        with warnings.catch_warnings():
            # openpyxl warns of features it does not read (slicers, extensions): not ours.
            warnings.simplefilter("ignore")
            formulas = load_workbook(io.BytesIO(data), data_only=False)
            values = load_workbook(io.BytesIO(data), data_only=True)
    except Exception as exc:  # openpyxl raises many kinds on a damaged file
        why = f"{type(exc).__name__}: {exc}"[:160]
        raise OcopInputError(
            tr(
                "{name}: a damaged Excel workbook ({why}); open and save it again in a "
                "spreadsheet program",
                name=name,
                why=why,
            )
        ) from None
    return Book(formulas, values)


def workbook_bytes(book: Workbook) -> bytes:
    """The bytes of the ``.xlsx`` file of ``book``."""
    buf = io.BytesIO()
    book.save(buf)
    return buf.getvalue()


#: Display formats of written figures: thousands grouped; the spreadsheet program shows the
#: separators of its own locale (``1.500.000`` in Vietnamese).
WHOLE = "#,##0"
SHARE = "0.00"


def table_workbook(
    sheets: Sequence[tuple[str, Sequence[str], Sequence[Sequence[object]], Sequence[str | None]]],
) -> bytes:
    """A workbook of plain tables, one a sheet: ``(name, header, rows, formats)``, where
    ``formats[i]`` is the number format of column ``i`` (``None``: general). Figures are
    written as numbers so that the office can keep computing with them."""
    from openpyxl.styles import Font

    book = Workbook()
    book.remove(book.active)  # type: ignore[arg-type]
    for name, header, rows, formats in sheets:
        ws = book.create_sheet(title=name[:31])
        ws.append(list(header))
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(list(row))
        for col, fmt in enumerate(formats, start=1):
            if fmt is None:
                continue
            for (cell,) in ws.iter_rows(min_row=2, min_col=col, max_col=col):
                cell.number_format = fmt
        ws.freeze_panes = "A2"
    return workbook_bytes(book)
