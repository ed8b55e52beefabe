"""Reading and writing budgets in any form: the edge of [`ocop.budget`][ocop.budget].

The edge has one module per part:

* [`ocop.budget.table`][ocop.budget.table] — the one reader of tables,
  [`read_table`][ocop.budget.table.read_table], for rows of cells from any source, and the one
  writer of rows;
* [`ocop.budget.csvfile`][ocop.budget.csvfile] — CSV text to rows and back
  ([`read_csv`][ocop.budget.csvfile.read_csv], [`write_csv`][ocop.budget.csvfile.write_csv]);
* [`ocop.budget.document`][ocop.budget.document] — the TOML/JSON document, its models and JSON
  Schema ([`read_document`][ocop.budget.document.read_document],
  [`write_document`][ocop.budget.document.write_document],
  [`budget_schema`][ocop.budget.document.budget_schema]);
* here — any form, guessed from the name or the text ([`read_budget`][ocop.budget.io.read_budget]),
  a file ([`load_budget`][ocop.budget.io.load_budget]) and the built-in budget.

Every reader follows the loader contract of `ocop._documents`: it returns a
[`Result`][ocop.problems.Result] with the budget it could read and every problem located by
file, row and field (or ``$.path``); input that cannot be used at all (missing, unreadable,
not text, empty, no header, missing columns, malformed JSON or TOML) raises
[`OcopInputError`][ocop.errors.OcopInputError].
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from importlib import resources
from pathlib import Path
from typing import BinaryIO, Literal

from ocop._documents import not_text
from ocop._i18n import tr
from ocop._xlsx import is_workbook
from ocop.budget.csvfile import NotUtf8, read_csv, write_csv
from ocop.budget.document import (
    BudgetDocument,
    LineDocument,
    TotalDocument,
    budget_schema,
    read_document,
    write_document,
)
from ocop.budget.model import Budget
from ocop.errors import OcopInputError, OcopValueError
from ocop.money import Unit
from ocop.problems import Result

__all__ = [
    "BudgetDocument",
    "LineDocument",
    "TotalDocument",
    "budget_schema",
    "load_budget",
    "quang_tri_2019_budget",
    "read_budget",
    "read_csv",
    "read_document",
    "write_csv",
    "write_document",
]

Format = Literal["csv", "json", "toml"]

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
    text: str,
    *,
    file: str | None = None,
    format: Format | None = None,
    unit: Unit | None = None,
) -> Result[Budget]:
    """Read a budget in any form, guessing it from ``file``'s extension or the text.

    ``unit`` is the unit of a table's money columns whose header states none (see
    [`read_csv`][ocop.budget.csvfile.read_csv]); a document states its own.
    """
    fmt = format or _guess_format(text, file)
    if fmt == "csv":
        return read_csv(text, file=file, unit=unit)
    return read_document(text, format=fmt, file=file)


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


def _lines(path: str | Path) -> Iterator[str]:
    with Path(path).open(encoding="utf-8", newline="") as f:
        yield from f


def load_budget(
    path: str | Path,
    *,
    format: Format | None = None,
    unit: Unit | None = None,
    sheet: str | None = None,
) -> Result[Budget]:
    """Read the budget in the file at ``path`` (CSV, JSON, TOML, or an ``.xlsx`` workbook:
    its worksheet ``sheet``, the first by default; see
    [`read_workbook`][ocop.budget.workbook.read_workbook]).

    CSV files are read line by line, so a large table is never held in memory as text;
    ``unit`` is the unit of its money columns whose header states none (see
    [`read_csv`][ocop.budget.csvfile.read_csv]).

    Raises:
        OcopInputError: The file is missing, unreadable, not UTF-8 text, or unusable.
    """
    name = str(path)
    try:
        with Path(path).open("rb") as raw:
            head = raw.read(8192)
            if format is None and is_workbook(name, head):
                from ocop.budget.workbook import read_workbook

                return read_workbook(head + raw.read(), file=name, sheet=sheet, unit=unit)
            why = not_text(head)
            if why is not None:
                raise OcopInputError(f"{name}: {why}")
            fmt = format or _guess_format(head.decode("utf-8", errors="ignore"), name)
            if fmt == "csv":
                raw.seek(0)
                try:
                    with io.TextIOWrapper(raw, encoding="utf-8", newline="") as stream:
                        return read_csv(stream, file=name, unit=unit, reopen=lambda: _lines(path))
                except NotUtf8:
                    # Decoding runs ahead of parsing: find the first bad byte for the message.
                    with Path(path).open("rb") as again:
                        _check_utf8(again, name)
                    raise
            data = head + raw.read()
    except FileNotFoundError:
        raise OcopInputError(tr("{path}: no such file", path=name)) from None
    except IsADirectoryError:
        raise OcopInputError(tr("{path}: is a directory, not a file", path=name)) from None
    except PermissionError as exc:
        raise OcopInputError(
            tr("{path}: cannot read ({why})", path=name, why=exc.strerror or exc)
        ) from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise OcopInputError(
            tr(
                "{path}: not UTF-8 text (byte {byte}); save the file as UTF-8",
                path=name,
                byte=exc.start + 1,
            )
        ) from None
    return read_budget(text, file=name, format=fmt, unit=unit)


_CACHE: dict[str, Budget] = {}


def quang_tri_2019_budget() -> Budget:
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
