"""A budget table in CSV: the rows of a CSV file for
[`ocop.budget.table.read_table`][ocop.budget.table.read_table], and the rows of
[`ocop.budget.table.table_rows`][ocop.budget.table.table_rows] as CSV.

Files may start with a UTF-8 byte-order mark, use ``,``, ``;`` or tab separators (found from
the first lines) and any line ending. Quoting is read strictly: a quote that is never closed is
a problem located at the row where it opens, and reading goes on at the next line instead of
taking the rest of the file as one cell.
"""

from __future__ import annotations

import csv
import io
import itertools
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from typing import TextIO

from ocop._i18n import tr
from ocop.budget.model import Budget
from ocop.budget.table import Row, read_table, table_rows
from ocop.errors import OcopInputError
from ocop.money import Unit
from ocop.problems import Location, Problem, Result

__all__ = ["read_csv", "write_csv"]

_SNIFF_LINES = 25


class NotUtf8(OcopInputError):
    """A CSV stream turned out not to be UTF-8 while it was being read."""


def _sniff_delimiter(lines: list[str]) -> str:
    """The separator the first lines agree on: the one that splits most rows into the same
    number of cells, quotes respected (a title above the header has no separator; separators
    inside quoted text vary from row to row)."""
    text = "".join(lines)
    best, score = ",", (0, 0)
    for d in (",", ";", "\t"):
        try:
            rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=d))
        except csv.Error:  # pragma: no cover - the lenient reader refuses only NULs
            continue
        widths = Counter(len(r) for r in rows if len(r) > 1)
        if not widths:
            continue
        width, count = max(widths.items(), key=lambda kv: (kv[1], kv[0]))
        if (count, width) > score:
            best, score = d, (count, width)
    return best


class CsvRows:
    """The rows of a CSV text or stream, numbered by the line each starts on.

    Iterating yields [`Row`][ocop.budget.table.Row] pairs; what cannot be read as CSV (a
    quote never closed, a character after a closing quote, a NUL) is added to
    `problems`, located at the row, and reading goes on at the next line.
    """

    def __init__(
        self,
        lines: Iterator[str],
        *,
        file: str | None,
        reopen: Callable[[], Iterator[str]] | None,
        code: str = "budget.csv",
    ) -> None:
        self.file = file
        self.code = code
        self.problems: list[Problem] = []
        self._reopen = reopen
        head: list[str] = []
        try:
            for n, line in enumerate(lines):
                head.append(line.removeprefix("\ufeff") if n == 0 else line)
                if len(head) >= _SNIFF_LINES:
                    break
        except UnicodeDecodeError:
            raise NotUtf8(
                tr("{file}: not UTF-8 text; save the file as UTF-8", file=file or tr("input"))
            ) from None
        self.delimiter = _sniff_delimiter([x for x in head if x.strip()])
        self._lines: Iterator[str] = itertools.chain(head, lines)

    def _reader(self, lines: Iterable[str]) -> Iterator[list[str]]:
        return csv.reader(lines, delimiter=self.delimiter, strict=True)

    def __iter__(self) -> Iterator[Row]:
        name = self.file or "input"
        reader = self._reader(self._lines)
        base = 0  # lines read before the current reader started
        line_no = 0
        while True:
            try:
                record = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                start = line_no + 1
                self.problems.append(_broken_row(str(exc), self.file, start, self.code))
                if self._reopen is None:
                    raise OcopInputError(
                        tr("{file}:{row}: not a CSV table ({why})", file=name, row=start, why=exc)
                    ) from None
                rest = itertools.islice(self._reopen(), start, None)
                reader, base, line_no = self._reader(rest), start, start
                continue
            except UnicodeDecodeError:
                raise NotUtf8(
                    tr(
                        "{file}: not UTF-8 text after line {line}; save the file as UTF-8",
                        file=name,
                        line=line_no,
                    )
                ) from None
            start = line_no + 1
            line_no = base + reader.line_num  # type: ignore[attr-defined]
            yield start, record


def _broken_row(why: str, file: str | None, row: int, code: str) -> Problem:
    if "unexpected end of data" in why:
        message = tr(
            "a quote opens in this row and is never closed, so the rest of the file would be "
            'one cell: close it (") or remove it; reading goes on at the next line'
        )
    elif "expected after" in why:
        message = tr(
            "a quoted cell goes on after its closing quote: quote the whole cell, and double "
            'a quote inside it (""); reading goes on at the next line'
        )
    else:
        message = tr("not CSV here ({why}); reading goes on at the next line", why=why)
    return Problem(code=code, message=message, where=Location(file=file, row=row))


def read_csv(
    text: str | TextIO,
    *,
    file: str | None = None,
    unit: Unit | None = None,
    reopen: Callable[[], Iterator[str]] | None = None,
) -> Result[Budget]:
    """Read a budget table from CSV ``text`` (a string, or a text stream read line by line).

    The table is read by [`ocop.budget.table.read_table`][ocop.budget.table.read_table] (see there
    what it understands: units in headers and unit lines, total rows, Vietnamese figures).

    Args:
        text: The file's text or an open text file (a leading byte-order mark is ignored).
        file: The file's name, for locating problems.
        unit: The unit of money columns whose header states none, as a unit line
            ("ĐVT: 1.000 đồng") above the header would.
        reopen: For a stream: how to read its lines again from the start, to go on after a
            row that is not CSV (a string needs none).

    Raises:
        OcopInputError: The text is empty, has no header, lacks a title or amount column,
            or (for a stream) turns out not to be UTF-8.
    """
    if isinstance(text, str):
        source = CsvRows(
            iter(io.StringIO(text, newline="")),
            file=file,
            reopen=lambda: iter(io.StringIO(text, newline="")),
        )
    else:
        source = CsvRows(iter(text), file=file, reopen=reopen)
    result = read_table(source, file=file, unit=unit)
    if not source.problems:
        return result
    problems = sorted((*source.problems, *result.problems), key=lambda p: p.where.row or 0)
    return Result(result.value, tuple(problems))


def _quote(cell: str, delimiter: str) -> str:
    if delimiter in cell or '"' in cell or "\n" in cell or "\r" in cell:
        return '"' + cell.replace('"', '""') + '"'
    return cell


def write_csv(budget: Budget, *, delimiter: str = ",", bom: bool = False) -> str:
    """The budget as a CSV table that [`read_csv`][ocop.budget.csvfile.read_csv] reads back equal.

    The rows are those of [`ocop.budget.table.table_rows`][ocop.budget.table.table_rows]: the title,
    document and default sources above the header, every column and cell kept, every total row in
    its place. A cell holding the delimiter, a quote, a line break or a lone carriage return is
    quoted.
    """
    out = ["\ufeff"] if bom else []
    for cells in table_rows(budget):
        out.append(delimiter.join(_quote(c, delimiter) for c in cells))
        out.append("\n")
    return "".join(out)
