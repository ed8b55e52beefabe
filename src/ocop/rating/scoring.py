"""Council members' score sheets, their totals and the council's exact mean.

Each member of the council (thành viên Hội đồng) fills in a score sheet (phiếu chấm): for every
criterion of the product's sheet, the option they judge the product reaches, or none. A
member's total is the sum of the points of the chosen options; the council's score is the mean
of the members' totals (tổng điểm trung bình, 26/2026/QĐ-TTg art. 3.3), computed exactly as a
`Fraction` so that 349/7 (49.857…) is never rounded into the 3★ band.

Options are named by their number on the sheet (1 = the first printed). ``0`` or ``None``
means that the product meets none of the printed options and earns 0 points there (e.g. a
producer without an environmental dossier at 1.6 of sheet 1, whose least option is worth 1).
"""

from __future__ import annotations

import operator
from collections.abc import Iterable, Mapping
from fractions import Fraction
from types import MappingProxyType

import attrs

from ocop.errors import OcopTypeError, OcopValueError
from ocop.problems import Location, Problem
from ocop.rating.criteria import Sheet

__all__ = [
    "NONE_MET",
    "Assessment",
    "MarkRule",
    "ScoreSheet",
    "ScoringTable",
    "check_assessment",
    "exact_mean",
]

#: The choice that means "none of the options is met" (0 points); ``None`` means the same.
NONE_MET = 0

Choice = int | None


def _freeze(choices: Mapping[str, Choice]) -> Mapping[str, Choice]:
    if not isinstance(choices, Mapping):
        raise OcopTypeError(
            f"'choices' must be a mapping of criterion code to option number "
            f"(got {type(choices).__name__})"
        )
    return MappingProxyType(dict(choices))


@attrs.frozen(kw_only=True)
class ScoreSheet:
    """One council member's score sheet (phiếu chấm của thành viên Hội đồng).

    Attributes:
        member: The member's name (họ và tên thành viên).
        choices: Criterion code → the number of the option chosen (phương án được chọn),
            counted from 1 in printed order; ``0`` or ``None`` when the product meets none of
            the options (0 points). Copied into a read-only mapping.
        chair: ``True`` for the chair of the council (Chủ tịch Hội đồng).
    """

    member: str
    choices: Mapping[str, Choice] = attrs.field(converter=_freeze)
    chair: bool = False


def _members(value: Iterable[ScoreSheet]) -> tuple[ScoreSheet, ...]:
    members = tuple(value)
    for m in members:
        if not isinstance(m, ScoreSheet):
            raise OcopTypeError(f"'members' must hold ScoreSheets (got {type(m).__name__})")
    return members


def _frozen_conditions(value: Mapping[str, bool]) -> Mapping[str, bool]:
    if not isinstance(value, Mapping):
        raise OcopTypeError(f"'conditions' must be a mapping (got {type(value).__name__})")
    return MappingProxyType(dict(value))


@attrs.frozen(kw_only=True)
class Assessment:
    """A council's assessment of one product (kết quả đánh giá của Hội đồng).

    Attributes:
        sheet: The scoring sheet (phiếu đánh giá) of the product's set.
        members: The members' score sheets, in the order given (the order never changes a
            result).
        product: The product's name or code (tên / mã số sản phẩm), for reports.
        agreed: The council's agreed answers (kết quả thống nhất), criterion code → option
            number, when the council recorded them; only used when the minimum-for-stars
            marks are judged on agreed answers ([`MarksBasis`][ocop.rating.council.MarksBasis]).
            ``None``: derived from the members' sheets.
        council_size: How many members the council has (số thành viên Hội đồng), when known;
            needed to check the quorum.
        conditions: The conditions the sheet's text puts on some marks, stated for this
            product: `Condition.key` → whether it holds (e.g.
            ``{"quality_declaration_required": False}`` for a handicraft that need not declare
            its quality). A condition not stated is taken at its default.
    """

    sheet: Sheet
    members: tuple[ScoreSheet, ...] = attrs.field(converter=_members)
    product: str = ""
    agreed: Mapping[str, Choice] | None = attrs.field(
        default=None, converter=attrs.converters.optional(_freeze)
    )
    council_size: int | None = attrs.field(default=None, validator=lambda _i, _a, v: _size(v))
    conditions: Mapping[str, bool] = attrs.field(factory=dict, converter=_frozen_conditions)


def _size(value: object) -> None:
    if value is None:
        return
    if isinstance(value, bool) or not isinstance(value, int):
        raise OcopTypeError(f"'council_size' must be an int or None (got {value!r})")
    if value < 1:
        raise OcopValueError(f"'council_size' must be at least 1 (got {value})")


@attrs.frozen(kw_only=True)
class MarkRule:
    """A minimum-for-stars mark of a sheet (dấu sao, yêu cầu tối thiểu theo cấp độ sao),
    ready for checking.

    Attributes:
        index: The criterion's place in `ScoringTable.codes`.
        code: The criterion's code (mã tiêu chí).
        stars: The star level the mark is for (3, 4 or 5); it also binds every higher level.
        option: The least option number (phương án) that meets the mark.
        condition: The key of the criterion's [`Condition`][ocop.rating.Condition],
            when its text makes the mark conditional; ``None`` otherwise.
        default: What the condition is taken to be when the assessment does not state it.
    """

    index: int
    code: str
    stars: int
    option: int
    condition: str | None = None
    default: bool = True


def _compile_points(options: Iterable[tuple[int, int]]) -> Mapping[Choice, int]:
    table: dict[Choice, int] = {None: 0, NONE_MET: 0}
    for number, points in options:
        table[number] = points
    return MappingProxyType(table)


@attrs.frozen(kw_only=True)
class ScoringTable:
    """A scoring sheet (phiếu đánh giá) compiled for fast scoring: the lookups every member's
    score sheet needs, made once.

    Build with [`for_sheet`][ocop.rating.scoring.ScoringTable.for_sheet] (cached per sheet object).

    Attributes:
        sheet: The sheet compiled.
        codes: The criterion codes (mã tiêu chí) in sheet order.
        points: For each criterion (same order), choice → points (điểm), including ``0`` and
            ``None`` (0 points); a choice missing from it is out of range.
        marks: Every minimum-for-stars mark (dấu sao) of the sheet, in sheet order.
    """

    sheet: Sheet
    codes: tuple[str, ...]
    points: tuple[Mapping[Choice, int], ...]
    marks: tuple[MarkRule, ...]
    _code_set: frozenset[str] = attrs.field(repr=False, eq=False)
    _index: Mapping[str, int] = attrs.field(repr=False, eq=False)

    @classmethod
    def for_sheet(cls, sheet: Sheet) -> ScoringTable:
        """The table of ``sheet``, built on first use and kept for the sheet's lifetime."""
        found = _TABLES.get(id(sheet))
        if found is not None and found.sheet is sheet:
            return found
        table = cls._build(sheet)
        if len(_TABLES) >= _TABLE_CACHE_SIZE:
            _TABLES.pop(next(iter(_TABLES)))
        _TABLES[id(sheet)] = table
        return table

    @classmethod
    def _build(cls, sheet: Sheet) -> ScoringTable:
        if not isinstance(sheet, Sheet):
            raise OcopTypeError(f"'sheet' must be a Sheet (got {type(sheet).__name__})")
        criteria = sheet.criteria
        codes = tuple(c.code for c in criteria)
        if len(set(codes)) != len(codes):
            raise OcopValueError(f"sheet {sheet.number} of {sheet.criteria_set}: duplicate codes")
        marks = tuple(
            MarkRule(
                index=i,
                code=c.code,
                stars=o.stars,
                option=o.number,
                condition=None if (cond := c.condition) is None else cond.key,
                default=True if cond is None else cond.default,
            )
            for i, c in enumerate(criteria)
            for o in c.options
            if o.stars is not None
        )
        return cls(
            sheet=sheet,
            codes=codes,
            points=tuple(
                _compile_points((o.number, o.points) for o in c.options) for c in criteria
            ),
            marks=marks,
            code_set=frozenset(codes),
            index=MappingProxyType({code: i for i, code in enumerate(codes)}),
        )

    def index(self, code: str) -> int:
        """The place of criterion ``code`` in `codes` (``KeyError`` when unknown)."""
        return self._index[code]

    def is_complete(self, choices: Mapping[str, Choice]) -> bool:
        """``True`` when ``choices`` names every criterion, nothing else, each in range."""
        return self.try_total(choices) is not None

    def vector(self, choices: Mapping[str, Choice]) -> tuple[Choice, ...]:
        """The choices in sheet order (``KeyError`` when one is missing)."""
        return tuple(map(choices.__getitem__, self.codes))

    def try_total(self, choices: Mapping[str, Choice]) -> int | None:
        """The points of ``choices``, or ``None`` when they are not complete and in range
        ([`check_choices`][ocop.rating.scoring.ScoringTable.check_choices] then says why)."""
        # The hot path of scoring: every step runs in C over the whole sheet.
        if choices.keys() != self._code_set or not set(map(type, choices.values())) <= _PLAIN:
            return None
        try:
            return sum(map(operator.getitem, self.points, map(choices.__getitem__, self.codes)))
        except (KeyError, TypeError):
            return None

    def check_choices(
        self, choices: Mapping[str, Choice], *, path: str = "$.choices"
    ) -> list[Problem]:
        """Every problem with one member's choices: unknown codes, options out of range,
        criteria missing (codes ``rating.unknown_criterion``, ``rating.option_range``,
        ``rating.missing_criteria``), located under ``path``."""
        if self.is_complete(choices):
            return []
        problems: list[Problem] = []
        for code, choice in choices.items():
            where = Location(path=f"{path}[{_quote(code)}]")
            i = self._index.get(code)
            if i is None:
                problems.append(
                    Problem(
                        code="rating.unknown_criterion",
                        message=(
                            f"sheet {self.sheet.number} of {self.sheet.criteria_set} has no "
                            f"criterion {code!r}"
                        ),
                        where=where,
                    )
                )
                continue
            if type(choice) not in _PLAIN:
                problems.append(
                    Problem(
                        code="rating.option_type",
                        message=(
                            f"criterion {code}: the choice must be an option number or "
                            f"null (got {choice!r})"
                        ),
                        where=where,
                    )
                )
                continue
            if choice not in self.points[i]:
                n = len(self.points[i]) - 2
                problems.append(
                    Problem(
                        code="rating.option_range",
                        message=(
                            f"criterion {code} has options 1–{n} (0 or null: none met); "
                            f"got {choice}"
                        ),
                        where=where,
                    )
                )
        missing = [c for c in self.codes if c not in choices]
        if missing:
            problems.append(
                Problem(
                    code="rating.missing_criteria",
                    message=f"no choice for {_count(len(missing), 'criterion', 'criteria')}: "
                    + ", ".join(missing),
                    where=Location(path=path),
                )
            )
        return problems


# Exactly int or None: a bool or a float equal to an option number is a mistake, not a choice.
_PLAIN = frozenset({int, type(None)})
_TABLE_CACHE_SIZE = 64
_TABLES: dict[int, ScoringTable] = {}


def _quote(code: str) -> str:
    return '"' + code.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _count(n: int, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def exact_mean(totals: Iterable[int]) -> Fraction:
    """The exact mean of members' totals (tổng điểm trung bình).

    Raises:
        OcopValueError: ``totals`` is empty.
    """
    values = list(totals)
    if not values:
        raise OcopValueError("the mean of no totals is undefined: the council has no members")
    return Fraction(sum(values), len(values))


def check_assessment(assessment: Assessment, *, member_path: str = "$.members") -> list[Problem]:
    """Every problem with an assessment's members and choices (not the council's rules).

    Checks: at least one member; each member's choices (see
    [`ScoringTable.check_choices`][ocop.rating.scoring.ScoringTable.check_choices]); the agreed
    answers when given; member names unique. Problems are located at
    ``$.members[i].choices["code"]`` and ``$.agreed["code"]``.
    """
    table = ScoringTable.for_sheet(assessment.sheet)
    problems: list[Problem] = []
    if not assessment.members:
        problems.append(
            Problem(
                code="rating.no_members",
                message="the assessment has no member score sheets",
                where=Location(path=member_path),
            )
        )
    seen: dict[str, int] = {}
    for i, member in enumerate(assessment.members):
        problems.extend(table.check_choices(member.choices, path=f"{member_path}[{i}].choices"))
        first = seen.setdefault(member.member, i)
        if first != i:
            problems.append(
                Problem(
                    code="rating.duplicate_member",
                    message=(
                        f"member {member.member!r} scored twice (also {member_path}[{first}])"
                    ),
                    where=Location(path=f"{member_path}[{i}].name"),
                )
            )
    if assessment.agreed is not None:
        problems.extend(table.check_choices(assessment.agreed, path="$.agreed"))
    problems.extend(_check_conditions(assessment))
    return problems


def _check_conditions(assessment: Assessment) -> list[Problem]:
    from ocop.rating.criteria import CONDITIONS

    known = {c.key for c in CONDITIONS}
    problems = []
    for key, value in assessment.conditions.items():
        where = Location(path=f"$.conditions[{_quote(key)}]")
        if key not in known:
            problems.append(
                Problem(
                    code="rating.condition",
                    message=(
                        f"no sheet has a condition {key!r} (known: {', '.join(sorted(known))})"
                    ),
                    where=where,
                )
            )
        elif not isinstance(value, bool):
            problems.append(
                Problem(
                    code="rating.condition",
                    message=f"condition {key!r} is true or false (got {value!r})",
                    where=where,
                )
            )
    return problems
