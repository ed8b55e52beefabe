"""Reading and writing plans: the edge of [`ocop.plan`][ocop.plan].

A plan document (its JSON Schema is [`plan_schema`][ocop.plan.document.plan_schema]) holds the
plan's header, its ``activities``, ``targets`` and ``facts``, and its ``budget``: either a budget
document embedded as a table (the shape of
[`ocop.budget.BudgetDocument`][ocop.budget.BudgetDocument]) or the name of a budget file (CSV, TOML
or JSON) beside the plan, read by [`ocop.budget.load_budget`][ocop.budget.load_budget]::

    schema = 1
    number = "278/KH-SNN"
    date = 2019-03-04
    year = 2019
    issuer = "Sở Nông nghiệp và PTNT tỉnh Quảng Trị"
    budget = "budget.toml"

    [[activities]]
    id = "II.5.1"
    title = "Tổ chức đăng ký sản phẩm"
    window = "2019-Q2"
    budget_lines = ["5.1"]
    evidence = ["register"]

    [[targets]]
    id = "T5"
    text = "Có ít nhất 20 sản phẩm đạt 3 sao trở lên cấp tỉnh"
    indicator = "products_3star_plus_provincial"
    comparison = "at_least"
    value = 20

    [[facts]]
    indicator = "officials_trained"
    value = 412
    on = 2019-06-28
    source = "Báo cáo số 95/BC-CCPTNT"

Figures given as text follow the one convention of [`ocop.figures`][ocop.figures] (``"1.500"`` is
one thousand five hundred, ``"97,5"`` has a decimal comma); a target or fact that counts people or
things (a cycle indicator, or a unit such as người, sản phẩm) is a whole number.

The edge has one module per part: [`ocop.plan.document`][ocop.plan.document] (the models and the
schema), [`ocop.plan.read`][ocop.plan.read] (a document to the model, every problem at once),
[`ocop.plan.tables`][ocop.plan.tables] (a folder of CSV tables, problems located in the tables),
[`ocop.plan.write`][ocop.plan.write] (the writer), and here: files and the built-in plan.

Every reader follows the loader contract of [`ocop._documents`][ocop._documents]: it returns a
[`Result`][ocop.problems.Result] with every problem located; input that cannot be used at all
raises [`OcopInputError`][ocop.errors.OcopInputError].
"""

from __future__ import annotations

from importlib import resources
from pathlib import Path
from typing import Literal

from ocop._documents import parse_document, read_text_file
from ocop._i18n import tr
from ocop.budget import Budget
from ocop.errors import OcopInputError, OcopValueError
from ocop.plan.document import (
    ActivityDocument,
    FactDocument,
    PlanDocument,
    TargetDocument,
    plan_schema,
)
from ocop.plan.model import Plan
from ocop.plan.read import read_data, read_plan
from ocop.plan.tables import read_folder
from ocop.plan.write import write_plan
from ocop.problems import Result

__all__ = [
    "ActivityDocument",
    "FactDocument",
    "PlanDocument",
    "TargetDocument",
    "load_plan",
    "plan_schema",
    "quang_tri_2019",
    "read_plan",
    "write_plan",
]

Format = Literal["json", "toml"]


def _load_file(path: Path, fmt: Format | None = None) -> Result[Plan | None]:
    for name, kind in (("plan.toml", "toml"), ("plan.json", "json")):
        if path.is_dir() and (path / name).is_file():
            return _load_file(path / name, kind)  # type: ignore[arg-type]
    name = str(path)
    text = read_text_file(path)
    if fmt is None:
        suffix = path.suffix.lower()
        fmt = (
            "json"
            if suffix == ".json" or (suffix != ".toml" and text.lstrip()[:1] == "{")
            else "toml"
        )
    return read_plan(text, format=fmt, file=name, base=path.parent)


def load_plan(path: str | Path) -> Result[Plan | None]:
    """Read the plan at ``path``: a TOML or JSON document, or a folder of CSV tables.

    A ``plan.toml`` or ``plan.json`` in a folder is read instead of its tables.

    Returns:
        The plan (``None`` when the plan itself has an error) and every problem, located in
        the file the user can fix: the document and its ``$.path``, or the CSV table, its row
        and column; the budget's problems in the budget's own file.

    Raises:
        OcopInputError: The file or folder is missing, unreadable, or not a plan at all, or
            the budget file it names is missing, a folder, or unreadable.
    """
    p = Path(path)
    if p.is_dir():
        if not (p / "activities.csv").exists() and not any(
            (p / n).exists() for n in ("plan.toml", "plan.json")
        ):
            raise OcopInputError(
                f"{path}: a plan folder holds plan.toml, or activities.csv, targets.csv and "
                "budget.csv"
            )
        if any((p / n).is_file() for n in ("plan.toml", "plan.json")):
            return _load_file(p)
        return read_folder(p)
    if not p.exists():
        raise OcopInputError(tr("{path}: no such file", path=path))
    if p.suffix.lower() == ".csv":
        raise OcopInputError(
            f"{path}: a plan is a TOML or JSON document, or a folder of CSV tables "
            "(activities.csv, targets.csv, budget.csv); give the folder"
        )
    return _load_file(p)


_BUILTIN = "quang-tri-2019"
_CACHE: dict[str, Plan] = {}


def quang_tri_2019() -> Plan:
    """The built-in plan: Quảng Trị's OCOP plan for 2019 (278/KH-SNN, 4 March 2019).

    15 activities in quarters, 10 targets and the budget annex of 6.422.330.000 đồng
    ([`ocop.budget.quang_tri_2019_budget`][ocop.budget.quang_tri_2019_budget]), with the links
    between activities and budget lines that the plan's text makes evident.
    """
    if _BUILTIN not in _CACHE:
        from ocop.budget import quang_tri_2019_budget as builtin_budget

        folder = resources.files("ocop.data").joinpath(_BUILTIN)
        text = folder.joinpath("plan.toml").read_text("utf-8")

        def opener(ref: str) -> Result[Budget]:
            if ref != "budget.toml":  # pragma: no cover - guarded by the shipped-data tests
                raise OcopInputError(f"the built-in plan names an unknown budget {ref!r}")
            return Result(builtin_budget())

        data = parse_document(text, format="toml", name=f"{_BUILTIN}/plan.toml")
        result = read_data(data, file=f"{_BUILTIN}/plan.toml", opener=opener)
        if result.value is None or not result.ok:  # pragma: no cover - guarded by tests
            raise OcopValueError("the built-in plan does not read: " + str(result.problems))
        _CACHE[_BUILTIN] = result.value
    return _CACHE[_BUILTIN]
