"""Reading and writing plans: the TOML or JSON document and the three CSV tables.

A plan document (its JSON Schema is [`plan_schema`][ocop.plan.io.plan_schema]) holds the plan's
header, its ``activities``, ``targets`` and ``facts``, and its ``budget``: either a budget document
embedded as a table (the shape of [`ocop.budget.BudgetDocument`][ocop.budget.BudgetDocument]) or the
name of a budget file (CSV, TOML or JSON) beside the plan, read by
[`ocop.budget.load_budget`][ocop.budget.load_budget]::

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

A folder holding ``activities.csv``, ``targets.csv`` and ``budget.csv`` (the layout of
``shared/data/quang-tri-2019``) also loads; a ``plan.toml`` or ``plan.json`` in the folder is
read instead when there is one.

Every reader returns a [`Result`][ocop.problems.Result] with every problem located by file and
``$.path`` (or row and column); input that cannot be used at all raises
[`OcopInputError`][ocop.errors.OcopInputError].
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
from collections import Counter
from collections.abc import Callable
from decimal import Decimal, InvalidOperation
from fractions import Fraction
from importlib import resources
from pathlib import Path
from typing import Any, Literal

import attrs
import pydantic

from ocop._documents import dump_toml, parse_document
from ocop.budget import Budget, BudgetDocument, load_budget, read_document
from ocop.cycle import EventKind
from ocop.errors import OcopInputError, OcopValueError
from ocop.periods import QuarterRange
from ocop.plan.model import ABOUT_TOLERANCE, Activity, Comparison, Fact, Number, Plan, Target
from ocop.problems import Location, Problem, Result, Severity
from ocop.regimes import Level
from ocop.text import normalize

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


class _Doc(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid")


class ActivityDocument(_Doc):
    """One activity of a plan document."""

    id: str = pydantic.Field(min_length=1, description="Its number in the plan, e.g. II.5.1.")
    title: str = pydantic.Field(min_length=1, description="What is done (nội dung).")
    window: str = pydantic.Field(
        description="Quarters: 2019-Q2, 2019-Q2..2019-Q4 or 'Quý II - IV năm 2019'."
    )
    lead: str | None = pydantic.Field(default=None, description="Lead body (cơ quan chủ trì).")
    implementers: list[str] = pydantic.Field(
        default_factory=list, description="Bodies that carry it out (đơn vị thực hiện)."
    )
    coordinators: list[str] = pydantic.Field(
        default_factory=list, description="Bodies that help (đơn vị phối hợp)."
    )
    place: str | None = pydantic.Field(default=None, description="Where (địa điểm).")
    budget_lines: list[str] = pydantic.Field(
        default_factory=list,
        description="Budget line keys that fund it: a code (2.1) or #row for uncoded lines.",
    )
    budget_basis: str = pydantic.Field(default="", description="Why those lines fund it.")
    evidence: list[str] = pydantic.Field(
        default_factory=list,
        description="Cycle events that show it under way: kind or kind:level.",
    )


class TargetDocument(_Doc):
    """One target of a plan document."""

    id: str = pydantic.Field(min_length=1)
    text: str = pydantic.Field(min_length=1, description="The target as the plan words it.")
    indicator: str = pydantic.Field(
        min_length=1, description="What is counted: a cycle indicator or a fact's name."
    )
    comparison: str = pydantic.Field(description="at_least, about, between or done.")
    value: int | str | None = pydantic.Field(
        default=None, description="The figure (the low end for between); decimals as text."
    )
    high: int | str | None = pydantic.Field(default=None, description="The high end (between).")
    unit: str = ""
    level: str | None = None
    activities: list[str] = pydantic.Field(
        default_factory=list, description="Activities whose window paces the target."
    )
    tolerance: int | str | None = pydantic.Field(
        default=None, description="Per cent either side for 'about' (default 20)."
    )


class FactDocument(_Doc):
    """A fact recorded for an indicator or an activity."""

    on: dt.date = pydantic.Field(description="The date of the fact.")
    indicator: str | None = None
    activity: str | None = None
    value: bool | int | str = pydantic.Field(
        default=True,
        description="A figure (decimals as text), true for done, or started/done for an activity.",
    )
    source: str = ""


class PlanDocument(_Doc):
    """A provincial OCOP plan (kế hoạch), as TOML or JSON."""

    model_config = pydantic.ConfigDict(
        extra="forbid", title="ocop plan", json_schema_extra={"$id": "ocop-plan-1"}
    )

    schema_version: Literal[1] = pydantic.Field(default=1, alias="schema")
    number: str = pydantic.Field(min_length=1, description="The plan's number, e.g. 278/KH-SNN.")
    date: dt.date | None = pydantic.Field(default=None, description="The day it was issued.")
    year: int = pydantic.Field(ge=2018, le=2100, description="The year it plans.")
    issuer: str = ""
    title: str = ""
    province: str = ""
    budget: str | BudgetDocument | None = pydantic.Field(
        default=None, description="A budget document, or the name of a budget file beside it."
    )
    activities: list[ActivityDocument] = pydantic.Field(default_factory=list)
    targets: list[TargetDocument] = pydantic.Field(default_factory=list)
    facts: list[FactDocument] = pydantic.Field(default_factory=list)


def plan_schema() -> dict[str, Any]:
    """The JSON Schema of the plan document (TOML documents have the same shape)."""
    return PlanDocument.model_json_schema(by_alias=True)


def _path(loc: tuple[int | str, ...]) -> str:
    out = "$"
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else f".{part}"
    return out


BudgetOpener = Callable[[str], Result[Budget]]


def read_plan(
    text: str,
    *,
    format: Format = "toml",
    file: str | None = None,
    base: Path | None = None,
) -> Result[Plan | None]:
    """Read a plan document from TOML or JSON ``text``.

    Args:
        text: The document.
        format: ``"toml"`` or ``"json"``.
        file: Its name, for locating problems.
        base: The folder a budget file named by the document is in (default: the folder of
            ``file``, else the current folder).

    Returns:
        The plan (``None`` when its shape is wrong) and every problem found.

    Raises:
        OcopInputError: The text is empty or not TOML/JSON at all.
    """
    folder = base if base is not None else (Path(file).parent if file else Path())

    def opener(ref: str) -> Result[Budget]:
        return load_budget(folder / ref)

    return _read(text, format=format, file=file, opener=opener)


def _read(
    text: str, *, format: Format, file: str | None, opener: BudgetOpener
) -> Result[Plan | None]:
    name = file or "input"
    data = parse_document(text, format=format, name=name)
    if not isinstance(data, dict):
        raise OcopInputError(f"{name}: a plan document is an object with 'number' and 'year'")
    try:
        doc = PlanDocument.model_validate(data)
    except pydantic.ValidationError as exc:
        return Result(None, tuple(_shape_problems(exc, data, file)))
    return _from_document(doc, data.get("budget"), file=file, opener=opener)


# The tags pydantic puts in an error's location for the members of a union, and the JSON
# types each member takes.
_UNION_TAGS: dict[str, tuple[type, ...]] = {
    "int": (int,),
    "str": (str,),
    "bool": (bool,),
    "BudgetDocument": (dict,),
}


def _at(data: object, loc: tuple[int | str, ...]) -> object:
    for part in loc:
        if isinstance(data, dict) and isinstance(part, str):
            data = data.get(part)
        elif isinstance(data, list) and isinstance(part, int) and 0 <= part < len(data):
            data = data[part]
        else:
            return None
    return data


def _takes(kinds: tuple[type, ...], value: object) -> bool:
    if isinstance(value, bool):
        return bool in kinds
    return isinstance(value, kinds)


def _shape_problems(exc: pydantic.ValidationError, data: object, file: str | None) -> list[Problem]:
    """One problem per place: a union's errors are those of the member the value's type
    names; a value no member takes (a float where a number is written as an integer or
    text) gets one message that says what to write."""
    errors = [(_split(tuple(e["loc"])), e["msg"]) for e in exc.errors()]
    members: dict[tuple[int | str, ...], set[str]] = {}
    for (_, tags), _msg in errors:
        for at, tag in tags:
            members.setdefault(at, set()).add(tag)
    out: dict[str, Problem] = {}
    for (loc, tags), msg in errors:
        clean, message = loc, msg
        skip = False
        for at, tag in tags:
            value = _at(data, at)
            if _takes(_UNION_TAGS[tag], value):
                continue
            if any(_takes(_UNION_TAGS[m], value) for m in members[at]):
                skip = True  # the member that takes this type says what is wrong
                break
            clean = at
            if isinstance(value, float):
                message = (
                    f"{value!r} is a float: write a whole number, or a decimal as text "
                    '("97.5"), so that it stays exact'
                )
            else:
                allowed = " or ".join(_NAMES[m] for m in sorted(members[at]))
                message = f"write {allowed} here (got {_json_type(value)})"
            break
        path = _path(clean)
        if not skip and path not in out:
            out[path] = Problem(
                code="plan.schema", message=message, where=Location(file=file, path=path)
            )
    return list(out.values())


_NAMES = {
    "int": "an integer",
    "str": "text",
    "bool": "true or false",
    "BudgetDocument": "a budget table",
}


def _split(
    loc: tuple[int | str, ...],
) -> tuple[tuple[int | str, ...], list[tuple[tuple[int | str, ...], str]]]:
    """``loc`` without its union tags, and where each tag stood (as a path in the data)."""
    clean: list[int | str] = []
    tags: list[tuple[tuple[int | str, ...], str]] = []
    for part in loc:
        if isinstance(part, str) and part in _UNION_TAGS:
            tags.append((tuple(clean), part))
        else:
            clean.append(part)
    return tuple(clean), tags


def _json_type(value: object) -> str:
    if isinstance(value, bool):
        return "true or false"
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "a list"
    if isinstance(value, int | float):
        return f"the number {value!r}"
    return type(value).__name__


def _number(
    value: int | str | None, path: str, file: str | None, problems: list[Problem]
) -> Number | None:
    if value is None or isinstance(value, int):
        return value
    text = normalize(value).replace(",", ".")
    try:
        number = Decimal(text)
    except InvalidOperation:
        number = None
    if number is None or not number.is_finite():
        problems.append(
            Problem(
                code="plan.value",
                message=f'{value!r} is not a number (write 20 or "97.5")',
                where=Location(file=file, path=path),
            )
        )
        return None
    return int(number) if number == number.to_integral_value() else number


def _problem(
    code: str, message: str, file: str | None, path: str, *, warning: bool = False
) -> Problem:
    return Problem(
        code=code,
        message=message,
        where=Location(file=file, path=path),
        severity=Severity.WARNING if warning else Severity.ERROR,
    )


def _evidence_ok(spec: str) -> bool:
    kind, _, level = spec.partition(":")
    try:
        EventKind(kind)
        if level:
            Level.parse(level)
    except (ValueError, OcopValueError):
        return False
    return True


def _activity(
    d: ActivityDocument, path: str, file: str | None, problems: list[Problem]
) -> Activity | None:
    try:
        window = QuarterRange.parse(d.window)
    except OcopValueError as exc:
        problems.append(_problem("plan.window", str(exc), file, f"{path}.window"))
        return None
    for j, spec in enumerate(d.evidence):
        if not _evidence_ok(spec):
            kinds = ", ".join(k.value for k in EventKind)
            problems.append(
                _problem(
                    "plan.evidence",
                    f"{spec!r} is not an event (kind or kind:level; kinds: {kinds})",
                    file,
                    f"{path}.evidence[{j}]",
                )
            )
    return Activity(
        id=normalize(d.id),
        title=normalize(d.title),
        window=window,
        lead=normalize(d.lead) or None if d.lead else None,
        implementers=tuple(normalize(x) for x in d.implementers if x.strip()),
        coordinators=tuple(normalize(x) for x in d.coordinators if x.strip()),
        place=normalize(d.place) or None if d.place else None,
        budget_lines=tuple(normalize(x) for x in d.budget_lines),
        budget_basis=normalize(d.budget_basis),
        evidence=tuple(d.evidence),
        source=Location(file=file, path=path),
    )


def _target(
    d: TargetDocument, path: str, file: str | None, problems: list[Problem]
) -> Target | None:
    try:
        comparison = Comparison.parse(d.comparison)
    except OcopValueError as exc:
        problems.append(_problem("plan.comparison", str(exc), file, f"{path}.comparison"))
        return None
    before = len(problems)
    value = _number(d.value, f"{path}.value", file, problems)
    high = _number(d.high, f"{path}.high", file, problems)
    tolerance = ABOUT_TOLERANCE
    if d.tolerance is not None:
        pct = _number(d.tolerance, f"{path}.tolerance", file, problems)
        if pct is not None:
            if not 0 <= pct < 100:
                problems.append(
                    _problem(
                        "plan.value",
                        f"a tolerance is a per cent from 0 to below 100 (got {pct})",
                        file,
                        f"{path}.tolerance",
                    )
                )
            tolerance = Fraction(pct) / 100
    if len(problems) > before:
        return None
    if comparison is not Comparison.DONE and value is None:
        problems.append(
            _problem(
                "plan.value",
                f"a target compared {comparison.value!r} needs a value",
                file,
                f"{path}.value",
            )
        )
        return None
    if comparison is Comparison.BETWEEN:
        if high is None:
            problems.append(
                _problem(
                    "plan.value", "a 'between' target needs its high end", file, f"{path}.high"
                )
            )
            return None
        if value is not None and high < value:
            problems.append(
                _problem(
                    "plan.value",
                    f"the high end {high} is below the low end {value}",
                    file,
                    f"{path}.high",
                )
            )
            return None
    elif high is not None:
        problems.append(
            _problem(
                "plan.value",
                f"'high' is only for 'between' targets (this one is {comparison.value!r})",
                file,
                f"{path}.high",
            )
        )
        return None
    if value is not None and value < 0:
        problems.append(
            _problem(
                "plan.value", f"a target cannot be negative (got {value})", file, f"{path}.value"
            )
        )
        return None
    return Target(
        id=normalize(d.id),
        text=normalize(d.text),
        indicator=d.indicator.strip(),
        comparison=comparison,
        value=value,
        high=high,
        unit=normalize(d.unit),
        level=normalize(d.level) or None if d.level else None,
        activities=tuple(normalize(a) for a in d.activities),
        tolerance=tolerance,
        source=Location(file=file, path=path),
    )


def _fact(
    d: FactDocument,
    path: str,
    file: str | None,
    activity_ids: set[str],
    problems: list[Problem],
) -> Fact | None:
    if (d.indicator is None) == (d.activity is None):
        problems.append(
            _problem(
                "plan.fact",
                "a fact is about one indicator or one activity: give 'indicator' or 'activity'",
                file,
                path,
            )
        )
        return None
    value: Number | bool | str
    if d.activity is not None:
        before = len(problems)
        if d.activity not in activity_ids:
            problems.append(
                _problem(
                    "plan.unknown_activity",
                    f"no activity {d.activity!r} in the plan",
                    file,
                    f"{path}.activity",
                )
            )
        if d.value not in ("started", "done"):
            problems.append(
                _problem(
                    "plan.fact",
                    f"an activity's fact says 'started' or 'done' (got {d.value!r})",
                    file,
                    f"{path}.value",
                )
            )
        if len(problems) > before or not isinstance(d.value, str):
            return None
        value = d.value
    elif isinstance(d.value, bool):
        value = d.value
    else:
        found = _number(d.value, f"{path}.value", file, problems)
        if found is None:
            return None
        value = found
    return Fact(
        on=d.on,
        indicator=d.indicator,
        activity=d.activity,
        value=value,
        source=normalize(d.source),
        where=Location(file=file, path=path),
    )


def _duplicates(
    ids: list[str], what: str, key: str, file: str | None, problems: list[Problem]
) -> None:
    seen: dict[str, int] = {}
    for i, x in enumerate(ids):
        if x in seen:
            problems.append(
                _problem(
                    "plan.duplicate",
                    f"{what} {x!r} again (also {key}[{seen[x]}])",
                    file,
                    f"{key}[{i}].id",
                )
            )
        else:
            seen[x] = i


def _budget(
    raw: object, doc: PlanDocument, file: str | None, opener: BudgetOpener, problems: list[Problem]
) -> Budget | None:
    if doc.budget is None:
        return None
    if isinstance(doc.budget, str):
        try:
            result = opener(doc.budget)
        except OcopInputError as exc:
            problems.append(
                _problem("plan.budget", f"the budget cannot be read: {exc}", file, "$.budget")
            )
            return None
        problems.extend(result.problems)
        return result.value
    result = read_document(json.dumps(raw, ensure_ascii=False), format="json", file=file)
    for p in result.problems:
        path = p.where.path or "$"
        problems.append(attrs.evolve(p, where=attrs.evolve(p.where, path="$.budget" + path[1:])))
    return result.value


def _from_document(
    doc: PlanDocument, raw_budget: object, *, file: str | None, opener: BudgetOpener
) -> Result[Plan | None]:
    problems: list[Problem] = []
    _duplicates([a.id for a in doc.activities], "activity", "$.activities", file, problems)
    _duplicates([t.id for t in doc.targets], "target", "$.targets", file, problems)
    activities = [
        _activity(d, f"$.activities[{i}]", file, problems) for i, d in enumerate(doc.activities)
    ]
    targets = [_target(d, f"$.targets[{i}]", file, problems) for i, d in enumerate(doc.targets)]
    ids = {a.id for a in activities if a is not None}
    facts = [_fact(d, f"$.facts[{i}]", file, ids, problems) for i, d in enumerate(doc.facts)]
    for i, td in enumerate(doc.targets):
        for j, ref in enumerate(td.activities):
            if normalize(ref) not in ids:
                problems.append(
                    _problem(
                        "plan.unknown_activity",
                        f"no activity {ref!r} in the plan",
                        file,
                        f"$.targets[{i}].activities[{j}]",
                    )
                )
    for a in activities:
        if a is not None and doc.year not in (a.window.first.year, a.window.last.year):
            problems.append(
                _problem(
                    "plan.window",
                    f"activity {a.id}'s window {a.window} is outside the plan's year {doc.year}",
                    file,
                    f"{a.source.path if a.source else '$'}.window",
                    warning=True,
                )
            )
    budget = _budget(raw_budget, doc, file, opener, problems)
    if budget is not None:
        keys = {line.key for line in budget.lines}
        for i, ad in enumerate(doc.activities):
            for j, key in enumerate(ad.budget_lines):
                if normalize(key) not in keys:
                    problems.append(
                        _problem(
                            "plan.budget_line",
                            f"the budget has no line {key!r} (codes such as 2.1, or #row for "
                            "an uncoded line)",
                            file,
                            f"$.activities[{i}].budget_lines[{j}]",
                        )
                    )
    if any(x is None for x in (*activities, *targets, *facts)) or any(
        p.is_error and p.code.startswith("plan.") for p in problems
    ):
        return Result(None, tuple(problems))
    plan = Plan(
        number=normalize(doc.number),
        year=doc.year,
        date=doc.date,
        issuer=normalize(doc.issuer),
        title=normalize(doc.title),
        province=normalize(doc.province),
        activities=tuple(a for a in activities if a is not None),
        targets=tuple(t for t in targets if t is not None),
        facts=tuple(sorted((f for f in facts if f is not None), key=lambda f: f.on)),
        budget=budget,
        source=Location(file=file),
    )
    return Result(plan, tuple(problems))


# ----------------------------------------------------------------------------- CSV tables


def _csv_rows(path: Path) -> list[dict[str, str]]:
    try:
        text = path.read_bytes().decode("utf-8").removeprefix("\ufeff")
    except FileNotFoundError:
        raise OcopInputError(f"{path}: no such file") from None
    except UnicodeDecodeError as exc:
        raise OcopInputError(
            f"{path}: not UTF-8 text (byte {exc.start + 1}); save the file as UTF-8"
        ) from None
    except OSError as exc:
        raise OcopInputError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not text.strip():
        raise OcopInputError(f"{path}: the file is empty")
    try:
        return list(csv.DictReader(io.StringIO(text, newline="")))
    except csv.Error as exc:
        raise OcopInputError(f"{path}: not a CSV table ({exc})") from None


def _need(rows: list[dict[str, str]], path: Path, columns: tuple[str, ...]) -> None:
    have = set(rows[0]) if rows else set()
    missing = [c for c in columns if c not in have]
    if missing or not rows:
        raise OcopInputError(
            f"{path}: missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing) or '(no rows)'} (a plan table needs {', '.join(columns)})"
        )


def _list(text: str | None) -> list[str]:
    return [normalize(x) for x in (text or "").split(";") if x.strip()]


def _read_folder(folder: Path) -> Result[Plan | None]:
    for name, fmt in (("plan.toml", "toml"), ("plan.json", "json")):
        doc = folder / name
        if doc.is_file():
            return _load_file(doc, fmt)  # type: ignore[arg-type]
    a_path, t_path, b_path = (folder / f for f in ("activities.csv", "targets.csv", "budget.csv"))
    activities = _csv_rows(a_path)
    _need(activities, a_path, ("id", "title", "from"))
    targets = _csv_rows(t_path) if t_path.exists() else []
    if targets:
        _need(targets, t_path, ("id", "text", "indicator", "comparison"))
    data: dict[str, Any] = {"schema": 1, "number": folder.name, "activities": [], "targets": []}
    for row in activities:
        first, last = (row.get("from") or "").strip(), (row.get("to") or "").strip()
        data["activities"].append(
            {
                "id": row["id"],
                "title": row["title"],
                "window": first if not last or last == first else f"{first}..{last}",
                "lead": row.get("lead") or None,
                "implementers": _list(row.get("implementers")),
                "coordinators": _list(row.get("coordinators")),
                "place": row.get("place") or None,
                "budget_lines": _list(row.get("budget_lines")),
                "evidence": _list(row.get("evidence")),
            }
        )
    for row in targets:
        comparison = (row.get("comparison") or "").strip()
        value: str | None = (row.get("value") or "").strip() or None
        high = None
        if value and "-" in value.strip("-") and Comparison.parse(comparison) is Comparison.BETWEEN:
            value, high = (x.strip() for x in value.split("-", 1))
        item = {
            "id": row["id"],
            "text": row["text"],
            "indicator": row["indicator"],
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
    text = json.dumps(data, ensure_ascii=False)

    def opener(ref: str) -> Result[Budget]:
        return load_budget(folder / ref)

    try:
        return _read(text, format="json", file=str(folder), opener=opener)
    except OcopValueError as exc:  # pragma: no cover - the comparison was parsed above
        raise OcopInputError(f"{folder}: {exc}") from None


def _quarters_ok(text: str) -> bool:
    try:
        QuarterRange.parse(text)
    except OcopValueError:
        return False
    return True


def _load_file(path: Path, fmt: Format | None = None) -> Result[Plan | None]:
    name = str(path)
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise OcopInputError(f"{name}: no such file") from None
    except OSError as exc:
        raise OcopInputError(f"{name}: cannot read ({exc.strerror or exc})") from None
    if b"\x00" in raw[:8192]:
        raise OcopInputError(f"{name}: this is a binary file, not UTF-8 text")
    try:
        text = raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError as exc:
        raise OcopInputError(
            f"{name}: not UTF-8 text (byte {exc.start + 1}); save the file as UTF-8"
        ) from None
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

    Raises:
        OcopInputError: The file or folder is missing, unreadable, or not a plan at all.
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
        return _read_folder(p)
    if not p.exists():
        raise OcopInputError(f"{path}: no such file")
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
    ([`ocop.budget.quang_tri_2019`][ocop.budget.quang_tri_2019]), with the links between activities
    and budget lines that the plan's text makes evident.
    """
    if _BUILTIN not in _CACHE:
        from ocop.budget import quang_tri_2019 as builtin_budget

        folder = resources.files("ocop.data").joinpath(_BUILTIN)
        text = folder.joinpath("plan.toml").read_text("utf-8")

        def opener(ref: str) -> Result[Budget]:
            if ref != "budget.toml":  # pragma: no cover - guarded by the shipped-data tests
                raise OcopInputError(f"the built-in plan names an unknown budget {ref!r}")
            return Result(builtin_budget())

        result = _read(text, format="toml", file=f"{_BUILTIN}/plan.toml", opener=opener)
        if result.value is None or not result.ok:  # pragma: no cover - guarded by tests
            raise OcopValueError("the built-in plan does not read: " + str(result.problems))
        _CACHE[_BUILTIN] = result.value
    return _CACHE[_BUILTIN]


# ----------------------------------------------------------------------------- writing


def _figure(value: Number | None) -> int | str | None:
    if value is None or isinstance(value, int):
        return value
    return str(value)


def _plan_to_data(plan: Plan, *, budget: str | None = None) -> dict[str, Any]:
    """The plan as a document's data; ``budget`` names the budget file to refer to (else
    the budget is embedded)."""
    data: dict[str, Any] = {"schema": 1, "number": plan.number}
    if plan.date is not None:
        data["date"] = plan.date
    data["year"] = plan.year
    for key in ("issuer", "title", "province"):
        if getattr(plan, key):
            data[key] = getattr(plan, key)
    if budget is not None:
        data["budget"] = budget
    elif plan.budget is not None:
        from ocop.budget import write_document

        data["budget"] = json.loads(write_document(plan.budget, format="json"))
    acts = []
    for a in plan.activities:
        item: dict[str, Any] = {"id": a.id, "title": a.title, "window": a.window.iso()}
        if a.lead:
            item["lead"] = a.lead
        for key in ("implementers", "coordinators"):
            if getattr(a, key):
                item[key] = list(getattr(a, key))
        if a.place:
            item["place"] = a.place
        if a.budget_lines:
            item["budget_lines"] = list(a.budget_lines)
        if a.budget_basis:
            item["budget_basis"] = a.budget_basis
        if a.evidence:
            item["evidence"] = list(a.evidence)
        acts.append(item)
    data["activities"] = acts
    targets = []
    for t in plan.targets:
        item = {
            "id": t.id,
            "text": t.text,
            "indicator": t.indicator,
            "comparison": t.comparison.value,
        }
        if t.value is not None:
            item["value"] = _figure(t.value)
        if t.high is not None:
            item["high"] = _figure(t.high)
        if t.unit:
            item["unit"] = t.unit
        if t.level:
            item["level"] = t.level
        if t.activities:
            item["activities"] = list(t.activities)
        if t.tolerance != ABOUT_TOLERANCE:
            pct = t.tolerance * 100
            item["tolerance"] = (
                pct.numerator
                if pct.denominator == 1
                else str(Decimal(pct.numerator) / pct.denominator)
            )
        targets.append(item)
    data["targets"] = targets
    facts = []
    for f in plan.facts:
        item = {"on": f.on}
        if f.indicator is not None:
            item["indicator"] = f.indicator
        if f.activity is not None:
            item["activity"] = f.activity
        item["value"] = f.value if isinstance(f.value, bool | str | int) else str(f.value)
        if f.source:
            item["source"] = f.source
        facts.append(item)
    if facts:
        data["facts"] = facts
    return data


def write_plan(plan: Plan, *, format: Format = "toml", budget: str | None = None) -> str:
    """The plan as a TOML or JSON document that [`read_plan`][ocop.plan.io.read_plan] reads back
    equal.

    Args:
        plan: The plan.
        format: ``"toml"`` or ``"json"``.
        budget: The name of the budget file the document refers to; ``None`` embeds the
            plan's budget.
    """
    data = _plan_to_data(plan, budget=budget)
    if format == "json":
        return json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    return dump_toml(data)
