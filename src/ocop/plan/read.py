"""Reading a plan document into the model: every problem at once, each located.

The document's header, each activity, each target and each fact are validated on their own,
so that one wrong field does not hide the problems of the rest (``plan check`` shows every
problem of a plan in one run). The budget, embedded or named, is read by
[`ocop.budget`][ocop.budget], its problems located in the budget's own file or under ``$.budget``.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from fractions import Fraction
from pathlib import Path
from typing import Any, Literal

import attrs
import pydantic

from ocop._documents import document_problems, json_type, parse_document
from ocop._i18n import tr
from ocop.budget import Budget, load_budget, read_document
from ocop.cycle import EventKind
from ocop.errors import OcopInputError, OcopValueError
from ocop.figures import figure_text, parse_figure
from ocop.periods import QuarterRange
from ocop.plan.document import ActivityDocument, FactDocument, PlanDocument, TargetDocument
from ocop.plan.indicators import INDICATORS
from ocop.plan.model import ABOUT_TOLERANCE, Activity, Comparison, Fact, Number, Plan, Target
from ocop.problems import Location, Problem, Result, Severity
from ocop.regimes import Level
from ocop.text import fold, normalize

__all__ = ["BudgetOpener", "read_plan"]

Format = Literal["json", "toml"]
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
        The plan and every problem found; the plan is ``None`` when the plan itself (not its
        budget) has an error, since its figures could not be trusted.

    Raises:
        OcopInputError: The text is empty or not TOML/JSON at all, or the budget file it
            names is missing or unusable.
    """
    folder = base if base is not None else (Path(file).parent if file else Path())

    def opener(ref: str) -> Result[Budget]:
        return load_budget(folder / ref)

    return read_data(
        parse_document(text, format=format, name=file or "input"), file=file, opener=opener
    )


_LISTS: tuple[tuple[str, type[pydantic.BaseModel]], ...] = (
    ("activities", ActivityDocument),
    ("targets", TargetDocument),
    ("facts", FactDocument),
)


def read_data(data: object, *, file: str | None, opener: BudgetOpener) -> Result[Plan | None]:
    """Read a plan from the data of a document (see [`read_plan`][ocop.plan.read.read_plan])."""
    name = file or "input"
    if not isinstance(data, dict):
        raise OcopInputError(
            tr("{file}: a plan document is an object with 'number' and 'year'", file=name)
        )
    problems: list[Problem] = []
    header = {k: v for k, v in data.items() if k not in ("activities", "targets", "facts")}
    header.pop("budget", None)
    doc: PlanDocument | None
    try:
        doc = PlanDocument.model_validate(header)
    except pydantic.ValidationError as exc:
        problems += document_problems(exc, code="plan.schema", file=file, data=header)
        doc = None
    items: dict[str, list[tuple[int, Any]]] = {}
    for key, model in _LISTS:
        raw = data.get(key, [])
        items[key] = []
        if not isinstance(raw, list):
            problems.append(
                _problem(
                    "plan.schema",
                    tr("write a list here (got {type})", type=json_type(raw)),
                    file,
                    f"$.{key}",
                )
            )
            continue
        for i, item in enumerate(raw):
            try:
                items[key].append((i, model.model_validate(item)))
            except pydantic.ValidationError as exc:
                problems += document_problems(
                    exc, code="plan.schema", file=file, data=item, prefix=(key, i)
                )
    shape_ok = not problems
    result = _from_document(
        doc, items, data.get("budget"), file=file, opener=opener, problems=problems
    )
    if not shape_ok:
        return Result(None, result.problems)
    return result


def _number(
    value: int | str | None, path: str, file: str | None, problems: list[Problem]
) -> Number | None:
    """A figure of the document: an integer, or text read by the one figure reader."""
    if value is None or isinstance(value, int):
        return value
    try:
        return parse_figure(value)
    except OcopValueError as exc:
        problems.append(
            Problem(code="plan.value", message=str(exc), where=Location(file=file, path=path))
        )
        return None


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
                    tr(
                        "{spec!r} is not an event (kind or kind:level; kinds: {kinds})",
                        spec=spec,
                        kinds=kinds,
                    ),
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
                        tr("a tolerance is a per cent from 0 to below 100 (got {pct})", pct=pct),
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
                tr(
                    "a target compared {comparison!r} needs a value",
                    comparison=comparison.value,
                ),
                file,
                f"{path}.value",
            )
        )
        return None
    if comparison is Comparison.BETWEEN:
        if high is None:
            problems.append(
                _problem(
                    "plan.value",
                    tr("a 'between' target needs its high end"),
                    file,
                    f"{path}.high",
                )
            )
            return None
        if value is not None and high < value:
            problems.append(
                _problem(
                    "plan.value",
                    tr("the high end {high} is below the low end {low}", high=high, low=value),
                    file,
                    f"{path}.high",
                )
            )
            return None
    elif high is not None:
        problems.append(
            _problem(
                "plan.value",
                tr(
                    "'high' is only for 'between' targets (this one is {comparison!r})",
                    comparison=comparison.value,
                ),
                file,
                f"{path}.high",
            )
        )
        return None
    if value is not None and value < 0:
        problems.append(
            _problem(
                "plan.value",
                tr("a target cannot be negative (got {value})", value=value),
                file,
                f"{path}.value",
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
                    tr("no activity {activity!r} in the plan", activity=d.activity),
                    file,
                    f"{path}.activity",
                )
            )
        if d.value not in ("started", "done"):
            problems.append(
                _problem(
                    "plan.fact",
                    tr(
                        "an activity's fact says 'started' or 'done' (got {value!r})",
                        value=d.value,
                    ),
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
    ids: list[tuple[int, str]], what: str, key: str, file: str | None, problems: list[Problem]
) -> None:
    seen: dict[str, int] = {}
    for i, x in ids:
        if x in seen:
            first = f"{key}[{seen[x]}]"
            problems.append(
                _problem(
                    "plan.duplicate",
                    (
                        tr("activity {id!r} again (also {path})", id=x, path=first)
                        if what == "activity"
                        else tr("target {id!r} again (also {path})", id=x, path=first)
                    ),
                    file,
                    f"{key}[{i}].id",
                )
            )
        else:
            seen[x] = i


def _budget(
    raw: object, file: str | None, opener: BudgetOpener, problems: list[Problem]
) -> Budget | None:
    if raw is None:
        return None
    if isinstance(raw, str):
        result = opener(raw)  # an unusable budget file makes the plan unusable: it raises
        problems.extend(result.problems)
        return result.value
    if not isinstance(raw, dict):
        problems.append(
            _problem(
                "plan.schema",
                tr(
                    "write the name of a budget file or a budget table here (got {type})",
                    type=json_type(raw),
                ),
                file,
                "$.budget",
            )
        )
        return None
    try:
        result = read_document(json.dumps(raw, ensure_ascii=False), format="json", file=file)
    except OcopInputError as exc:
        problems.append(_problem("plan.budget", str(exc), file, "$.budget"))
        return None
    for p in result.problems:
        path = p.where.path or "$"
        problems.append(attrs.evolve(p, where=attrs.evolve(p.where, path="$.budget" + path[1:])))
    return result.value


#: Units of targets that count people or things, which are whole (fold()ed).
COUNT_UNITS = frozenset(
    {
        "nguoi", "luot nguoi", "san pham", "to chuc", "chu the", "htx", "hop tac xa",
        "doanh nghiep", "co so", "lop", "luot", "hoi nghi", "mo hinh", "xa", "huyen",
        "cuoc", "su kien", "diem", "gian hang", "cua hang", "ho", "thanh vien",
    }
)  # fmt: skip


def _counts(targets: list[tuple[int, TargetDocument]]) -> set[str]:
    """The indicators that count people or things: the cycle's, and those of targets whose
    unit is a count (người, sản phẩm, HTX…)."""
    found = set(INDICATORS)
    for _, t in targets:
        if fold(t.unit) in COUNT_UNITS:
            found.add(t.indicator.strip())
    return found


def _whole(
    value: Number | None, indicator: str, path: str, file: str | None, problems: list[Problem]
) -> bool:
    if value is None or isinstance(value, int):
        return True
    problems.append(
        _problem(
            "plan.value",
            tr(
                "{indicator} counts people or things: {value} is not a whole number",
                indicator=indicator,
                value=figure_text(value),
            ),
            file,
            path,
        )
    )
    return False


def _from_document(
    doc: PlanDocument | None,
    items: dict[str, list[tuple[int, Any]]],
    raw_budget: object,
    *,
    file: str | None,
    opener: BudgetOpener,
    problems: list[Problem],
) -> Result[Plan | None]:
    acts: list[tuple[int, ActivityDocument]] = items["activities"]
    tdocs: list[tuple[int, TargetDocument]] = items["targets"]
    fdocs: list[tuple[int, FactDocument]] = items["facts"]
    _duplicates([(i, a.id) for i, a in acts], "activity", "$.activities", file, problems)
    _duplicates([(i, t.id) for i, t in tdocs], "target", "$.targets", file, problems)
    counts = _counts(tdocs)
    activities = [_activity(d, f"$.activities[{i}]", file, problems) for i, d in acts]
    targets = []
    for i, d in tdocs:
        target = _target(d, f"$.targets[{i}]", file, problems)
        if target is not None and target.indicator in counts:
            for key in ("value", "high"):
                if not _whole(
                    getattr(target, key), target.indicator, f"$.targets[{i}].{key}", file, problems
                ):
                    target = None
                    break
        targets.append(target)
    ids = {a.id for a in activities if a is not None}
    facts = []
    for i, fd in fdocs:
        fact = _fact(fd, f"$.facts[{i}]", file, ids, problems)
        if (
            fact is not None
            and fact.indicator in counts
            and not isinstance(fact.value, bool | str)
            and not _whole(fact.value, fact.indicator, f"$.facts[{i}].value", file, problems)
        ):
            fact = None
        facts.append(fact)
    for i, td in tdocs:
        for j, ref in enumerate(td.activities):
            if normalize(ref) not in ids:
                problems.append(
                    _problem(
                        "plan.unknown_activity",
                        tr("no activity {activity!r} in the plan", activity=ref),
                        file,
                        f"$.targets[{i}].activities[{j}]",
                    )
                )
    year = doc.year if doc is not None else None
    for a in activities:
        if (
            a is not None
            and year is not None
            and year not in (a.window.first.year, a.window.last.year)
        ):
            problems.append(
                _problem(
                    "plan.window",
                    tr(
                        "activity {activity}'s window {window} is outside the plan's year {year}",
                        activity=a.id,
                        window=a.window,
                        year=year,
                    ),
                    file,
                    f"{a.source.path if a.source else '$'}.window",
                    warning=True,
                )
            )
    budget = _budget(raw_budget, file, opener, problems)
    if budget is not None:
        keys = {line.key for line in budget.lines}
        for i, ad in acts:
            for j, key in enumerate(ad.budget_lines):
                if normalize(key) not in keys:
                    problems.append(
                        _problem(
                            "plan.budget_line",
                            tr(
                                "the budget has no line {line!r} (codes such as 2.1, or #row "
                                "for an uncoded line)",
                                line=key,
                            ),
                            file,
                            f"$.activities[{i}].budget_lines[{j}]",
                        )
                    )
    if (
        doc is None
        or any(x is None for x in (*activities, *targets, *facts))
        or any(p.is_error and p.code.startswith("plan.") for p in problems)
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
