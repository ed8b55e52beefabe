"""Stars: the band of the council's mean, lowered to the level whose minimum marks are met.

The classification (phân hạng) follows 26/2026/QĐ-TTg art. 3.3 and the note printed on every
sheet of its Appendix II ("Dấu sao là yêu cầu tối thiểu phải đạt theo các cấp độ sao"):

1. the band of the mean of the members' totals: 1★ below 30, 2★ from 30, 3★ from 50, 4★ from
   70, 5★ from 90 ([`ocop.regimes.band_stars`][ocop.regimes.band_stars], exact);
2. lowered to the highest level whose minimum-for-stars marks are all met. An option marked
   ``***``/``****``/``*****`` is the least a product must reach on that criterion for 3★/4★/5★,
   and a mark for level *m* binds every level above *m* too. Levels 1★ and 2★ have no marks.

The marks are judged on the council's agreed answers or on every member's sheet, as the
council's rules say ([`MarksBasis`][ocop.rating.council.MarksBasis]). The result explains itself:
the band, the stars, and every mark not met.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from types import MappingProxyType
from typing import cast

import attrs

from ocop._i18n import tr
from ocop.errors import OcopValueError
from ocop.problems import Location, Problem, Result, Severity
from ocop.rating.council import CouncilRules, MarksBasis, check_quorum
from ocop.rating.scoring import (
    Assessment,
    Choice,
    MarkRule,
    ScoringTable,
    _check_conditions,
    _quote,
    check_assessment,
)
from ocop.regimes import band_stars
from ocop.scores import exact_text, format_score

__all__ = [
    "MemberTotal",
    "Rating",
    "UnmetMark",
    "agreed_answers",
    "applicable_marks",
    "classify",
    "rate",
    "stars_for",
]

_DEFAULT_RULES = CouncilRules()


@attrs.frozen(kw_only=True)
class MemberTotal:
    """One member's total (tổng điểm của thành viên).

    Attributes:
        member: The member's name.
        total: The sum of the points of the member's chosen options.
    """

    member: str
    total: int


@attrs.frozen(kw_only=True)
class UnmetMark:
    """A minimum-for-stars mark the product does not reach (tiêu chí chưa đạt mức sao).

    Attributes:
        code: The criterion's code, e.g. ``"2.3"``.
        stars: The level the mark is for (3, 4 or 5).
        required: The least option number that meets it.
        chosen: The option chosen (0 = none of the options met).
        member: The member whose sheet misses it, when marks are judged on each member's
            sheet; ``None`` for the council's agreed answers.
    """

    code: str
    stars: int
    required: int
    chosen: int
    member: str | None = None

    @property
    def message(self) -> str:
        """The mark in words: ``"2.3 needs option 3 for 4★, chose 2"``."""
        if self.member is None:
            chosen = "none met" if self.chosen == 0 else f"chose {self.chosen}"
        else:
            chosen = f"{self.member} " + (
                "met none" if self.chosen == 0 else f"chose {self.chosen}"
            )
        return f"{self.code} needs option {self.required} for {self.stars}★, {chosen}"

    @property
    def vietnamese(self) -> str:
        """The mark in Vietnamese: ``"2.3 cần phương án 3 để đạt 4★, đã chọn 2"``."""
        if self.chosen == 0:
            chosen = "không đạt phương án nào"
        else:
            chosen = f"chọn {self.chosen}" if self.member else f"đã chọn {self.chosen}"
        who = "" if self.member is None else f"{self.member} "
        return f"{self.code} cần phương án {self.required} để đạt {self.stars}★, {who}{chosen}"


@attrs.frozen(kw_only=True)
class Rating:
    """The result of a council's assessment (kết quả đánh giá, phân hạng).

    Attributes:
        product: The product's name or code, as given.
        criteria_set: The id of the criteria set (Bộ tiêu chí).
        sheet: The sheet number (bộ sản phẩm).
        members: Each member's total, in the order given.
        mean: The exact mean of the members' totals (tổng điểm trung bình).
        band_stars: The stars of the band the mean falls in.
        stars: The final stars (hạng sao), after the minimum marks.
        unmet: Every mark not met at a level up to the band, by criterion then level.
        marks_on: Which answers the marks were judged on.
        agreed: The answers the marks were judged on when ``marks_on`` is
            `MarksBasis.AGREED` (criterion code → option, for the marked criteria).
    """

    product: str
    criteria_set: str
    sheet: int
    members: tuple[MemberTotal, ...]
    mean: Fraction
    band_stars: int
    stars: int
    unmet: tuple[UnmetMark, ...]
    marks_on: MarksBasis
    agreed: Mapping[str, int] = attrs.field(factory=dict)

    @property
    def mean_text(self) -> str:
        """The mean as a decimal string with a point, as JSON and CSV write it (exact, or cut
        to 2 places: [`format_score`][ocop.scores.format_score])."""
        return format_score(self.mean, lang="en")

    @property
    def mean_is_exact(self) -> bool:
        """``True`` when [`mean_text`][ocop.rating.classify.Rating.mean_text] is the mean
        exactly."""
        return _terminates(self.mean)

    @property
    def spread(self) -> int:
        """The highest member total less the lowest."""
        totals = [m.total for m in self.members]
        return max(totals) - min(totals) if totals else 0

    @property
    def lowered_by_marks(self) -> bool:
        """``True`` when a mark kept the stars below the band."""
        return self.stars < self.band_stars

    def explain(self) -> str:
        """One line: mean, band, stars, and why the stars are below the band if they are."""
        head = f"mean {self.mean_text}: band {self.band_stars}★, classed {self.stars}★"
        if not self.lowered_by_marks:
            return head
        binding = [u for u in self.unmet if u.stars == self.stars + 1]
        return head + " (" + "; ".join(u.message for u in binding) + ")"

    def to_dict(self) -> dict[str, object]:
        """A JSON-ready mapping (the shape ``ocop rate --format json`` prints)."""
        return {
            "product": self.product,
            "criteria": self.criteria_set,
            "sheet": self.sheet,
            "members": [{"name": m.member, "total": m.total} for m in self.members],
            "mean": self.mean_text,
            "mean_exact": exact_text(self.mean),
            "mean_is_exact": self.mean_is_exact,
            "spread": self.spread,
            "band_stars": self.band_stars,
            "stars": self.stars,
            "marks_on": self.marks_on.value,
            "unmet": [
                {
                    "code": u.code,
                    "stars": u.stars,
                    "required": u.required,
                    "chosen": u.chosen,
                    "member": u.member,
                    "message": u.message,
                }
                for u in self.unmet
            ],
        }


def _terminates(value: Fraction) -> bool:
    den = value.denominator
    for p in (2, 5):
        while den % p == 0:
            den //= p
    return den == 1


def _as_int(choice: Choice) -> int:
    return 0 if choice is None else choice


def _majority(column: Sequence[Choice]) -> int:
    # The lower median: the best option a strict majority of the members reached.
    ordered = sorted(map(_as_int, column))
    return ordered[(len(ordered) + 1) // 2 - 1]


def agreed_answers(assessment: Assessment) -> dict[str, int]:
    """The council's agreed answer on every criterion (kết quả thống nhất).

    The stated `Assessment.agreed` answers where given; otherwise the best option a
    strict majority of the members reached (the lower median of their choices; see
    [`MarksBasis`][ocop.rating.council.MarksBasis]). Assumes valid choices
    ([`check_assessment`][ocop.rating.scoring.check_assessment]).

    Raises:
        OcopValueError: No answers are stated and no member scored.
    """
    if assessment.agreed is None and not assessment.members:
        raise OcopValueError("no agreed answers without members' score sheets")
    table = ScoringTable.for_sheet(assessment.sheet)
    return _agreed(table, assessment, range(len(table.codes)))


def _agreed(table: ScoringTable, assessment: Assessment, indices: Sequence[int]) -> dict[str, int]:
    if assessment.agreed is not None:
        return {table.codes[i]: _as_int(assessment.agreed[table.codes[i]]) for i in indices}
    vectors = [table.vector(m.choices) for m in assessment.members]
    return {table.codes[i]: _majority([v[i] for v in vectors]) for i in indices}


def stars_for(band: int, unmet: Sequence[UnmetMark]) -> int:
    """The stars of a product in ``band`` with the ``unmet`` marks.

    The highest level up to ``band`` such that no unmet mark is for that level or below;
    1★ and 2★ carry no marks, so a product in the 3★ band that misses a 3★ mark is 2★.
    """
    lowest = min((u.stars for u in unmet), default=None)
    if lowest is None or band < lowest:
        return band
    return lowest - 1


def _unmet_for(
    marks: Sequence[MarkRule], band: int, choices: Mapping[str, int], member: str | None
) -> list[UnmetMark]:
    return [
        UnmetMark(code=m.code, stars=m.stars, required=m.option, chosen=c, member=member)
        for m in marks
        if m.stars <= band and (c := choices[m.code]) < m.option
    ]


def classify(assessment: Assessment, rules: CouncilRules = _DEFAULT_RULES) -> Rating:
    """Score and classify a valid assessment (see [`rate`][ocop.rating.classify.rate] for one that
    checks first).

    The council's rules choose which answers the marks are judged on.

    Raises:
        OcopValueError: A member's choices are not complete and in range, or there are no
            members ([`check_assessment`][ocop.rating.scoring.check_assessment] says why).
    """
    table = ScoringTable.for_sheet(assessment.sheet)
    totals = [table.try_total(m.choices) for m in assessment.members]
    if None in totals or not totals or not _agreed_ok(table, assessment):
        problems = check_assessment(assessment)
        raise OcopValueError(
            "the assessment is not valid; check it first:\n"
            + "\n".join(map(Problem.render, problems))
        )
    return _classify(assessment, rules, table, cast("list[int]", totals))


def _agreed_ok(table: ScoringTable, assessment: Assessment) -> bool:
    return assessment.agreed is None or table.try_total(assessment.agreed) is not None


def applicable_marks(marks: Iterable[MarkRule], conditions: Mapping[str, bool]) -> list[MarkRule]:
    """The marks that bind a product whose assessment states ``conditions``.

    A mark whose criterion's text makes it conditional binds only when the condition holds,
    as stated or, when not stated, by its default (`ocop.rating.criteria.CONDITIONS`:
    26/2026/QĐ-TTg sheet 21 criterion 7, the story criteria).
    """
    return [m for m in marks if m.condition is None or conditions.get(m.condition, m.default)]


def _classify(
    assessment: Assessment, rules: CouncilRules, table: ScoringTable, totals: Sequence[int]
) -> Rating:
    members = tuple(
        MemberTotal(member=m.member, total=t)
        for m, t in zip(assessment.members, totals, strict=True)
    )
    mean = Fraction(sum(totals), len(totals))
    band = band_stars(mean)
    marks = [m for m in applicable_marks(table.marks, assessment.conditions) if m.stars <= band]
    unmet: list[UnmetMark] = []
    agreed: dict[str, int] = {}
    if marks:
        if rules.marks_on is MarksBasis.AGREED:
            agreed = _agreed(table, assessment, sorted({m.index for m in marks}))
            unmet = _unmet_for(marks, band, agreed, None)
        else:
            for sheet in assessment.members:
                answers = {m.code: _as_int(sheet.choices[m.code]) for m in marks}
                unmet.extend(_unmet_for(marks, band, answers, sheet.member))
    unmet.sort(key=lambda u: (table.index(u.code), u.stars))
    return Rating(
        product=assessment.product,
        criteria_set=assessment.sheet.criteria_set,
        sheet=assessment.sheet.number,
        members=members,
        mean=mean,
        band_stars=band,
        stars=stars_for(band, unmet),
        unmet=tuple(unmet),
        marks_on=rules.marks_on,
        agreed=MappingProxyType(agreed),
    )


def _check_spread(rating: Rating, rules: CouncilRules) -> list[Problem]:
    if rules.max_spread is None or rating.spread <= rules.max_spread:
        return []
    high = max(rating.members, key=lambda m: m.total)
    low = min(rating.members, key=lambda m: m.total)
    return [
        Problem(
            code="rating.spread",
            message=(
                f"members' totals differ by {rating.spread} points ({high.member} "
                f"{high.total}, {low.member} {low.total}); the council's rules allow at "
                f"most {rules.max_spread}: discuss and score again"
            ),
            where=Location(path="$.members"),
        )
    ]


def _check_council(assessment: Assessment, rules: CouncilRules) -> list[Problem]:
    problems: list[Problem] = []
    chairs = [i for i, m in enumerate(assessment.members) if m.chair]
    if assessment.council_size is not None:
        problems.extend(
            check_quorum(
                rules,
                present=len(assessment.members),
                council_size=assessment.council_size,
                chair_present=bool(chairs),
                where=Location(path="$.members"),
            )
        )
    for i in chairs[1:]:
        problems.append(
            Problem(
                code="rating.two_chairs",
                message="more than one member is marked as the chair",
                where=Location(path=f"$.members[{i}].chair"),
            )
        )
    return problems


def _check_title_marks(rating: Rating, assessment: Assessment) -> list[Problem]:
    """Warn where a sheet prints a mark on a criterion's title instead of on an option.

    The 148/QĐ-TTg transcription does this for "Sở hữu trí tuệ" (``Criterion.title_stars``):
    which option the mark requires cannot be read from it, so the mark is not judged. When the
    product is classed at or above the mark's level, the council must check it by hand.
    """
    sheet = assessment.sheet
    return [
        Problem(
            code="rating.title_mark",
            message=(
                f"criterion {c.code} ({c.title}) carries a {c.title_stars}★ mark on its title "
                f"in {sheet.criteria_set} sheet {sheet.number}, not on an option, so it was "
                f"not judged: check it by hand before recognising {rating.stars}★"
            ),
            where=Location(path=f'$.members[*].choices["{c.code}"]'),
            severity=Severity.WARNING,
        )
        for c in sheet.criteria
        if c.title_stars is not None and rating.stars >= c.title_stars
    ]


def _check_conditions_used(rating: Rating, assessment: Assessment) -> list[Problem]:
    """Warn where a condition the assessment does not state decided a mark: its default was
    assumed (``rating.condition``)."""
    from ocop.rating.criteria import CONDITIONS

    by_key = {c.key: c for c in CONDITIONS}
    sheet = assessment.sheet
    out: list[Problem] = []
    seen: set[str] = set()
    for u in rating.unmet:
        c = sheet.criterion(u.code)
        cond = c.condition
        if cond is None or cond.key in assessment.conditions or cond.key in seen:
            continue
        seen.add(cond.key)
        out.append(
            Problem(
                code="rating.condition",
                message=tr(
                    "criterion {code} ({title}) binds its {stars}★ mark only if the answer to "
                    "'{question}' is yes; the assessment does not say, so {default} is assumed "
                    "and the mark holds the product at {held}★: state conditions.{key} "
                    "({source})",
                    code=u.code,
                    title=c.title,
                    stars=u.stars,
                    question=by_key[cond.key].question,
                    default="yes" if cond.default else "no",
                    held=rating.stars,
                    key=cond.key,
                    source=cond.source.split(":")[0],
                ),
                where=Location(path=f"$.conditions[{_quote(cond.key)}]"),
                severity=Severity.WARNING,
            )
        )
    return out


def _check_attainable(assessment: Assessment) -> list[Problem]:
    """Warn when the sheet cannot reach its stated total (the 148/QĐ-TTg transcription's
    sheets 7, 11, 12 and 13 reach 99, 97, 97 and 98 of 100)."""
    sheet = assessment.sheet
    best = sheet.attainable
    if best == sheet.max:
        return []
    return [
        Problem(
            code="rating.sheet_max",
            message=tr(
                "{criteria} sheet {number} reaches at most {best} points, not the {total} its "
                "parts state (the transcription of the sheet loses {lost}): scores on it are "
                "out of {best}; check the printed decision before relying on a band",
                criteria=sheet.criteria_set,
                number=sheet.number,
                best=best,
                total=sheet.max,
                lost=sheet.max - best,
            ),
            where=Location(path="$.sheet"),
            severity=Severity.WARNING,
        )
    ]


def rate(assessment: Assessment, rules: CouncilRules = _DEFAULT_RULES) -> Result[Rating | None]:
    """Check an assessment against its sheet and the council's rules, then classify it.

    Returns a [`Result`][ocop.problems.Result] whose value is the
    [`Rating`][ocop.rating.classify.Rating] (``None`` when the choices are unusable) and whose
    problems are every one found: unknown criteria, options out of range, criteria missing,
    duplicate members, members' totals further apart than the rules allow, a missing quorum or
    chair. A rating that comes with errors (e.g. a spread over the limit) is shown for the council's
    discussion, not to be recognised.
    """
    table = ScoringTable.for_sheet(assessment.sheet)
    totals = [table.try_total(m.choices) for m in assessment.members]
    names = {m.member for m in assessment.members}
    if (
        None in totals
        or not totals
        or len(names) != len(totals)
        or not _agreed_ok(table, assessment)
    ):
        problems = check_assessment(assessment)
        if problems:
            return Result(None, (*problems, *_check_council(assessment, rules)))
    else:
        problems = _check_conditions(assessment)
        if problems:
            return Result(None, (*problems, *_check_council(assessment, rules)))
    rating = _classify(assessment, rules, table, cast("list[int]", totals))
    problems = (
        _check_spread(rating, rules)
        + _check_council(assessment, rules)
        + _check_title_marks(rating, assessment)
        + _check_conditions_used(rating, assessment)
        + _check_attainable(assessment)
    )
    return Result(rating, tuple(problems))
