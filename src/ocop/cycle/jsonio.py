"""Records, histories and event streams as JSON: the edge where pydantic checks documents.

A record or a history is written as a JSON document with ``schema_version`` (now
[`SCHEMA_VERSION`][ocop.cycle.jsonio.SCHEMA_VERSION]); reading one back checks the document's shape
(every problem, located by ``$.path``) and then replays its history, so that a document whose stated
stage does not follow from its history is refused. Scores stay exact: an integer is written as a
JSON integer, a Decimal as a string (``"72.5"``), a Fraction as ``"145/2"``.

An event stream is JSON Lines, one event a line::

    {"product": "QT-001", "event": "evaluate", "on": "2019-10-15", "level": "district", "score": 72}
"""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal
from typing import Any, Literal

import attrs
import pydantic

from ocop._documents import JsonError, document_problems, json_type, load_json
from ocop.certificates import Certificate, RevocationGround
from ocop.cycle.machine import replay
from ocop.cycle.model import (
    Evaluation,
    Event,
    EventKind,
    Purpose,
    Record,
    Stage,
    Step,
)
from ocop.errors import OcopInputError, OcopTypeError, OcopValueError
from ocop.problems import Location, Problem, Result, Severity
from ocop.regimes import Level
from ocop.scores import Score, exact_text, parse_score

__all__ = [
    "SCHEMA_VERSION",
    "EventLine",
    "history_from_json",
    "history_json_schema",
    "history_to_json",
    "read_events",
    "record_from_json",
    "record_json_schema",
    "record_to_json",
    "score_from_json",
    "score_to_json",
]

#: The version of the JSON documents written by this module.
SCHEMA_VERSION = 1

EventLine = tuple[str, Event, dt.date, str | None, Location]
"""An event read from a stream: (product, event, date, actor, where it was read)."""


def score_to_json(score: Score) -> str:
    """A score for JSON: its exact form as a string, the one JSON type of every score
    (``"96"``, ``"81.5"``, ``"639/7"``; [`ocop.scores.exact_text`][ocop.scores.exact_text])."""
    return exact_text(score)


def score_from_json(value: object) -> Score:
    """The exact score written as ``value``: its exact form, or a JSON integer (older
    documents; [`ocop.scores.parse_score`][ocop.scores.parse_score]).

    Raises:
        OcopValueError: ``value`` is not an exact score (a float, a word…).
    """
    return parse_score(value)


# -- the documents (pydantic lives here only) ----------------------------------------------

_ScoreJson = int | str


class _Model(pydantic.BaseModel):
    model_config = pydantic.ConfigDict(extra="forbid", frozen=True)


class EventDoc(_Model):
    """An event without its date: its kind and what it carries."""

    kind: EventKind
    level: Level | None = None
    score: _ScoreJson | None = None
    stars: int | None = pydantic.Field(default=None, ge=1, le=5)
    ground: RevocationGround | None = None
    passed: bool | None = None
    subject: str | None = None
    note: str | None = None
    province: str | None = pydantic.Field(
        default=None, description="register: the province the product is registered in"
    )
    commune: str | None = pydantic.Field(
        default=None, description="register: the commune the product is registered in"
    )


class StepDoc(_Model):
    """One step of the history: the event, its date, who acted, the stages before and after,
    the regime whose rules applied and the reason in words."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True, populate_by_name=True)
    event: EventDoc
    on: dt.date
    actor: str | None = None
    source: Stage = pydantic.Field(alias="from")
    target: Stage = pydantic.Field(alias="to")
    regime: str
    reason: str = ""


class EvaluationDoc(_Model):
    """A council's result in the current round; the score is exact ("72.5", "149/2")."""

    level: Level
    score: _ScoreJson
    stars: int = pydantic.Field(ge=1, le=5)
    on: dt.date


class CertificateDoc(_Model):
    """The certificate held (giấy chứng nhận): stars, authority, score, issue, expiry."""

    stars: int = pydantic.Field(ge=3, le=5)
    level: Level
    score: _ScoreJson | None = None
    issued: dt.date
    expires: dt.date = pydantic.Field(
        description="the last day of validity: 36 months after the day of issue"
    )
    regime: str


class HistoryDoc(_Model):
    """A product's history (lịch sử): every step, oldest first."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True, title="OCOP product history")

    schema_version: Literal[1]
    product: str = pydantic.Field(min_length=1)
    history: list[StepDoc]


class RecordDoc(HistoryDoc):
    """A product's record (hồ sơ theo dõi) with its history."""

    model_config = pydantic.ConfigDict(extra="forbid", frozen=True, title="OCOP product record")

    stage: Stage
    subject: str | None = None
    round: int = pydantic.Field(ge=0)
    purpose: Purpose | None = None
    filed: dt.date | None = None
    filed_regime: str | None = None
    forwarded: dt.date | None = None
    evaluations: list[EvaluationDoc]
    certificate: CertificateDoc | None = None


def _event_doc(ev: Event) -> dict[str, Any]:
    doc: dict[str, Any] = {"kind": ev.kind.value}
    if ev.level is not None:
        doc["level"] = ev.level.value
    if ev.score is not None:
        doc["score"] = score_to_json(ev.score)
    for name in ("stars", "passed", "subject", "note", "province", "commune"):
        value = getattr(ev, name)
        if value is not None:
            doc[name] = value
    if ev.ground is not None:
        doc["ground"] = ev.ground.value
    return doc


def _step_doc(step: Step) -> dict[str, Any]:
    return {
        "event": _event_doc(step.event),
        "on": step.on.isoformat(),
        "actor": step.actor,
        "from": step.source.value,
        "to": step.target.value,
        "regime": step.regime,
        "reason": step.reason,
    }


def _date(d: dt.date | None) -> str | None:
    return None if d is None else d.isoformat()


def history_to_json(record: Record) -> str:
    """``record``'s history as a JSON document (``schema_version``, ``product``, ``history``)."""
    doc = {
        "schema_version": SCHEMA_VERSION,
        "product": record.product,
        "history": [_step_doc(s) for s in record.history],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def record_to_json(record: Record) -> str:
    """``record`` (its state and its history) as a JSON document."""
    cert = record.certificate
    doc = {
        "schema_version": SCHEMA_VERSION,
        "product": record.product,
        "stage": record.stage.value,
        "subject": record.subject,
        "round": record.round,
        "purpose": None if record.purpose is None else record.purpose.value,
        "filed": _date(record.filed),
        "filed_regime": record.filed_regime,
        "forwarded": _date(record.forwarded),
        "evaluations": [
            {
                "level": e.level.value,
                "score": score_to_json(e.score),
                "stars": e.stars,
                "on": e.on.isoformat(),
            }
            for e in record.evaluations
        ],
        "certificate": None
        if cert is None
        else {
            "stars": cert.stars,
            "level": cert.issued_by.value,
            "score": None if cert.score is None else score_to_json(cert.score),
            "issued": cert.issued_on.isoformat(),
            "expires": cert.expires_on.isoformat(),
            "regime": cert.regime,
        },
        "history": [_step_doc(s) for s in record.history],
    }
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"


def _show(value: object) -> str:
    return str(value) if isinstance(value, Decimal) else repr(value)


def _loads(text: str) -> tuple[Any, str | None, str | None]:
    """The JSON value of ``text`` (decimals kept exact), or why it is not usable JSON and the
    key named twice, if that is why."""
    try:
        return load_json(text, exact=True), None, None
    except JsonError as exc:
        return None, exc.describe(lines=False), exc.key


def _validate(
    model: type[HistoryDoc], text: str, file: str | None
) -> tuple[HistoryDoc | None, list[Problem]]:
    try:
        raw = load_json(text, exact=True)
    except JsonError as exc:
        # Not a document at all: unusable input (the loader contract of ocop._documents).
        at = f"{file or 'input'}:{exc.line}" if exc.line is not None else file or "input"
        raise OcopInputError(f"{at}: {exc.describe(lines=False)}") from None
    try:
        return model.model_validate(raw), []
    except pydantic.ValidationError as exc:
        return None, document_problems(exc, code="cycle.schema", file=file, data=raw)


def _score(value: _ScoreJson, path: str, file: str | None, problems: list[Problem]) -> Score:
    try:
        return score_from_json(value)
    except OcopValueError as exc:
        problems.append(
            Problem(code="cycle.schema", message=str(exc), where=Location(file=file, path=path))
        )
        return 0


def _steps(doc: HistoryDoc, file: str | None, problems: list[Problem]) -> tuple[Step, ...]:
    out = []
    for i, s in enumerate(doc.history):
        e = s.event
        score = (
            None
            if e.score is None
            else _score(e.score, f"$.history[{i}].event.score", file, problems)
        )
        event = Event(
            kind=e.kind,
            level=e.level,
            score=score,
            stars=e.stars,
            ground=e.ground,
            passed=e.passed,
            subject=e.subject,
            note=e.note,
            province=e.province,
            commune=e.commune,
        )
        out.append(
            Step(
                event=event,
                on=s.on,
                actor=s.actor,
                source=s.source,
                target=s.target,
                regime=s.regime,
                reason=s.reason,
            )
        )
    return tuple(out)


def _replayed(
    steps: tuple[Step, ...], product: str, file: str | None, problems: list[Problem]
) -> Record | None:
    try:
        return replay(steps, product=product)
    except OcopValueError as exc:
        problems.append(
            Problem(
                code="cycle.history", message=str(exc), where=Location(file=file, path="$.history")
            )
        )
        return None


def history_from_json(text: str, *, file: str | None = None) -> Result[Record | None]:
    """The record a JSON history document leads to (checked by replaying it).

    Returns:
        The record, or ``None`` with every problem found (``cycle.schema``,
        ``cycle.history``), located by ``$.path``.

    Raises:
        OcopInputError: ``text`` is not usable JSON (the loader contract of ocop).
    """
    doc, problems = _validate(HistoryDoc, text, file)
    if doc is None:
        return Result(None, tuple(problems))
    steps = _steps(doc, file, problems)
    if problems:
        return Result(None, tuple(problems))
    record = _replayed(steps, doc.product, file, problems)
    return Result(record, tuple(problems))


def record_from_json(text: str, *, file: str | None = None) -> Result[Record | None]:
    """The record in a JSON record document; its stated state must be what its history
    replays to (else a ``cycle.mismatch`` problem names the first field that differs).

    Raises:
        OcopInputError: ``text`` is not usable JSON (the loader contract of ocop).
    """
    doc, problems = _validate(RecordDoc, text, file)
    if doc is None or not isinstance(doc, RecordDoc):
        return Result(None, tuple(problems))
    steps = _steps(doc, file, problems)
    evaluations = tuple(
        Evaluation(
            level=e.level,
            score=_score(e.score, f"$.evaluations[{i}].score", file, problems),
            stars=e.stars,
            on=e.on,
        )
        for i, e in enumerate(doc.evaluations)
    )
    if problems:
        return Result(None, tuple(problems))
    c = doc.certificate
    cert_score = (
        None
        if c is None or c.score is None
        else _score(c.score, "$.certificate.score", file, problems)
    )
    if problems:
        return Result(None, tuple(problems))
    stated = Record(
        product=doc.product,
        stage=doc.stage,
        subject=doc.subject,
        round=doc.round,
        purpose=doc.purpose,
        filed=doc.filed,
        filed_regime=doc.filed_regime,
        forwarded=doc.forwarded,
        evaluations=evaluations,
        certificate=None
        if c is None
        else _stated_certificate(doc.product, c, cert_score, file, problems),
        history=steps,
    )
    if problems:
        return Result(None, tuple(problems))
    replayed = _replayed(steps, doc.product, file, problems)
    if replayed is None:
        return Result(None, tuple(problems))
    for name in (
        "stage",
        "subject",
        "round",
        "purpose",
        "filed",
        "filed_regime",
        "forwarded",
        "evaluations",
        "certificate",
    ):
        if getattr(stated, name) != getattr(replayed, name):
            problems.append(
                Problem(
                    code="cycle.mismatch",
                    message=(
                        f"the document says {name} is {getattr(stated, name)!r} but its history "
                        f"leads to {getattr(replayed, name)!r}"
                    ),
                    where=Location(file=file, path=f"$.{name}"),
                )
            )
            return Result(None, tuple(problems))
    return Result(replayed, ())


def _stated_certificate(
    product: str, c: CertificateDoc, score: Score | None, file: str | None, problems: list[Problem]
) -> Certificate | None:
    try:
        cert = Certificate(
            product=product,
            stars=c.stars,
            issued_on=c.issued,
            issued_by=c.level,
            regime=c.regime,
            score=score,
        )
    except (OcopValueError, OcopTypeError) as exc:
        problems.append(
            Problem(
                code="cycle.schema",
                message=str(exc),
                where=Location(file=file, path="$.certificate"),
            )
        )
        return None
    if cert.expires_on != c.expires:
        problems.append(
            Problem(
                code="cycle.mismatch",
                message=(
                    f"the certificate issued on {c.issued.isoformat()} is valid through "
                    f"{cert.expires_on.isoformat()} (36 months, 26/2026/QĐ-TTg art. 4.3), "
                    f"not {c.expires.isoformat()}"
                ),
                where=Location(file=file, path="$.certificate.expires"),
            )
        )
    return cert


def record_json_schema() -> dict[str, Any]:
    """The JSON Schema of a record document."""
    return RecordDoc.model_json_schema(by_alias=True)


def history_json_schema() -> dict[str, Any]:
    """The JSON Schema of a history document."""
    return HistoryDoc.model_json_schema(by_alias=True)


# -- event streams (JSON Lines) -------------------------------------------------------------

_FIELDS = frozenset(
    {
        "product",
        "event",
        "on",
        "by",
        "level",
        "score",
        "stars",
        "ground",
        "passed",
        "subject",
        "note",
        "province",
        "commune",
    }
)
_NEEDS: dict[EventKind, tuple[str, ...]] = {
    EventKind.EVALUATE: ("level", "score"),
    EventKind.RECOGNIZE: ("stars", "level"),
    EventKind.REVOKE: ("ground",),
}


def _choices(values: list[str]) -> str:
    return ", ".join(values)


def _line(raw: object, where: Location, problems: list[Problem]) -> EventLine | None:
    def bad(field: str, message: str, code: str = "cycle.field") -> None:
        problems.append(
            Problem(code=code, message=message, where=attrs.evolve(where, field=field or None))
        )

    if not isinstance(raw, dict):
        bad("", f"each line must be a JSON object (got {json_type(raw)})", "cycle.line")
        return None
    for key in sorted(set(raw) - _FIELDS):
        problems.append(
            Problem(
                code="cycle.unknown_field",
                message=f"unknown field {key!r} ignored",
                where=attrs.evolve(where, field=key),
                severity=Severity.WARNING,
            )
        )
    warned = len(problems)
    product = raw.get("product")
    if product is None:
        bad("product", "missing: the product's code (a non-empty string)")
    elif not isinstance(product, str) or not product.strip():
        bad("product", f"{product!r} is not a product code (a non-empty string)")
    kind: EventKind | None = None
    name = raw.get("event")
    try:
        kind = EventKind(name)
    except ValueError:
        known = _choices([k.value for k in EventKind])
        bad(
            "event",
            f"{'missing' if name is None else repr(name) + ' is not an event'} (one of: {known})",
        )
    on: dt.date | None = None
    text = raw.get("on")
    if text is None:
        bad("on", "missing: the event's date (YYYY-MM-DD)")
    else:
        try:
            on = dt.date.fromisoformat(text) if isinstance(text, str) and len(text) == 10 else None
        except ValueError:
            on = None
        if on is None:
            bad("on", f"{text!r} is not a date (write YYYY-MM-DD)")
    for field in _NEEDS.get(kind, ()) if kind is not None else ():
        if raw.get(field) is None:
            bad(field, f"missing: {kind.value if kind else ''} needs {field!r}")
    level: Level | None = None
    if raw.get("level") is not None:
        try:
            level = Level.parse(str(raw["level"]))
        except OcopValueError:
            bad("level", f"{raw['level']!r} is not a level (commune, district, province, national)")
    score: Score | None = None
    if raw.get("score") is not None:
        try:
            score = score_from_json(raw["score"])
            if not 0 <= score <= 100:
                bad("score", f"{raw['score']} is not between 0 and 100")
        except OcopValueError as exc:
            bad("score", str(exc))
    stars = raw.get("stars")
    if stars is not None and (
        isinstance(stars, bool) or not isinstance(stars, int) or stars not in range(1, 6)
    ):
        bad("stars", f"{_show(stars)} is not a whole number of stars from 1 to 5")
        stars = None
    ground: RevocationGround | None = None
    if raw.get("ground") is not None:
        try:
            ground = RevocationGround(raw["ground"])
        except ValueError:
            bad(
                "ground",
                f"{raw['ground']!r} is not a ground (one of: "
                f"{_choices([g.value for g in RevocationGround])})",
            )
    passed = raw.get("passed")
    if passed is not None and not isinstance(passed, bool):
        bad("passed", f"{passed!r} is not true or false")
    texts: dict[str, str | None] = {}
    for field in ("by", "subject", "note", "province", "commune"):
        value = raw.get(field)
        if value is not None and not isinstance(value, str):
            bad(field, f"{value!r} is not text")
            value = None
        texts[field] = value
    if len(problems) > warned or kind is None or on is None or not isinstance(product, str):
        return None
    event = Event(
        kind=kind,
        level=level,
        score=score,
        stars=stars,
        ground=ground,
        passed=passed,
        subject=texts["subject"],
        note=texts["note"],
        province=texts["province"],
        commune=texts["commune"],
    )
    return product, event, on, texts["by"], attrs.evolve(where, code=product)


def read_events(text: str, *, file: str | None = None) -> Result[tuple[EventLine, ...]]:
    """The events of a JSON Lines stream, one object a line (blank lines skipped).

    Returns:
        Every event that could be read, and a located problem for each line that could not
        (``cycle.line`` not JSON, ``cycle.field`` a missing or wrong field) or that carries an
        unknown field (a warning).
    """
    out: list[EventLine] = []
    problems: list[Problem] = []
    for n, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        where = Location(file=file, row=n)
        raw, why, key = _loads(line)
        if why is not None:
            where = attrs.evolve(where, field=key)
            problems.append(Problem(code="cycle.line", message=why, where=where))
            continue
        found = _line(raw, where, problems)
        if found is not None:
            out.append(found)
    return Result(tuple(out), tuple(problems))
