"""Assessment documents: the JSON a council's secretary writes, read at the edge.

An assessment document is one product's scoring by a council::

    {
      "criteria": "26/2026/QĐ-TTg",        // id or alias of the criteria set
      "sheet": 1,                          // the product set's sheet number
      "product": "Bưởi da xanh",
      "council_size": 9,                   // optional: checks the quorum
      "rules": {"max_spread": 10, "quorum": "3/4", "chair_required": true,
                "marks_on": "agreed"},     // optional: the council's rules
      "agreed": {"1.1": 3, ...},           // optional: the council's agreed answers
      "conditions": {"quality_declaration_required": false},  // optional: see below
      "members": [
        {"name": "Nguyễn Văn A", "chair": true, "choices": {"1.1": 3, "1.2": 1, ...}},
        ...
      ]
    }

Choices name options by number (from 1 in printed order); ``0`` or ``null`` means none of
the options is met (0 points). ``conditions`` states the conditions a sheet's text puts on
some marks (`CONDITIONS`: ``quality_declaration_required``,
``product_story``); a condition not stated is taken at its default, with a warning when that
decides a mark. pydantic checks the document's shape and publishes its JSON
Schema ([`assessment_schema`][ocop.rating.io.assessment_schema]); the choices themselves are checked
against the sheet by the core ([`ocop.rating.scoring`][ocop.rating.scoring]) so that every problem
is reported at once, each located with a ``$.path``.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Annotated, Any, Literal

import attrs
import pydantic
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictInt, StrictStr, WithJsonSchema

from ocop._documents import document_problems, json_type, load_json
from ocop.errors import OcopInputError, OcopLookupError, OcopValueError
from ocop.problems import Location, Problem, Result
from ocop.rating.classify import Rating, rate
from ocop.rating.council import CouncilRules, MarksBasis
from ocop.rating.criteria import Sheet
from ocop.rating.registry import get_criteria_set
from ocop.rating.scoring import Assessment, ScoreSheet, ScoringTable

__all__ = [
    "assessment_from_json",
    "assessment_schema",
    "assessments_from_json",
    "load_json_object",
    "rate_json",
]

_CHOICES_SCHEMA = {
    "type": "object",
    "description": (
        'Criterion code (as printed, e.g. "1.1") → the number of the option chosen, from 1 '
        "in printed order; 0 or null when none of the options is met (0 points)."
    ),
    "additionalProperties": {"anyOf": [{"type": "integer", "minimum": 0}, {"type": "null"}]},
}

# The values are checked against the sheet by the core, which reports every bad choice with
# its path; the schema still says what they must be.
Choices = Annotated[dict[str, Any], WithJsonSchema(_CHOICES_SCHEMA)]


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class MemberDocument(_Strict):
    """One member's score sheet (phiếu chấm của thành viên)."""

    name: StrictStr = Field(min_length=1, description="The member's name.")
    chair: StrictBool = Field(default=False, description="True for the chair of the council.")
    choices: Choices


class RulesDocument(_Strict):
    """The council's rules (quy chế), when they differ from the common defaults."""

    max_spread: StrictInt | None = Field(
        default=10,
        ge=0,
        description="Most points two members' totals may differ; null turns the check off.",
    )
    quorum: StrictStr = Field(
        default="3/4",
        pattern=r"^\s*\d+\s*/\s*\d+\s*$",
        description='Share of the council\'s members that must score, e.g. "3/4".',
    )
    chair_required: StrictBool = Field(
        default=True, description="Whether the chair must be among the members who scored."
    )
    marks_on: Literal["agreed", "each_member"] = Field(
        default="agreed",
        description=(
            "Judge the minimum-for-stars marks on the council's agreed answers (the stated "
            "'agreed' sheet, else the best option a strict majority of members reached) or "
            "on each member's sheet."
        ),
    )


class AssessmentDocument(_Strict):
    """A council's assessment of one product (kết quả đánh giá của Hội đồng)."""

    model_config = ConfigDict(
        extra="forbid",
        frozen=True,
        title="OCOP council assessment",
        json_schema_extra={"$schema": "https://json-schema.org/draft/2020-12/schema"},
    )

    criteria: StrictStr = Field(description='Criteria set id or alias, e.g. "26-2026".')
    sheet: StrictInt = Field(ge=1, description="Sheet (product set) number, from 1.")
    product: StrictStr = Field(default="", description="The product's name or code.")
    council_size: StrictInt | None = Field(
        default=None, ge=1, description="How many members the council has (checks the quorum)."
    )
    rules: RulesDocument | None = Field(
        default=None, description="The council's rules; the common provincial defaults if absent."
    )
    agreed: Choices | None = Field(
        default=None, description="The council's agreed answers, criterion code → option."
    )
    conditions: dict[StrictStr, StrictBool] | None = Field(
        default=None,
        description=(
            "The conditions the sheet's text puts on some minimum-for-stars marks, by key "
            "(quality_declaration_required, product_story): true when it holds for the product."
        ),
    )
    members: list[MemberDocument] = Field(description="The members' score sheets.")


def assessment_schema() -> dict[str, Any]:
    """The JSON Schema of an assessment document (``ocop rate`` input)."""
    return AssessmentDocument.model_json_schema()


def load_json_object(text: str) -> dict[str, Any]:
    """The JSON object in ``text``, read by the one JSON loader of ocop.

    Raises:
        OcopInputError: ``text`` is not JSON, names a key twice in one object, is nested too
            deeply, holds an integer too long to read, or its top level is not an object; the
            message says where.
    """
    value = load_json(text)
    if not isinstance(value, dict):
        raise OcopInputError(
            f"the assessment must be a JSON object {{...}}, not {json_type(value)}"
        )
    return value


def _problems(exc: pydantic.ValidationError, root: str, file: str | None) -> list[Problem]:
    return document_problems(exc, code="rating.document", file=file, root=root)


_DEFAULT_RULES = CouncilRules()


def _rules(
    doc: RulesDocument | None, root: str, file: str | None
) -> tuple[CouncilRules, list[Problem]]:
    if doc is None:
        return _DEFAULT_RULES, []
    num, den = (int(x) for x in doc.quorum.split("/"))
    if den == 0 or not 0 < Fraction(num, den) <= 1:
        problem = Problem(
            code="rating.document",
            message=f"the quorum must be a share above 0 and at most 1 (got {doc.quorum!r})",
            where=Location(file=file, path=f"{root}.rules.quorum"),
        )
        return CouncilRules(), [problem]
    rules = CouncilRules(
        max_spread=doc.max_spread,
        quorum=Fraction(num, den),
        chair_required=doc.chair_required,
        marks_on=MarksBasis(doc.marks_on),
    )
    return rules, []


def _sheet(
    criteria: str, number: int, root: str, file: str | None
) -> tuple[Sheet | None, list[Problem]]:
    try:
        cset = get_criteria_set(criteria)
    except OcopLookupError as exc:
        where = Location(file=file, path=f"{root}.criteria")
        return None, [Problem(code="rating.criteria_set", message=str(exc), where=where)]
    try:
        return cset.sheet(number), []
    except OcopLookupError as exc:
        where = Location(file=file, path=f"{root}.sheet")
        return None, [Problem(code="rating.sheet", message=str(exc), where=where)]


def _build(
    doc: AssessmentDocument, root: str, file: str | None
) -> Result[tuple[Assessment, CouncilRules] | None]:
    problems: list[Problem] = []
    rules, rule_problems = _rules(doc.rules, root, file)
    problems.extend(rule_problems)
    sheet, found = _sheet(doc.criteria, doc.sheet, root, file)
    problems.extend(found)
    if sheet is None:
        return Result(None, tuple(problems))
    assessment = Assessment(
        sheet=sheet,
        product=doc.product,
        council_size=doc.council_size,
        agreed=doc.agreed,
        conditions=doc.conditions or {},
        members=tuple(
            ScoreSheet(member=m.name, choices=m.choices, chair=m.chair) for m in doc.members
        ),
    )
    return Result((assessment, rules), tuple(problems))


def assessment_from_json(
    obj: Any, *, file: str | None = None, root: str = "$"
) -> Result[tuple[Assessment, CouncilRules] | None]:
    """The assessment and council rules in a decoded JSON document.

    Returns the [`Assessment`][ocop.rating.scoring.Assessment] and
    [`CouncilRules`][ocop.rating.council.CouncilRules] (``None`` when the document is unusable) with
    every problem of shape found, each located by ``$.path`` (problem code
    ``rating.document``; ``rating.criteria_set`` / ``rating.sheet`` for an unknown set or
    sheet). The choices are checked later, against the sheet, by
    [`rate`][ocop.rating.classify.rate].
    """
    try:
        doc = AssessmentDocument.model_validate(obj)
    except pydantic.ValidationError as exc:
        problems = _problems(exc, root, file)
        # The set and sheet are still named when other fields are wrong: say if they exist.
        bad = {tuple(e["loc"])[:1] for e in exc.errors()}
        if (
            isinstance(obj, dict)
            and ("criteria",) not in bad
            and ("sheet",) not in bad
            and "criteria" in obj
            and "sheet" in obj
        ):
            sheet, found = _sheet(obj["criteria"], obj["sheet"], root, file)
            problems = found + problems
            if sheet is not None:
                problems += _member_choices(sheet, obj.get("members"), root, file)
        return Result(None, tuple(problems))
    return _build(doc, root, file)


def _member_choices(sheet: Sheet, members: object, root: str, file: str | None) -> list[Problem]:
    """The choice problems of the members whose shape is right, so that one wrong field
    elsewhere does not hide them (every problem at once)."""
    if not isinstance(members, list):
        return []
    table = ScoringTable.for_sheet(sheet)
    problems: list[Problem] = []
    for i, member in enumerate(members):
        try:
            m = MemberDocument.model_validate(member)
        except pydantic.ValidationError:
            continue  # its shape problems are reported
        for p in table.check_choices(m.choices, path=f"{root}.members[{i}].choices"):
            problems.append(attrs.evolve(p, where=p.where.with_file(file)))
    return problems


_BATCH = pydantic.TypeAdapter(list[AssessmentDocument])


def assessments_from_json(
    data: str | bytes, *, file: str | None = None
) -> Result[list[tuple[Assessment, CouncilRules]] | None]:
    """Every assessment in a JSON array of assessment documents (a batch of products).

    Problems are located as ``$[i].path``. The value is ``None`` when any document's shape is
    wrong.

    Raises:
        OcopValueError: ``data`` is not JSON.
    """
    try:
        docs = _BATCH.validate_json(data)
    except pydantic.ValidationError as exc:
        if any(e["type"] == "json_invalid" for e in exc.errors()):
            raise OcopValueError(f"not JSON: {exc.errors()[0]['msg']}") from None
        return Result(None, tuple(_problems(exc, "$", file)))
    out: list[tuple[Assessment, CouncilRules]] = []
    problems: list[Problem] = []
    for i, doc in enumerate(docs):
        built = _build(doc, f"$[{i}]", file)
        problems.extend(built.problems)
        if built.value is not None:
            out.append(built.value)
    return Result(out if not problems else None, tuple(problems))


def rate_json(obj: Any, *, file: str | None = None) -> Result[Rating | None]:
    """Read an assessment document and rate it: every problem of shape, choices and rules.

    The value is the [`Rating`][ocop.rating.classify.Rating] whenever the choices allow one
    to be computed (it may come with errors such as a spread over the limit).
    """
    built = assessment_from_json(obj, file=file)
    if built.value is None:
        return Result(None, built.problems)
    assessment, rules = built.value
    rated = rate(assessment, rules)
    problems = built.problems + tuple(_in_file(p, file) for p in rated.problems)
    return Result(rated.value if not built.problems else None, problems)


def _in_file(problem: Problem, file: str | None) -> Problem:
    if file is None:
        return problem
    return attrs.evolve(problem, where=problem.where.with_file(file))
