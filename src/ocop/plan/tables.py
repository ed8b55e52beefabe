"""A plan given as a folder of CSV tables: ``activities.csv``, ``targets.csv``, ``budget.csv``.

The layout of ``shared/data/quang-tri-2019``: one activity a row (``id, title, from, to,
lead, implementers, coordinators, place, budget_lines, evidence``; lists separated by ``;``),
one target a row (``id, text, indicator, comparison, value, unit, level, activities``; a
``between`` target's value as ``low-high``), the budget as a budget table. The tables are read
with the CSV reader of budgets (strict quoting, any separator) and become a plan document;
every problem is then located where the user can fix it: the CSV file, its row and its column,
not a ``$.path`` into a document the user never wrote.
"""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path
from typing import Any

import attrs

from ocop._documents import read_text_file
from ocop._i18n import tr, trn
from ocop.budget import Budget, load_budget
from ocop.budget.csvfile import CsvRows
from ocop.errors import OcopInputError, OcopValueError
from ocop.periods import QuarterRange
from ocop.plan.model import Comparison, Plan
from ocop.plan.read import read_data
from ocop.problems import Location, Problem, Result
from ocop.text import normalize

__all__ = ["read_folder"]

_ACTIVITY_COLUMNS = ("id", "title", "from")
_TARGET_COLUMNS = ("id", "text", "indicator", "comparison")
# The document field each CSV column becomes (a column not listed keeps its name).
_ACTIVITY_FIELDS = {"window": "from"}


@attrs.frozen
class _Table:
    path: Path
    header: list[str]
    rows: list[tuple[int, dict[str, str]]]
    problems: tuple[Problem, ...]


def _table(path: Path, columns: tuple[str, ...]) -> _Table:
    text = read_text_file(path)
    if not text.strip():
        raise OcopInputError(tr("{file}: the file is empty", file=path))
    source = CsvRows(
        iter(io.StringIO(text, newline="")),
        file=str(path),
        reopen=lambda: iter(io.StringIO(text, newline="")),
        code="plan.csv",
    )
    header: list[str] | None = None
    rows: list[tuple[int, dict[str, str]]] = []
    for number, cells in source:
        if header is None:
            if any(c.strip() for c in cells):
                header = [c.strip() for c in cells]
            continue
        if not "".join(cells).strip():
            continue
        rows.append((number, dict(zip(header, cells, strict=False))))
    missing = [c for c in columns if header is None or c not in header]
    if missing or not rows:
        if missing:
            message = trn(
                "{file}: missing column {missing} (a plan table needs {columns})",
                "{file}: missing columns {missing} (a plan table needs {columns})",
                len(missing),
                file=path,
                missing=", ".join(missing),
                columns=", ".join(columns),
            )
        else:
            message = tr(
                "{file}: no rows (a plan table needs {columns})",
                file=path,
                columns=", ".join(columns),
            )
        raise OcopInputError(message)
    return _Table(path, header or [], rows, tuple(source.problems))


def _list(text: str | None) -> list[str]:
    return [normalize(x) for x in (text or "").split(";") if x.strip()]


def _quarters_ok(text: str) -> bool:
    try:
        QuarterRange.parse(text)
    except OcopValueError:
        return False
    return True


def _comparison(text: str) -> Comparison | None:
    try:
        return Comparison.parse(text)
    except OcopValueError:
        return None


def read_folder(folder: Path) -> Result[Plan | None]:
    """Read the plan in a folder of CSV tables (see the module's documentation).

    Raises:
        OcopInputError: ``activities.csv`` is missing, a table is unusable, or the budget
            file is.
    """
    a_path, t_path, b_path = (folder / f for f in ("activities.csv", "targets.csv", "budget.csv"))
    activities = _table(a_path, _ACTIVITY_COLUMNS)
    targets = _table(t_path, _TARGET_COLUMNS) if t_path.exists() else None
    data: dict[str, Any] = {"schema": 1, "number": folder.name, "activities": [], "targets": []}
    for _, row in activities.rows:
        first, last = (row.get("from") or "").strip(), (row.get("to") or "").strip()
        data["activities"].append(
            {
                "id": row.get("id", ""),
                "title": row.get("title", ""),
                "window": first if not last or last == first else f"{first}..{last}",
                "lead": row.get("lead") or None,
                "implementers": _list(row.get("implementers")),
                "coordinators": _list(row.get("coordinators")),
                "place": row.get("place") or None,
                "budget_lines": _list(row.get("budget_lines")),
                "evidence": _list(row.get("evidence")),
            }
        )
    for _, row in targets.rows if targets is not None else ():
        comparison = (row.get("comparison") or "").strip()
        value: str | None = (row.get("value") or "").strip() or None
        high = None
        if value and "-" in value.strip("-") and _comparison(comparison) is Comparison.BETWEEN:
            value, high = (x.strip() for x in value.split("-", 1))
        item = {
            "id": row.get("id", ""),
            "text": row.get("text", ""),
            "indicator": row.get("indicator", ""),
            "comparison": comparison,
            "value": value,
            "high": high,
            "unit": row.get("unit") or "",
            "activities": _list(row.get("activities")),
        }
        if row.get("level"):
            item["level"] = row["level"]
        data["targets"].append(item)
    years = Counter(
        QuarterRange.parse(a["window"]).first.year
        for a in data["activities"]
        if _quarters_ok(a["window"])
    )
    data["year"] = years.most_common(1)[0][0] if years else 2019
    if b_path.exists():
        data["budget"] = "budget.csv"

    def opener(ref: str) -> Result[Budget]:
        return load_budget(folder / ref)

    result = read_data(data, file=str(folder), opener=opener)
    tables = {"activities": activities, "targets": targets}
    located = tuple(_locate(p, str(folder), tables) for p in result.problems)
    found = (*activities.problems, *(targets.problems if targets else ()), *located)
    return Result(result.value, found)


def _locate(problem: Problem, folder: str, tables: dict[str, _Table | None]) -> Problem:
    """A problem at ``$.activities[3].window`` of the folder, at its CSV file, row and
    column instead (``activities.csv:5: from``)."""
    where = problem.where
    if where.file != folder or not where.path:
        return problem
    for key, table in tables.items():
        prefix = f"$.{key}["
        if table is None or not where.path.startswith(prefix):
            continue
        index, _, rest = where.path[len(prefix) :].partition("]")
        if not index.isdigit() or int(index) >= len(table.rows):
            continue
        number, _ = table.rows[int(index)]
        field = rest.lstrip(".").split("[", 1)[0].split(".", 1)[0] or None
        if field is not None:
            field = _ACTIVITY_FIELDS.get(field, field) if key == "activities" else field
            if field == "high":
                field = "value"
        return attrs.evolve(problem, where=Location(file=str(table.path), row=number, field=field))
    return problem
